// Cross-document merging: mentions of one real event become one cluster.
//
// Blocking: each mention gets keys "time bucket | shared feature" (month or year buckets of its
// interval x each actor and its place); only mentions sharing a key are compared, so the cost
// follows block sizes, not the square of the corpus. Undated mentions block only within their
// document and join a dated event afterwards when exactly one fits near their publication date.
// Scoring: trigger (same lemma 1.0, synonym class 0.9, related class), actors, place, time;
// vetoes: different places, different polarity, unrelated triggers, incompatible dates. Clusters
// keep the intersection of their members' intervals, so a chain of compatible pairs can never
// merge two incompatible dates.

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "internal.hpp"

namespace chronicle::graph::detail {
namespace {

struct Item {
  MentionRef ref;
  const events::Mention* mention = nullptr;
  std::optional<Interval> when;
  std::string lemma;  // lower case
  std::string trigger_class;
  std::string place;
  std::vector<std::string> actors;  // canonical, sorted, unique
  std::optional<date::sys_days> dct;
  bool mergeable = true;
};

struct Score {
  bool explain = false;  // format reasons (only for pairs that merge: formatting is the slow part)
  double value = 0;
  bool vetoed = false;
  bool time_vetoed = false;  // everything but the dates agreed
  std::vector<std::string> reasons;
};

constexpr double kTriggerWeight = 0.3, kActorWeight = 0.3, kPlaceWeight = 0.15, kTimeWeight = 0.25;
constexpr double kUndatedTime = 0.3;  // time score of an undated mention near its publication date
constexpr std::size_t kWindow = 64;   // neighbours compared in an oversized block
constexpr double kUndatedExtra = 0.1; // extra score two undated mentions need to merge
constexpr double kSupportBonus = 0.02;  // per extra reporting document, when attaching undated mentions

std::string canonical(const events::ActorTable& table, const std::string& name) {
  const events::Actor* actor = table.find(name);
  return actor ? actor->name : name;
}

std::vector<Item> prepare(const std::vector<events::DocumentAnalysis>& analyses, const events::ActorTable& actors,
                          const BuildOptions& options) {
  std::vector<Item> items;
  const TriggerClasses& triggers = TriggerClasses::instance();
  for (std::size_t d = 0; d < analyses.size(); ++d) {
    const auto& a = analyses[d];
    for (std::size_t i = 0; i < a.mentions.size(); ++i) {
      const events::Mention& m = a.mentions[i];
      const std::string& lemma = m.lemma.empty() ? m.trigger_text : m.lemma;
      Item item{{d, i}, &m, interval_of(m.time), triggers.normalize(lemma), triggers.class_of(lemma), "", {}, std::nullopt, true};
      if (!m.location.empty()) item.place = canonical(actors, m.location);
      for (const std::string& name : m.actors) item.actors.push_back(canonical(actors, name));
      std::sort(item.actors.begin(), item.actors.end());
      item.actors.erase(std::unique(item.actors.begin(), item.actors.end()), item.actors.end());
      if (a.dct) item.dct = date::sys_days(*a.dct);
      item.mergeable = options.merge_reporting || m.event_class != events::EventClass::reporting;
      items.push_back(std::move(item));
    }
  }
  return items;
}

double time_score(const Interval& a, const Interval& b, Score& s) {
  RelationType r = relate(a, b);
  if (r == RelationType::before || r == RelationType::after) {
    s.time_vetoed = true;
    if (s.explain) s.reasons.push_back(fmt::format("dates differ: {} vs {}", describe(a), describe(b)));
    return 0;
  }
  if (r == RelationType::simultaneous) {
    if (s.explain) s.reasons.push_back(fmt::format("same {} {}", a.rank == 0 ? "day" : "period", describe(a)));
    return a.rank == 0 ? 1.0 : 0.8;
  }
  const Interval& inner = r == RelationType::includes ? b : a;
  const Interval& outer = r == RelationType::includes ? a : b;
  if (r == RelationType::overlap) {
    if (s.explain) s.reasons.push_back(fmt::format("overlapping dates {} / {}", describe(a), describe(b)));
    return 0.4;
  }
  if (s.explain) s.reasons.push_back(fmt::format("{} within {}", describe(inner), describe(outer)));
  return outer.rank <= 1 ? 0.7 : outer.rank == 2 ? 0.5 : 0.3;
}

double actor_score(const Item& a, const Item& b, Score& s) {
  if (a.actors.empty() || b.actors.empty()) return 0.3;
  std::vector<std::string> shared;
  std::set_intersection(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end(), std::back_inserter(shared));
  // A place named as a participant on one side and as the place on the other: "the Moscow
  // talks" / "talks in Moscow".
  auto has = [](const std::vector<std::string>& names, const std::string& name) {
    return !name.empty() && std::binary_search(names.begin(), names.end(), name);
  };
  if (shared.empty() && has(a.actors, b.place)) shared.push_back(b.place);
  if (shared.empty() && has(b.actors, a.place)) shared.push_back(a.place);
  if (shared.empty()) {
    if (s.explain) s.reasons.push_back("no shared actors");
    return -1;
  }
  if (s.explain) s.reasons.push_back(fmt::format("shared actors: {}", fmt::join(shared, ", ")));
  return static_cast<double>(shared.size()) / static_cast<double>(std::min(a.actors.size(), b.actors.size()));
}

// Scores a pair; `undated_time` replaces the date comparison when one side has no interval.
Score score(const Item& a, const Item& b, bool explain, std::optional<double> undated_time = std::nullopt) {
  Score s;
  s.explain = explain;
  s.vetoed = true;  // until the vetoes have passed
  if (a.mention->polarity != b.mention->polarity) return s;
  if (!a.place.empty() && !b.place.empty() && a.place != b.place) return s;
  TriggerMatch t{a.lemma == b.lemma                 ? 1.0
                 : a.trigger_class == b.trigger_class ? 0.9
                                                      : TriggerClasses::instance().related(a.trigger_class, b.trigger_class),
                 ""};
  if (t.score <= 0) return s;
  if (explain) t = TriggerClasses::instance().match(a.lemma, b.lemma);
  s.vetoed = false;
  if (s.explain) s.reasons.push_back(t.reason);
  double place = 0.5;
  if (!a.place.empty() && a.place == b.place) {
    place = 1;
    if (s.explain) s.reasons.push_back("same place: " + a.place);
  }
  double actors = actor_score(a, b, s);
  double time = 0;
  if (a.when && b.when)
    time = time_score(*a.when, *b.when, s);
  else {
    time = undated_time.value_or(0);
    if (s.explain) s.reasons.push_back("undated mention near its publication date");
  }
  s.value = kTriggerWeight * t.score + kActorWeight * actors + kPlaceWeight * place + kTimeWeight * time;
  if (s.time_vetoed) {
    s.value += kTimeWeight;  // what the pair would score if the dates agreed
    s.vetoed = true;
  }
  return s;
}

// Time buckets of a mention: months for intervals up to a quarter, years beyond, capped at 3.
std::vector<std::string> buckets(const Item& item) {
  if (!item.when) return {fmt::format("u{}", item.ref.doc)};
  std::vector<std::string> out;
  date::year_month_day first{item.when->begin}, last{item.when->end};
  if (item.when->rank <= 3) {
    for (auto ym = first.year() / first.month(); ym <= last.year() / last.month() && out.size() < 3; ym += date::months{1})
      out.push_back(fmt::format("m{}-{}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month())));
  } else {
    for (date::year y = first.year(); y <= last.year() && out.size() < 3; ++y) out.push_back(fmt::format("y{}", static_cast<int>(y)));
  }
  return out;
}

void add_block_pairs(std::vector<std::size_t> block, const std::vector<Item>& items,
                     std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  std::sort(block.begin(), block.end());
  block.erase(std::unique(block.begin(), block.end()), block.end());
  std::size_t window = block.size();
  if (block.size() > kWindow * 4) {  // still huge after the class split: compare nearby dates only
    std::stable_sort(block.begin(), block.end(), [&](std::size_t x, std::size_t y) {
      return items[x].when && items[y].when ? items[x].when->begin < items[y].when->begin : x < y;
    });
    window = kWindow;
  }
  for (std::size_t i = 0; i < block.size(); ++i)
    for (std::size_t j = i + 1; j < block.size() && j <= i + window; ++j)
      pairs.emplace_back(std::min(block[i], block[j]), std::max(block[i], block[j]));
}

std::vector<std::pair<std::size_t, std::size_t>> candidate_pairs(const std::vector<Item>& items, const BuildOptions& options) {
  std::unordered_map<std::string, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].mergeable) continue;
    for (const std::string& bucket : buckets(items[i])) {
      for (const std::string& actor : items[i].actors) {
        blocks[bucket + "|a:" + actor].push_back(i);
        if (items[i].place.empty()) blocks[bucket + "|p:" + actor].push_back(i);  // "the Moscow talks"
      }
      if (!items[i].place.empty()) blocks[bucket + "|p:" + items[i].place].push_back(i);
      // Within one article, mentions of one day meet even with no actor or place to share:
      // "a third round of talks on Friday" ... "a follow-up conference on Friday in NY".
      if (items[i].when && items[i].when->rank == 0) blocks[bucket + "|d:" + std::to_string(items[i].ref.doc)].push_back(i);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (auto& [key, block] : blocks) {
    if (block.size() <= options.max_block) {
      add_block_pairs(block, items, pairs);
      continue;
    }
    std::unordered_map<std::string, std::vector<std::size_t>> by_class;
    for (std::size_t i : block) by_class[items[i].trigger_class].push_back(i);
    for (auto& [cls, sub] : by_class) add_block_pairs(std::move(sub), items, pairs);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

// Union-find over items; each root keeps the intersection of its members' intervals and its place.
class Groups {
 public:
  explicit Groups(const std::vector<Item>& items) : items_(items), parent_(items.size()), span_(items.size()), place_(items.size()) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    for (std::size_t i = 0; i < items.size(); ++i) {
      span_[i] = items[i].when;
      place_[i] = items[i].place;
    }
  }
  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  const std::optional<Interval>& span(std::size_t i) { return span_[root(i)]; }
  // Joins the groups of a and b unless their dates or places are incompatible.
  // `explain()` gives the PendingReason, asked for only when the join happens.
  template <class Explain>
  bool join(std::size_t a, std::size_t b, Explain explain) {
    std::size_t ra = root(a), rb = root(b);
    if (ra == rb) return false;
    if (!place_[ra].empty() && !place_[rb].empty() && place_[ra] != place_[rb]) return false;
    std::optional<Interval> joint = span_[ra] ? span_[ra] : span_[rb];
    if (span_[ra] && span_[rb]) {
      Interval x = *span_[ra], y = *span_[rb];
      Interval both{std::max(x.begin, y.begin), std::min(x.end, y.end), std::min(x.rank, y.rank)};
      if (both.end < both.begin) return false;
      joint = both;
    }
    if (ra > rb) std::swap(ra, rb);
    parent_[rb] = ra;
    span_[ra] = joint;
    if (place_[ra].empty()) place_[ra] = place_[rb];
    reasons_.emplace_back(ra, explain());
    return true;
  }
  std::vector<Cluster> clusters(std::vector<std::size_t>& cluster_of_item);

 private:
  const std::vector<Item>& items_;
  std::vector<std::size_t> parent_;
  std::vector<std::optional<Interval>> span_;
  std::vector<std::string> place_;
  std::vector<std::pair<std::size_t, PendingReason>> reasons_;
};

std::vector<Cluster> Groups::clusters(std::vector<std::size_t>& cluster_of_item) {
  std::vector<Cluster> out;
  std::vector<std::size_t> index_of_root(items_.size(), SIZE_MAX);
  cluster_of_item.assign(items_.size(), 0);
  for (std::size_t i = 0; i < items_.size(); ++i) {
    std::size_t r = root(i);
    if (index_of_root[r] == SIZE_MAX) {
      index_of_root[r] = out.size();
      out.emplace_back();
    }
    cluster_of_item[i] = index_of_root[r];
    out[index_of_root[r]].members.push_back(items_[i].ref);
  }
  for (auto& [r, reason] : reasons_) out[index_of_root[root(r)]].reasons.push_back(std::move(reason));
  return out;
}

// The reasons of a merge, re-scored with explanations on.
PendingReason reason_of(const Item& a, const Item& b, std::optional<double> undated_time = std::nullopt) {
  Score s = score(a, b, true, undated_time);
  return {a.ref, b.ref, std::round(s.value * 100) / 100, std::move(s.reasons)};
}

struct Fit {
  std::size_t u = 0, v = 0;  // the best-scoring pair of items
  Score score;
  double ranked = 0;         // score plus the support bonus of the candidate event
};

// The best pair between an undated group's members and a dated group's dated members.
std::optional<Fit> best_fit(const std::vector<Item>& items, const std::vector<std::size_t>& undated,
                            const std::vector<std::size_t>& candidate) {
  std::optional<Fit> best;
  for (std::size_t u : undated)
    for (std::size_t v : candidate) {
      if (!items[v].when) continue;
      Score s = score(items[u], items[v], false, kUndatedTime);
      if (s.vetoed || s.value <= 0 || (best && s.value <= best->score.value)) continue;
      best = Fit{u, v, std::move(s), 0};
    }
  return best;
}

std::vector<std::string> features(const Item& item) {
  std::vector<std::string> out;
  for (const std::string& a : item.actors) out.push_back("a:" + a);
  for (const std::string& a : item.actors) out.push_back("p:" + a);  // "the Moscow talks" meets "talks in Moscow"
  if (!item.place.empty()) out.push_back("p:" + item.place);
  return out;
}

// Dated groups by feature (an actor or the place of one of their members), sorted by start.
class DatedIndex {
 public:
  DatedIndex(const std::vector<Item>& items, Groups& groups) : groups_(groups) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].mergeable || !items[i].when || !groups.span(i)) continue;
      for (std::string& f : features(items[i])) by_feature_[std::move(f)].push_back(groups.root(i));
    }
    for (auto& [f, roots] : by_feature_) {
      std::sort(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
        return std::make_pair(groups.span(a)->begin, a) < std::make_pair(groups.span(b)->begin, b);
      });
      roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    }
  }
  // Dated groups sharing a feature with `item` whose span lies within [lo, hi].
  void collect(const Item& item, date::sys_days lo, date::sys_days hi, std::vector<std::size_t>& out) {
    for (const std::string& f : features(item)) {
      auto it = by_feature_.find(f);
      if (it == by_feature_.end()) continue;
      const auto& roots = it->second;
      auto first = std::lower_bound(roots.begin(), roots.end(), lo,
                                    [&](std::size_t g, date::sys_days d) { return groups_.span(g)->begin < d; });
      for (; first != roots.end() && groups_.span(*first)->begin <= hi; ++first)
        if (groups_.span(*first)->end <= hi) out.push_back(*first);
    }
  }

 private:
  Groups& groups_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_feature_;
};

