#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "chronicle/core/resources.hpp"
#include "chronicle/segment/segmenter.hpp"

namespace {

using chronicle::TextSpan;
using chronicle::segment::Sentence;
using chronicle::segment::Token;
using chronicle::segment::TokenKind;

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// What every caller relies on: spans in order, inside the range, trimmed, tokens inside their
// sentence and in order, sentence edges on token edges. Returns the first violation, or "".
std::string span_problem(std::string_view text, TextSpan range, const std::vector<Sentence>& sentences) {
  std::size_t previous_end = range.begin;
  for (const Sentence& s : sentences) {
    std::string where = "sentence at " + std::to_string(s.span.begin) + ": ";
    if (s.span.empty() || s.span.begin < previous_end || s.span.end > range.end) return where + "bad span";
    if (is_space_byte(text[s.span.begin]) || is_space_byte(text[s.span.end - 1])) return where + "not trimmed";
    if (s.tokens.empty()) return where + "no tokens";
    if (s.tokens.front().span.begin != s.span.begin || s.tokens.back().span.end != s.span.end)
      return where + "edges are not token edges";
    std::size_t token_end = s.span.begin;
    for (const Token& t : s.tokens) {
      if (t.span.empty() || t.span.begin < token_end || !s.span.contains(t.span))
        return where + "token at " + std::to_string(t.span.begin) + " out of place";
      token_end = t.span.end;
    }
    previous_end = s.span.end;
  }
  return "";
}

void check_spans(std::string_view text, TextSpan range, const std::vector<Sentence>& sentences) {
  std::string problem = span_problem(text, range, sentences);
  CHECK(problem.empty());
}

std::vector<Sentence> segment_all(std::string_view text) {
  auto sentences = chronicle::segment::segment(text, TextSpan{0, text.size()});
  check_spans(text, TextSpan{0, text.size()}, sentences);
  return sentences;
}

// Sentences joined by " | ", boilerplate marked "[x]" and paragraph starts "¶".
std::string dump(std::string_view text, bool marks = false) {
  std::string out;
  for (const Sentence& s : segment_all(text)) {
    if (!out.empty()) out += " | ";
    if (marks && !s.content) out += "[x]";
    if (marks && s.paragraph_start) out += "¶";
    out += s.span.of(text);
  }
  return out;
}

std::string dump_tokens(std::string_view text) {
  std::string out;
  for (const Token& t : chronicle::segment::tokenize(text, TextSpan{0, text.size()})) {
    if (!out.empty()) out += ' ';
    out += t.span.of(text);
  }
  return out;
}

char kind_letter(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return 'w';
    case TokenKind::number: return 'n';
    case TokenKind::punctuation: return 'p';
    case TokenKind::symbol: return 's';
  }
  return '?';
}

std::string dump_kinds(std::string_view text) {
  std::string out;
  for (const Token& t : chronicle::segment::tokenize(text, TextSpan{0, text.size()})) out += kind_letter(t.kind);
  return out;
}

