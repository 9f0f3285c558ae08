#pragma once
// Private pieces of the corpus stage, shared by build.cpp and the stage files:
//   triggers.cpp  trigger synonym classes (lib/resources/en/graph/*.tsv)
//   interval.cpp  day intervals of time anchors and the relation between two of them
//   merge.cpp     blocking, scoring and merging mentions into events
//   relate.cpp    date and cue relations between events
//   order.cpp     consistency checks, dependency order and transitive reduction (Boost.Graph)

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/core/result.hpp"
#include "chronicle/events/actor_table.hpp"
#include "chronicle/events/mention.hpp"
#include "chronicle/graph/event_graph.hpp"

namespace chronicle::graph::detail {

/// Trigger similarity in [0, 1] and why.
struct TriggerMatch {
  double score = 0;
  std::string reason;
};

/// Trigger synonym classes loaded from the embedded resources.
class TriggerClasses {
 public:
  /// The table from lib/resources/en/graph (throws on a broken embedded table: a build bug).
  static const TriggerClasses& instance();
  /// Parses the two tables (trigger_classes.tsv, related_classes.tsv).
  static Result<TriggerClasses> parse(std::string_view classes, std::string_view related);
  /// The class of a trigger lemma, or the normalized lemma itself when it has none.
  std::string class_of(std::string_view lemma) const;
  /// The similarity of two related classes, 0 when they are not related.
  double related(const std::string& class_a, const std::string& class_b) const;
  /// A lemma as the tables key it (lower case).
  std::string normalize(std::string_view lemma) const;
  /// How similar two triggers are as names of one event.
  TriggerMatch match(std::string_view lemma_a, std::string_view lemma_b) const;
  /// Every (class, lemma, example) row, for the table test.
  const std::vector<std::array<std::string, 3>>& rows() const { return rows_; }

 private:
  std::optional<std::string> lookup(std::string_view lemma) const;
  std::map<std::string, std::string, std::less<>> class_by_lemma_;
  std::map<std::pair<std::string, std::string>, double> related_;
  std::vector<std::array<std::string, 3>> rows_;
};

/// A closed interval of days with its granularity rank (0 day, 1 week, 2 month, 3 quarter,
/// 4 year, 5 decade or wider).
struct Interval {
  date::sys_days begin;
  date::sys_days end;
  int rank = 0;
};

/// The interval of an anchor, or nullopt for undated or fuzzy anchors (PAST_REF).
std::optional<Interval> interval_of(const std::optional<events::TimeAnchor>& time);
/// Rank of a granularity name ("day" 0, "week" 1, ...).
int granularity_rank(std::string_view granularity);
/// The relation of `a` to `b` at day granularity.
RelationType relate(const Interval& a, const Interval& b);
/// "2015-12-15", "2015-12-07..2015-12-13".
std::string describe(const Interval& i);
/// The anchor's value with its interval: "2015-W50 (2015-12-07..2015-12-13)".
std::string describe(const events::TimeAnchor& t);

/// A mention and where it came from.
struct MentionRef {
  std::size_t doc = 0;      ///< index into the analyses
  std::size_t mention = 0;  ///< index into that analysis's mentions
};

/// Why two mentions' groups were merged (mentions named by reference until events exist).
struct PendingReason {
  MentionRef first, second;
  double score = 0;
  std::vector<std::string> reasons;
};

/// Mentions grouped into events: each cluster lists its mentions and the reasons they merged.
struct Cluster {
  std::vector<MentionRef> members;
  std::vector<PendingReason> reasons;
};

/// The result of merging: clusters plus date disagreements found on the way.
struct MergeResult {
  std::vector<Cluster> clusters;
  std::vector<Conflict> conflicts;  ///< `events` index clusters
};

/// Blocks, scores and merges the mentions of `analyses` into clusters.
MergeResult merge_mentions(const std::vector<events::DocumentAnalysis>& analyses, const events::ActorTable& actors,
                           const BuildOptions& options);

/// Builds the Event (time, summary, trigger, actors, place) of each cluster.
std::vector<Event> make_events(const std::vector<events::DocumentAnalysis>& analyses, const std::vector<Cluster>& clusters);

/// Date relations among dated events (a sweep, not all pairs) and the cue relations of each
/// document mapped to events; cue relations the dates contradict become conflicts.
void relate_events(const std::vector<events::DocumentAnalysis>& analyses, const std::vector<Cluster>& clusters,
                   EventGraph& graph);

/// Finds cycles (reported as conflicts, their cue edges left out of the order), sorts the events
/// in dependency order (renumbering ids and relations) and marks redundant relations.
void check_and_order(EventGraph& graph, const BuildOptions& options);

/// "doc 004: “...sentence...”" for evidence lines.
std::string quote(const events::Mention& m);

}  // namespace chronicle::graph::detail
