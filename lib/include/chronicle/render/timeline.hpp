#pragma once
// Rendering the event graph for people: a filtered view (by actor, by dates) and the timeline as
// terminal text, Markdown, JSON (the contract in PRODUCT.md) or one self-contained HTML page.
//
//   auto view = render::filter(graph, actors, {.actor = "Sergey Lavrov"});
//   if (!view) std::cerr << view.error().message;      // unknown actor: names the closest ones
//   render::write_text(std::cout, *view, isatty(1));

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <date/date.h>

#include "chronicle/core/result.hpp"
#include "chronicle/events/actor_table.hpp"
#include "chronicle/graph/event_graph.hpp"

namespace chronicle::render {

/// Which events to show.
struct Filter {
  std::string actor;                      ///< any alias of an actor; "" for all
  std::optional<date::sys_days> from;     ///< events ending before this day are left out
  std::optional<date::sys_days> to;       ///< events starting after this day are left out
  /// Keep only events the text dates: some mention anchored on a time expression (directly or
  /// through its governing event) that is not a mere act of reporting ("said").
  bool dated_by_text = false;
};

/// The events of `graph` passing `filter` (undated events are kept only without dates in the
/// filter). An actor no alias matches is an error naming the closest known actors.
Result<graph::EventGraph> filter(const graph::EventGraph& graph, const events::ActorTable& actors, const Filter& filter);

/// The date column: "2015-12-15", "week of 2015-12-07", "2011-03", "2012", "undated".
std::string date_label(const std::optional<events::TimeAnchor>& time);

/// The terminal view: date, summary, actors, number of sources; ANSI colour when `colour`.
void write_text(std::ostream& out, const graph::EventGraph& graph, bool colour);
/// A Markdown list grouped by date, each event with its sources.
void write_markdown(std::ostream& out, const graph::EventGraph& graph);
/// The JSON object of PRODUCT.md: {"events", "relations", "conflicts"}, events in timeline order.
void write_json(std::ostream& out, const graph::EventGraph& graph);
/// One self-contained HTML page (no network): each event opens to its source sentences.
void write_html(std::ostream& out, const graph::EventGraph& graph, std::string_view title);

}  // namespace chronicle::render
