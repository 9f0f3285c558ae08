#pragma once
// The in-memory form of tagger.bin and its on-disk layout (all little-endian):
//
//   "CHRNTAGR" u32 version
//   u32 labels, then per label: short string UPOS, short string XPOS
//   f32 scale                    weight = int16 * scale
//   u32 dictionary entries, then per entry: u32 word key, u8 label
//   u32 lexicon entries, then per entry: u32 word key, u32 ambiguity class
//   u32 features, then per feature: u32 key, u8 n, n * (u8 label, i16 weight)
//   u32 FNV-1a checksum of everything before it

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/language/upos.hpp"
#include "features.hpp"

namespace chronicle::language::detail {

inline constexpr std::string_view kTaggerMagic = "CHRNTAGR";
inline constexpr std::uint32_t kTaggerVersion = 1;

/// One joint label: a UPOS with its Penn tag.
struct TaggerLabel {
  Upos upos = Upos::x;
  std::string xpos;
};

/// One weight of a feature for one label.
struct TaggerWeight {
  std::int16_t weight = 0;
  std::uint8_t label = 0;
};

/// A slot of an open-addressing table: key 0 marks an empty slot.
struct TaggerSlot {
  std::uint32_t key = 0;
  std::uint32_t start = 0;  ///< first weight (features) or the label (dictionary)
  std::uint32_t count = 0;
};

struct TaggerModel {
  std::vector<TaggerLabel> labels;
  float scale = 1.0f;
  std::vector<TaggerSlot> features;  // size is a power of two
  std::vector<TaggerWeight> weights;
  std::vector<TaggerSlot> dictionary;  // size is a power of two
  Lexicon lexicon;
  std::size_t feature_count = 0;

  /// The slot holding `key`, or nullptr.
  static const TaggerSlot* find(const std::vector<TaggerSlot>& table, std::uint32_t key) {
    std::size_t mask = table.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      const TaggerSlot& s = table[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
    }
  }
};

/// Parses tagger.bin bytes.
Result<TaggerModel> parse_tagger_model(std::string_view bytes, std::string_view name);

}  // namespace chronicle::language::detail
