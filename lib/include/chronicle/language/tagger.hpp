#pragma once
// Part-of-speech tagging: an averaged perceptron (Collins 2002, Honnibal's greedy tagger) that
// predicts the UPOS and Penn (XPOS) tag of each word jointly, as one of the UPOS/XPOS pairs seen in
// UD English-EWT. Features are word, lowercase, prefixes, suffixes, shape, two words each side and
// the two previous predicted tags; frequent unambiguous words are tagged from a dictionary.
// The model is data (lib/resources/en/language/tagger.bin, trained by chronicle_train_language).
//
//   Result<Tagger> tagger = Tagger::builtin();
//   std::vector<std::string_view> words = {"Kerry", "will", "meet", "Lavrov", "."};
//   std::vector<PosTag> tags = tagger->tag(words);   // PROPN/NNP AUX/MD VERB/VB PROPN/NNP PUNCT/.

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/language/upos.hpp"

namespace chronicle::language {

namespace detail {
struct TaggerModel;
}

/// The tags of one word.
struct PosTag {
  Upos upos = Upos::x;    ///< universal tag
  std::string_view xpos;  ///< Penn tag ("NNP", "VBD", "-LRB-"); valid while any copy of its Tagger lives
};

/// A loaded tagging model; cheap to copy (copies share the model), safe to use from many threads.
class Tagger {
 public:
  /// Parses a model; the error names `name`, the byte offset and the problem.
  static Result<Tagger> load(std::string_view bytes, std::string_view name);

  /// The model embedded in the library (en/language/tagger.bin), parsed once per process.
  static Result<Tagger> builtin();

  /// Tags `words`, writing one PosTag per word into `out` (same size as `words`).
  void tag(std::span<const std::string_view> words, std::span<PosTag> out) const;

  /// Tags `words`.
  std::vector<PosTag> tag(std::span<const std::string_view> words) const;

  /// Number of weighted features in the model.
  std::size_t feature_count() const;

 private:
  explicit Tagger(std::shared_ptr<const detail::TaggerModel> model) : model_(std::move(model)) {}
  std::shared_ptr<const detail::TaggerModel> model_;
};

}  // namespace chronicle::language