// Undated groups join the one dated group that fits them near their publication date; between
// two fitting events the one more documents report wins (a small bonus, up to 5 documents).
void attach_undated(const std::vector<Item>& items, Groups& groups, const BuildOptions& options) {
  std::unordered_map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < items.size(); ++i) members[groups.root(i)].push_back(i);
  auto support = [&](std::size_t root) {
    std::vector<std::size_t> docs;
    for (std::size_t v : members[root]) docs.push_back(items[v].ref.doc);
    std::sort(docs.begin(), docs.end());
    auto n = static_cast<std::size_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
    return kSupportBonus * static_cast<double>(std::min<std::size_t>(n - 1, 5));
  };
  DatedIndex index(items, groups);
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (groups.root(i) != i || groups.span(i) || !items[i].mergeable || !items[i].dct) continue;
    date::sys_days lo = *items[i].dct - date::days{options.undated_window_days};
    date::sys_days hi = *items[i].dct + date::days{options.undated_window_days};
    candidates.clear();
    for (std::size_t u : members[i]) index.collect(items[u], lo, hi, candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::optional<Fit> best;
    double second = 0;
    for (std::size_t root : candidates) {
      std::optional<Fit> fit = best_fit(items, members[i], members[root]);
      if (!fit) continue;
      fit->ranked = fit->score.value + support(root);
      if (!best || fit->ranked > best->ranked) {
        if (best) second = best->ranked;
        best = std::move(fit);
      } else {
        second = std::max(second, fit->ranked);
      }
    }
    if (best && best->score.value >= options.merge_threshold && best->ranked - second >= 0.05)
      groups.join(best->u, best->v, [&] { return reason_of(items[best->u], items[best->v], kUndatedTime); });
  }
}

