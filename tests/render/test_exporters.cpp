#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "chronicle/render/exporters.hpp"
#include "fixture.hpp"

using namespace chronicle;

namespace {

const graph::EventGraph& seed_graph() {
  static const graph::EventGraph g = graph::build(testing::seed_corpus().documents, testing::seed_corpus().actors);
  return g;
}

bool have_dot() { return std::system("command -v dot > /dev/null 2>&1") == 0; }

// Runs `dot -Tsvg` on `source`; returns the SVG, or "" when dot failed.
std::string render_svg(const std::string& source, const std::string& name) {
  auto dir = std::filesystem::temp_directory_path();
  std::string base = name + "_" + std::to_string(getpid());
  auto in = dir / (base + ".dot"), out = dir / (base + ".svg");
  std::ofstream(in) << source;
  std::string command = "dot -Tsvg '" + in.string() + "' -o '" + out.string() + "' 2> '" + (dir / (base + ".err")).string() + "'";
  int status = std::system(command.c_str());
  std::stringstream buf;
  if (status == 0) buf << std::ifstream(out).rdbuf();
  for (const auto& file : {in, out, dir / (base + ".err")}) std::filesystem::remove(file);
  return buf.str();
}

std::string dot_of(const graph::EventGraph& g, render::DotOptions options = {}) {
  std::ostringstream out;
  render::write_dot(out, g, options);
  return out.str();
}

// A synthetic corpus of `n` events over a year with cue chains.
graph::EventGraph big_graph(int n) {
  std::vector<events::DocumentAnalysis> docs;
  for (int i = 0; i < n; ++i) {
    date::sys_days when = date::sys_days(date::year{2015} / 1 / 1) + date::days{i % 365};
    auto m = testing::mention("d", i % 3 ? "meeting" : "strike", testing::day(events::format_day(when)),
                              {"actor " + std::to_string(i % 50)}, "place " + std::to_string(i));
    m.summary = "event " + std::to_string(i);
    docs.push_back(testing::document("doc" + std::to_string(i), {m}));
  }
  return graph::build(docs, {});
}

}  // namespace

TEST_CASE("DOT groups events by day in time order and styles edges by relation", "[render][dot]") {
  std::string dot = dot_of(seed_graph());
  CHECK_THAT(dot, Catch::StartsWith("digraph chronicle {"));
  CHECK_THAT(dot, Catch::Contains("rankdir=LR"));
  CHECK_THAT(dot, Catch::Contains("label=\"2015-12-15\"; rank=same"));
  CHECK_THAT(dot, Catch::Contains("label=\"week of 2015-12-07\""));
  CHECK(dot.find("label=\"2011-03\"") < dot.find("label=\"2015-12-18\""));
  CHECK_THAT(dot, Catch::Contains("style=dashed, color=\"#3366aa\", label=\"includes\""));
  CHECK_THAT(dot, Catch::Contains("style=invis"));
}

TEST_CASE("Graphviz renders the seed DOT", "[render][dot][graphviz]") {
  if (!have_dot()) {
    WARN("dot (graphviz) is not installed: skipping the render check; scripts/install-deps.sh installs it");
    return;
  }
  std::string svg = render_svg(dot_of(seed_graph()), "chronicle_seed");
  REQUIRE_FALSE(svg.empty());
  CHECK_THAT(svg, Catch::Contains("<svg") && Catch::Contains("ISSG meeting on Syria in New York"));
}

TEST_CASE("DOT stays legible past a thousand events: one node per group, and it renders", "[render][dot][graphviz]") {
  graph::EventGraph g = big_graph(1200);
  std::string dot = dot_of(g);
  CHECK_THAT(dot, Catch::Contains("events\\n•"));
  CHECK(dot.find("e1200 [") == std::string::npos);  // no node per event
  std::size_t nodes = 0;
  for (std::size_t at = 0; (at = dot.find(" [label=", at)) != std::string::npos; ++at) ++nodes;
  CHECK(nodes <= 400);
  if (!have_dot()) {
    WARN("dot (graphviz) is not installed: skipping the render check");
    return;
  }
  CHECK_FALSE(render_svg(dot, "chronicle_big").empty());
}

TEST_CASE("TimelineJS JSON has start dates with only the fields their granularity knows", "[render][timelinejs]") {
  std::ostringstream out;
  render::write_timelinejs(out, seed_graph());
  auto j = nlohmann::json::parse(out.str());
  REQUIRE(j.contains("events"));
  std::size_t dated = 0;
  for (const auto& e : seed_graph().events) dated += e.time ? 1u : 0u;
  CHECK(j["events"].size() == dated);
  for (const auto& e : j["events"]) {
    REQUIRE(e.contains("start_date"));
    CHECK(e["start_date"]["year"].is_number_integer());
    CHECK(e["text"]["headline"].is_string());
    CHECK(e["text"]["text"].is_string());
  }
  const auto& first = j["events"][0];  // March 2011: a month, no day
  CHECK(first["start_date"] == nlohmann::json{{"year", 2011}, {"month", 3}});
  auto issg = std::find_if(j["events"].begin(), j["events"].end(),
                           [](const auto& e) { return e["text"]["headline"] == "ISSG meeting on Syria in New York"; });
  REQUIRE(issg != j["events"].end());
  CHECK((*issg)["start_date"] == nlohmann::json{{"year", 2015}, {"month", 12}, {"day", 18}});
}

