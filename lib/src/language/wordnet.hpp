#pragma once
// A thread-safe, caching wrapper around WordNet's morphology (morphstr). WordNet's C library keeps
// global state and is not thread-safe, so every call goes through one mutex; results are cached
// because morphstr searches the dictionary files on disk.
//
// wn.h defines macros named NOUN, VERB, ADJ and ADV: it is included in wordnet.cpp only.

#include <optional>
#include <string>
#include <string_view>

#include "chronicle/core/result.hpp"

namespace chronicle::language::detail {

/// WordNet's four open word classes.
enum class WordClass { noun = 1, verb = 2, adjective = 3, adverb = 4 };

/// Opens the WordNet database once per process; the error says where it looked.
Result<void> wordnet_init();

/// WordNet's first base form of lowercase `word` in `word_class` ("met" -> "meet"), or nullopt
/// when WordNet knows no inflected form (base forms and unknown words alike).
std::optional<std::string> wordnet_base(std::string_view word, WordClass word_class);

}  // namespace chronicle::language::detail