// Processor seconds spent by `work`: unlike wall time, not inflated by a busy machine.
template <class Work>
double cpu_seconds(Work work) {
  std::clock_t start = std::clock();
  work();
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

// Rows of an embedded TSV resource, comments and blank lines skipped.
std::vector<std::vector<std::string>> resource_rows(std::string_view name) {
  auto data = chronicle::resources::load(name);
  REQUIRE(data.has_value());
  std::vector<std::vector<std::string>> rows;
  std::string_view rest = *data;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace

TEST_CASE("abbreviations keep their period and do not end sentences", "[segment][abbreviation]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"Mr. Kerry met Mrs. Clinton and Ms. Zakharova.", "Mr. Kerry met Mrs. Clinton and Ms. Zakharova."},
      {"Dr. Smith and Prof. Jones met Gen. Gerasimov.", "Dr. Smith and Prof. Jones met Gen. Gerasimov."},
      {"Sen. McCain, Rep. Schiff and Gov. Brown agreed.", "Sen. McCain, Rep. Schiff and Gov. Brown agreed."},
      {"Lt. Col. Smith flew to St. Petersburg.", "Lt. Col. Smith flew to St. Petersburg."},
      {"Martin Luther King Jr. spoke. Then he left.", "Martin Luther King Jr. spoke. | Then he left."},
      {"John Smith Sr. and his son came.", "John Smith Sr. and his son came."},
      {"It began Jan. 1 and ended Feb. 3.", "It began Jan. 1 and ended Feb. 3."},
      {"They met on Aug. 5, Sept. 9 and Dec. 15, 2015.", "They met on Aug. 5, Sept. 9 and Dec. 15, 2015."},
      {"The vote is on Tue. Dec. 15 in Vienna.", "The vote is on Tue. Dec. 15 in Vienna."},
      {"The U.S. Senate and the U.K. Parliament objected.", "The U.S. Senate and the U.K. Parliament objected."},
      {"The U.N. envoy arrived at 10 a.m. Tuesday.", "The U.N. envoy arrived at 10 a.m. Tuesday."},
      {"It ended at 6 p.m. local time.", "It ended at 6 p.m. local time."},
      {"He is No. 1 in the polls.", "He is No. 1 in the polls."},
      {"Apple Inc. and Exxon Corp. and Ford Motor Co. agreed.", "Apple Inc. and Exxon Corp. and Ford Motor Co. agreed."},
      {"It was Russia vs. Turkey again.", "It was Russia vs. Turkey again."},
      {"Groups, e.g. the FSA, i.e. rebels, were hit.", "Groups, e.g. the FSA, i.e. rebels, were hit."},
      {"John F. Kennedy was shot in 1963.", "John F. Kennedy was shot in 1963."},
      {"The U.K.-based network said so.", "The U.K.-based network said so."},
      {"The U.S.-led coalition struck.", "The U.S.-led coalition struck."},
      {"MR. KERRY SAID SO.", "MR. KERRY SAID SO."},
      {"Growth was 3.5 percent. It was 1,000 people.", "Growth was 3.5 percent. | It was 1,000 people."},
  }));
  CAPTURE(text);
  CHECK(dump(text) == expected);
}

TEST_CASE("an abbreviation before a common sentence starter ends the sentence", "[segment][abbreviation]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"He lives in the U.S. He works in Moscow.", "He lives in the U.S. | He works in Moscow."},
      {"He lives in the U.S. The talks failed.", "He lives in the U.S. | The talks failed."},
      {"It was sold to Apple Inc. But nobody knew.", "It was sold to Apple Inc. | But nobody knew."},
      {"They met at 10 a.m. It rained.", "They met at 10 a.m. | It rained."},
      {"He came in Dec. The talks began.", "He came in Dec. | The talks began."},
      {"He backed plan B. The others did not.", "He backed plan B. | The others did not."},
      {"He lives in the U.S. \u201CIt is fine,\u201D he said.", "He lives in the U.S. | \u201CIt is fine,\u201D he said."},
      {"He backed the U.S. \u201CRed Line\u201D policy.", "He backed the U.S. \u201CRed Line\u201D policy."},
      {"He works for Apple Inc. Mr. Cook agreed.", "He works for Apple Inc. | Mr. Cook agreed."},
      {"It was said by U.S. Sen. John McCain.", "It was said by U.S. Sen. John McCain."},
      // A state ends a sentence before any capitalised word, as a period would.
      {"She met a nun in Miami Beach, Fla. Sister Jeanne said so.", "She met a nun in Miami Beach, Fla. | Sister Jeanne said so."},
      {"He lives in Dearborn, Mich., and works there.", "He lives in Dearborn, Mich., and works there."},
      // A title never ends a sentence, whatever follows.
      {"He spoke to Mr. The Rock himself.", "He spoke to Mr. The Rock himself."},
      // A name after "U.S." is the same sentence.
      {"U.S. Secretary of State John Kerry arrived.", "U.S. Secretary of State John Kerry arrived."},
      {"He said it to the U.S. Kerry agreed.", "He said it to the U.S. Kerry agreed."},
      // "No." is an abbreviation only before a number.
      {"He said No. Then he left.", "He said No. | Then he left."},
  }));
  CAPTURE(text);
  CHECK(dump(text) == expected);
}

