#pragma once
// Event mentions: what one document says happened, before cross-document merging.
//
// The per-document stage (events + actors extraction) turns each Document into a
// DocumentAnalysis: its event mentions, each with a trigger, class, tense, polarity, time anchor,
// actors and place, and the actor names it saw. The corpus stage resolves actor names across
// documents into an ActorTable and merges mentions into an event graph (chronicle::graph).
// Everything here is plain data so analyses can be stored (chronicle::store) and sharded.
//
//   DocumentAnalysis a = events::analyze(doc, ...);      // per document, stateless
//   for (const Mention& m : a.mentions)
//     if (m.time) std::cout << m.trigger_text << " " << m.time->value << '\n';
//
// All TextSpans here are in original-byte offsets of the document (what users see), already
// converted with Document::to_raw.

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "chronicle/core/text_span.hpp"

namespace chronicle::events {

/// TimeML EVENT classes.
enum class EventClass { occurrence, reporting, state, i_action, i_state, aspectual, perception };

/// Grammatical tense of the trigger's verb group (TimeML tense values; `future` covers
/// "will", "is set to", "is due to", "plans to"; `none` for nominal triggers without one).
enum class Tense { past, present, future, infinitive, prespart, pastpart, none };

/// Whether the text asserts or denies the event.
enum class Polarity { positive, negative };

/// "OCCURRENCE", "REPORTING", ... as in TimeML.
std::string_view to_string(EventClass c);
/// "PAST", "PRESENT", "FUTURE", "INFINITIVE", "PRESPART", "PASTPART", "NONE".
std::string_view to_string(Tense t);
/// "POS", "NEG".
std::string_view to_string(Polarity p);

/// When an event happened: a TIMEX3 value and the closed day interval it covers.
struct TimeAnchor {
  std::string value;         ///< TIMEX3 value: "2015-12-18", "2015-W50", "2011-03", "PAST_REF"
  std::string granularity;   ///< "day", "week", "month", "year", ...; "" for fuzzy values
  std::optional<date::sys_days> begin;  ///< first day covered (nullopt for fuzzy values)
  std::optional<date::sys_days> end;    ///< last day covered, inclusive
  std::string rule;          ///< how it was anchored: "timex", "governing-event", "dct-tense", ...
  std::optional<TextSpan> timex;        ///< the expression it came from, when there is one
  std::string timex_text;
};

/// One mention of an event in one document.
struct Mention {
  std::string doc;                  ///< document id
  TextSpan trigger;                 ///< the trigger word(s)
  std::string trigger_text;         ///< "talks", "met", "ceasefire"
  std::string lemma;                ///< "talk", "meet", "ceasefire"
  EventClass event_class = EventClass::occurrence;
  Tense tense = Tense::none;
  Polarity polarity = Polarity::positive;
  TextSpan sentence;                ///< the sentence it is in
  std::string sentence_text;
  std::optional<TimeAnchor> time;   ///< nullopt when undated
  std::vector<std::string> actors;  ///< canonical actor names (after resolution), agent first
  std::string location;             ///< canonical place name, "" when none
  std::vector<std::string> roles;   ///< role nouns standing for an actor, as written without the
                                    ///< article ("Kremlin leader", "minister"); actors::Resolver
                                    ///< adds the person each one names to `actors`
  std::optional<std::size_t> source;  ///< reported speech: index (in the same analysis) of the
                                      ///< reporting event that states this one
  std::string summary;              ///< a short description built from trigger, actors and place
};

/// An actor name as it appeared in one document.
struct ActorMention {
  std::string name;   ///< surface form, normalized for whitespace ("Sergey Lavrov", "Mr Kerry")
  std::string type;   ///< "PER", "ORG", "LOC"
  TextSpan span;
  std::string title;  ///< the words before a person's name: "Russian President", "US Secretary of State"
};

/// A textual cue relating two mentions of the same document ("after the talks").
struct CueRelation {
  std::size_t source = 0;   ///< index into DocumentAnalysis::mentions
  std::size_t target = 0;
  std::string type;         ///< BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, OVERLAP
  std::string evidence;     ///< the cue text: "follows", "after", "prior to", ...
};

/// What the per-document stage produced for one document.
struct DocumentAnalysis {
  std::string doc;                       ///< document id
  std::string path;
  std::string title;
  std::optional<date::year_month_day> dct;
  std::string dct_source;                ///< "metadata", "option", "inferred", "none"
  std::vector<Mention> mentions;         ///< in text order
  std::vector<ActorMention> actor_mentions;
  std::vector<CueRelation> cues;
};

}  // namespace chronicle::events
