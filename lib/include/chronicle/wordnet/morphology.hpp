#pragma once
// WordNet's morphology — what its C library's morphstr() answers — from the dictionary's index
// and exception files read into memory once. morphstr itself binary-searches the files on disk,
// a seek and a read per probe (millions of system calls over a large corpus), and keeps global
// state behind one lock; this answers the same from memory, with the same probes, and is safe to
// share between threads. The library stays the reference: tests/wordnet compares the two over a
// large vocabulary.
//
//   auto& wn = wordnet::Morphology::installed();
//   if (wn) wn->base("met", wordnet::WordClass::verb);   // "meet"

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::wordnet {

/// WordNet's four open word classes, numbered as its library numbers them.
enum class WordClass { noun = 1, verb = 2, adjective = 3, adverb = 4 };

/// Where WordNet's dictionary files are: $WNSEARCHDIR, else $WNHOME/dict, else /usr/share/wordnet
/// (the library's own order).
std::string search_dir();

/// One of WordNet's sorted files held in memory, searched as the library's bin_search searches it
/// on disk (the same probes, so the same lines found and the same ones missed).
class SortedFile {
 public:
  SortedFile() = default;
  explicit SortedFile(std::string bytes) : bytes_(std::move(bytes)) {}
  /// With `key_filter`, a key no line begins with is refused by one hash instead of a search
  /// (for the exception lists, which nearly every word asked is missing from); a bit per hashed
  /// first field, so the answers stay the search's.
  SortedFile(std::string bytes, bool key_filter);
  /// The line whose first space-separated field is `key` (without its newline), if found.
  std::optional<std::string_view> find(std::string_view key) const;

 private:
  std::string bytes_;
  std::vector<std::uint64_t> keys_;   ///< the key filter's bits (none: no filter)
};

/// morphstr() over the four index files and four exception lists.
class Morphology {
 public:
  /// The morphology of WordNet's files in `dir`: index.{noun,verb,adj,adv} and
  /// {noun,verb,adj,adv}.exc, checked here (the error names the file that cannot be read) and read
  /// on first use, a word class at a time (the verb files are 0.5 MB, all eight 12 MB: a tense
  /// cue need not pay for the nouns).
  static Result<Morphology> load(const std::string& dir);
  /// The morphology of search_dir(), loaded once per process.
  static const Result<Morphology>& installed();

  /// What morphstr(word, class) returns on its first call: the first base form of `word`
  /// ("met" -> "meet", "passers-by" -> "passer-by"), or nullopt when WordNet knows none (base
  /// forms and unknown words alike). Upper case is folded and spaces read as underscores, as
  /// morphstr does.
  std::optional<std::string> base(std::string_view word, WordClass word_class) const;

  /// The library's is_defined(lemma, class) != 0: whether the index holds `lemma` or one of the
  /// spellings getindex() tries (hyphens for underscores and back, without them, without periods).
  bool defined(std::string_view lemma, WordClass word_class) const;

 private:
  std::optional<std::string> exception(std::string_view word, WordClass word_class) const;
  std::optional<std::string> morph_word(std::string_view word, WordClass word_class) const;
  std::optional<std::string> morph_by_rules(std::string_view word, WordClass word_class) const;
  std::optional<std::string> morph_phrasal_verb(const std::string& phrase) const;

  /// One word class's two files, read once.
  struct Files {
    std::once_flag once;
    SortedFile index, exceptions;
  };
  const Files& files(WordClass word_class) const;

  std::string dir_;
  std::unique_ptr<std::array<Files, 5>> files_;   // by WordClass; [0] unused
};

}  // namespace chronicle::wordnet