Conflict date_conflict(const Item& a, const Item& b, std::size_t ca, std::size_t cb) {
  Conflict c;
  c.kind = "date";
  c.description = fmt::format("outlets disagree on the date of “{}”: {} says {}, {} says {}",
                              a.mention->summary.empty() ? a.mention->trigger_text : a.mention->summary, a.mention->doc,
                              describe(*a.mention->time), b.mention->doc, describe(*b.mention->time));
  c.events = {ca, cb};
  c.evidence = {quote(*a.mention) + " → " + describe(*a.mention->time), quote(*b.mention) + " → " + describe(*b.mention->time)};
  return c;
}

}  // namespace

MergeResult merge_mentions(const std::vector<events::DocumentAnalysis>& analyses, const events::ActorTable& actors,
                           const BuildOptions& options) {
  std::vector<Item> items = prepare(analyses, actors, options);
  struct Scored {
    double value;
    std::size_t a, b;
    Score score;
  };
  std::vector<Scored> accepted;
  std::vector<std::pair<std::size_t, std::size_t>> disagreements;
  for (auto [a, b] : candidate_pairs(items, options)) {
    Score s = score(items[a], items[b], false);
    if (s.time_vetoed && s.value >= 0.8 && items[a].ref.doc != items[b].ref.doc && items[a].when->rank == 0 &&
        items[b].when->rank == 0 && std::chrono::abs(items[a].when->begin - items[b].when->begin) <= date::days{7})
      disagreements.emplace_back(a, b);
    // Two undated mentions (same document) have no date to agree on: ask for more evidence.
    double needed = options.merge_threshold + (items[a].when || items[b].when ? 0 : kUndatedExtra);
    if (!s.vetoed && s.value >= needed) accepted.push_back({s.value, a, b, std::move(s)});
  }
  std::stable_sort(accepted.begin(), accepted.end(), [](const Scored& x, const Scored& y) { return x.value > y.value; });
  Groups groups(items);
  for (const Scored& s : accepted) groups.join(s.a, s.b, [&] { return reason_of(items[s.a], items[s.b]); });
  attach_undated(items, groups, options);

  MergeResult result;
  std::vector<std::size_t> cluster_of;
  result.clusters = groups.clusters(cluster_of);
  std::vector<std::pair<std::size_t, std::size_t>> reported;
  for (auto [a, b] : disagreements) {
    std::pair<std::size_t, std::size_t> key = std::minmax(cluster_of[a], cluster_of[b]);
    if (key.first == key.second || std::find(reported.begin(), reported.end(), key) != reported.end()) continue;
    reported.push_back(key);
    result.conflicts.push_back(date_conflict(items[a], items[b], cluster_of[a], cluster_of[b]));
  }
  return result;
}

}  // namespace chronicle::graph::detail
