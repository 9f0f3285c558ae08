// From clusters of mentions to Events: the date the mentions agree on, the most frequent
// trigger, actors by how often they are mentioned, the most frequent place and summary.

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "chronicle/events/extractor.hpp"
#include "internal.hpp"

namespace chronicle::graph::detail {
namespace {

// The most frequent non-empty value; ties go to the one seen first.
std::string most_frequent(const std::vector<std::string>& values) {
  std::map<std::string, std::size_t> counts;
  std::string best;
  std::size_t best_count = 0;
  for (const std::string& v : values)
    if (!v.empty()) ++counts[v];
  for (const std::string& v : values)
    if (!v.empty() && counts[v] > best_count) best = v, best_count = counts[v];
  return best;
}

// The anchor with the narrowest interval, preferring the value most mentions give.
std::optional<events::TimeAnchor> agreed_time(const std::vector<events::Mention>& mentions) {
  std::vector<std::string> values;
  for (const auto& m : mentions)
    if (interval_of(m.time)) values.push_back(m.time->value);
  const events::TimeAnchor* best = nullptr;
  std::optional<Interval> best_span;
  std::string common = most_frequent(values);
  for (const auto& m : mentions) {
    auto span = interval_of(m.time);
    if (!span) continue;
    auto width = span->end - span->begin;
    bool better = !best_span || width < best_span->end - best_span->begin ||
                  (width == best_span->end - best_span->begin && m.time->value == common && best->value != common);
    if (better) best = &*m.time, best_span = span;
  }
  if (best) return *best;
  return std::nullopt;
}

std::vector<std::string> actors_by_frequency(const std::vector<events::Mention>& mentions) {
  std::map<std::string, std::size_t> counts;
  std::vector<std::string> order;
  for (const auto& m : mentions)
    for (const auto& a : m.actors)
      if (counts[a]++ == 0) order.push_back(a);
  std::stable_sort(order.begin(), order.end(), [&](const auto& x, const auto& y) { return counts[x] > counts[y]; });
  return order;
}

std::size_t index_of(const std::vector<MentionRef>& refs, MentionRef ref) {
  for (std::size_t i = 0; i < refs.size(); ++i)
    if (refs[i].doc == ref.doc && refs[i].mention == ref.mention) return i;
  return 0;
}

}  // namespace

std::vector<Event> make_events(const std::vector<events::DocumentAnalysis>& analyses, const std::vector<Cluster>& clusters) {
  std::vector<Event> out;
  out.reserve(clusters.size());
  for (const Cluster& c : clusters) {
    std::vector<MentionRef> refs = c.members;
    std::sort(refs.begin(), refs.end(), [](MentionRef a, MentionRef b) {
      return a.doc != b.doc ? a.doc < b.doc : a.mention < b.mention;
    });
    Event e;
    std::vector<std::string> triggers, lemmas, places, summaries;
    for (MentionRef r : refs) {
      const events::Mention& m = analyses[r.doc].mentions[r.mention];
      e.mentions.push_back(m);
      triggers.push_back(m.trigger_text);
      lemmas.push_back(m.lemma.empty() ? m.trigger_text : m.lemma);
      places.push_back(m.location);
      summaries.push_back(m.summary);
    }
    e.time = agreed_time(e.mentions);
    e.trigger = most_frequent(triggers);
    e.location = most_frequent(places);
    e.actors = actors_by_frequency(e.mentions);
    // "The Moscow talks" name their place, not a participant.
    if (!e.location.empty()) std::erase(e.actors, e.location);
    // The summary most mentions share; when they disagree (each article names the event its own
    // way), one made from the most frequent lemma, the event's actors and its place.
    e.summary = most_frequent(summaries);
    if (e.summary.empty() || 2 * static_cast<std::size_t>(std::count(summaries.begin(), summaries.end(), e.summary)) < summaries.size()) {
      events::Mention head;
      head.lemma = most_frequent(lemmas);
      head.trigger_text = e.trigger;
      head.actors.assign(e.actors.begin(), e.actors.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(e.actors.size(), 4)));
      head.location = e.location;
      e.summary = events::summarize(head);
    }
    for (const PendingReason& p : c.reasons)
      e.merge_reasons.push_back({index_of(refs, p.first), index_of(refs, p.second), p.score, p.reasons});
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace chronicle::graph::detail
