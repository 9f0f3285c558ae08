// Resolution against the publication date: direction from tense and cues, years for month-days,
// weeks for "last week", narrative mode without a DCT, and impossible dates refused.

#include <catch2/catch.hpp>

#include "chronicle/temporal/tagger.hpp"
#include "../../lib/src/temporal/grammar.hpp"

using namespace chronicle;
using namespace chronicle::temporal;
using namespace date::literals;

namespace {

/// The values the default tagger gives `text` with DCT `dct`, joined by "|".
std::string values(const std::string& text, std::optional<date::year_month_day> dct = 2015_y / 12 / 15) {
  TagOptions options;
  options.dct = dct;
  std::string out;
  for (const Timex& t : default_tagger().tag(text, TextSpan{0, text.size()}, options)) {
    if (!out.empty()) out += '|';
    out += std::string(t.span.of(text)) + "=" + t.value.value;
  }
  return out;
}

Direction direction_of(const std::string& sentence, const std::string& expression) {
  const std::size_t at = sentence.find(expression);
  return cue_tense_oracle().direction(sentence, TextSpan{0, sentence.size()}, TextSpan{at, at + expression.size()});
}

}  // namespace

TEST_CASE("the tense oracle reads a reused buffer's new sentence afresh", "[temporal][tense]") {
  // Whatever the oracle keeps from one question to the next (words, buffers, verdicts), a
  // different text at the same address and offsets must not be answered from it.
  std::string buffer = "The bombs exploded on Friday.";
  const std::size_t at = buffer.find("Friday");
  const TextSpan sentence{0, buffer.size()}, friday{at, at + 6};
  const char* const address = buffer.data();
  CHECK(cue_tense_oracle().direction(buffer, sentence, friday) == Direction::past);
  CHECK(cue_tense_oracle().direction(buffer, sentence, friday) == Direction::past);
  buffer.replace(0, at, "The vote will be held ");   // same length: same address and spans
  REQUIRE(buffer.data() == address);
  REQUIRE(buffer.find("Friday") == at);
  CHECK(cue_tense_oracle().direction(buffer, sentence, friday) == Direction::future);
}

TEST_CASE("each cue oracle answers from its own tables, whatever another asked before", "[temporal][tense]") {
  // Each thread remembers the words the cue search meets with their cue entries: the entries of
  // the oracle that asked, so another oracle (or a new one at a freed one's address) starts afresh.
  const std::string text = "They vote Friday.";
  const std::size_t at = text.find("Friday");
  const auto ask = [&](const TenseOracle& oracle) {
    return oracle.direction(text, TextSpan{0, text.size()}, TextSpan{at, at + 6});
  };
  const auto oracle = [](Direction vote) {
    temporal::detail::CueTables tables;
    tables.words["vote"] = vote;
    return temporal::detail::make_cue_oracle(std::move(tables));
  };
  const auto ahead = oracle(Direction::future), behind = oracle(Direction::past);
  for (int round = 0; round < 2; ++round) {
    CHECK(ask(*ahead) == Direction::future);
    CHECK(ask(*behind) == Direction::past);
  }
  for (const Direction vote : {Direction::future, Direction::past, Direction::future}) {
    const auto fresh = oracle(vote);
    CHECK(ask(*fresh) == vote);
  }
  CHECK(ask(*temporal::detail::make_cue_oracle({})) == Direction::unknown);
}