TEST_CASE("terminal marks, quotes and brackets", "[segment][quote]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"He said \u201Cyes.\u201D Then he left.", "He said \u201Cyes.\u201D | Then he left."},
      {"She asked \u2018why?\u2019 Nobody knew.", "She asked \u2018why?\u2019 | Nobody knew."},
      {"\u201CWhy?\u201D he asked.", "\u201CWhy?\u201D he asked."},
      {"\u00ABNon.\u00BB Il est parti.", "\u00ABNon.\u00BB | Il est parti."},
      {"He said \"no.\" She agreed.", "He said \"no.\" | She agreed."},
      {"``It was a bomb,'' he said. ``It was.''", "``It was a bomb,'' he said. | ``It was.''"},
      {"It rained (a lot.) Then it stopped.", "It rained (a lot.) | Then it stopped."},
      {"It rained! Then it stopped? Yes.", "It rained! | Then it stopped? | Yes."},
      {"Really?! Yes.", "Really?! | Yes."},
      {"It was \u201Cover\u201D, Kerry said. Lavrov agreed.", "It was \u201Cover\u201D, Kerry said. | Lavrov agreed."},
      {"Kerry\u2019s aides said so. Lavrov\u2019s did not.", "Kerry\u2019s aides said so. | Lavrov\u2019s did not."},
      {"He waited... and waited\u2026 Then he left.", "He waited... and waited\u2026 | Then he left."},
      {"He waited\u2026 \u201CNo,\u201D he said.", "He waited\u2026 | \u201CNo,\u201D he said."},
      {"It cost $5. 2016 was worse.", "It cost $5. | 2016 was worse."},
      {"see www.example.com for more.", "see www.example.com for more."},
      {"\u041A\u0435\u0440\u0440\u0438 \u043F\u0440\u0438\u0435\u0445\u0430\u043B. \u041F\u0443\u0442\u0438\u043D \u0436\u0434\u0430\u043B.",
       "\u041A\u0435\u0440\u0440\u0438 \u043F\u0440\u0438\u0435\u0445\u0430\u043B. | \u041F\u0443\u0442\u0438\u043D \u0436\u0434\u0430\u043B."},
  }));
  CAPTURE(text);
  CHECK(dump(text) == expected);
}

TEST_CASE("line breaks: blank lines, headlines and wrapped prose", "[segment][paragraph]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      // Web text: a headline with no final period, then one paragraph per line.
      {"Kerry in Moscow to push peace plan\nKerry arrived on Tuesday. He met Putin.\nLavrov spoke too.",
       "¶Kerry in Moscow to push peace plan | ¶Kerry arrived on Tuesday. | He met Putin. | ¶Lavrov spoke too."},
      // A blank line ends a sentence even without punctuation.
      {"Talks in Moscow\n\nThe talks began", "¶Talks in Moscow | ¶The talks began"},
      {"First line\r\n\r\nSecond line\r\n", "¶First line | ¶Second line"},
      // A line with no final mark continues when the next starts in lower case.
      {"Kerry went into meetings with\nlittle hope. He left.", "¶Kerry went into meetings with\nlittle hope. | He left."},
      // Hard-wrapped prose: newlines are spaces, "Mr." at a line end does not break.
      {"Secretary of State John Kerry went into meetings with Mr.\n"
       "Putin and Foreign Minister Sergei Lavrov on Tuesday, not\n"
       "knowing whether Moscow would veto a third round of talks\n"
       "on Syria. The meeting was set for Friday in New York City.",
       "¶Secretary of State John Kerry went into meetings with Mr.\n"
       "Putin and Foreign Minister Sergei Lavrov on Tuesday, not\n"
       "knowing whether Moscow would veto a third round of talks\n"
       "on Syria. | The meeting was set for Friday in New York City."},
      // Short list lines are not wrapped prose.
      {"KENYA:\nTotal dead: 192\nInjured: 4,877\nHospitalized: 542",
       "¶KENYA: | ¶Total dead: 192 | ¶Injured: 4,877 | ¶Hospitalized: 542"},
  }));
  CAPTURE(text);
  CHECK(dump(text, true) == expected);
}

