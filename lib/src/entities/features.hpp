#pragma once
// Features of the tokens of one sentence, as 32-bit hashes (see hashing.hpp). Static features
// depend on the words only and are computed once per sentence; dynamic ones depend on the tags
// already chosen and are used by the greedy decoder.
//
// Templates: word, lowercase, shape and short shape, prefixes and suffixes of 1–4 bytes,
// capitalization with sentence-initial, position, the words and shapes ±2 around, word bigrams,
// gazetteer matches (kind × begin/inside/end/single × capitalized) on the token and its
// neighbours, the dictionary status of the token and its neighbours (a WordNet common word, an
// inflection of one, or a proper name only), a title or an honorific ("Mr.") just before,
// all-caps acronyms, possessives, and the capitalization profile of the whole sentence
// (headlines and all-lowercase web text); word clusters (prefixes of the cluster path of the
// token and its neighbours, see the @cluster section of the gazetteer) and the same for the
// clusters of pretrained word vectors (the @embedding section, when there); part-of-speech tags of
// the token and its neighbours (chronicle::language's tagger); organization heads ("Bank",
// "Ministry") ending a capitalized run, and acronyms in parentheses after a capitalized run;
// capitalized runs themselves (length, the token's place, the words just outside); suffixes and
// prefixes of the neighbours and a 5-byte suffix of the token; the words 3 and 4 tokens away.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/entities/training.hpp"
#include "chronicle/language/tagger.hpp"
#include "gazetteer.hpp"
#include "text.hpp"

namespace chronicle::entities::detail {

/// Per-token values the dynamic features reuse.
struct TokenBase {
  std::uint64_t lower = 0;
  std::uint64_t short_shape = 0;
  CapClass cap = kLower;
};

/// Static features of a sentence plus the scratch space that computed them (reused between
/// sentences to avoid allocating per token).
struct SentenceFeatures {
  std::vector<std::uint32_t> hashes;   ///< all tokens' features, token after token
  std::vector<std::uint32_t> offsets;  ///< token i owns hashes[offsets[i], offsets[i+1])
  std::vector<TokenBase> tokens;

  std::span<const std::uint32_t> of(std::size_t i) const {
    return std::span<const std::uint32_t>(hashes).subspan(offsets[i], offsets[i + 1] - offsets[i]);
  }

  // scratch
  struct Base {
    std::uint64_t word, lower, shape, short_shape;
    std::array<std::uint64_t, 4> prefix, suffix;
    std::uint64_t suffix5;
    CapClass cap;
    std::uint64_t lexicon;
    std::uint32_t cluster;
    std::uint32_t embedding;
    std::uint64_t upos, xpos;
    bool possessive;
    bool org_head;
  };
  std::vector<Base> bases;
  std::vector<std::uint64_t> keys;
  GazetteerMatches gazetteer;
  std::vector<std::uint8_t> org_mark, paren_long;
  std::vector<std::uint32_t> run_begin, run_end;  ///< capitalized run of each token: [begin, end)
  std::string lower, shape, short_shape;
};

/// Computes the static features of `words` into `out`. `pos` holds the words' part-of-speech
/// tags (the same size as `words`), or is empty to leave the part-of-speech features out;
/// `disabled` is a mask of the FeatureGroups (training.hpp) left out.
void extract_features(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                      std::span<const language::PosTag> pos, std::uint32_t disabled, SentenceFeatures& out);

/// Number of dynamic features per token.
inline constexpr std::size_t kDynamicFeatures = 4;

/// Dynamic features of a token given the two previous tags (kTags = before the sentence).
std::array<std::uint32_t, kDynamicFeatures> dynamic_features(const TokenBase& token, std::uint32_t prev1,
                                                             std::uint32_t prev2);

}  // namespace chronicle::entities::detail
