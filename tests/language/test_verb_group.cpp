#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "chronicle/language/analyzer.hpp"
#include "chronicle/language/tokenizer.hpp"
#include "chronicle/language/verb_group.hpp"

using namespace chronicle;
using namespace chronicle::language;

namespace {

const Analyzer& analyzer() {
  static const Analyzer instance = Analyzer::builtin().value();
  return instance;
}

std::vector<Word> analyse(const std::string& text) {
  const std::vector<segment::Token> tokens = segment::tokenize(text, {0, text.size()});
  const std::vector<TextSpan> spans = ud_tokenize(text, tokens);
  return analyzer().analyze_words(text, spans);
}

/// "would take" for the group: its auxiliaries and head as written.
std::string group_text(const VerbGroup& g, const std::vector<Word>& words, const std::string& text) {
  std::string out;
  for (std::size_t a : g.auxiliaries) out += std::string(words[a].span.of(text)) + " ";
  return out + std::string(words[g.head].span.of(text));
}

TextSpan span_of(const std::string& text, const std::string& expression) {
  const std::size_t at = text.find(expression);
  REQUIRE(at != std::string::npos);
  return {at, at + expression.size()};
}

}  // namespace

TEST_CASE("the verb group governing an expression gives its tense and direction", "[language][verb_group]") {
  auto [sentence, expression, group, tense, direction] = GENERATE(table<std::string, std::string, std::string, std::string, std::string>({
      {"Kerry met Putin on Tuesday.", "Tuesday", "met", "PAST", "past"},
      {"The meeting will take place on Friday.", "Friday", "will take", "FUTURE", "future"},
      {"Lavrov said the meeting would take place on Friday.", "Friday", "would take", "NONE", "hypothetical"},
      {"Lavrov said on Friday that the meeting would take place in New York.", "Friday", "said", "PAST", "past"},
      {"Assad cast doubt on the talks on Friday, saying he would not negotiate.", "Friday", "cast", "PAST", "past"},
      {"Kerry is due to talk with Lavrov on Tuesday.", "Tuesday", "is due to talk", "PRESENT", "future"},
      {"A follow-up conference is set to take place on Friday in NY.", "Friday", "is set to take", "PRESENT", "future"},
      {"Kerry and de Mistura want to hold the next round of talks on Friday in NY.", "Friday", "want to hold", "PRESENT", "future"},
      {"Kerry plans to visit Moscow on Tuesday.", "Tuesday", "plans to visit", "PRESENT", "future"},
      {"The talks are going to resume on Monday.", "Monday", "are going to resume", "PRESENT", "future"},
      {"On Tuesday, Kerry met Putin.", "Tuesday", "met", "PAST", "past"},
      {"On Friday the ministers will meet again.", "Friday", "will meet", "FUTURE", "future"},
      {"Russia has met its obligations since January.", "January", "has met", "PRESENT", "past"},
      {"The minister had arrived on Monday.", "Monday", "had arrived", "PAST", "past"},
      {"Kerry is meeting Lavrov on Thursday.", "Thursday", "is meeting", "PRESENT", "present"},
      {"The vote was postponed on Wednesday.", "Wednesday", "was postponed", "PAST", "past"},
      {"The treaty will be signed on Monday.", "Monday", "will be signed", "FUTURE", "future"},
      {"The rebels could attack on Sunday.", "Sunday", "could attack", "NONE", "hypothetical"},
      {"He would have resigned in March.", "March", "would have resigned", "NONE", "past"},
      {"Officials who met on Monday said the talks would resume on Friday.", "Monday", "met", "PAST", "past"},
      {"Officials who met on Monday said the talks would resume on Friday.", "Friday", "would resume", "NONE", "hypothetical"},
      {"Kerry went to Moscow to meet Putin on Tuesday.", "Tuesday", "to meet", "NONE", "past"},
      {"Kerry did not meet Putin on Tuesday.", "Tuesday", "did not meet", "PAST", "past"},
      {"Moscow refused on Monday to confirm the date.", "Monday", "refused", "PAST", "past"},
      {"The talks, which ended on Friday, failed.", "Friday", "ended", "PAST", "past"},
      {"Kerry arrives in Moscow on Tuesday.", "Tuesday", "arrives", "PRESENT", "present"},
      {"He was due to arrive on Friday.", "Friday", "was due to arrive", "PAST", "hypothetical"},
      {"They used to meet in January.", "January", "used to meet", "PAST", "past"},
      {"The council may vote on Thursday.", "Thursday", "may vote", "NONE", "hypothetical"},
      {"Putin said: \"We will meet on Friday.\"", "Friday", "will meet", "FUTURE", "future"},
      {"Kerry met Putin and Lavrov on Tuesday.", "Tuesday", "met", "PAST", "past"},
      {"The ministers are expected to meet on Friday.", "Friday", "are expected to meet", "PRESENT", "future"},
      // a plan told in the pluperfect had its time before the telling
      {"The offer had been due to expire on Friday.", "Friday", "had been due to expire", "PAST", "past"},
      {"The judge had been scheduled to hear motions on Friday.", "Friday", "had been scheduled to hear", "PAST", "past"},
      {"The judge has been scheduled to hear motions on Friday.", "Friday", "has been scheduled to hear", "PRESENT", "future"},
      // a past form the tagger calls present ("dug" is no base form)
      {"Rescuers reached the workers after they dug a pipeline on Monday.", "Monday", "dug", "PAST", "past"},
  }));
  CAPTURE(sentence, expression);
  const std::vector<Word> words = analyse(sentence);
  const VerbGroups groups = verb_groups(words, sentence);
  const VerbGroup* g = governing_group(groups, words, span_of(sentence, expression));
  REQUIRE(g != nullptr);
  CHECK(group_text(*g, words, sentence) == group);
  CHECK(to_string(g->tense) == tense);
  CHECK(to_string(g->direction) == direction);
}

