#pragma once
// Arguments and links of the triggers of one sentence: actors, place, pronouns, reported speech,
// ordering cues and governing events. Private to chronicle::events.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/entities/recognizer.hpp"
#include "chronicle/events/mention.hpp"
#include "chronicle/ingest/document.hpp"
#include "chronicle/language/analyzer.hpp"
#include "lexicon.hpp"
#include "verb_group.hpp"

namespace chronicle::events::detail {

/// Who took part in an event, and where.
struct Arguments {
  std::vector<std::string> actors;  ///< agent first
  std::string location;
  std::vector<std::string> roles;   ///< role nouns in argument position: "Kremlin leader"
};

/// Finds the arguments of triggers, sentence by sentence, remembering the people of earlier
/// sentences for pronouns ("he", "she").
class ArgumentFinder {
 public:
  ArgumentFinder(std::string_view text, const Lexicon& lexicon) : text_(text), lexicon_(lexicon) {}

  /// Moves to the next sentence: its words and entities.
  void start_sentence(const std::vector<language::Word>& words, const std::vector<entities::Entity>& entities);

  /// The name an entity is written as, whitespace collapsed.
  std::string name_of(const entities::Entity& entity) const;

  /// Actors and place of the trigger at word `t` of the current sentence.
  Arguments of(std::size_t t, bool verbal) const;

  /// The words just before a person's name that say who they are: "Russian President" in
  /// "Russian President Vladimir Putin"; "" when there are none.
  std::string title_of(const entities::Entity& entity) const;

 private:
  /// A role noun phrase ending at word `k`: "the United States envoy", "the minister",
  /// "Russia's foreign minister" (definite, singular, not a title before a name).
  struct Role {
    std::string text;   ///< without the article: "United States envoy"
    std::size_t start;  ///< its first word (the article or possessor)
  };
  std::optional<Role> role_at(std::size_t k) const;

  std::vector<std::string> agent_of(std::size_t verb, std::vector<std::string>* roles = nullptr) const;
  std::vector<std::string> entities_right_of(std::size_t t, std::string& location, std::vector<std::string>* roles) const;
  std::string word(std::size_t i) const;
  std::optional<std::string> person_before(std::size_t i) const;

  std::string_view text_;
  const Lexicon& lexicon_;
  const std::vector<language::Word>* words_ = nullptr;
  std::vector<entities::Entity> entities_;
  std::vector<int> entity_at_;          // word -> entity index, -1 outside entities
  std::vector<std::string> people_;     // people of earlier sentences, most recent last
};

/// A trigger as extraction sees it.
struct TriggerView {
  std::size_t word;
  bool verbal;
  EventClass event_class;
  Direction direction;
};

/// Sets reported-speech sources and adds cue relations among the mentions of one sentence
/// (mentions [first, first + triggers.size()) of `analysis`).
void link_sentence(DocumentAnalysis& analysis, std::size_t first, const std::vector<TriggerView>& triggers,
                   const std::vector<language::Word>& words, std::string_view text, const Lexicon& lexicon);

/// Folds support triggers into the noun that carries the event: "the meeting would take place on
/// Friday", "the talks will be held", "a third round of talks". The noun takes the support
/// trigger's time, place and actors; the returned flags (one per trigger) mark the support
/// triggers to drop.
std::vector<bool> fold_support_triggers(DocumentAnalysis& analysis, std::size_t first,
                                        const std::vector<TriggerView>& triggers,
                                        const std::vector<language::Word>& words, std::string_view text,
                                        const Lexicon& lexicon);

/// Removes the mentions flagged in `drop`, keeping `source` and cue indices right.
void drop_mentions(DocumentAnalysis& analysis, const std::vector<bool>& drop);

/// The time of the event governing trigger `k` ("began talks": the talks take the beginning's
/// time), when it has one from a time expression.
std::optional<TimeAnchor> governing_time(const DocumentAnalysis& analysis, std::size_t first,
                                         const std::vector<TriggerView>& triggers, std::size_t k);

}  // namespace chronicle::events::detail