TEST_CASE("boilerplate lines are recognised", "[segment][boilerplate]") {
  auto [line, boilerplate] = GENERATE(table<std::string, bool>({
      {"Share", true},
      {"  Advertisement  ", true},
      {"Read more \u00BB", true},
      {"Related", true},
      {"Subscribe", true},
      {"Click here to read the full story", true},
      {"Sign up for our newsletter", true},
      {"Photo: Alexander Zemlianichenko", true},
      {"AP Photo/Ivan Sekretarev", true},
      {"Image copyright Getty Images", true},
      {"Getty Images", true},
      {"(Reuters)", true},
      {"(AP Photo/Pablo Martinez Monsivais)", true},
      {"Follow us on Twitter", true},
      {"We use cookies to improve your experience. By continuing you agree.", true},
      {"KERRY PUTIN RUSSIA", true},
      {"USA TODAY", true},
      {"By CHEGE MBITIRU", true},
      {"By John Smith and Jane Doe", true},
      {"As Carter spoke about finding n\u2026", true},
      {"Maxim Shemetov/Reuters", true},
      // Content that looks a little like it.
      {"MOSCOW \u2014 Kerry arrived on Tuesday.", false},
      {"MOSCOW \u2014", false},
      {"KERRY IN MOSCOW", false},
      {"Kerry in Moscow to push Syrian peace plan", false},
      {"Share prices fell on Tuesday.", false},
      {"Related talks were held in Vienna.", false},
      {"By Tuesday, the talks had failed.", false},
      {"He said he would wait and see. Then he left\u2026", false},
      {"(The talks, he said, were useful. Nobody agreed.)", false},
      {"URGENT", false},
      {"", false},
      {"A Russian Sukhoi Su-34 bomber lands at the Hmeimim military base in Latakia province", false},
  }));
  CAPTURE(line);
  CHECK(chronicle::segment::is_boilerplate_line(line) == boilerplate);
}

TEST_CASE("boilerplate lines come out as their own non-content sentences", "[segment][boilerplate]") {
  std::string text =
      "Share\n\nKerry in Moscow to push Syrian peace plan\n\nRussia has been pressing for talks.\n\n"
      "Advertisement\nAs Carter spoke about finding n\u2026\nThe U.S. and Russia agree.\n\nKERRY PUTIN RUSSIA";
  CHECK(dump(text, true) ==
        "[x]¶Share | ¶Kerry in Moscow to push Syrian peace plan | ¶Russia has been pressing for talks. | "
        "[x]¶Advertisement | [x]¶As Carter spoke about finding n\u2026 | ¶The U.S. and Russia agree. | "
        "[x]¶KERRY PUTIN RUSSIA");
}

TEST_CASE("tokens: words, numbers, punctuation, symbols", "[segment][token]") {
  auto [text, tokens, kinds] = GENERATE(table<std::string, std::string, std::string>({
      {"Kerry\u2019s cease-fire don't", "Kerry\u2019s cease-fire don't", "www"},
      {"Mr. Kerry met Dec. 15", "Mr. Kerry met Dec. 15", "wwwwn"},
      {"the U.S. and U.K.-based e.g. a.m.", "the U.S. and U.K.-based e.g. a.m.", "wwwwww"},
      {"3.5 1,000 1,2 10:30 2015-12-15", "3.5 1,000 1 , 2 10:30 2015-12-15", "nnnpnnn"},
      {"$3.50 5% \u00A9", "$ 3.50 5 % \u00A9", "snnss"},
      {"G20 Su-34 34-nation 15th", "G20 Su-34 34-nation 15th", "wwww"},
      {"\u201CYes,\u201D he said...", "\u201C Yes , \u201D he said ...", "pwppwwp"},
      {"``No'' -- (fine) \u2014 ok?!", "`` No '' -- ( fine ) \u2014 ok ? !", "pwpppwppwpp"},
      {"M\u00FCnchen \u041A\u0440\u0435\u043C\u043B\u044C caf\u0065\u0301", "M\u00FCnchen \u041A\u0440\u0435\u043C\u043B\u044C caf\u0065\u0301", "www"},
      {"Russian- and Iranian-backed", "Russian - and Iranian-backed", "wpww"},
      {"end.The", "end . The", "wpw"},
      {"No. 1 vs No.", "No. 1 vs No .", "wnwwp"},
      {"GM Corp.'s unit and the U.S.\u2019 allies", "GM Corp.'s unit and the U.S. \u2019 allies", "wwwwwwpw"},
      {"a\xFF\xFE" "b", "a \xFF \xFE b", "wssw"},
  }));
  CAPTURE(text);
  CHECK(dump_tokens(text) == tokens);
  CHECK(dump_kinds(text) == kinds);
}

