#include <algorithm>
#include <iostream>

#include "fixture.hpp"

using namespace chronicle;
using testing::day;
using testing::document;
using testing::mention;

namespace {

const graph::Relation* find_relation(const graph::EventGraph& g, std::size_t s, std::size_t t) {
  for (const auto& r : g.relations)
    if (r.source == s && r.target == t) return &r;
  return nullptr;
}

std::size_t index_of(const graph::EventGraph& g, const graph::Event* e) { return static_cast<std::size_t>(e - g.events.data()); }

}  // namespace

TEST_CASE("the seed timeline runs 2011 -> 2012 -> 2014 -> the week of Dec 7 -> Dec 14 -> 15 -> 18 -> Jan 1",
          "[graph][order]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  std::vector<std::string> dated;
  for (const auto& e : g.events)
    if (e.time && e.time->value != (dated.empty() ? "" : dated.back())) dated.push_back(e.time->value);
  std::vector<std::string> expected{"2011-03", "2012", "2014-09", "2015-W50", "2015-12-11", "2015-12-14",
                                    "2015-12-15", "2015-12-16", "2015-12-18", "2016-01-01"};
  CHECK(dated == expected);
  for (std::size_t i = 0; i < g.events.size(); ++i) CHECK(g.events[i].id == "e" + std::to_string(i + 1));
}

TEST_CASE("date relations follow the intervals at their granularity", "[graph][relations]") {
  auto week = testing::span("2015-W50", "week", "2015-12-07", "2015-12-13");
  auto a = document("a", {mention("a", "meeting", week, {"A"}, "Riyadh"), mention("a", "doubt", day("2015-12-11"), {"B"}),
                          mention("a", "talks", day("2015-12-15"), {"C"}, "Moscow")});
  graph::EventGraph g = graph::build({a}, {});
  REQUIRE(g.events.size() == 3);
  // Week first (it starts earlier), then the day inside it, then the later day.
  CHECK(g.events[0].trigger == "meeting");
  CHECK(g.events[1].trigger == "doubt");
  const auto* inc = find_relation(g, 0, 1);
  REQUIRE(inc != nullptr);
  CHECK(inc->type == graph::RelationType::includes);
  CHECK(inc->origin == "date");
  const auto* before = find_relation(g, 0, 2);
  REQUIRE(before != nullptr);
  CHECK(before->type == graph::RelationType::before);
  CHECK_THAT(before->evidence, Catch::Contains("2015-W50"));
}

TEST_CASE("cue relations carry their evidence and place undated events between dated neighbours", "[graph][relations][order]") {
  // "previous Vienna talks" (undated) came before the meeting on the 18th, and after the talks on the 15th.
  auto a = document("a",
                    {mention("a", "talks", day("2015-12-15"), {"John Kerry"}, "Moscow"),
                     mention("a", "talks", std::nullopt, {}, "Vienna"),
                     mention("a", "meeting", day("2015-12-18"), {"ISSG"}, "New York")},
                    {{1, 2, "BEFORE", "previous talks"}, {1, 0, "AFTER", "since"}});
  graph::EventGraph g = graph::build({a}, {});
  REQUIRE(g.events.size() == 3);
  CHECK(g.events[0].location == "Moscow");
  CHECK(g.events[1].location == "Vienna");
  CHECK(g.events[2].location == "New York");
  CHECK(g.events[1].placement == "after e1");
  const auto* cue = find_relation(g, 1, 2);
  REQUIRE(cue != nullptr);
  CHECK(cue->origin == "cue");
  CHECK_THAT(cue->evidence, Catch::Contains("previous talks"));
}

TEST_CASE("an undated event with only a later neighbour is placed just before it", "[graph][order]") {
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"X"}, "Moscow"),
                          mention("a", "meeting", day("2015-12-18"), {"Y"}, "New York"),
                          mention("a", "summit", std::nullopt, {}, "Vienna")},
                    {{2, 1, "BEFORE", "prior to"}});
  graph::EventGraph g = graph::build({a}, {});
  REQUIRE(g.events.size() == 3);
  CHECK(g.events[1].location == "Vienna");
  CHECK(g.events[1].placement == "before e3");
}

