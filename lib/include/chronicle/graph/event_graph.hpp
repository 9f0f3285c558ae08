#pragma once
// The event graph: mentions from every document merged into events, ordered in time.
//
// build() is the corpus stage. It merges mentions of the same real event (blocked by compatible
// time and a shared actor or place, scored on trigger, actors, place and time; never across
// incompatible dates), relates events in time (from their intervals and from the textual cues of
// each document), checks the result for contradictions (cycles, outlets disagreeing on a date;
// reported in `conflicts`, never dropped) and lists the events in dependency order: dated events
// by date, undated ones between the dated events they are related to.
//
//   graph::EventGraph g = graph::build(analyses, actors, {});
//   for (const graph::Event& e : g.events) std::cout << e.id << ' ' << e.summary << '\n';

#include <optional>
#include <string>
#include <vector>

#include "chronicle/events/actor_table.hpp"
#include "chronicle/events/mention.hpp"

namespace chronicle::graph {

/// Allen-style relations at day granularity, as TimeML names them.
enum class RelationType { before, after, includes, is_included, simultaneous, overlap };

/// "BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "OVERLAP".
std::string_view to_string(RelationType type);
/// The inverse of to_string; nullopt for other names.
std::optional<RelationType> relation_from_string(std::string_view name);
/// The relation seen from the other side (BEFORE <-> AFTER, INCLUDES <-> IS_INCLUDED).
RelationType inverse(RelationType type);

/// Why two groups of mentions became one event.
struct MergeReason {
  std::size_t first = 0;   ///< index into Event::mentions of one side's representative
  std::size_t second = 0;  ///< index into Event::mentions of the other side's representative
  double score = 0;
  std::vector<std::string> reasons;  ///< "trigger: talks ~ meeting (class meeting)", "same day 2015-12-15", ...
};

/// One real event with every mention of it.
struct Event {
  std::string id;                                ///< "e1", "e2", ... in timeline order
  std::optional<events::TimeAnchor> time;        ///< the most precise date the mentions agree on
  std::string summary;
  std::string trigger;                           ///< the most frequent trigger text
  std::vector<std::string> actors;               ///< canonical names, most mentioned first
  std::string location;
  std::vector<events::Mention> mentions;         ///< provenance, in document order
  std::vector<MergeReason> merge_reasons;
  std::string placement;  ///< for undated events: how the order placed it ("after e3"), else ""

  /// Number of distinct documents reporting the event.
  std::size_t sources() const;
};

/// A temporal relation between two events (indices into EventGraph::events).
struct Relation {
  std::size_t source = 0;
  std::size_t target = 0;
  RelationType type = RelationType::before;
  std::string evidence;       ///< the dates compared, or the cue and its sentence
  std::string origin;         ///< "date" or "cue"
  bool redundant = false;     ///< implied by other relations (hidden by transitive reduction)
  bool contradicted = false;  ///< part of a cycle (see conflicts): left out of the order
};

/// A contradiction found in the graph, with the evidence of each side.
struct Conflict {
  std::string kind;                  ///< "cycle", "date", "cue"
  std::string description;
  std::vector<std::size_t> events;   ///< indices into EventGraph::events
  std::vector<std::string> evidence; ///< one line per side: document, sentence, claim
};

/// The corpus as events, relations and conflicts; events in timeline order.
struct EventGraph {
  std::vector<Event> events;
  std::vector<Relation> relations;
  std::vector<Conflict> conflicts;
};

/// How build() merges and orders.
struct BuildOptions {
  double merge_threshold = 0.6;     ///< minimum score for two mentions to be one event
  bool merge_reporting = false;     ///< merge REPORTING events ("said") across documents
  std::size_t max_block = 400;      ///< blocks larger than this are split by trigger class
  int undated_window_days = 7;      ///< undated mentions may join events this near their DCT
  bool reduce = true;               ///< mark transitively implied relations as redundant
};

/// The corpus stage: merges, relates, checks and orders the mentions of `analyses`.
/// `actors` canonicalizes places and actor names; Mention::actors should already be canonical.
EventGraph build(const std::vector<events::DocumentAnalysis>& analyses, const events::ActorTable& actors,
                 const BuildOptions& options = {});

/// The events of `graph` that pass `keep`, with the relations among them (ids kept).
EventGraph subgraph(const EventGraph& graph, const std::vector<bool>& keep);

}  // namespace chronicle::graph
