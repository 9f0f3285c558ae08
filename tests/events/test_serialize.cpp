#include <catch2/catch.hpp>

#include "chronicle/events/serialize.hpp"

using namespace chronicle;
using namespace chronicle::events;

namespace {

DocumentAnalysis sample() {
  DocumentAnalysis a;
  a.doc = "004_fa1156a0877fd16a";
  a.path = "corpus/004.txt";
  a.title = "Kerry calls for common ground";
  a.dct = date::year{2015} / 12 / 15;
  a.dct_source = "option";
  Mention m;
  m.doc = a.doc;
  m.trigger = {120, 125};
  m.trigger_text = "talks";
  m.lemma = "talk";
  m.event_class = EventClass::occurrence;
  m.tense = Tense::past;
  m.polarity = Polarity::negative;
  m.sentence = {90, 200};
  m.sentence_text = "Kerry and Lavrov began “talks” in Moscow on Tuesday.";
  m.time = TimeAnchor{"2015-W51", "week", parse_day("2015-12-14"), parse_day("2015-12-20"), "timex", TextSpan{150, 157}, "Tuesday"};
  m.actors = {"John Kerry", "Sergei Lavrov"};
  m.location = "Moscow";
  m.summary = "talks in Moscow";
  m.roles = {"Kremlin leader"};
  Mention said = m;
  said.time.reset();
  said.source = 0;
  said.event_class = EventClass::reporting;
  a.mentions = {m, said};
  a.actor_mentions = {{"Sergey Lavrov", "PER", {10, 23}, "Russian Foreign Minister"}};
  a.cues = {{1, 0, "AFTER", "after"}};
  return a;
}

}  // namespace

TEST_CASE("a DocumentAnalysis survives a JSON round trip field for field", "[events][serialize]") {
  DocumentAnalysis a = sample();
  auto back = analysis_from_json(to_json(a), "test");
  REQUIRE(back);
  CHECK(to_json(*back) == to_json(a));
  const Mention& m = back->mentions[0];
  CHECK(m.doc == a.doc);
  CHECK(m.trigger == TextSpan{120, 125});
  CHECK(m.tense == Tense::past);
  CHECK(m.polarity == Polarity::negative);
  REQUIRE(m.time);
  CHECK(*m.time->begin == date::sys_days(date::year{2015} / 12 / 14));
  CHECK(m.time->timex == TextSpan{150, 157});
  CHECK_FALSE(back->mentions[1].time);
  CHECK(back->mentions[1].source == std::size_t{0});
  CHECK(back->cues[0].type == "AFTER");
  CHECK(m.roles == std::vector<std::string>{"Kremlin leader"});
  CHECK(back->actor_mentions[0].title == "Russian Foreign Minister");
  CHECK(*back->dct == date::year_month_day{date::year{2015} / 12 / 15});
}

TEST_CASE("a future reference survives the round trip open-ended", "[events][serialize]") {
  DocumentAnalysis a = sample();
  a.mentions[0].time = TimeAnchor{"FUTURE_REF", "", parse_day("2015-12-15"), std::nullopt, "dct-tense", std::nullopt, ""};
  auto back = analysis_from_json(to_json(a), "test");
  REQUIRE(back);
  REQUIRE(back->mentions[0].time);
  CHECK(back->mentions[0].time->value == "FUTURE_REF");
  CHECK_FALSE(back->mentions[0].time->end);
}

TEST_CASE("bad analysis JSON is an error naming the origin and the problem", "[events][serialize]") {
  auto [json, expected] = GENERATE(table<std::string, std::string>({
      {"{", "fixture.json"},
      {R"({"doc": "a", "dct": "2015-02-30"})", "dct: not a date"},
      {R"({"doc": "a", "mentions": [{"trigger": {"begin": 1, "end": 2}, "trigger_text": "x", "class": "HAPPENING"}]})",
       "unknown value \"HAPPENING\""},
      {R"({"doc": "a", "mentions": [], "cues": [{"source": 0, "target": 3, "type": "BEFORE"}]})", "no such mention"},
  }));
  auto r = analysis_from_json(json, "fixture.json");
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("fixture.json") && Catch::Contains(expected));
}

TEST_CASE("an actor table and a corpus round-trip, aliases included", "[events][serialize]") {
  Corpus c;
  c.documents = {sample()};
  c.actors.add({"Sergei Lavrov", "PER", {"Sergey Lavrov", "Lavrov"}, ""});
  c.actors.add({"Russia", "LOC", {"Moscow"}, ""});
  auto back = corpus_from_json(to_json(c), "corpus");
  REQUIRE(back);
  REQUIRE(back->actors.find("Sergey Lavrov") != nullptr);
  CHECK(back->actors.find("Sergey Lavrov")->name == "Sergei Lavrov");
  CHECK(back->documents.size() == 1);
  auto table = actors_from_json(to_json(c.actors), "actors");
  REQUIRE(table);
  CHECK(table->actors().size() == 2);
}

TEST_CASE("parse_day refuses impossible dates", "[events][serialize]") {
  CHECK(parse_day("2015-12-18"));
  CHECK_FALSE(parse_day("2015-02-30"));
  CHECK_FALSE(parse_day("2015-12"));
  CHECK_FALSE(parse_day("tomorrow!!"));
}
