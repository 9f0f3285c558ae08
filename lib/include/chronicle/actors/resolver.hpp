#pragma once
// Actor resolution: one canonical actor per real entity across a corpus.
//
// Names come from the per-document stage as written ("Secretary of State John Kerry", "Mr Kerry",
// "Sergey Lavrov", "U.S.", "the Kremlin", "ISSG"). The Resolver strips titles and possessives,
// maps country variants and demonyms through ISO 3166 data (iso-codes) and a table of the names
// news writes, folds transliteration variants ("Sergei"/"Sergey", "Dmitri"/"Dmitry"), attaches a
// bare surname to the one full name of the corpus that ends with it, matches acronyms to their
// long forms ("ISSG" / "International Syria Support Group"), and keeps metonymy ("Moscow",
// "the Kremlin" for Russia) as a visible `stands_for` link.
//
//   auto resolver = actors::Resolver::load();            // embedded gazetteers
//   if (!resolver) die(resolver.error().message);
//   events::ActorTable table = resolver->resolve(analyses);   // rewrites Mention::actors
//   resolver->country_of("Russian");                      // "Russia"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/events/actor_table.hpp"
#include "chronicle/events/mention.hpp"

namespace chronicle::actors {

/// A name reduced to what identifies its actor, with the type it was given or found to have.
struct NormalName {
  std::string name;  ///< "John Kerry", "Russia", "International Syria Support Group"
  std::string type;  ///< "PER", "ORG", "LOC"
};

/// What a title or role phrase says about a person: the states and bodies it names ("Russian",
/// "the Kremlin", "US" -> Russia, Russia, United States) and its other words, lower-cased
/// ("president", "secretary", "of", "state").
struct Affiliation {
  std::set<std::string> groups;
  std::set<std::string> words;
};

/// The names of a corpus, gathered one analysis at a time: what resolving needs from each
/// analysis, without keeping the analyses (`chronicle events` streams a corpus through it).
class NameCollector {
 public:
  void add(const events::DocumentAnalysis& analysis);

 private:
  friend class Resolver;
  struct Seen {
    std::string surface, type;
    int count = 0;
  };
  std::vector<Seen> seen_;  // first-seen order
  std::map<std::pair<std::string, std::string>, std::size_t> index_;
  std::map<std::string, std::string> type_of_;                // surface -> the type it was first given
  std::set<std::pair<std::string, std::string>> titles_;       // (person's surface name, title before it)
};

class Resolver;

/// A corpus's actors, resolved: the actor table, and the rewriting of each analysis to it.
class Resolution {
 public:
  const events::ActorTable& table() const { return table_; }
  /// Rewrites the actor names, places and role nouns of `analysis` to canonical names and
  /// remakes its mentions' summaries.
  void apply(events::DocumentAnalysis& analysis) const;

 private:
  friend class Resolver;
  std::string rename(const std::string& surface) const;
  const Resolver* resolver_ = nullptr;
  events::ActorTable table_;
  std::map<std::string, std::string> canonical_of_;   // surface -> canonical name
  std::map<std::string, Affiliation> profiles_;       // canonical person -> what their titles say
};

/// Resolves actor names; immutable after load, safe to share between threads.
class Resolver {
 public:
  /// Loads the gazetteers (countries, organizations, city short forms, titles, metonyms) from resources.
  static Result<Resolver> load();

  /// A single name without corpus context: titles and possessives stripped, countries, demonyms
  /// and known organizations mapped to their canonical names.
  NormalName normalize(std::string_view surface, std::string_view type) const;

  /// The country a demonym or adjective names ("Russian" -> "Russia"), or nullopt.
  std::optional<std::string> country_of(std::string_view demonym) const;

  /// True when `word` (or a multi-word phrase) is a title or role noun that cues a person.
  bool is_title(std::string_view word) const;

  /// The canonical name of the state a metonym stands for ("the Kremlin" -> "Russia").
  std::optional<std::string> stands_for(std::string_view name) const;

  /// Builds the corpus's actor table from every ActorMention and Mention::actors name, then
  /// rewrites each Mention::actors entry (and location) to its canonical name.
  events::ActorTable resolve(std::vector<events::DocumentAnalysis>& analyses) const;

  /// The same in two steps, for corpora too large to hold: the names of every analysis first,
  /// then Resolution::apply on each analysis again.
  Resolution resolve(const NameCollector& names) const;

  /// The key under which variants of an organization's or place's name meet: a demonym inside a
  /// longer name counts as its country ("International Syrian Support Group" and "International
  /// Syria Support Group" give the same key).
  std::string group_key(std::string_view name) const;

  /// The key under which transliteration variants meet: "Sergei Lavrov" and "Sergey Lavrov"
  /// give the same key.
  static std::string fold(std::string_view name);

  /// What a title or role phrase says about a person.
  Affiliation affiliation_of(std::string_view phrase) const;

  /// The person a role phrase ("Kremlin leader", "minister") stands for among the `people` an
  /// article names (canonical name -> times named), given what `profiles` say about each: the one
  /// whose titles fit the role noun (en/events/roles.tsv) and whose state agrees, named most
  /// often. When no single person fits, the states and bodies the phrase names ("United
  /// States envoy" -> United States), or nothing.
  std::vector<std::string> resolve_role(std::string_view role, const std::map<std::string, int>& people,
                                        const std::map<std::string, Affiliation>& profiles) const;

 private:
  std::map<std::string, std::string, std::less<>> countries_;     // key(alias) -> canonical
  std::map<std::string, std::string, std::less<>> demonyms_;      // key(demonym) -> canonical
  std::map<std::string, std::string, std::less<>> organizations_; // key(alias) -> canonical
  std::map<std::string, std::string, std::less<>> metonyms_;      // key(name) -> stands for
  std::map<std::string, std::string, std::less<>> places_;        // key(short form) -> city ("NY" -> "New York City")
  std::vector<std::vector<std::string>> titles_;                  // lower-cased words, longest first
  std::map<std::string, std::vector<std::string>, std::less<>> roles_;  // role noun -> title words that fit it
};

}  // namespace chronicle::actors
