// Graphviz DOT: time runs along the rank direction; each day or week is a cluster whose events
// share a rank; consecutive groups are chained by invisible heavy edges so the layout keeps the
// timeline order. Past `aggregate_above` events each group becomes one summary node.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "chronicle/events/serialize.hpp"
#include "chronicle/render/exporters.hpp"
#include "chronicle/render/timeline.hpp"
#include "escape.hpp"

namespace chronicle::render {
namespace {

using detail::dot_escape;

struct Group {
  std::string label;
  std::vector<std::size_t> events;
};

struct EdgeStyle {
  graph::RelationType type;
  std::string_view attributes;
};

constexpr EdgeStyle kEdgeStyles[] = {
    {graph::RelationType::before, "color=\"#333333\""},
    {graph::RelationType::includes, "style=dashed, color=\"#3366aa\", label=\"includes\""},
    {graph::RelationType::simultaneous, "style=dotted, dir=none, color=\"#228833\", label=\"same time\""},
    {graph::RelationType::overlap, "style=dashed, dir=none, color=\"#cc7700\", label=\"overlaps\""},
};

constexpr std::size_t kMaxGroups = 400;  // coarser grouping beyond this

// The group label of an event: its date at the grouping granularity, or its own coarser date.
std::string group_label(const graph::Event& e, std::string_view unit) {
  if (!e.time || !e.time->begin) return "";
  std::string g = e.time->granularity;
  date::sys_days day = *e.time->begin;
  if (g != "day" && g != "time" && *e.time->begin != *e.time->end) return date_label(e.time);
  if (unit == "day") return events::format_day(day);
  if (unit == "week") {
    date::weekday wd{day};
    date::sys_days monday = day - date::days{(wd.c_encoding() + 6) % 7};
    return "week of " + events::format_day(monday);
  }
  if (unit == "month") return events::format_day(day).substr(0, 7);
  return events::format_day(day).substr(0, 4);
}

std::vector<Group> make_groups(const graph::EventGraph& graph, std::string_view unit) {
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < graph.events.size(); ++i) {
    std::string label = group_label(graph.events[i], unit);
    if (label.empty()) {  // undated: a run of its own where the order placed it
      if (groups.empty() || !groups.back().label.starts_with("undated")) groups.push_back({fmt::format("undated {}", groups.size()), {}});
      groups.back().events.push_back(i);
      continue;
    }
    auto [it, inserted] = index.emplace(label, groups.size());
    if (inserted) groups.push_back({label, {}});
    groups[it->second].events.push_back(i);
  }
  return groups;
}

std::vector<Group> choose_groups(const graph::EventGraph& graph, const DotOptions& options) {
  static constexpr std::string_view kUnits[] = {"day", "week", "month", "year"};
  std::size_t start = options.group == "week" ? 1 : 0;
  std::vector<Group> groups;
  for (std::size_t u = start; u < std::size(kUnits); ++u) {
    groups = make_groups(graph, kUnits[u]);
    if (options.group != "auto" || groups.size() <= kMaxGroups) break;
  }
  return groups;
}

std::string node_label(const graph::Event& e) {
  return dot_escape(fmt::format("{}\n{} · {} source{}", detail::shorten(e.summary, 60), date_label(e.time), e.sources(),
                                e.sources() == 1 ? "" : "s"));
}

void write_relation(std::ostream& out, const graph::EventGraph& graph, const graph::Relation& r) {
  graph::RelationType type = r.type;
  std::size_t s = r.source, t = r.target;
  if (type == graph::RelationType::after || type == graph::RelationType::is_included) std::swap(s, t), type = graph::inverse(type);
  std::string_view style;
  for (const EdgeStyle& e : kEdgeStyles)
    if (e.type == type) style = e.attributes;
  if (r.contradicted) style = "color=red, penwidth=2, label=\"conflict\"";
  out << fmt::format("  {} -> {} [{}, tooltip=\"{}\"];\n", graph.events[s].id, graph.events[t].id, style,
                     dot_escape(detail::shorten(r.evidence, 200)));
}

void write_detailed(std::ostream& out, const graph::EventGraph& graph, const std::vector<Group>& groups) {
  for (std::size_t g = 0; g < groups.size(); ++g) {
    out << fmt::format("  subgraph cluster_{} {{\n    label=\"{}\"; rank=same; style=rounded; color=\"#99aabb\";\n", g,
                       dot_escape(groups[g].label.starts_with("undated") ? "undated" : groups[g].label));
    for (std::size_t i : groups[g].events) {
      const graph::Event& e = graph.events[i];
      out << fmt::format("    {} [label=\"{}\", fillcolor=\"{}\"];\n", e.id, node_label(e),
                         e.sources() >= 3 ? "#cfe3f7" : e.sources() == 2 ? "#e3eef9" : "#f7f9fb");
    }
    out << "  }\n";
  }
  for (std::size_t g = 1; g < groups.size(); ++g)
    out << fmt::format("  {} -> {} [style=invis, weight=20];\n", graph.events[groups[g - 1].events.front()].id,
                       graph.events[groups[g].events.front()].id);
  for (const graph::Relation& r : graph.relations)
    if (!r.redundant) write_relation(out, graph, r);
  for (const graph::Conflict& c : graph.conflicts)  // outlets disagreeing on a date
    if (c.kind == "date" && c.events.size() == 2)
      out << fmt::format("  {} -> {} [color=red, style=dashed, dir=none, constraint=false, xlabel=\"dates disagree\", tooltip=\"{}\"];\n",
                         graph.events[c.events[0]].id, graph.events[c.events[1]].id, dot_escape(detail::shorten(c.description, 200)));
}

void write_aggregated(std::ostream& out, const graph::EventGraph& graph, const std::vector<Group>& groups) {
  std::vector<std::size_t> group_of(graph.events.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::size_t> top = groups[g].events;
    for (std::size_t i : top) group_of[i] = g;
    std::stable_sort(top.begin(), top.end(), [&](std::size_t a, std::size_t b) { return graph.events[a].sources() > graph.events[b].sources(); });
    std::string label = fmt::format("{}\n{} {}", groups[g].label.starts_with("undated") ? "undated" : groups[g].label, top.size(), top.size() == 1 ? "event" : "events");
    for (std::size_t k = 0; k < top.size() && k < 3; ++k) label += "\n• " + detail::shorten(graph.events[top[k]].summary, 50);
    out << fmt::format("  g{} [label=\"{}\"];\n", g, dot_escape(label));
  }
  for (std::size_t g = 1; g < groups.size(); ++g) out << fmt::format("  g{} -> g{} [weight=20];\n", g - 1, g);
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> conflicts;
  for (const graph::Relation& r : graph.relations)
    if (r.contradicted && group_of[r.source] != group_of[r.target]) ++conflicts[{group_of[r.source], group_of[r.target]}];
  for (const auto& [pair, n] : conflicts)
    out << fmt::format("  g{} -> g{} [color=red, penwidth=2, constraint=false, xlabel=\"{} conflict{}\"];\n", pair.first,
                       pair.second, n, n == 1 ? "" : "s");
}

}  // namespace

void write_dot(std::ostream& out, const graph::EventGraph& graph, const DotOptions& options) {
  std::vector<Group> groups = choose_groups(graph, options);
  out << "digraph chronicle {\n"
      << fmt::format("  rankdir={}; newrank=true; compound=true; nodesep=0.25; ranksep=0.6;\n", options.rankdir)
      << "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, fillcolor=\"#f7f9fb\"];\n"
      << "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  if (graph.events.size() > options.aggregate_above)
    write_aggregated(out, graph, groups);
  else
    write_detailed(out, graph, groups);
  out << "}\n";
}

}  // namespace chronicle::render