TEST_CASE("the tense oracle reads direction from auxiliaries, cues and verb forms", "[temporal][tense]") {
  auto [sentence, expression, expected] = GENERATE(table<std::string, std::string, Direction>({
      {"The meeting will take place on Friday.", "Friday", Direction::future},
      {"The meeting would be held on Friday.", "Friday", Direction::future},
      {"A follow-up conference is set to take place on Friday in NY.", "Friday", Direction::future},
      {"Kerry and de Mistura want to hold the next round of talks on Friday in NY.", "Friday", Direction::future},
      {"Assad cast doubt on the talks on Friday, saying he would not negotiate.", "Friday", Direction::unknown},
      {"Assad appeared to cast doubt on the talks on Friday, saying he would not negotiate.", "Friday", Direction::past},
      {"The bombs exploded on Friday.", "Friday", Direction::past},
      {"Kerry met Lavrov two days ago.", "two days ago", Direction::past},
      // a verb group speaks through its main verb
      {"Protesters planned a march on Saturday and were planning to drive around.", "Saturday", Direction::future},
      {"It had been due to expire Friday evening.", "Friday", Direction::past},
      {"The offer was due to expire Friday.", "Friday", Direction::future},
      // an expression opening the sentence belongs to the clause after its comma
      {"In January, the company brought in a new chief executive.", "January", Direction::past},
      {"On Tuesday, the league will start a campaign.", "Tuesday", Direction::future},
      // the present tense of a scheduled event
      {"He and Arafat meet separately Monday with Albright.", "Monday", Direction::future},
      {"The council convenes Monday.", "Monday", Direction::future},
      // "until" ends a state: the verb before it says which side; ahead by default
      {"The trial was adjourned till Tuesday.", "Tuesday", Direction::future},
      {"The summit was put off until Thursday.", "Thursday", Direction::future},
      {"The strike lasted until Thursday.", "Thursday", Direction::past},
      {"They stayed in the city until March.", "March", Direction::past},
      {"Disruptions were to continue until Thursday.", "Thursday", Direction::future},
      {"A government might not be finalised until April.", "April", Direction::future},
      {"The council gave the government until Friday to resign.", "Friday", Direction::future},
      {"The offer runs until Friday.", "Friday", Direction::future},
      {"Until Thursday, they had not called Kopp a suspect.", "Thursday", Direction::past},
      // cue words are read in lower case, whatever case the text writes them in
      {"THE TALKS WILL RESUME ON FRIDAY.", "FRIDAY", Direction::future},
      {"The Talks Were Planning To Resume Friday.", "Friday", Direction::future},
      {"The Company'LL Announce Its Results On Friday.", "Friday", Direction::future},
      {"They had until midnight on Thursday to reach an agreement.", "Thursday", Direction::future},
      // a plan kept ("as planned") points nowhere; the tense of "began" decides
      {"The offensive began as previously planned Saturday night.", "Saturday", Direction::past},
      {"The offensive was planned for Saturday night.", "Saturday", Direction::future},
      // a forward verb in the infinitive is ahead of the verb it hangs on
      {"The group is to meet on Friday.", "Friday", Direction::future},
      {"Diplomats were to meet Wednesday in New York.", "Wednesday", Direction::future},
      {"Problems made it difficult for Sun to meet demand well into the summer.", "summer", Direction::past},
      {"The rebels met to plan the attack on Friday.", "Friday", Direction::past},
      // a clause of time takes the tense of the clause it hangs on, shifted back
      {"Institutions were likely to buy its stock as soon as trading opened Monday.", "Monday", Direction::future},
      {"The stock fell after reporting lower-than-expected earnings after the market closed Wednesday.", "Wednesday",
       Direction::past},
      {"He was arrested when police raided the house on Friday.", "Friday", Direction::past},
      // "by"/"through" before the expression: a deadline or the end of a term, on the side of its verb
      {"The sale, which had been expected, is part of a program to pay down $5 billion of a bridge loan by February.",
       "February", Direction::future},
      {"Lenders have extended Control Data up to $90 million in revolving loans through January.", "January",
       Direction::future},
      {"The storm is threatening to reach Manila by Friday.", "Friday", Direction::future},
      {"The price had risen to $5 by March.", "March", Direction::past},
      {"The company completed the sale by February.", "February", Direction::past},
      // the temporal splitter goes on after titles, initials, "vs." and states before a name
      {"The panel is due to report to President George W. Bush on Friday.", "Friday", Direction::future},
      {"Fans will watch Russia vs. Turkey on Friday.", "Friday", Direction::future},
      {"Chrysler will idle its plant in Flint, Mich. Friday.", "Friday", Direction::future},
      // an expression between words: the comma before it closes its clause, unless it opens the sentence
      {"For the company, 2015 will be a hard year.", "2015", Direction::unknown},
      {"In 2015, the company will grow.", "2015", Direction::future},
      {"Since 2015 the company has grown.", "2015", Direction::past},
      // words are whole: one begun before the expression, "don't" and "Kerry's" single words
      {"They met on Fridays.", "days", Direction::past},
      {"Kerry's aides don't expect talks Friday.", "Friday", Direction::unknown},
      {"Kerry'll meet Lavrov Friday.", "Friday", Direction::future},
  }));
  CAPTURE(sentence);
  CHECK(direction_of(sentence, expression) == expected);
}

