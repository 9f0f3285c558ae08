#pragma once
// Scoring the tagger and lemmatizer against CoNLL-U gold on gold tokenization: every gold word is
// tagged in its sentence, then lemmatized from the predicted tags (as in the pipeline), and
// compared exactly with the gold UPOS, XPOS and LEMMA columns.
//
//   Result<PosScores> s = evaluate_pos_file("en_ewt-ud-test.conllu");
//   fmt::print("{:.4f}\n", s->upos_accuracy);

#include <cstddef>
#include <span>
#include <string>

#include "chronicle/core/result.hpp"
#include "chronicle/language/conllu.hpp"
#include "chronicle/language/lemmatizer.hpp"
#include "chronicle/language/tagger.hpp"

namespace chronicle::language {

/// Accuracies in [0, 1] over `tokens` gold words.
struct PosScores {
  double upos_accuracy = 0;
  double xpos_accuracy = 0;
  double lemma_accuracy = 0;
  std::size_t tokens = 0;
};

/// Scores `tagger` and `lemmatizer` on `gold`.
PosScores evaluate_pos(std::span<const ConlluSentence> gold, const Tagger& tagger, const Lemmatizer& lemmatizer);

/// Scores the built-in models on the CoNLL-U file at `path`.
Result<PosScores> evaluate_pos_file(const std::string& path);

}  // namespace chronicle::language