TEST_CASE("offsets index the original text within the range", "[segment][offsets]") {
  std::string text = "---\ntitle: x\n---\nMr. Kerry met Mr. Putin. \u201CWe agree,\u201D he said.\n\nShare\n";
  TextSpan body{17, text.size()};
  auto sentences = chronicle::segment::segment(text, body);
  check_spans(text, body, sentences);
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].span.of(text) == "Mr. Kerry met Mr. Putin.");
  CHECK(sentences[0].span.begin == 17);
  CHECK(sentences[0].paragraph_start);
  CHECK(sentences[1].span.of(text) == "\u201CWe agree,\u201D he said.");
  CHECK_FALSE(sentences[1].paragraph_start);
  CHECK(sentences[2].span.of(text) == "Share");
  CHECK_FALSE(sentences[2].content);
  auto tokens = chronicle::segment::tokenize(text, body);
  CHECK(tokens.front().span == TextSpan{17, 20});
}

TEST_CASE("degenerate input neither crashes nor loops", "[segment][robust]") {
  CHECK(chronicle::segment::segment("", TextSpan{0, 0}).empty());
  CHECK(chronicle::segment::segment("Hello.", TextSpan{3, 3}).empty());
  CHECK(chronicle::segment::segment("Hello.", TextSpan{4, 2}).empty());
  CHECK(chronicle::segment::tokenize("", TextSpan{0, 0}).empty());
  CHECK(segment_all(" \n\n \t\n").empty());
  // A range past the end is clamped.
  CHECK(chronicle::segment::segment("Hi.", TextSpan{0, 99}).size() == 1);
  // A range cutting a multi-byte character leaves a symbol, not a crash.
  std::string cut = "Caf\u00E9";
  auto tokens = chronicle::segment::tokenize(cut, TextSpan{0, cut.size() - 1});
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].kind == TokenKind::symbol);

  // Pseudo-random bytes, biased towards the characters the rules look at.
  const std::string alphabet = "aZ .?!\n\n\"'-,:$U.S.Mr.\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA6\xC3\xA9\xFF\xC0 1";
  std::uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 300; ++i) {
      state = state * 1664525u + 1013904223u;
      text += alphabet[(state >> 8) % alphabet.size()];
    }
    segment_all(text);
  }
}

TEST_CASE("pathological input stays linear", "[segment][robust]") {
  for (std::string unit : {".", "a.", "U.S.", "-", "a", " ", "\n", "\u2026", "No. ", "\xFF", "Mr. "}) {
    std::string text;
    while (text.size() < 1'000'000) text += unit;
    CAPTURE(unit);
    CHECK(cpu_seconds([&] { segment_all(text); }) < 10.0);  // quadratic behaviour takes hours
  }
}

