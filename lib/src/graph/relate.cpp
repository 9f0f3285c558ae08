// Temporal relations between events: from their dates (a sweep over events sorted by interval,
// linking each to its neighbours rather than to every other event; order follows by
// transitivity) and from each document's textual cues ("after", "follows", "prior to").

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "internal.hpp"

namespace chronicle::graph::detail {
namespace {

constexpr std::size_t kMaxOverlapLinks = 16;  // containment links per interval group
constexpr std::size_t kMaxBeforeLinks = 8;    // successor links per interval group

struct DatedGroup {
  Interval span;
  std::vector<std::size_t> events;
};

std::vector<DatedGroup> dated_groups(const std::vector<Event>& events) {
  std::map<std::pair<date::sys_days, date::sys_days>, std::vector<std::size_t>> by_span;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (auto span = interval_of(events[i].time)) by_span[{span->begin, span->end}].push_back(i);
  std::vector<DatedGroup> groups;
  for (auto& [key, members] : by_span) groups.push_back({*interval_of(events[members.front()].time), std::move(members)});
  // Sorted by begin, then wider first, so a group can only include or overlap later ones.
  std::stable_sort(groups.begin(), groups.end(), [](const DatedGroup& a, const DatedGroup& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  return groups;
}

std::string date_evidence(const Event& a, const Event& b, RelationType type) {
  return fmt::format("dates: {} {} {}", describe(*a.time), to_string(type), describe(*b.time));
}

void add_date_relations(EventGraph& graph) {
  std::vector<DatedGroup> groups = dated_groups(graph.events);
  auto add = [&](std::size_t a, std::size_t b, RelationType type) {
    graph.relations.push_back({a, b, type, date_evidence(graph.events[a], graph.events[b], type), "date", false});
  };
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const DatedGroup& group = groups[g];
    for (std::size_t k = 1; k < group.events.size(); ++k) add(group.events[k - 1], group.events[k], RelationType::simultaneous);
    std::size_t links = 0;
    std::size_t h = g + 1;
    for (; h < groups.size() && groups[h].span.begin <= group.span.end; ++h)
      if (links++ < kMaxOverlapLinks) add(group.events.front(), groups[h].events.front(), relate(group.span, groups[h].span));
    // h is the first group starting after this one ends: link to it and its equals in begin.
    for (std::size_t k = h, n = 0; k < groups.size() && groups[k].span.begin == groups[h].span.begin && n < kMaxBeforeLinks; ++k, ++n)
      add(group.events.front(), groups[k].events.front(), RelationType::before);
  }
}

// Which event each mention of each document ended up in.
std::vector<std::vector<std::size_t>> event_of_mention(const std::vector<events::DocumentAnalysis>& analyses,
                                                       const std::vector<Cluster>& clusters) {
  std::vector<std::vector<std::size_t>> out(analyses.size());
  for (std::size_t d = 0; d < analyses.size(); ++d) out[d].assign(analyses[d].mentions.size(), 0);
  for (std::size_t c = 0; c < clusters.size(); ++c)
    for (MentionRef r : clusters[c].members) out[r.doc][r.mention] = c;
  return out;
}

// A cue the dates contradict ("X after Y" where X's date is before Y's) is a conflict.
void check_cue_against_dates(const events::DocumentAnalysis& a, const events::CueRelation& cue, std::size_t s,
                             std::size_t t, EventGraph& graph, std::optional<RelationType> type) {
  auto span_s = interval_of(graph.events[s].time), span_t = interval_of(graph.events[t].time);
  if (!span_s || !span_t || !type) return;
  RelationType by_dates = relate(*span_s, *span_t);
  bool contradicts = (*type == RelationType::before && by_dates == RelationType::after) ||
                     (*type == RelationType::after && by_dates == RelationType::before);
  if (!contradicts) return;
  Conflict c;
  c.kind = "cue";
  c.description = fmt::format("{} says “{}” {} “{}” (“{}”), but the dates say {}", a.doc, graph.events[s].summary,
                              cue.type, graph.events[t].summary, cue.evidence, to_string(by_dates));
  c.events = {s, t};
  c.evidence = {quote(a.mentions[cue.source]) + " (cue: " + cue.evidence + ")",
                "dates: " + describe(*graph.events[s].time) + " vs " + describe(*graph.events[t].time)};
  graph.conflicts.push_back(std::move(c));
}

void add_cue_relations(const std::vector<events::DocumentAnalysis>& analyses, const std::vector<Cluster>& clusters,
                       EventGraph& graph) {
  auto event_of = event_of_mention(analyses, clusters);
  for (std::size_t d = 0; d < analyses.size(); ++d) {
    const events::DocumentAnalysis& a = analyses[d];
    for (const events::CueRelation& cue : a.cues) {
      std::size_t s = event_of[d][cue.source], t = event_of[d][cue.target];
      auto type = relation_from_string(cue.type);
      if (s == t || !type) {
        graph.conflicts.push_back({"cue",
                                   !type ? fmt::format("{}: unknown cue relation type “{}”", a.doc, cue.type)
                                         : fmt::format("{}: “{}” relates an event to itself: the mentions were merged into one event", a.doc, cue.evidence),
                                   {s}, {quote(a.mentions[cue.source]), quote(a.mentions[cue.target])}});
        continue;
      }
      check_cue_against_dates(a, cue, s, t, graph, type);
      std::string evidence = fmt::format("“{}” in {}", cue.evidence, quote(a.mentions[cue.source]));
      if (cue.source != cue.target && a.mentions[cue.target].sentence != a.mentions[cue.source].sentence)
        evidence += fmt::format(" / {}", quote(a.mentions[cue.target]));
      graph.relations.push_back({s, t, *type, std::move(evidence), "cue", false});
    }
  }
}

}  // namespace

void relate_events(const std::vector<events::DocumentAnalysis>& analyses, const std::vector<Cluster>& clusters,
                   EventGraph& graph) {
  add_date_relations(graph);
  add_cue_relations(analyses, clusters, graph);
}

}  // namespace chronicle::graph::detail
