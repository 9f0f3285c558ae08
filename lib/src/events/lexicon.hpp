#pragma once
// The event lexicons (lib/resources/en/events/*.tsv), private to chronicle::events.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/events/mention.hpp"

namespace chronicle::events::detail {

/// A textual cue and the relation it sets from the governing event to the cued one.
struct Cue {
  std::vector<std::string> words;  ///< lower-cased: {"prior", "to"}
  std::string relation;            ///< "BEFORE", "AFTER", ...
};

/// What the lexicon says of a noun that names an event.
struct NounEntry {
  EventClass event_class = EventClass::occurrence;
  /// When not empty, the noun names an event only with this word after it: "plans to sell" is an
  /// intention, "a rights plan" a document.
  std::string complement;
  /// Listed in nominals.tsv by hand, rather than taken from WordNet.
  bool listed = false;
};

/// Trigger classes, event nouns, ordering cues and the argument finder's word lists.
class Lexicon {
 public:
  /// Loads classes.tsv, non_event_verbs.tsv, nominals.tsv, wordnet_nominals.tsv,
  /// non_events.tsv, calendar_nouns.tsv, cues.tsv, argument_words.tsv and roles.tsv.
  static Result<Lexicon> load();

  /// The class of a verb lemma (OCCURRENCE when unlisted).
  EventClass verb_class(std::string_view lemma) const;
  /// Whether a verb lemma carries no event of its own as a main verb ("be", "include").
  bool non_event_verb(std::string_view lemma) const { return non_event_verbs_.contains(lemma); }
  /// The entry of a noun lemma when it names an event in that number, else nullptr ("sale" does,
  /// "sales" is an amount).
  const NounEntry* noun(std::string_view lemma, bool plural) const;
  /// Whether a lower-cased word names a stretch of the calendar ("quarter", "months").
  bool period_noun(std::string_view word) const { return period_nouns_.contains(word); }
  /// Whether a noun lemma names a point of a period when "of" and the period follow ("end").
  bool calendar_point_noun(std::string_view lemma) const { return point_nouns_.contains(lemma); }
  /// The cues, longest first.
  const std::vector<Cue>& cues() const { return cues_; }

  // The argument finder's word lists (argument_words.tsv; role nouns from roles.tsv).
  /// A trigger that takes a topic: "talks on Syria".
  bool takes_topic(std::string_view lemma) const { return in_list(lemma, kTopic); }
  /// A verb whose subject takes part in the event its object names: "Kerry began talks".
  bool shares_subject(std::string_view lemma) const { return in_list(lemma, kSharesSubject); }
  /// A verb whose object is the event itself: "hold talks".
  bool hosting_verb(std::string_view lemma) const { return in_list(lemma, kHosting); }
  /// A verb that opens a meeting: "began talks".
  bool opening_verb(std::string_view lemma) const { return in_list(lemma, kOpening); }
  /// A noun whose "of" noun is the event: "a round of talks".
  bool support_noun(std::string_view lemma) const { return in_list(lemma, kSupportNoun); }
  /// A movement whose destination is its place: "a visit to Moscow".
  bool motion(std::string_view lemma) const { return in_list(lemma, kMotion); }
  /// A singular noun naming a person by office: "the Kremlin leader".
  bool role_noun(std::string_view form) const { return in_list(form, kRole); }

 private:
  enum WordList : unsigned {
    kTopic = 1, kSharesSubject = 2, kHosting = 4, kOpening = 8, kSupportNoun = 16, kMotion = 32, kRole = 64
  };
  bool in_list(std::string_view word, WordList list) const {
    auto it = argument_words_.find(word);
    return it != argument_words_.end() && (it->second & list) != 0;
  }

  std::map<std::string, EventClass, std::less<>> verbs_;
  std::map<std::string, NounEntry, std::less<>> nouns_;
  std::set<std::string, std::less<>> plural_non_events_;  ///< lemmas whose plural names no event
  std::set<std::string, std::less<>> non_event_verbs_;
  std::set<std::string, std::less<>> period_nouns_;
  std::set<std::string, std::less<>> point_nouns_;
  std::vector<Cue> cues_;
  std::map<std::string, unsigned, std::less<>> argument_words_;  ///< word -> WordList bits
};

/// Parses "OCCURRENCE", "REPORTING", ...
std::optional<EventClass> parse_event_class(std::string_view text);

}  // namespace chronicle::events::detail
