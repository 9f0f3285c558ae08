#pragma once
// The lemmatizer's view of WordNet's morphology (chronicle::wordnet::Morphology, morphstr answered
// from the dictionary files in memory).

#include <optional>
#include <string>
#include <string_view>

#include "chronicle/core/result.hpp"
#include "chronicle/wordnet/morphology.hpp"

namespace chronicle::language::detail {

using WordClass = wordnet::WordClass;

/// Reads WordNet's morphology once per process; the error says where it looked.
Result<void> wordnet_init();

/// WordNet's first base form of lowercase `word` in `word_class` ("met" -> "meet"), or nullopt
/// when WordNet knows no inflected form (base forms and unknown words alike).
std::optional<std::string> wordnet_base(std::string_view word, WordClass word_class);

}  // namespace chronicle::language::detail