TEST_CASE("the tense oracle reads only the words of the expression's sentence", "[temporal][tense]") {
  // The words around an expression are split from the text as the search reaches them: they must
  // stop where the sentence does, on either side.
  auto [text, sentence, expected] = GENERATE(table<std::string, std::string, Direction>({
      {"Prices will rise. The talks ended on Friday.", "The talks ended on Friday.", Direction::past},
      {"Talks ended. Friday will see more.", "Friday will see more.", Direction::future},
      {"Prices rose. Talks on Friday. They will follow.", "Talks on Friday.", Direction::unknown},
      {"Prices rose.Talks on Friday", "Talks on Friday", Direction::unknown},
  }));
  CAPTURE(text);
  const std::size_t begin = text.find(sentence), at = text.find("Friday");
  CHECK(cue_tense_oracle().direction(text, TextSpan{begin, begin + sentence.size()}, TextSpan{at, at + 6}) == expected);
}

TEST_CASE("bare weekdays and month-days resolve in the sentence's direction", "[temporal][resolution]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"The meeting will take place on Friday.", "Friday=2015-12-18"},
      {"Assad cast doubt on the talks on Friday.", "Friday=2015-12-11"},
      {"On Tuesday Kerry went into meetings.", "Tuesday=2015-12-15"},
      {"Monday's comments angered Moscow.", "Monday=2015-12-14"},
      {"The council meets on December 18.", "December 18=2015-12-18"},
      {"They agreed on a planned January 1 ceasefire.", "January 1=2016-01-01"},
      {"The truce began on March 1.", "March 1=2015-03-01"},
      {"Talks broke down in March.", "March=2015-03"},
      {"Talks will resume in March.", "March=2016-03"},
      {"The properties, worth $130 million in October, are worth half that.", "October=2015-10"},
      {"The loans run through February, as well as the credit lines.", "February=2016-02"},
      {"The ISSG met last week.", "last week=2015-W50"},
      {"Kerry has been in Moscow since September 2014.", "September 2014=2014-09"},
      {"Earlier this month the talks stalled.", "Earlier this month=2015-12"},
      {"It happened late last year.", "late last year=2014"},
      {"The talks began two days ago.", "two days ago=2015-12-13"},
      {"The talks resume in three weeks.", "three weeks=2016-W01"},
      {"Kerry arrived yesterday and leaves tomorrow.", "yesterday=2015-12-14|tomorrow=2015-12-16"},
  }));
  CAPTURE(text);
  CHECK(values(text) == expected);
}

TEST_CASE("on a Sunday the week just finished is the publication date's own ISO week", "[temporal][resolution]") {
  // Sunday, March 22, 1998 ends ISO week 1998-W12 (March 16-22).
  const auto sunday = 1998_y / 3 / 22;
  CHECK(values("Adams met President Clinton last week.", sunday) == "last week=1998-W12");
  CHECK(values("Netanyahu's comments early last week angered Damascus.", sunday) == "early last week=1998-W12");
  CHECK(values("The panel will meet this week.", sunday) == "this week=1998-W13");
  CHECK(values("The strike ended earlier this week.", sunday) == "earlier this week=1998-W12");
  CHECK(values("The panel will meet next week.", sunday) == "next week=1998-W13");
  // any other day: the ISO week before, this one, the next
  const auto saturday = 1998_y / 3 / 21;
  CHECK(values("Adams met President Clinton last week.", saturday) == "last week=1998-W11");
  CHECK(values("The panel will meet this week.", saturday) == "this week=1998-W12");
}

