// Filtered views of the event graph and the date labels every format shares.

#include <algorithm>

#include <fmt/format.h>

#include "chronicle/events/serialize.hpp"
#include "chronicle/render/timeline.hpp"

namespace chronicle::render {

namespace {

// An event the text dates: a mention anchored on a time expression, directly or through its
// governing event. Sayings count only as nouns with their own date ("Monday's comments"), not as
// the "said" of every quote; states and wishes ("the crisis", "need", "hope") are no happenings.
bool is_dated_by_text(const graph::Event& e) {
  return std::any_of(e.mentions.begin(), e.mentions.end(), [](const events::Mention& m) {
    if (!m.time || !m.time->begin) return false;  // "currently", "now": no date to place it on
    if (m.event_class == events::EventClass::state || m.event_class == events::EventClass::i_state) return false;
    if (m.event_class == events::EventClass::reporting) return m.tense == events::Tense::none && m.time->rule == "timex";
    return m.time->rule == "timex" || m.time->rule == "governing-event";
  });
}

}  // namespace

Result<graph::EventGraph> filter(const graph::EventGraph& graph, const events::ActorTable& actors, const Filter& f) {
  std::string actor;
  if (!f.actor.empty()) {
    const events::Actor* found = actors.find(f.actor);
    if (!found) {
      std::vector<std::string> close = actors.closest(f.actor, 3);
      if (close.empty()) return fail("no actor named “{}” in this corpus", f.actor);
      return fail("no actor named “{}” in this corpus; closest known: {}", f.actor, fmt::join(close, ", "));
    }
    actor = found->name;
  }
  std::vector<bool> keep(graph.events.size(), true);
  for (std::size_t i = 0; i < graph.events.size(); ++i) {
    const graph::Event& e = graph.events[i];
    if (!actor.empty() && std::find(e.actors.begin(), e.actors.end(), actor) == e.actors.end()) keep[i] = false;
    if (f.dated_by_text && !is_dated_by_text(e)) keep[i] = false;
    if (f.from || f.to) {
      if (!e.time || !e.time->begin) {
        keep[i] = false;
        continue;
      }
      if (f.from && *e.time->end < *f.from) keep[i] = false;
      if (f.to && *e.time->begin > *f.to) keep[i] = false;
    }
  }
  return graph::subgraph(graph, keep);
}

std::string date_label(const std::optional<events::TimeAnchor>& time) {
  if (!time) return "undated";
  if (!time->begin) return time->value;
  std::string begin = events::format_day(*time->begin);
  const std::string& g = time->granularity;
  if (g == "day" || g == "time" || *time->begin == *time->end) return begin;
  if (g == "week") return "week of " + begin;
  if (g == "weekend") return "weekend of " + begin;
  if (g == "month") return begin.substr(0, 7);
  if (g == "year") return begin.substr(0, 4);
  // Decades and centuries as readers write them: "the 1990s", "the 200s", not 199 and 02.
  if (g == "decade" || g == "century") {
    int year = static_cast<int>(date::year_month_day(*time->begin).year());
    return fmt::format("the {}s", year);
  }
  return time->value.empty() ? begin + ".." + events::format_day(*time->end) : time->value;
}

}  // namespace chronicle::render
