#pragma once
// ActorTable: one canonical actor per real entity, with every alias seen across the corpus.
//
// Built by chronicle::actors from the ActorMentions of all documents ("Kerry", "Mr. Kerry",
// "Secretary of State John Kerry" -> "John Kerry"; "Sergei"/"Sergey Lavrov" -> one actor;
// "U.S."/"US"/"USA"/"the United States" -> "United States"). Metonymy ("the Kremlin" for Russia)
// is a visible `stands_for` link, never a silent merge.
//
//   const Actor* lavrov = table.find("Sergey Lavrov");   // any alias, case-insensitive
//   table.closest("Lavrof", 3);                          // suggestions for an unknown name

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::events {

/// One real-world entity.
struct Actor {
  std::string name;                  ///< canonical name: "Sergei Lavrov"
  std::string type;                  ///< "PER", "ORG", "LOC"
  std::vector<std::string> aliases;  ///< every form seen, canonical name included
  std::string stands_for;            ///< metonymy: "Moscow" stands for "Russia"; "" otherwise
};

/// The actors of a corpus and the index from aliases to them.
class ActorTable {
 public:
  /// Adds an actor (its name and aliases become lookup keys); returns its index.
  std::size_t add(Actor actor);
  /// Adds `alias` to actor `index`.
  void add_alias(std::size_t index, const std::string& alias);
  /// The actor any of whose aliases equals `name` (case- and punctuation-insensitive).
  const Actor* find(std::string_view name) const;
  /// Up to `n` canonical names closest to `name` (edit distance over aliases), best first.
  std::vector<std::string> closest(std::string_view name, std::size_t n) const;
  /// Every actor, in the order added.
  const std::vector<Actor>& actors() const { return actors_; }

  /// The lookup key of a name: lower case, dots and extra spaces removed ("U.S." -> "us").
  static std::string key(std::string_view name);

 private:
  std::vector<Actor> actors_;
  std::vector<std::pair<std::string, std::size_t>> index_;  // sorted by key
};

}  // namespace chronicle::events
