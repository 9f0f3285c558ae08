#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "chronicle/render/timeline.hpp"
#include "fixture.hpp"

using namespace chronicle;

namespace {

const graph::EventGraph& seed_graph() {
  static const graph::EventGraph g = graph::build(testing::seed_corpus().documents, testing::seed_corpus().actors);
  return g;
}

template <class F>
std::string render_to_string(F f) {
  std::ostringstream out;
  f(out);
  return out.str();
}

}  // namespace

TEST_CASE("timeline JSON has the contract's fields, events in timeline order", "[render][json]") {
  auto j = nlohmann::json::parse(render_to_string([](std::ostream& o) { render::write_json(o, seed_graph()); }));
  REQUIRE(j.contains("events"));
  REQUIRE(j.contains("relations"));
  REQUIRE(j.contains("conflicts"));
  const auto& events = j["events"];
  REQUIRE(events.size() == seed_graph().events.size());
  for (const auto& e : events) {
    for (const char* field : {"id", "time", "summary", "trigger", "actors", "location", "mentions"}) CHECK(e.contains(field));
    if (!e["time"].is_null())
      for (const char* field : {"value", "begin", "end", "granularity"}) CHECK(e["time"].contains(field));
    for (const auto& m : e["mentions"])
      for (const char* field : {"doc", "begin", "end", "sentence", "trigger_begin", "trigger_end"}) CHECK(m.contains(field));
  }
  CHECK(events[0]["id"] == "e1");
  CHECK(events[0]["time"]["value"] == "2011-03");
  for (const auto& r : j["relations"])
    for (const char* field : {"source", "target", "type", "evidence"}) CHECK(r.contains(field));
  CHECK_FALSE(j["conflicts"].empty());
}

TEST_CASE("mention offsets in the JSON index the original document", "[render][json]") {
  auto j = nlohmann::json::parse(render_to_string([](std::ostream& o) { render::write_json(o, seed_graph()); }));
  std::ifstream in(CHRONICLE_SOURCE_DIR "/tests/graph/fixtures/seed_corpus.json");
  auto fixture = nlohmann::json::parse(in);
  std::map<std::string, std::string> texts;
  for (const auto& d : fixture["documents"]) texts[d["doc"]] = d["text"];
  for (const auto& e : j["events"])
    for (const auto& m : e["mentions"]) {
      const std::string& text = texts[m["doc"]];
      auto b = m["begin"].get<std::size_t>(), en = m["end"].get<std::size_t>();
      CHECK(text.substr(b, en - b) == m["sentence"].get<std::string>());
      auto tb = m["trigger_begin"].get<std::size_t>(), te = m["trigger_end"].get<std::size_t>();
      CHECK(text.substr(tb, te - tb) == m["trigger"].get<std::string>());
    }
}

TEST_CASE("the text view has a date column, summary, actors and number of sources", "[render][text]") {
  std::string plain = render_to_string([](std::ostream& o) { render::write_text(o, seed_graph(), false); });
  CHECK_THAT(plain, Catch::Contains("2015-12-15") && Catch::Contains("Kerry holds talks with Putin and Lavrov in Moscow"));
  CHECK_THAT(plain, Catch::Contains("5 sources") || Catch::Contains("6 sources"));
  CHECK_THAT(plain, Catch::Contains("week of 2015-12-07"));
  CHECK(plain.find("\x1b[") == std::string::npos);
  std::string colour = render_to_string([](std::ostream& o) { render::write_text(o, seed_graph(), true); });
  CHECK(colour.find("\x1b[") != std::string::npos);
}

TEST_CASE("date labels say the granularity", "[render][text]") {
  CHECK(render::date_label(std::nullopt) == "undated");
  CHECK(render::date_label(testing::day("2015-12-18")) == "2015-12-18");
  CHECK(render::date_label(testing::span("2015-W50", "week", "2015-12-07", "2015-12-13")) == "week of 2015-12-07");
  CHECK(render::date_label(testing::span("2011-03", "month", "2011-03-01", "2011-03-31")) == "2011-03");
  CHECK(render::date_label(testing::span("199", "decade", "1990-01-01", "1999-12-31")) == "the 1990s");
  CHECK(render::date_label(testing::span("02", "century", "0200-01-01", "0299-12-31")) == "the 200s");
  CHECK(render::date_label(testing::span("2012", "year", "2012-01-01", "2012-12-31")) == "2012");
}

TEST_CASE("markdown groups events under date headings with their sources", "[render][markdown]") {
  std::string md = render_to_string([](std::ostream& o) { render::write_markdown(o, seed_graph()); });
  CHECK_THAT(md, Catch::Contains("## 2015-12-18"));
  CHECK_THAT(md, Catch::Contains("- **ISSG meeting on Syria in New York**"));
  CHECK_THAT(md, Catch::Contains("`004_fa1156a0877fd16a`"));
  CHECK(md.find("## 2011-03") < md.find("## 2015-12-18"));
}