TEST_CASE("TimeML export tags events and timexes inline with consistent ids", "[render][timeml]") {
  std::ifstream in(CHRONICLE_SOURCE_DIR "/tests/graph/fixtures/seed_corpus.json");
  auto fixture = nlohmann::json::parse(in);
  const auto& doc = testing::seed_corpus().documents[4];  // 004
  std::string text = fixture["documents"][4]["text"];
  std::string tml = render::timeml_document(doc, text, seed_graph());
  CHECK_THAT(tml, Catch::Contains("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2015-12-15\""));
  CHECK_THAT(tml, Catch::Contains("<EVENT eid=\"e3\" class=\"OCCURRENCE\">talks</EVENT>"));
  CHECK_THAT(tml, Catch::Contains("value=\"2015-12-18\">December 18</TIMEX3>"));
  std::set<std::string> instances, tids{"t0"};
  std::smatch m;
  for (auto s = tml; std::regex_search(s, m, std::regex("eiid=\"(ei\\d+)\"")); s = m.suffix()) instances.insert(m[1]);
  for (auto s = tml; std::regex_search(s, m, std::regex("tid=\"(t\\d+)\"")); s = m.suffix()) tids.insert(m[1]);
  CHECK(instances.size() == doc.mentions.size());
  std::size_t links = 0;
  for (auto s = tml; std::regex_search(s, m, std::regex("<TLINK [^>]*eventInstanceID=\"(ei\\d+)\" related(ToTime|ToEventInstance)=\"(\\w+)\"")); s = m.suffix()) {
    ++links;
    CHECK(instances.count(m[1]) == 1);
    CHECK((m[2] == "ToTime" ? tids.count(m[3]) : instances.count(m[3])) == 1);
  }
  CHECK(links >= doc.cues.size());
  // Removing the tags gives back the text byte for byte once &amp; and &lt; are read back: quotes
  // stay quotes, as the TempEval-3 toolkit needs.
  std::string body = tml.substr(tml.find("<TEXT>") + 6, tml.find("</TEXT>") - tml.find("<TEXT>") - 6);
  CHECK(body.find("&quot;") == std::string::npos);
  body = std::regex_replace(body, std::regex("<[^>]+>"), "");
  body = std::regex_replace(body, std::regex("&lt;"), "<");
  body = std::regex_replace(body, std::regex("&amp;"), "&");
  CHECK(body == text);
}

TEST_CASE("a large DOT with conflicts between groups renders (Graphviz 2.42 crashes on labelled unconstrained edges)",
          "[render][dot][graphviz]") {
  graph::EventGraph g = big_graph(1200);
  graph::Conflict conflict;
  conflict.kind = "date";
  conflict.description = "outlets disagree";
  conflict.events = {10, 900};
  g.conflicts.push_back(conflict);
  conflict.kind = "cycle";
  conflict.events = {20, 700, 1100};
  g.conflicts.push_back(conflict);
  std::string dot = dot_of(g);
  CHECK(dot.find("constraint=false, label=") == std::string::npos);
  if (!have_dot()) {
    WARN("dot (graphviz) is not installed: skipping the render check");
    return;
  }
  CHECK_FALSE(render_svg(dot, "chronicle_big_conflicts").empty());
}

TEST_CASE("TimeML export types clock times and parts of day as TIME, periods as DURATION", "[render][timeml]") {
  std::string text = "They met this morning for two hours.";
  events::TimeAnchor morning{"2015-12-15TMO", "part_of_day", testing::day("2015-12-15").begin, testing::day("2015-12-15").end,
                             "timex", TextSpan{9, 21}, "this morning"};
  events::TimeAnchor hours{"PT2H", "", std::nullopt, std::nullopt, "timex", TextSpan{26, 35}, "two hours"};
  auto met = testing::mention("a", "met", morning, {});
  met.trigger = {5, 8};
  auto lasted = testing::mention("a", "met", hours, {});
  lasted.trigger = {5, 8};
  auto doc = testing::document("a", {met, lasted});
  graph::EventGraph g = graph::build({doc}, {});
  std::string tml = render::timeml_document(doc, text, g);
  CHECK_THAT(tml, Catch::Contains("type=\"TIME\" value=\"2015-12-15TMO\">this morning</TIMEX3>"));
  CHECK_THAT(tml, Catch::Contains("type=\"DURATION\" value=\"PT2H\">two hours</TIMEX3>"));
}

TEST_CASE("TimeML export keeps quotes and > of the text as they are, escaping only & and <", "[render][timeml]") {
  std::string text = "\"We met\" at AT&T this morning, 3 < 4 > 2.";
  events::TimeAnchor morning{"2015-12-15TMO", "part_of_day", testing::day("2015-12-15").begin, testing::day("2015-12-15").end,
                             "timex", TextSpan{17, 29}, "this morning"};
  auto met = testing::mention("a", "met", morning, {});
  met.trigger = {4, 7};
  auto doc = testing::document("a", {met});
  graph::EventGraph g = graph::build({doc}, {});
  std::string tml = render::timeml_document(doc, text, g);
  CHECK_THAT(tml, Catch::Contains("<TEXT>\"We <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT>\" at AT&amp;T <TIMEX3 "));
  CHECK_THAT(tml, Catch::Contains(">this morning</TIMEX3>, 3 &lt; 4 > 2.</TEXT>"));
}