TEST_CASE("a cycle of relations is reported with every edge's evidence, not dropped", "[graph][conflict]") {
  // Two outlets disagree on which came first, both on the same day.
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"X"}, "Geneva"), mention("a", "summit", day("2015-12-15"), {"Y"}, "Rome")},
                    {{0, 1, "BEFORE", "ahead of"}});
  auto b = document("b", {mention("b", "talks", day("2015-12-15"), {"X"}, "Geneva"), mention("b", "summit", day("2015-12-15"), {"Y"}, "Rome")},
                    {{0, 1, "AFTER", "after"}});
  graph::EventGraph g = graph::build({a, b}, {});
  auto cycle = std::find_if(g.conflicts.begin(), g.conflicts.end(), [](const auto& c) { return c.kind == "cycle"; });
  REQUIRE(cycle != g.conflicts.end());
  REQUIRE(cycle->evidence.size() == 2);
  CHECK_THAT(cycle->evidence[0] + cycle->evidence[1], Catch::Contains("ahead of") && Catch::Contains("after"));
  // The relations stay in the output, flagged, and every event is still ordered.
  std::size_t flagged = 0;
  for (const auto& r : g.relations) flagged += r.contradicted ? 1 : 0;
  CHECK(flagged == 2);
  CHECK(g.events.size() == 2);
}

TEST_CASE("a cue the dates contradict is a conflict with both sides' evidence", "[graph][conflict]") {
  auto a = document("a", {mention("a", "talks", day("2015-12-15"), {"X"}, "Moscow"), mention("a", "meeting", day("2015-12-18"), {"Y"}, "New York")},
                    {{0, 1, "AFTER", "after"}});
  graph::EventGraph g = graph::build({a}, {});
  auto cue = std::find_if(g.conflicts.begin(), g.conflicts.end(), [](const auto& c) { return c.kind == "cue"; });
  REQUIRE(cue != g.conflicts.end());
  CHECK(cue->evidence.size() == 2);
  CHECK_THAT(cue->description, Catch::Contains("BEFORE"));
  auto cycle = std::find_if(g.conflicts.begin(), g.conflicts.end(), [](const auto& c) { return c.kind == "cycle"; });
  CHECK(cycle != g.conflicts.end());  // with the date edge it is also a cycle
  CHECK(g.events[0].location == "Moscow");  // the dates win the order
}

TEST_CASE("transitive reduction hides relations implied by others", "[graph][relations]") {
  auto a = document("a", {mention("a", "talks", std::nullopt, {"X"}, "A"), mention("a", "summit", std::nullopt, {"Y"}, "B"),
                          mention("a", "strike", std::nullopt, {"Z"}, "C")},
                    {{0, 1, "BEFORE", "before"}, {1, 2, "BEFORE", "before"}, {0, 2, "BEFORE", "long before"}});
  graph::EventGraph g = graph::build({a}, {});
  REQUIRE(g.events.size() == 3);
  const auto* shortcut = find_relation(g, 0, 2);
  REQUIRE(shortcut != nullptr);
  CHECK(shortcut->redundant);
  CHECK_FALSE(find_relation(g, 0, 1)->redundant);
  CHECK_FALSE(find_relation(g, 1, 2)->redundant);
}

TEST_CASE("the seed graph links the Riyadh meeting before the Moscow talks by the cue 'follows'", "[graph][relations]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  const auto* talks = testing::event_named(g, "Kerry holds talks with Putin and Lavrov in Moscow");
  const auto* riyadh = testing::event_named(g, "Syrian opposition meeting in Riyadh");
  REQUIRE(talks);
  REQUIRE(riyadh);
  const auto* r = find_relation(g, index_of(g, talks), index_of(g, riyadh));
  REQUIRE(r != nullptr);
  CHECK(r->type == graph::RelationType::after);
  CHECK_THAT(r->evidence, Catch::Contains("follows"));
  CHECK_FALSE(r->contradicted);
}

TEST_CASE("subgraph keeps the chosen events and the relations among them", "[graph]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  std::vector<bool> keep(g.events.size(), false);
  keep[0] = keep[1] = true;
  graph::EventGraph sub = graph::subgraph(g, keep);
  REQUIRE(sub.events.size() == 2);
  CHECK(sub.events[0].id == g.events[0].id);
  for (const auto& r : sub.relations) CHECK((r.source < 2 && r.target < 2));
}

TEST_CASE("dump the seed graph", "[.dump]") {
  const auto& corpus = testing::seed_corpus();
  graph::EventGraph g = graph::build(corpus.documents, corpus.actors);
  for (const auto& e : g.events) {
    std::string docs;
    for (const auto& m : e.mentions) docs += m.doc.substr(0, 3) + ":" + m.trigger_text + " ";
    std::cout << e.id << " " << (e.time ? e.time->value : "-") << " | " << e.summary << " | " << docs << " " << e.placement << "\n";
  }
  for (const auto& r : g.relations)
    std::cout << g.events[r.source].id << " " << graph::to_string(r.type) << " " << g.events[r.target].id << " " << r.origin
              << (r.redundant ? " (redundant)" : "") << (r.contradicted ? " (contradicted)" : "") << "\n";
  for (const auto& c : g.conflicts) std::cout << c.kind << ": " << c.description << "\n";
}
