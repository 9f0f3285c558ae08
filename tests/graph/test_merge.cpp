#include <set>

#include "fixture.hpp"

using namespace chronicle;
using testing::day;
using testing::document;
using testing::mention;
using testing::span;

namespace {

std::set<std::string> docs_of(const graph::Event& e) {
  std::set<std::string> docs;
  for (const auto& m : e.mentions) docs.insert(m.doc.substr(0, 3));
  return docs;
}

}  // namespace

TEST_CASE("the Moscow talks are one event with mentions from all five seed articles", "[graph][merge]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  const graph::Event* talks = testing::event_named(g, "Kerry holds talks with Putin and Lavrov in Moscow");
  REQUIRE(talks != nullptr);
  CHECK(docs_of(*talks) == std::set<std::string>{"000", "001", "002", "003", "004"});
  REQUIRE(talks->time);
  CHECK(talks->time->value == "2015-12-15");
  CHECK(talks->location == "Moscow");
  CHECK(talks->actors.front() == "John Kerry");
  CHECK_FALSE(talks->merge_reasons.empty());
  // Every mention is kept as provenance, the undated ones included.
  CHECK(talks->mentions.size() >= 12);
}

TEST_CASE("the New York ISSG meeting is one event on 2015-12-18 from the four articles reporting it", "[graph][merge]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  const graph::Event* issg = testing::event_named(g, "ISSG meeting on Syria in New York");
  REQUIRE(issg != nullptr);
  REQUIRE(issg->time);
  CHECK(issg->time->value == "2015-12-18");
  CHECK(issg->location == "New York");
  std::set<std::string> docs = docs_of(*issg);
  for (const char* d : {"000", "001", "002", "004"}) CHECK(docs.count(d) == 1);
  CHECK(docs.count("003") == 0);  // "the upcoming meeting" has nothing tying it to New York
}

TEST_CASE("a merge says why it happened", "[graph][merge]") {
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"John Kerry", "Sergei Lavrov"}, "Moscow")});
  auto b = document("b", {mention("b", "meeting", day("2015-12-15"), {"Sergei Lavrov"}, "Moscow")});
  graph::EventGraph g = graph::build({a, b}, {});
  REQUIRE(g.events.size() == 1);
  REQUIRE(g.events[0].merge_reasons.size() == 1);
  const auto& r = g.events[0].merge_reasons[0].reasons;
  std::string all;
  for (const auto& line : r) all += line + "\n";
  CHECK_THAT(all, Catch::Contains("synonym triggers"));
  CHECK_THAT(all, Catch::Contains("shared actors: Sergei Lavrov"));
  CHECK_THAT(all, Catch::Contains("same place: Moscow"));
  CHECK_THAT(all, Catch::Contains("same day 2015-12-15"));
}

TEST_CASE("mentions are never merged across incompatible dates, even through a coarser one", "[graph][merge]") {
  auto week = testing::span("2015-W51", "week", "2015-12-14", "2015-12-20");
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"John Kerry"}, "Moscow")});
  auto b = document("b", {mention("b", "talks", week, {"John Kerry"}, "Moscow")});
  auto c = document("c", {mention("c", "talks", day("2015-12-17"), {"John Kerry"}, "Moscow")});
  graph::EventGraph g = graph::build({a, b, c}, {});
  REQUIRE(g.events.size() == 2);
  for (const auto& e : g.events) {
    std::set<std::string> values;
    for (const auto& m : e.mentions)
      if (m.time->granularity == "day") values.insert(m.time->value);
    CHECK(values.size() == 1);
  }
}

TEST_CASE("outlets giving different dates for the same event are reported with both sides", "[graph][merge][conflict]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  const graph::Conflict* found = nullptr;
  for (const auto& c : g.conflicts)
    if (c.kind == "date") found = &c;
  REQUIRE(found != nullptr);
  REQUIRE(found->evidence.size() == 2);
  std::string both = found->evidence[0] + found->evidence[1];
  CHECK_THAT(both, Catch::Contains("2015-12-15"));
  CHECK_THAT(both, Catch::Contains("2015-12-16"));
  CHECK_THAT(both, Catch::Contains("005_contradiction"));
}

TEST_CASE("a future reference is no date: it neither conflicts with nor dates an event", "[graph][merge][conflict]") {
  events::TimeAnchor future{"FUTURE_REF", "", testing::day("2015-12-15").begin, std::nullopt, "dct-tense", std::nullopt, ""};
  auto a = document("a", {mention("a", "talks", day("2015-12-18"), {"John Kerry"}, "Geneva")});
  auto b = document("b", {mention("b", "talks", future, {"John Kerry"})});
  graph::EventGraph g = graph::build({a, b}, {});
  CHECK(g.conflicts.empty());
  for (const auto& e : g.events)
    if (e.time) CHECK(e.time->value != "FUTURE_REF");
}

TEST_CASE("in one article, same-day mentions with nothing else to share are still compared", "[graph][merge]") {
  auto a = document("a", {mention("a", "talks", day("2015-12-18"), {}), mention("a", "conference", day("2015-12-18"), {}, "New York"),
                          mention("a", "talks", span("2015-W50", "week", "2015-12-07", "2015-12-13"), {})});
  graph::EventGraph g = graph::build({a}, {});
  REQUIRE(g.events.size() == 2);  // the week's talks stay apart: only same-day mentions meet this way
  for (const auto& e : g.events) {
    REQUIRE(e.time);
    CHECK(e.mentions.size() == (e.time->value == "2015-12-18" ? 2u : 1u));
  }
}

