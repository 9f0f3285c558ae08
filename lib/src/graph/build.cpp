// The corpus stage: merge, relate, check, order. See chronicle/graph/event_graph.hpp.

#include <array>
#include <set>

#include "internal.hpp"

namespace chronicle::graph {
namespace {

constexpr std::array<std::string_view, 6> kRelationNames{"BEFORE",   "AFTER",        "INCLUDES",
                                                         "IS_INCLUDED", "SIMULTANEOUS", "OVERLAP"};

}  // namespace

std::string_view to_string(RelationType type) { return kRelationNames.at(static_cast<std::size_t>(type)); }

std::optional<RelationType> relation_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kRelationNames.size(); ++i)
    if (kRelationNames[i] == name) return static_cast<RelationType>(i);
  return std::nullopt;
}

RelationType inverse(RelationType type) {
  switch (type) {
    case RelationType::before: return RelationType::after;
    case RelationType::after: return RelationType::before;
    case RelationType::includes: return RelationType::is_included;
    case RelationType::is_included: return RelationType::includes;
    default: return type;
  }
}

std::size_t Event::sources() const {
  std::set<std::string_view> docs;
  for (const auto& m : mentions) docs.insert(m.doc);
  return docs.size();
}

EventGraph build(const std::vector<events::DocumentAnalysis>& analyses, const events::ActorTable& actors,
                 const BuildOptions& options) {
  detail::MergeResult merged = detail::merge_mentions(analyses, actors, options);
  EventGraph graph;
  graph.events = detail::make_events(analyses, merged.clusters);
  graph.conflicts = std::move(merged.conflicts);
  detail::relate_events(analyses, merged.clusters, graph);
  detail::check_and_order(graph, options);
  return graph;
}

EventGraph subgraph(const EventGraph& graph, const std::vector<bool>& keep) {
  EventGraph out;
  std::vector<std::size_t> new_index(graph.events.size(), SIZE_MAX);
  for (std::size_t i = 0; i < graph.events.size(); ++i)
    if (i < keep.size() && keep[i]) {
      new_index[i] = out.events.size();
      out.events.push_back(graph.events[i]);
    }
  for (const Relation& r : graph.relations)
    if (new_index[r.source] != SIZE_MAX && new_index[r.target] != SIZE_MAX) {
      Relation copy = r;
      copy.source = new_index[r.source];
      copy.target = new_index[r.target];
      out.relations.push_back(std::move(copy));
    }
  for (const Conflict& c : graph.conflicts) {
    Conflict copy = c;
    copy.events.clear();
    for (std::size_t e : c.events)
      if (new_index[e] != SIZE_MAX) copy.events.push_back(new_index[e]);
    if (!copy.events.empty()) out.conflicts.push_back(std::move(copy));
  }
  return out;
}

}  // namespace chronicle::graph