TEST_CASE("verb groups carry aspect, modality and polarity", "[language][verb_group]") {
  auto [sentence, head, aspect, modality, polarity] = GENERATE(table<std::string, std::string, std::string, std::string, std::string>({
      {"Russia has met its obligations.", "met", "PERFECTIVE", "", "POS"},
      {"They were talking.", "talking", "PROGRESSIVE", "", "POS"},
      {"They have been talking for hours.", "talking", "PERFECTIVE_PROGRESSIVE", "", "POS"},
      {"Moscow would not veto the talks.", "veto", "NONE", "would", "NEG"},
      {"They weren't talking.", "talking", "PROGRESSIVE", "", "NEG"},
      {"He has never met Putin.", "met", "PERFECTIVE", "", "NEG"},
      {"The meeting is set to take place.", "take", "NONE", "set to", "POS"},
      {"Kerry is due to talk with Lavrov.", "talk", "NONE", "due to", "POS"},
      {"Kerry plans to visit Moscow.", "visit", "NONE", "plan to", "POS"},
      {"The talks are going to resume.", "resume", "NONE", "going to", "POS"},
      {"They should have waited.", "waited", "PERFECTIVE", "should", "POS"},
      {"You must leave.", "leave", "NONE", "must", "POS"},
      {"The bill could be passed.", "passed", "NONE", "could", "POS"},
  }));
  CAPTURE(sentence, head);
  const std::vector<Word> words = analyse(sentence);
  const VerbGroups groups = verb_groups(words, sentence);
  const VerbGroup* found = nullptr;
  for (const VerbGroup& g : groups.groups)
    if (words[g.head].span.of(sentence) == head) found = &g;
  REQUIRE(found != nullptr);
  CHECK(to_string(found->aspect) == aspect);
  CHECK(found->modality == modality);
  CHECK(to_string(found->polarity) == polarity);
}

TEST_CASE("clauses split at subordinators, relative pronouns, quotes and reported speech", "[language][verb_group]") {
  const std::string text = "Lavrov said the meeting would take place on Friday, but Kerry, who arrived Monday, declined.";
  const std::vector<Word> words = analyse(text);
  const VerbGroups groups = verb_groups(words, text);
  auto clause_of = [&](const std::string& w) {
    const TextSpan s = span_of(text, w);
    for (std::size_t k = 0; k < words.size(); ++k)
      if (words[k].span == s) return groups.clause_of[k];
    FAIL("no word " << w);
    return std::size_t{0};
  };
  CHECK(clause_of("said") != clause_of("would"));
  CHECK(clause_of("meeting") == clause_of("would"));
  CHECK(clause_of("Friday") == clause_of("would"));
  CHECK(clause_of("arrived") != clause_of("declined"));
  CHECK(clause_of("Monday") == clause_of("arrived"));
}

TEST_CASE("a noun phrase's modifier gives the direction of an expression inside it", "[language][verb_group]") {
  auto [sentence, expression, direction] = GENERATE(table<std::string, std::string, std::string>({
      {"They discussed a planned January 1 ceasefire.", "January 1", "future"},
      {"The talks scheduled for Friday were cancelled.", "Friday", "future"},
      {"The upcoming Friday meeting matters.", "Friday", "future"},
      {"The vote was postponed until March.", "March", "future"},
      {"The previous Friday meeting failed.", "Friday", "past"},
      {"The bank created a new office, effective Feb. 1.", "Feb. 1", "future"},
      {"Kerry met Putin on Tuesday.", "Tuesday", "unknown"},
  }));
  CAPTURE(sentence);
  const std::vector<Word> words = analyse(sentence);
  const TextSpan span = span_of(sentence, expression);
  std::size_t first = 0;
  while (first < words.size() && words[first].span.end <= span.begin) ++first;
  CHECK(to_string(noun_modifier_direction(words, first, sentence)) == direction);
}
