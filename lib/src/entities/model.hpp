#pragma once
// The recognizer's model: quantized feature weights per tag, tag-bigram weights, the decoder,
// and the gazetteer it was trained with; plus the decoders shared by training and run time.
//
// model.bin layout (little-endian):
//   "CHRNER\r\n"  u32 format version  u32 feature-set version  u8 decoder  u8 tags
//   u16 feature groups left out (kFeatures... of training.hpp)
//   f32 pruning step  f32 transitions[(tags + 1) * tags]   (row `tags` = sentence start)
//   u32 features, then per feature sorted by hash: u32 hash, f32 row scale, u8 mask of non-zero
//   tags, i8 weight per set bit (weight = value * row scale)
//   u32 FNV-1a checksum of everything before it

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/entities/training.hpp"
#include "features.hpp"
#include "gazetteer.hpp"
#include "hashing.hpp"

namespace chronicle::entities::detail {

inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr std::uint32_t kFeatureSetVersion = 8;
inline constexpr std::string_view kMagic{"CHRNER\r\n", 8};

/// O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.
inline constexpr std::uint32_t kTags = 7;
inline constexpr std::uint32_t kStartTag = kTags;
using Transitions = std::array<float, (kTags + 1) * kTags>;
using Scores = std::array<float, kTags>;

/// True when tag `to` may follow tag `from` in IOB2 (I-X only after B-X or I-X).
constexpr bool allowed(std::uint32_t from, std::uint32_t to) {
  if (to == 0 || to % 2 == 1) return true;
  return from == to || from + 1 == to;
}

/// A trained feature's weights before quantization.
struct FloatFeature {
  std::uint32_t hash = 0;
  Scores weights{};
};

/// Serializes a model. The pruning step is the 99.9th percentile of absolute weights / 127;
/// weights under `prune` steps are dropped, the others quantized to 8 bits on their row's scale.
std::string write_model(Decoder decoder, std::uint32_t disabled_features, const Transitions& transitions,
                        std::vector<FloatFeature> features, double prune);

/// Best IOB2-valid tags given per-token emission scores (n × kTags).
void viterbi(std::span<const Scores> emissions, const Transitions& transitions, std::vector<std::uint8_t>& tags);

/// Best allowed tag given the previous one.
std::uint8_t best_allowed(const Scores& scores, std::uint32_t prev);

struct Model {
  Decoder decoder = Decoder::viterbi;
  std::uint32_t disabled_features = 0;  ///< feature groups the model was trained without
  Transitions transitions{};
  FlatMap<std::uint32_t, std::uint32_t> index;  ///< feature hash -> row of `weights`
  std::vector<float> weights;                   ///< kTags per row, dequantized
  Gazetteer gazetteer;
  std::optional<language::Tagger> tagger;  ///< part-of-speech tags for the features (unless disabled)
  std::size_t model_bytes = 0;

  /// Parses model.bin bytes (`name` labels errors).
  static Result<Model> parse(std::string_view bytes, std::string_view name);
  /// Tags `words` into `tags`, using `scratch` for features.
  void tag(std::span<const std::string_view> words, std::vector<std::uint8_t>& tags, SentenceFeatures& scratch,
           std::vector<Scores>& emissions, std::vector<language::PosTag>& pos) const;

 private:
  void add_weights(std::uint32_t hash, Scores& acc) const {
    if (const std::uint32_t* row = index.find(hash)) {
      const float* w = &weights[static_cast<std::size_t>(*row) * kTags];
      for (std::uint32_t t = 0; t < kTags; ++t) acc[t] += w[t];
    }
  }
};

/// FNV-1a over `bytes`, 32 bits.
std::uint32_t checksum32(std::string_view bytes);

}  // namespace chronicle::entities::detail
