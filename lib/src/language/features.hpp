#pragma once
// Feature extraction shared by tagger training and tagging, so the two can never disagree.
// Features are 64-bit hashes of (template, values): no strings are built while tagging. Per-word
// hashes (form, lowercase, affixes, shape) are computed once per sentence; context features
// combine them with the previous two predicted tags.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chronicle::language::detail {

/// Lowercase word -> ambiguity class (hash of the set of tags the word had in training data):
/// lets the tagger look ahead at what the next words can be. Open addressing, key 0 = empty.
class Lexicon {
 public:
  /// Builds the table from (key, class) pairs with distinct non-zero keys.
  void assign(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& entries);
  /// The class of `key`, or 0 when the word is unknown.
  std::uint32_t find(std::uint32_t key) const {
    if (keys_.empty()) return 0;
    std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return 0;
    }
  }
  /// Number of words.
  std::size_t size() const { return size_; }

 private:
  std::vector<std::uint32_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

/// The key a word is looked up by in the Lexicon (from its normalized lowercase form).
std::uint32_t lexicon_key(std::string_view word);

/// Hashes of one word's own properties.
struct WordHashes {
  std::uint64_t ambiguity = 0;
  std::uint64_t form = 0;
  std::uint64_t lower = 0;
  std::uint64_t shape = 0;
  std::array<std::uint64_t, 4> suffix{};
  std::array<std::uint64_t, 3> prefix{};
};

/// Maximum number of features of one position.
inline constexpr std::size_t kMaxFeatures = 40;

/// FNV-1a 64 of `bytes`, seeded by `seed`.
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed);

/// The key tag-dictionary entries are looked up by: the exact word form.
std::uint64_t dictionary_key(std::string_view form);

/// Word hashes of a sentence, padded with two sentinel words on each side.
class SentenceFeatures {
 public:
  /// Prepares the hashes of `words` (reusing storage).
  void prepare(std::span<const std::string_view> words, const Lexicon& lexicon);
  /// Writes the features of word `i` given the two previous predicted tags into `out`, returns
  /// how many.
  std::size_t extract(std::size_t i, std::uint32_t prev, std::uint32_t prev2, std::uint64_t* out) const;

 private:
  std::vector<WordHashes> words_;  // index i + 2 is word i
  std::string scratch_;
};

/// Tag id standing for "before the sentence start".
inline constexpr std::uint32_t kStartTag = 0xFFFF;

/// Folds a 64-bit feature hash to the 32-bit key stored in models (never 0: 0 marks empty slots).
inline std::uint32_t fold_key(std::uint64_t h) {
  auto k = static_cast<std::uint32_t>(h ^ (h >> 32));
  return k == 0 ? 1 : k;
}

}  // namespace chronicle::language::detail
