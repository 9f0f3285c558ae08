#pragma once
// Training the language models from CoNLL-U data. Used by tools/train_language; kept in the
// library so training and tagging share one feature extractor and one model format.
//
//   auto train = read_conllu_file("en_ewt-ud-train.conllu").value();
//   std::string model = train_tagger(train, {});              // bytes of tagger.bin
//   std::string table = learn_lemma_exceptions(train, rules);  // text of lemma_exceptions.tsv

#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "chronicle/language/conllu.hpp"

namespace chronicle::language {

class Lemmatizer;

/// Knobs of tagger training; the defaults are the ones the committed model was trained with.
struct TaggerTrainingOptions {
  int iterations = 8;                ///< passes over the training data
  std::uint32_t seed = 42;           ///< shuffling seed: same data + seed -> same model bytes
  int dictionary_min_count = 20;     ///< a word needs this many occurrences to enter the tag dictionary
  double dictionary_min_ratio = 0.97;  ///< ... and this share of them with one tag
  double prune_below = 0.5;          ///< averaged weights of smaller magnitude are dropped
  /// Called after each pass with its number (1-based) and the training accuracy of that pass.
  std::function<void(int, double)> on_iteration;
};

/// Trains a tagger on `train` and returns the model bytes (the tagger.bin format).
std::string train_tagger(std::span<const ConlluSentence> train, const TaggerTrainingOptions& options);

/// The lemma-exception table (lemma_exceptions.tsv text): every (form, XPOS) of `train` whose
/// majority gold lemma differs from what `rules` (WordNet + rules, no exceptions) produces.
std::string learn_lemma_exceptions(std::span<const ConlluSentence> train, const Lemmatizer& rules);

}  // namespace chronicle::language