TEST_CASE("a season ahead is the next one, a season past the last", "[temporal][resolution]") {
  // February 6, 1998 lies in the winter of 1997 (December 1997 - February 1998).
  const auto feb = 1998_y / 2 / 6;
  CHECK(values("Manufacturing is going to start getting beat up in the spring.", feb) == "the spring=1998-SP");
  CHECK(values("Sales collapsed in the spring.", feb) == "the spring=1997-SP");
  CHECK(values("Sales will recover in the summer.", 1989_y / 10 / 26) == "the summer=1990-SU");
  CHECK(values("Sales collapsed in the summer.", 1989_y / 10 / 26) == "the summer=1989-SU");
}

TEST_CASE("a word before a month-day fixes its side whatever the tense", "[temporal][resolution]") {
  CHECK(values("He will never forget last Dec. 20.") == "last Dec. 20=2014-12-20");
  CHECK(values("He was told the talks resume next March 1.") == "next March 1=2016-03-01");
  CHECK(values("A hearing was set for the week of January 4.") == "the week of January 4=2016-W01");
}

TEST_CASE("\"in two weeks\" is a date ahead, or in a past-tense sentence how long it took", "[temporal][resolution]") {
  CHECK(values("The council meets in three weeks.") == "three weeks=2016-W01");
  CHECK(values("His second letter in two weeks was published on Tuesday.") ==
        "two weeks=P2W|Tuesday=2015-12-15");
}

TEST_CASE("parts of days are TIME expressions, days are DATE", "[temporal][resolution]") {
  TagOptions options;
  options.dct = 2015_y / 12 / 15;
  const std::string text = "Kerry met Putin this morning and Lavrov on Monday. He will fly home on Wednesday night.";
  std::string out;
  for (const Timex& t : default_tagger().tag(text, TextSpan{0, text.size()}, options))
    out += std::string(to_string(t.value.type)) + " " + t.value.value + ";";
  CHECK(out == "TIME 2015-12-15TMO;DATE 2015-12-14;TIME 2015-12-16TNI;");
}

TEST_CASE("impossible dates never become values", "[temporal][resolution]") {
  CHECK(values("He said February 30 was the day.") == "");
  CHECK(values("It was filed on 2015-13-01 by mistake.") == "");
  CHECK(values("The court met on February 29, 2015.") == "");
  CHECK(values("The court met on February 29, 2016.") == "February 29, 2016=2016-02-29");
}

TEST_CASE("words that look like dates but are not stay untagged", "[temporal][grammar]") {
  auto text = GENERATE(as<std::string>{}, "He told USA TODAY about it.", "It may rain.", "Day One of the trial began.",
                       "The Cold War ended.", "They march on the capital.", "Czech Foreign Minister Jan Kavan spoke.",
                       "He owns 1500 acres.", "The 6-year-old boy smiled.", "It cost $2015.",
                       "They joined the annual March for Life.", "She led the ``March of the Mothers.''",
                       "Ma Jun, an environmental consultant, wrote the book.", "Mullah Sher Jan was among the dead.");
  CAPTURE(text);
  CHECK(values(text) == "");
}

TEST_CASE("a short month after a word that opens sentences, or with its dot, day or year, is a month", "[temporal][grammar]") {
  CHECK(values("In Jun, sales rose.") == "Jun=2015-06");
  CHECK(values("Sales rose in Jun.") == "Jun.=2015-06");
  CHECK(values("Ma Jun wrote on Jun 5.") == "Jun 5=2015-06-05");
}

TEST_CASE("without a DCT, relative expressions anchor on the last explicit date", "[temporal][narrative]") {
  CHECK(values("The treaty was signed on June 3, 1998. Two days later the talks resumed.", std::nullopt) ==
        "June 3, 1998=1998-06-03|Two days later=1998-06-05");
  CHECK(values("The talks resumed on Friday.", std::nullopt) == "Friday=XXXX-WXX-5");
  CHECK(values("He was born on December 18.", std::nullopt) == "December 18=XXXX-12-18");
}