TEST_CASE("different places, unrelated triggers and disjoint actors keep events apart", "[graph][merge]") {
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"John Kerry"}, "Moscow"),
                          mention("a", "strikes", day("2015-12-15"), {"Russia"}, "Syria")});
  auto b = document("b", {mention("b", "meeting", day("2015-12-15"), {"John Kerry"}, "Paris"),
                          mention("b", "strikes", day("2015-12-15"), {"United States"}, "Syria")});
  graph::EventGraph g = graph::build({a, b}, {});
  CHECK(g.events.size() == 4);
}

TEST_CASE("actor and place aliases are canonicalized through the actor table before scoring", "[graph][merge]") {
  events::ActorTable actors;
  actors.add({"New York", "LOC", {"NY", "New York City"}, ""});
  actors.add({"Sergei Lavrov", "PER", {"Sergey Lavrov"}, ""});
  auto a = document("a", {mention("a", "meeting", day("2015-12-18"), {"Sergey Lavrov"}, "NY")});
  auto b = document("b", {mention("b", "conference", day("2015-12-18"), {"Sergei Lavrov"}, "New York City")});
  graph::EventGraph g = graph::build({a, b}, actors);
  CHECK(g.events.size() == 1);
}

TEST_CASE("an undated mention joins the one event that fits it near its publication date", "[graph][merge]") {
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"John Kerry", "Sergei Lavrov"}, "Moscow")});
  auto b = document("b", {mention("b", "negotiations", std::nullopt, {"John Kerry", "Sergei Lavrov"}),
                          mention("b", "strikes", std::nullopt, {"Russia"})});
  graph::EventGraph g = graph::build({a, b}, {});
  REQUIRE(g.events.size() == 2);
  CHECK(g.events[0].mentions.size() == 2);
  CHECK_FALSE(g.events[1].time);

  SECTION("but not when two events fit equally well") {
    auto c = document("c", {mention("c", "talks", day("2015-12-16"), {"John Kerry", "Sergei Lavrov"}, "Moscow")});
    graph::EventGraph g2 = graph::build({a, b, c}, {});
    for (const auto& e : g2.events) CHECK(e.mentions.size() == 1);
  }
}

TEST_CASE("reporting events are not merged across documents", "[graph][merge]") {
  auto said_a = mention("a", "say", day("2015-12-15"), {"John Kerry"});
  said_a.event_class = events::EventClass::reporting;
  auto said_b = said_a;
  graph::EventGraph g = graph::build({document("a", {said_a}), document("b", {said_b})}, {});
  CHECK(g.events.size() == 2);
}

TEST_CASE("blocking compares only mentions that share a time bucket and an actor or place", "[graph][merge][scale]") {
  // 3,000 mentions on 300 days with 100 actors: all-pairs would be 4.5 million comparisons;
  // this only checks the result is right and every event kept its provenance.
  std::vector<events::DocumentAnalysis> docs;
  for (int d = 0; d < 300; ++d) {
    std::vector<events::Mention> ms;
    for (int k = 0; k < 10; ++k) {
      date::sys_days when = date::sys_days(date::year{2015} / 1 / 1) + date::days{d};
      std::string iso = events::format_day(when);
      ms.push_back(mention("d", "meeting", day(iso), {"actor " + std::to_string((d + k) % 100)}, "place " + std::to_string(k)));
    }
    docs.push_back(document("doc" + std::to_string(d), std::move(ms)));
  }
  graph::EventGraph g = graph::build(docs, {});
  std::size_t mentions = 0;
  for (const auto& e : g.events) mentions += e.mentions.size();
  CHECK(mentions == 3000);
  CHECK(g.events.size() == 3000);  // different days or places: nothing merges
  for (std::size_t i = 1; i < g.events.size(); ++i) CHECK(*g.events[i - 1].time->begin <= *g.events[i].time->begin);
}

TEST_CASE("fifty thousand mentions merge, relate and order in reasonable time", "[graph][scale][.slow]") {
  std::vector<events::DocumentAnalysis> docs;
  for (int d = 0; d < 5000; ++d) {
    std::vector<events::Mention> ms;
    for (int k = 0; k < 10; ++k) {
      date::sys_days when = date::sys_days(date::year{2014} / 1 / 1) + date::days{(d * 7 + k * 13) % 730};
      auto m = mention("d", k % 2 ? "meeting" : "talks", day(events::format_day(when)), {"actor " + std::to_string((d + k) % 2000)},
                       k % 3 ? "place " + std::to_string(k) : "");
      if (k == 9) m.time.reset();
      ms.push_back(std::move(m));
    }
    docs.push_back(document("doc" + std::to_string(d), std::move(ms), {{9, 0, "AFTER", "after"}}));
  }
  graph::EventGraph g = graph::build(docs, {});
  std::size_t mentions = 0;
  for (const auto& e : g.events) mentions += e.mentions.size();
  CHECK(mentions == 50000);
}