TEST_CASE("a seed-like web article segments as a reader would", "[segment][article]") {
  std::string text =
      "Share\n\n"
      "Kerry in Moscow to push Syrian peace plan\n\n"
      "Advertisement\n\n"
      "Kerry caved and told the Associated Press that the United States is \u201Cnot seeking so-called regime change\u201D.\n\n"
      "What happened? Putin likely spent a day\u2019s worth of talks with Kerry.\n\n"
      "U.S. Defense Secretary Ash Carter says he is looking forward to it. Assad said he would not "
      "negotiate with groups backed by the U.S. and Saudi Arabia. Later, American officials allowed it.\n\n"
      "U.S. Secretary of State John Kerry listens during a meeting in Moscow Tuesday, Dec. 15, 2015.\n"
      "Mr. Kerry emphasized that his talks had not focused on Mr. Assad.\n\n"
      "KERRY PUTIN RUSSIA";
  CHECK(dump(text, true) ==
        "[x]¶Share | ¶Kerry in Moscow to push Syrian peace plan | [x]¶Advertisement | "
        "¶Kerry caved and told the Associated Press that the United States is \u201Cnot seeking so-called regime change\u201D. | "
        "¶What happened? | Putin likely spent a day\u2019s worth of talks with Kerry. | "
        "¶U.S. Defense Secretary Ash Carter says he is looking forward to it. | Assad said he would not "
        "negotiate with groups backed by the U.S. and Saudi Arabia. | Later, American officials allowed it. | "
        "¶U.S. Secretary of State John Kerry listens during a meeting in Moscow Tuesday, Dec. 15, 2015. | "
        "¶Mr. Kerry emphasized that his talks had not focused on Mr. Assad. | "
        "[x]¶KERRY PUTIN RUSSIA");
}

TEST_CASE("every abbreviation rule holds on its own example", "[segment][resources]") {
  auto rows = resource_rows("en/segment/abbreviations.tsv");
  REQUIRE(rows.size() > 50);
  for (const auto& row : rows) {
    REQUIRE(row.size() == 3);
    const std::string& abbreviation = row[0];
    const std::string& example = row[2];
    CAPTURE(abbreviation, example);
    auto sentences = segment_all(example);
    CHECK(sentences.size() == 1);
    bool whole = false;
    for (const Token& t : chronicle::segment::tokenize(example, TextSpan{0, example.size()}))
      whole = whole || t.span.of(example) == abbreviation;
    CHECK(whole);
  }
}

TEST_CASE("every boilerplate rule holds on its own example", "[segment][resources]") {
  auto rows = resource_rows("en/segment/boilerplate.tsv");
  REQUIRE(rows.size() > 50);
  for (const auto& row : rows) {
    REQUIRE(row.size() == 3);
    CAPTURE(row[0], row[1], row[2]);
    bool expected = row[0] != "tag_stopword";  // a stopword's example is a headline, not a tag line
    CHECK(chronicle::segment::is_boilerplate_line(row[2]) == expected);
  }
}

TEST_CASE("the corpus segments without breaks after titles or dates", "[.slow][segment][corpus]") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(CHRONICLE_SOURCE_DIR "/corpus"))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  REQUIRE(!files.empty());
  for (const auto& path : files) {
    CAPTURE(path.string());
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    TextSpan body{0, text.size()};
    if (text.starts_with("---\n"))  // front matter
      if (std::size_t end = text.find("\n---\n", 3); end != std::string::npos) body.begin = end + 5;
    auto sentences = chronicle::segment::segment(text, body);
    check_spans(text, body, sentences);
    for (const Sentence& s : sentences) {
      std::string_view last = s.tokens.back().span.of(text);
      CAPTURE(s.span.of(text));
      CHECK(last != "Mr.");
      CHECK(last != "Dec.");
      if (s.span.of(text) == "Share" || s.span.of(text) == "Advertisement") CHECK_FALSE(s.content);
    }
  }
}

TEST_CASE("segmentation is fast", "[.bench][segment]") {
  std::string paragraph =
      "Mr. Kerry met Russian President Vladimir Putin on Tuesday, Dec. 15, 2015, in Moscow. "
      "\u201CWe have consistently said that the world is better off when Russia and the U.S. find "
      "common ground\u201D, Kerry said. More than 250,000 people have died since Syria\u2019s conflict "
      "erupted in March 2011.\n\nAdvertisement\n\n";
  std::string text;
  while (text.size() < 50'000'000) text += paragraph;
  std::vector<Sentence> sentences;
  double seconds = cpu_seconds([&] { sentences = chronicle::segment::segment(text, TextSpan{0, text.size()}); });
  double bytes_per_second = static_cast<double>(text.size()) / seconds;
  WARN("segment: " << bytes_per_second / 1e6 << " MB/s, " << sentences.size() << " sentences");
  CHECK(bytes_per_second > 20e6);
}