TEST_CASE("without a DCT, a weekday after the story moved on lies on or after the day it reached", "[temporal][narrative]") {
  CHECK(values("The treaty was signed on June 3, 1998. Two days later the talks resumed. On Monday, protests began.",
               std::nullopt) == "June 3, 1998=1998-06-03|Two days later=1998-06-05|Monday=1998-06-08");
  CHECK(values("The treaty was signed on June 3, 1998. Two days later the talks resumed. On Friday, protests began.",
               std::nullopt) == "June 3, 1998=1998-06-03|Two days later=1998-06-05|Friday=1998-06-05");
  // before the story moves on, and "the previous Friday", as before
  CHECK(values("The treaty was signed on June 3, 1998. Protests had begun on Monday.", std::nullopt) ==
        "June 3, 1998=1998-06-03|Monday=1998-06-01");
  CHECK(values("The treaty was signed on June 3, 1998. Two days later the talks resumed. They had broken down "
               "the previous Monday.", std::nullopt) ==
        "June 3, 1998=1998-06-03|Two days later=1998-06-05|the previous Monday=1998-06-01");
}

TEST_CASE("anaphoric periods anchor on the last date written with its year", "[temporal][resolution]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"He was promoted on May 22, 1995, and the following year he moved to Washington.",
       "May 22, 1995=1995-05-22|the following year=1996"},
      {"Talks collapsed in March 2011. Later that year the war began.", "March 2011=2011-03|Later that year=2011"},
      {"The plan failed. The following month the company was sold.", "The following month=2016-01"},
  }));
  CAPTURE(text);
  CHECK(values(text) == expected);
}

TEST_CASE("anaphoric days and months anchor on the last day or month the text named", "[temporal][resolution]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"In March, the company received an offer. The following month, it put itself up for sale.",
       "March=2015-03|The following month=2015-04"},
      {"Orders in November rose 3% from the previous month.", "November=2015-11|the previous month=2015-10"},
      {"The index closed lower Friday, down 4% from the previous Friday.", "Friday=2015-12-11|the previous Friday=2015-12-04"},
      {"The day before last Tuesday's hearing, he went home. He appeared in court the next morning.",
       "The day before last Tuesday=2015-12-07|the next morning=2015-12-08"},
  }));
  CAPTURE(text);
  CHECK(values(text) == expected);
}

TEST_CASE("a clock time without a day takes the day of its bracketed restatement", "[temporal][resolution]") {
  CHECK(values("The father will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.") ==
        "4 in the morning=2015-12-17T04:00|4 a.m. EDT Thursday=2015-12-17T04:00");
  // without the bracket the day stays the publication date's
  CHECK(values("The father will leave at 4 in the morning, and Castro will see him off Thursday.") ==
        "4 in the morning=2015-12-15T04:00|Thursday=2015-12-17");
}

TEST_CASE("a duration before or after an event is how far from it, not a date", "[temporal][resolution]") {
  CHECK(values("A jogger saw the car 10 days before the murder.") == "10 days=P10D");
  CHECK(values("Liabilities rose 18% from a year before to $118 billion.") == "a year before=2014");
  CHECK(values("He had left three days before.") == "three days before=2015-12-12");
}

TEST_CASE("earnings comparisons refer to the quarter the report named", "[temporal][resolution]") {
  const std::string text =
      "Net income rose 20% in the third quarter. Sales also climbed. Costs fell. Margins widened. "
      "A year ago, the company earned $2 million. In the year-ago period sales were lower.";
  CHECK(values(text) == "the third quarter=2015-Q3|A year ago=2014-Q3|the year-ago period=2014-Q3");
}

TEST_CASE("in a sentence about a longer period, a year earlier compares that period", "[temporal][resolution]") {
  const std::string text =
      "Net income rose 20% in the third quarter. For the nine months, net rose from a year earlier. "
      "A year ago, the company earned $2 million.";
  CHECK(values(text) == "the third quarter=2015-Q3|the nine months=P9M|a year earlier=2014|A year ago=2014-Q3");
}

