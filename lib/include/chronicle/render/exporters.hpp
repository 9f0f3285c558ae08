#pragma once
// The event graph for other tools: Graphviz DOT, TimelineJS JSON and TimeML.
//
//   render::write_dot(std::cout, graph, {});            // dot -Tsvg renders it
//   render::write_timelinejs(std::cout, graph);          // loads in TimelineJS as is
//   std::string tml = render::timeml_document(analysis, text, graph);

#include <ostream>
#include <string>
#include <string_view>

#include "chronicle/events/mention.hpp"
#include "chronicle/graph/event_graph.hpp"

namespace chronicle::render {

/// How the DOT diagram is laid out.
struct DotOptions {
  std::string group = "auto";          ///< "day", "week" or "auto" (week when the span is long)
  std::string rankdir = "LR";          ///< "LR" (time runs left to right) or "TB"
  std::size_t aggregate_above = 300;   ///< more events than this: one node per day/week group
};

/// A digraph ordered by time: one cluster per day or week (rank=same), edges styled by
/// relation, contradicted edges red; large graphs aggregated into one node per group.
void write_dot(std::ostream& out, const graph::EventGraph& graph, const DotOptions& options);

/// {"title":..., "events":[{"start_date":{"year","month","day"},"text":{"headline","text"}}]};
/// undated events are left out (TimelineJS needs a start date).
void write_timelinejs(std::ostream& out, const graph::EventGraph& graph);

/// The TimeML document of one analysis: its text with inline EVENT and TIMEX3 tags, then
/// MAKEINSTANCE and TLINK elements (anchors, cues, and graph relations between its events).
/// `text` is the document as the mention offsets index it.
std::string timeml_document(const events::DocumentAnalysis& analysis, std::string_view text, const graph::EventGraph& graph);

}  // namespace chronicle::render
