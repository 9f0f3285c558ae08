#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "chronicle/language/tense_oracle.hpp"
#include "chronicle/temporal/tagger.hpp"

using namespace chronicle;
using namespace chronicle::language;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Value of the timex `expression` inside the first occurrence of `context` in `text`.
std::string value_in(const std::string& text, const std::string& context, const std::string& expression,
                     const temporal::TenseOracle* oracle) {
  const std::size_t at = text.find(context);
  REQUIRE(at != std::string::npos);
  const std::size_t begin = text.find(expression, at);
  REQUIRE(begin != std::string::npos);
  temporal::TagOptions options;
  options.dct = date::year{2015} / 12 / 15;
  options.oracle = oracle;
  for (const temporal::Timex& t : temporal::default_tagger().tag(text, TextSpan{0, text.size()}, options))
    if (t.span.begin <= begin && begin < t.span.end) return t.value.value;
  return "(none)";
}

const char* kSeed = CHRONICLE_SOURCE_DIR "/corpus/kerry-moscow-2015/";

}  // namespace

TEST_CASE("the seed corpus's future-tense expressions resolve forward with the POS oracle", "[language][tense_oracle]") {
  auto [file, context, expression, value] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {"000_5967e4d191867eed.txt", "is set to take place on Friday", "Friday", "2015-12-18"},
      {"000_5967e4d191867eed.txt", "Moscow would veto a third round", "Friday", "2015-12-18"},
      {"000_5967e4d191867eed.txt", "On Tuesday Secretary of State", "Tuesday", "2015-12-15"},
      {"001_e22a757215c468e7.txt", "would be held on Friday in NY", "Friday", "2015-12-18"},
      {"002_8445a7281d319fc6.txt", "want to hold the next round", "Friday", "2015-12-18"},
      {"004_fa1156a0877fd16a.txt", "would take place in New York City on December 18", "December 18", "2015-12-18"},
      {"004_fa1156a0877fd16a.txt", "a planned January 1 ceasefire", "January 1", "2016-01-01"},
  }));
  CAPTURE(file, context);
  const std::string text = read_file(kSeed + file);
  CHECK(value_in(text, context, expression, &pos_tense_oracle()) == value);
}

TEST_CASE("the POS oracle reads direction from the governing verb group", "[language][tense_oracle]") {
  // DCT Tuesday 2015-12-15: the Friday before is 12-11, the one after 12-18.
  auto [sentence, expression, value] = GENERATE(table<std::string, std::string, std::string>({
      {"Assad cast doubt on the talks on Friday, saying he would not negotiate.", "Friday", "2015-12-11"},
      {"The meeting will take place on Friday.", "Friday", "2015-12-18"},
      {"Lavrov said the meeting would take place on Friday.", "Friday", "2015-12-18"},
      {"Lavrov said on Friday that the meeting would take place soon.", "Friday", "2015-12-11"},
      {"Kerry met Putin on Friday.", "Friday", "2015-12-11"},
      {"Kerry is due to talk with Lavrov on Friday.", "Friday", "2015-12-18"},
      {"They discussed a planned January 1 ceasefire.", "January 1", "2016-01-01"},
      {"Kerry, who arrived on Friday, will meet Putin later.", "Friday", "2015-12-11"},
      {"The talks scheduled for Friday were discussed.", "Friday", "2015-12-18"},
      {"Kerry arrived in Moscow, where he is meeting Putin on Thursday.", "Thursday", "2015-12-17"},
      {"The attorney has scheduled a news conference Thursday to announce the charges.", "Thursday", "2015-12-17"},
      {"The ministers, who had been told they would be meeting on Friday, arrived.", "Friday", "2015-12-18"},
      // seed expressions the cue oracle also gets
      {"The envoys met in Vienna last week.", "last week", "2015-W50"},
      {"Lavrov dismissed Monday's comments by the Saudi foreign minister.", "Monday", "2015-12-14"},
      // a plan told in the pluperfect: its time has passed
      {"The offer had been due to expire on Friday evening.", "Friday", "2015-12-11TEV"},
      // "effective" dates what takes effect, even after a past tense
      {"The bank created a new office of the chairman, effective Friday.", "Friday", "2015-12-18"},
      // the end of a present state, a deadline set now; a perfect state has ended
      {"The agency has given the relatives until Friday to sign the paper.", "Friday", "2015-12-18"},
      {"The offer runs until Friday.", "Friday", "2015-12-18"},
      {"He has been held in secret until Friday, when prosecutors dropped the charges.", "Friday", "2015-12-11"},
      // the end a term was moved to lies ahead, whatever the tense of the moving
      {"The court postponed the hearing until Friday.", "Friday", "2015-12-18"},
      {"The agency extended its deadline until 9 a.m. Friday.", "9 a.m. Friday", "2015-12-18T09:00"},
      {"The lenders extended the credit line through Friday.", "Friday", "2015-12-18"},
      // an infinitive hanging on a present lies ahead; not what comes before it
      {"The sale is part of a program to pay down the loan by Friday.", "Friday", "2015-12-18"},
      {"He is to leave for Lebanon on Friday.", "Friday", "2015-12-18"},
      {"They are the second team in 50 years to reach the final.", "50 years", "P50Y"},
      // a clause of time takes the direction of the clause it hangs on
      {"Analysts said investors were likely to buy the stock as soon as trading opened Monday.", "Monday", "2015-12-21"},
      {"Kerry arrived in Moscow after he met Lavrov on Monday.", "Monday", "2015-12-14"},
      {"Lavrov said the treaty would be signed when Kerry arrived on Friday.", "Friday", "2015-12-18"},
      {"He will resign, as he said on Friday.", "Friday", "2015-12-11"},
  }));
  CAPTURE(sentence);
  CHECK(value_in(sentence, sentence, expression, &pos_tense_oracle()) == value);
}

TEST_CASE("the POS oracle asks its fallback only when the verb groups say nothing", "[language][tense_oracle]") {
  const temporal::FixedTenseOracle future(temporal::Direction::future);
  const PosTenseOracle oracle(Analyzer::builtin().value(), &future);
  const std::string verbless = "Talks in Moscow on Friday.";
  const std::string past = "Kerry met Putin on Friday.";
  const auto at = [](const std::string& s) { return TextSpan{s.find("Friday"), s.find("Friday") + 6}; };
  CHECK(oracle.group_direction(verbless, {0, verbless.size()}, at(verbless)) == TimeDirection::unknown);
  CHECK(oracle.direction(verbless, {0, verbless.size()}, at(verbless)) == temporal::Direction::future);
  CHECK(oracle.direction(past, {0, past.size()}, at(past)) == temporal::Direction::past);
}

TEST_CASE("the POS oracle gives the same answers from many threads", "[language][tense_oracle]") {
  const std::vector<std::pair<std::string, temporal::Direction>> cases{
      {"Kerry met Putin on Friday.", temporal::Direction::past},
      {"The meeting will take place on Friday.", temporal::Direction::future},
      {"Assad cast doubt on the talks on Friday.", temporal::Direction::past},
      {"Kerry is set to meet Lavrov on Friday.", temporal::Direction::future}};
  const PosTenseOracle& oracle = pos_tense_oracle();
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t round = 0; round < 200; ++round) {
        const auto& [s, expected] = cases[(t + round) % cases.size()];
        const TextSpan friday{s.find("Friday"), s.find("Friday") + 6};
        if (oracle.direction(s, {0, s.size()}, friday) != expected) ++wrong[t];
      }
    });
  for (auto& th : threads) th.join();
  CHECK(wrong == std::vector<int>(4, 0));
}
