#pragma once
// The event lexicons (lib/resources/en/events/*.tsv), private to chronicle::events.

#include <map>
#include <optional>
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

/// Trigger classes, event nouns and ordering cues.
class Lexicon {
 public:
  /// Loads classes.tsv, nominals.tsv, wordnet_nominals.tsv and cues.tsv.
  static Result<Lexicon> load();

  /// The class of a verb lemma (OCCURRENCE when unlisted).
  EventClass verb_class(std::string_view lemma) const;
  /// The class of a noun lemma when it names an event, else nullopt.
  std::optional<EventClass> noun_class(std::string_view lemma) const;
  /// The cues, longest first.
  const std::vector<Cue>& cues() const { return cues_; }

 private:
  std::map<std::string, EventClass, std::less<>> verbs_;
  std::map<std::string, EventClass, std::less<>> nouns_;
  std::vector<Cue> cues_;
};

/// Parses "OCCURRENCE", "REPORTING", ...
std::optional<EventClass> parse_event_class(std::string_view text);

}  // namespace chronicle::events::detail
