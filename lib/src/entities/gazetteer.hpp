#pragma once
// Gazetteer: phrases of known names by kind, matched over the tokens of a sentence
// case-insensitively (ASCII) and longest-first-agnostic: every match is reported, and the
// model weighs them against capitalization and context.
//
// File format (gazetteer.tsv): `# comment` lines; `@kind` starts a section of that kind (kinds
// as in kKindNames); every other line is one phrase of the current section.
// Phrases are split at spaces; a trailing possessive ('s, ’s) is dropped from every token, and
// hyphenated phrases also match with the hyphen as a token of its own ("al - Assad").
// The special section `@cluster` is not phrases but a word-cluster table: `word<TAB>bits` lines,
// a lowercase word and the path of its cluster in a binary hierarchy ("0110100"), learned
// without labels by tools/train_entities (clusters.cpp). The optional section `@embedding` is a
// second table of the same form, a hierarchy over pretrained word vectors (GloVe), for the
// embedding-cluster features.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "hashing.hpp"

namespace chronicle::entities::detail {

/// Kinds of gazetteer phrases; one bit each.
inline constexpr std::string_view kKindNames[] = {"country", "demonym",   "city",   "region",
                                                  "person",  "location",  "group",  "org",
                                                  "title",   "honorific", "common", "proper"};
inline constexpr int kKinds = 12;
inline constexpr int kOrgKind = 7;    ///< a known organization (en/actors/organizations.tsv)
inline constexpr int kTitleKind = 8;
inline constexpr int kHonorificKind = 9;
inline constexpr int kCommonKind = 10;  ///< a lowercase dictionary word (WordNet lemma)
inline constexpr int kProperKind = 11;  ///< a capitalized WordNet lemma of no other kind
inline constexpr std::size_t kMaxPhraseTokens = 8;

/// Hash of one token's lowercased text (possessive already stripped).
std::uint64_t token_key(std::string_view lower);

/// Extends a phrase key by one token key.
inline std::uint64_t extend_phrase(std::uint64_t phrase, std::uint64_t token) {
  std::uint64_t x = (phrase ^ 0x9e3779b97f4a7c15ULL) * 0xbf58476d1ce4e5b9ULL + token;
  x ^= x >> 31;
  return x == 0 ? 1 : x;
}

/// Per-token match bits: begins[i] has bit k when a kind-k phrase starts at token i, and so on.
struct GazetteerMatches {
  std::vector<std::uint16_t> begins, insides, ends, singles;
  void reset(std::size_t n) {
    begins.assign(n, 0);
    insides.assign(n, 0);
    ends.assign(n, 0);
    singles.assign(n, 0);
  }
};

class Gazetteer {
 public:
  /// Parses gazetteer.tsv text; `name` labels errors.
  static Result<Gazetteer> parse(std::string_view tsv, std::string_view name);
  /// Marks every phrase among the tokens whose token_key()s are `keys`.
  void match(std::span<const std::uint64_t> keys, GazetteerMatches& out) const;
  /// Kinds of the one-token phrase with token_key() `key`.
  std::uint16_t single_kinds(std::uint64_t key) const {
    const Entry* e = table_.find(extend_phrase(0, key));
    return e == nullptr ? 0 : e->kinds;
  }
  /// Cluster of the word with token_key() `key`: its path bits with a leading 1 marking the
  /// length ("0110" -> 0b10110), or 0 when the word has no cluster.
  std::uint32_t cluster(std::uint64_t key) const {
    const std::uint32_t* c = clusters_.find(key);
    return c == nullptr ? 0 : *c;
  }
  /// Embedding cluster of the word with token_key() `key`, coded as cluster(); 0 for none.
  std::uint32_t embedding_cluster(std::uint64_t key) const {
    const std::uint32_t* c = embeddings_.find(key);
    return c == nullptr ? 0 : *c;
  }
  /// Number of phrases read.
  std::size_t phrases() const { return phrases_; }
  /// Number of words with a cluster.
  std::size_t clustered_words() const { return clusters_.size(); }
  /// Number of words with an embedding cluster (0: the gazetteer has no @embedding section).
  std::size_t embedded_words() const { return embeddings_.size(); }

 private:
  struct Entry {
    std::uint16_t kinds = 0;  ///< kinds of the phrase ending here
    bool prefix = false;      ///< some longer phrase continues
  };
  void add(std::span<const std::uint64_t> keys, std::uint16_t kinds);
  FlatMap<std::uint64_t, Entry> table_;
  FlatMap<std::uint64_t, std::uint32_t> clusters_;
  FlatMap<std::uint64_t, std::uint32_t> embeddings_;
  std::size_t phrases_ = 0;
};

}  // namespace chronicle::entities::detail
