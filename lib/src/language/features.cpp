#include "features.hpp"

#include <cctype>

namespace chronicle::language::detail {
namespace {

// Feature templates; the number is mixed into the hash so templates never collide.
enum Template : std::uint64_t {
  kBias = 1, kForm, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3,
  kShape, kPrev, kPrev2Prev, kPrevLower, kLowerM1, kSuffixM1, kLowerM2, kLowerP1, kSuffixP1,
  kLowerP2, kShapeP1, kShapeM1, kBigramM1, kBigramP1, kPrevLowerP1, kFirstShape, kPrevSuffix,
  kPrev2, kSuffixP2, kShapeM1P1, kAmbiguity, kAmbiguityM1, kAmbiguityP1, kAmbiguityP2, kAmbiguityP1P2,
  kPrevAmbiguityP1, kAmbiguityPair
};

constexpr std::uint64_t kPadLeft = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t kPadRight = 0xC2B2AE3D27D4EB4Full;

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0) {
  return mix(a * 0x100000001B3ull ^ mix(b + tmpl) ^ (tmpl << 56));
}

char shape_class(unsigned char c) {
  if (c >= 0x80) return 'u';
  if (std::isupper(c)) return 'X';
  if (std::islower(c)) return 'x';
  if (std::isdigit(c)) return 'd';
  return static_cast<char>(c);
}

// Lowercase with digits folded to 0 and the typographic apostrophe to '.
void normalize(std::string_view word, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < word.size(); ++i) {
    auto c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && word.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
    } else if (std::isdigit(c)) {
      out.push_back('0');
    } else {
      out.push_back(static_cast<char>(std::tolower(c)));
    }
  }
}

void shape_of(std::string_view word, std::string& out) {
  out.clear();
  for (char ch : word) {
    char c = shape_class(static_cast<unsigned char>(ch));
    std::size_t n = out.size();
    if (n >= 2 && out[n - 1] == c && out[n - 2] == c) continue;  // runs collapse to two
    out.push_back(c);
  }
}

}  // namespace

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ull ^ mix(seed);
  for (char c : bytes) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t dictionary_key(std::string_view form) { return mix(hash_bytes(form, 77)); }

void Lexicon::assign(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& entries) {
  std::size_t capacity = 16;
  while (capacity < entries.size() * 2) capacity *= 2;
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0);
  size_ = entries.size();
  for (const auto& [key, value] : entries) {
    std::size_t mask = capacity - 1;
    std::size_t i = key & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    keys_[i] = key;
    values_[i] = value;
  }
}

std::uint32_t lexicon_key(std::string_view word) {
  std::string lower;
  normalize(word, lower);
  std::uint64_t h = mix(hash_bytes(lower, 5));
  auto k = static_cast<std::uint32_t>(h ^ (h >> 32));
  return k == 0 ? 1 : k;
}

void SentenceFeatures::prepare(std::span<const std::string_view> words, const Lexicon& lexicon) {
  words_.resize(words.size() + 4);
  for (std::size_t k : {std::size_t{0}, std::size_t{1}}) {
    WordHashes pad;
    pad.form = pad.lower = pad.shape = pad.ambiguity = kPadLeft + k;
    pad.suffix.fill(kPadLeft + k);
    pad.prefix.fill(kPadLeft + k);
    words_[k] = pad;
    WordHashes right = pad;
    right.form = right.lower = right.shape = right.ambiguity = kPadRight + k;
    right.suffix.fill(kPadRight + k);
    words_[words.size() + 2 + k] = right;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    WordHashes& h = words_[i + 2];
    h.form = hash_bytes(words[i], 1);
    normalize(words[i], scratch_);
    std::string_view lower = scratch_;
    h.lower = hash_bytes(lower, 2);
    std::uint64_t lk = mix(hash_bytes(lower, 5));
    auto key = static_cast<std::uint32_t>(lk ^ (lk >> 32));
    h.ambiguity = lexicon.find(key == 0 ? 1 : key);
    for (std::size_t n = 1; n <= 4; ++n)
      h.suffix[n - 1] = hash_bytes(lower.substr(lower.size() > n ? lower.size() - n : 0), 10 + n);
    for (std::size_t n = 1; n <= 3; ++n) h.prefix[n - 1] = hash_bytes(lower.substr(0, n), 20 + n);
    std::string shape;
    shape_of(words[i], shape);
    h.shape = hash_bytes(shape, 3);
  }
}

std::size_t SentenceFeatures::extract(std::size_t i, std::uint32_t prev, std::uint32_t prev2, std::uint64_t* out) const {
  const WordHashes& w = words_[i + 2];
  const WordHashes& m1 = words_[i + 1];
  const WordHashes& m2 = words_[i];
  const WordHashes& p1 = words_[i + 3];
  const WordHashes& p2 = words_[i + 4];
  std::size_t n = 0;
  out[n++] = feature(kBias, 0);
  out[n++] = feature(kForm, w.form);
  out[n++] = feature(kLower, w.lower);
  out[n++] = feature(kSuffix1, w.suffix[0]);
  out[n++] = feature(kSuffix2, w.suffix[1]);
  out[n++] = feature(kSuffix3, w.suffix[2]);
  out[n++] = feature(kSuffix4, w.suffix[3]);
  out[n++] = feature(kPrefix1, w.prefix[0]);
  out[n++] = feature(kPrefix2, w.prefix[1]);
  out[n++] = feature(kPrefix3, w.prefix[2]);
  out[n++] = feature(kShape, w.shape);
  out[n++] = feature(kPrev, prev);
  out[n++] = feature(kPrev2, prev2);
  out[n++] = feature(kPrev2Prev, prev, prev2);
  out[n++] = feature(kPrevLower, prev, w.lower);
  out[n++] = feature(kLowerM1, m1.lower);
  out[n++] = feature(kSuffixM1, m1.suffix[2]);
  out[n++] = feature(kLowerM2, m2.lower);
  out[n++] = feature(kLowerP1, p1.lower);
  out[n++] = feature(kSuffixP1, p1.suffix[2]);
  out[n++] = feature(kLowerP2, p2.lower);
  out[n++] = feature(kSuffixP2, p2.suffix[2]);
  out[n++] = feature(kShapeP1, p1.shape);
  out[n++] = feature(kShapeM1, m1.shape);
  out[n++] = feature(kShapeM1P1, m1.shape, p1.shape);
  out[n++] = feature(kBigramM1, m1.lower, w.lower);
  out[n++] = feature(kBigramP1, w.lower, p1.lower);
  out[n++] = feature(kPrevLowerP1, prev, p1.lower);
  out[n++] = feature(kPrevSuffix, prev, w.suffix[2]);
  out[n++] = feature(kFirstShape, i == 0 ? 1u : 0u, w.shape);
  out[n++] = feature(kAmbiguity, w.ambiguity);
  out[n++] = feature(kAmbiguityM1, m1.ambiguity);
  out[n++] = feature(kAmbiguityP1, p1.ambiguity);
  out[n++] = feature(kAmbiguityP2, p2.ambiguity);
  out[n++] = feature(kAmbiguityP1P2, p1.ambiguity, p2.ambiguity);
  out[n++] = feature(kPrevAmbiguityP1, prev, p1.ambiguity);
  out[n++] = feature(kAmbiguityPair, w.ambiguity, p1.ambiguity);
  return n;
}

}  // namespace chronicle::language::detail