TEST_CASE("the sentences after a paragraph break are those found from the start", "[temporal][resolution]") {
  // The tagger finds the sentence of an expression from the last paragraph break before it (a
  // run of whitespace holding two newlines), not from the start of the text.
  CHECK(values("Talks will resume.\n\nPrices fell on Friday. They will rise on Monday.\r\n\r\nThey rose on "
               "Thursday.\n \nIt will rain.\nThey met on Wednesday.") ==
        "Friday=2015-12-11|Monday=2015-12-21|Thursday=2015-12-10|Wednesday=2015-12-09");
  CHECK(values("The talks will\nresume on Friday.") == "Friday=2015-12-18");     // one newline: one sentence
  CHECK(values("The talks will\n\nresume on Friday.") == "Friday=2015-12-11");   // two: a break
  // sentences keep distinct numbers across breaks: "A year ago" is not in the sentence of "the
  // nine months", though it is the second of its paragraph as that one is of its own
  CHECK(values("Net income rose 20% in the third quarter. For the nine months, net rose.\n\nSales fell. A year "
               "ago, the company earned $2 million.") ==
        "the third quarter=2015-Q3|the nine months=P9M|A year ago=2014-Q3");
}

TEST_CASE("this year's quarter is the reported one, last year's is not", "[temporal][resolution]") {
  CHECK(values("In this year's third quarter, net rose from $10 million a year earlier.") ==
        "this year's third quarter=2015-Q3|a year earlier=2014-Q3");
  CHECK(values("Net was below last year's third quarter. A year earlier it was higher.") ==
        "last year's third quarter=2014-Q3|A year earlier=2014");
}

TEST_CASE("a quarter still running or to come is a forecast, not the quarter compared", "[temporal][resolution]") {
  const std::string text =
      "Net income rose 20% in the third quarter. It expects a loss in the fourth quarter and in the first "
      "quarter of 2016. A year ago, the company earned $2 million.";
  CHECK(values(text) ==
        "the third quarter=2015-Q3|the fourth quarter=2015-Q4|the first quarter of 2016=2016-Q1|A year ago=2014-Q3");
}

TEST_CASE("an earlier quarter named after the reported one is a contrast, not the report", "[temporal][resolution]") {
  // "after a flat second quarter" must not make the year-ago period 2014-Q2.
  CHECK(values("Net income rose 20% in the third quarter. After a flat second quarter, sales rose. "
               "Charges were taken in the year-earlier period.") ==
        "the third quarter=2015-Q3|second quarter=2015-Q2|the year-earlier period=2014-Q3");
  // A fiscal quarter is another company's calendar: it starts a report of its own.
  CHECK(values("Net rose in the third quarter. Intergroup posted net for the fiscal second quarter. "
               "The latest period includes gains.") ==
        "the third quarter=2015-Q3|the fiscal second quarter=2015-Q2|The latest period=2015-Q2");
}

TEST_CASE("N units later counts from an event: a duration, a date only in narrative mode", "[temporal][resolution]") {
  // With a publication date, "two days later" is not two days after it.
  CHECK(values("The treaty was signed on June 3, 1998. Two days later the talks resumed.") ==
        "June 3, 1998=1998-06-03|Two days later=P2D");
  CHECK(values("It ended two days later.", std::nullopt) == "two days later=XXXX-XX-XX");
}

TEST_CASE("comparisons between periods and the past of a count are no expressions of their own", "[temporal][grammar]") {
  CHECK(values("The quarter-to-quarter comparison was also enhanced.") == "");
  CHECK(values("He runs the day-to-day operations.") == "");
  CHECK(values("Marches provoked violence for the past three summers.") == "");
  CHECK(values("In the past Kerry visited Moscow.") == "the past=PAST_REF");
}

TEST_CASE("spelled-out years and clock times with a date resolve", "[temporal][resolution]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"In nineteen ninety-six the bomb went off.", "nineteen ninety-six=1996"},
      {"It was January nineteen ninety-seven.", "January nineteen ninety-seven=1997-01"},
      {"The offer expires at 5 p.m. EST Dec. 18.", "5 p.m. EST Dec. 18=2015-12-18T17:00"},
      {"Talks broke off at noon Thursday.", "noon Thursday=2015-12-10T12:00"},
      {"The deal will save $500 million a year.", ""},
  }));
  CAPTURE(text);
  CHECK(values(text) == expected);
}