TEST_CASE("the HTML page is self-contained and opens each event to its sources", "[render][html]") {
  std::string html = render_to_string([](std::ostream& o) { render::write_html(o, seed_graph(), "Seed <timeline>"); });
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("<title>Seed &lt;timeline&gt;</title>"));
  CHECK_THAT(html, Catch::Contains("<details>") && Catch::Contains("<mark>talks</mark>"));
  for (const char* external : {"http://", "https://", "<script", "<link", "src="}) CHECK(html.find(external) == std::string::npos);
  std::size_t opened = 0;
  for (std::size_t at = 0; (at = html.find("<details>", at)) != std::string::npos; ++at) ++opened;
  CHECK(opened == seed_graph().events.size());
}

TEST_CASE("filter by any alias of an actor gives the same events", "[render][filter]") {
  const auto& actors = testing::seed_corpus().actors;
  auto lavrov = render::filter(seed_graph(), actors, {"Lavrov", std::nullopt, std::nullopt});
  auto sergey = render::filter(seed_graph(), actors, {"Sergey Lavrov", std::nullopt, std::nullopt});
  auto sergei = render::filter(seed_graph(), actors, {"sergei lavrov", std::nullopt, std::nullopt});
  REQUIRE(lavrov);
  REQUIRE(sergey);
  REQUIRE(sergei);
  REQUIRE_FALSE(lavrov->events.empty());
  auto ids = [](const graph::EventGraph& g) {
    std::vector<std::string> out;
    for (const auto& e : g.events) out.push_back(e.id);
    return out;
  };
  CHECK(ids(*lavrov) == ids(*sergey));
  CHECK(ids(*lavrov) == ids(*sergei));
  for (const auto& e : lavrov->events) CHECK(std::find(e.actors.begin(), e.actors.end(), "Sergei Lavrov") != e.actors.end());
}

TEST_CASE("an unknown actor is an error naming the closest known actors", "[render][filter]") {
  auto r = render::filter(seed_graph(), testing::seed_corpus().actors, {"Lavrof", std::nullopt, std::nullopt});
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("Lavrof") && Catch::Contains("Sergei Lavrov"));
}

TEST_CASE("the from and to dates keep the events overlapping the range", "[render][filter]") {
  auto r = render::filter(seed_graph(), testing::seed_corpus().actors,
                          {"", events::parse_day("2015-12-14"), events::parse_day("2015-12-18")});
  REQUIRE(r);
  REQUIRE_FALSE(r->events.empty());
  for (const auto& e : r->events) {
    REQUIRE(e.time);
    CHECK(*e.time->end >= *events::parse_day("2015-12-14"));
    CHECK(*e.time->begin <= *events::parse_day("2015-12-18"));
  }
  // The ceasefire on 2016-01-01 and the 2011 outbreak are out; the ISSG meeting is in.
  CHECK(testing::event_named(*r, "Planned ceasefire in Syria") == nullptr);
  CHECK(testing::event_named(*r, "ISSG meeting on Syria in New York") != nullptr);
}

TEST_CASE("the dated-by-text view keeps events a time expression dates and drops acts of reporting", "[render][filter]") {
  graph::EventGraph all = seed_graph();
  render::Filter f;
  f.dated_by_text = true;
  auto r = render::filter(all, testing::seed_corpus().actors, f);
  REQUIRE(r);
  CHECK(r->events.size() < all.events.size());
  for (const graph::Event& e : r->events) {
    CAPTURE(e.summary);
    bool dated = std::any_of(e.mentions.begin(), e.mentions.end(), [](const events::Mention& m) {
      return m.event_class != events::EventClass::reporting && m.time &&
             (m.time->rule == "timex" || m.time->rule == "governing-event");
    });
    CHECK(dated);
  }
}

TEST_CASE("the dated-by-text view leaves out states, wishes and what 'now' alone dates", "[render][filter]") {
  using testing::day;
  using testing::document;
  using testing::mention;
  auto with_class = [](events::Mention m, events::EventClass c) {
    m.event_class = c;
    return m;
  };
  events::TimeAnchor now{"PRESENT_REF", "", std::nullopt, std::nullopt, "timex", std::nullopt, ""};
  auto a = document("a", {with_class(mention("a", "talks", day("2015-12-15"), {"John Kerry"}), events::EventClass::occurrence),
                          with_class(mention("a", "hope", day("2015-12-15"), {"Sergei Lavrov"}), events::EventClass::i_state),
                          with_class(mention("a", "crisis", day("2015-12-15"), {"Syria"}), events::EventClass::state),
                          with_class(mention("a", "fighting", now, {"Islamic State"}), events::EventClass::occurrence)});
  graph::EventGraph g = graph::build({a}, {});
  render::Filter f;
  f.dated_by_text = true;
  auto r = render::filter(g, {}, f);
  REQUIRE(r);
  REQUIRE(r->events.size() == 1);
  CHECK(r->events[0].trigger == "talks");
}