TEST_CASE("years beyond the calendar's 1..9999 become fuzzy references, never negative dates", "[temporal][resolution]") {
  CHECK(values("Wheat was farmed there about 4,000 years ago.", 2005_y / 12 / 14) == "about 4,000 years ago=PAST_REF");
}

TEST_CASE("named holidays resolve to their day of the year", "[temporal][resolution][holiday]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // the Tuesday after the first Monday: in 2016 November 1 is a Tuesday, Election Day the 8th
      {"Voters will go to the polls on Election Day.", "Election Day=2016-11-08"},
      {"Pilgrims will gather on Good Friday.", "Good Friday=2017-04-14"},
      {"Offices will close on Martin Luther King Day.", "Martin Luther King Day=2017-01-16"},
      {"Offices will close on Presidents' Day.", "Presidents' Day=2017-02-20"},
      {"Florists will be busy before Mother's Day.", "Mother's Day=2017-05-14"},
      {"Sales will rise before Father's Day.", "Father's Day=2017-06-18"},
      {"Offices will close on Columbus Day.", "Columbus Day=2016-10-10"},
      {"The parade will be held on Veterans Day.", "Veterans Day=2016-11-11"},
      {"The sales will start on Boxing Day.", "Boxing Day=2016-12-26"},
      {"Paris will celebrate Bastille Day.", "Bastille Day=2017-07-14"},
      {"Wreaths will be laid on Armistice Day.", "Armistice Day=2016-11-11"},
      {"It was a good Friday for stocks.", "Friday=2016-09-30"},   // lowercase: no holiday
  }));
  CAPTURE(text);
  CHECK(values(text, 2016_y / 10 / 1) == expected);
}

TEST_CASE("titles, papers and ages that look like dates stay untagged, the dates beside them do not",
          "[temporal][grammar]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"Baker said on ABC-TV's \"This Week With David Brinkley\" that talks failed.", ""},
      {"\"This week we will win,\" he said.", "This week=2015-W51"},
      {"This is VOA Today.", ""},
      {"When Kopp was in his 30s, he moved; the victims were in their early 40s and 50s.", ""},
      {"Prices fell in the 1930s.", "the 1930s=193"},
      {"The Communist Party daily Granma said so, and the People's Daily agreed.", ""},
      {"The Media Indonesia daily Monday also reported it.", "Monday=2015-12-14"},
      {"It comes against a backdrop of daily Sunni-Shiite clashes.", "daily=P1D"},
      {"Service stopped. Daily flights resumed.", "Daily=P1D"},
      {"It cut the short term rating of the bank.", ""},
      {"Stocks may fall in the short term.", "the short term=FUTURE_REF"},
      {"Sales rose 20% annually.", ""},
  }));
  CAPTURE(text);
  CHECK(values(text) == expected);
}

TEST_CASE("a day number joined to a month-day is a day of that month", "[temporal][resolution]") {
  CHECK(values("NATO leaders meet on April 24 and 25.") == "April 24=2016-04-24|25=2016-04-25");
  CHECK(values("Talks were held on Nov. 4 or 5.") == "Nov. 4=2015-11-04|5=2015-11-05");
  // a number of things, or a clock time, after "and" is no day
  CHECK(values("The bombs fell on April 4 and 25 people died.") == "April 4=2015-04-04");
  CHECK(values("He came on April 4 and 25 percent left.") == "April 4=2015-04-04");
  CHECK(values("It is open between 11 am and 4 pm.") == "11 am=2015-12-15T11:00|4 pm=2015-12-15T16:00");
  CHECK(values("Between 10 and 25 people died.") == "");
}

TEST_CASE("hyphenated spans, trading days and quarterly sets", "[temporal][resolution]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"It ended a decades-long feud.", "decades-long=PXY"},
      {"They held their third day-long meeting.", "day-long=P1D"},
      {"The post-1959 politics split families.", "post-1959=1959"},
      {"Eight trading days after Oct. 12 the index fell.", "Eight trading days=P8D|Oct. 12=2015-10-12"},
      {"Unisys must pay interest every quarter.", "every quarter=P1Q"},
      {"It will raise the money at a later date.", "a later date=FUTURE_REF"},
  }));
  CAPTURE(text);
  CHECK(values(text) == expected);
}
