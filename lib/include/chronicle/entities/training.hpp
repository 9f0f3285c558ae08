#pragma once
// Training the entity recognizer: an averaged perceptron over IOB2 tags, decoded either by
// Viterbi under IOB2 constraints (a first-order structured perceptron) or greedily left to right
// with previous-tag features. The result is the bytes of a model file: weights quantized to 8
// bits, near-zero weights pruned, behind a header with magic and version.
//
//   TrainingOptions options;
//   options.dev = &dev_sentences;   // report dev F1 after every epoch
//   Result<std::string> model = train(train_sentences, gazetteer_tsv, options);
//   Result<Recognizer> r = Recognizer::from_data(*model, gazetteer_tsv);

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/entities/iob.hpp"
#include "chronicle/language/tagger.hpp"

namespace chronicle::entities {

/// How a sentence's tags are chosen.
enum class Decoder : std::uint8_t {
  viterbi = 0,  ///< best tag sequence under tag-bigram weights, IOB2-valid
  greedy = 1,   ///< left to right, each tag seeing the two before it
};

/// Groups of feature templates that training can leave out (ablation runs); the model file
/// records them, so the recognizer computes what its model was trained with.
inline constexpr std::uint32_t kFeaturesClusters = 1;  ///< word-cluster prefixes
inline constexpr std::uint32_t kFeaturesPos = 2;       ///< part-of-speech tags (no tagging at all without)
inline constexpr std::uint32_t kFeaturesOrgHeads = 4;  ///< organization heads, acronyms in parentheses
inline constexpr std::uint32_t kFeaturesRuns = 8;      ///< the capitalized run around a token: length, place in it
inline constexpr std::uint32_t kFeaturesAffixes = 16;  ///< prefixes and suffixes of the neighbours, longer own suffixes
inline constexpr std::uint32_t kFeaturesWindow = 32;   ///< words 3 to 4 tokens away, position-free
/// Prefixes of the embedding-cluster paths (the gazetteer's @embedding section; none without one).
inline constexpr std::uint32_t kFeaturesEmbeddings = 64;

/// What one epoch achieved.
struct EpochReport {
  int member = 1;             ///< ensemble member being trained (1-based)
  int epoch = 0;
  double train_accuracy = 0;  ///< token accuracy while training (before the epoch's updates)
  double dev_f1 = -1;         ///< entity F1 on the dev set with the quantized model (the ensemble so far), -1 without dev
  std::size_t model_bytes = 0;
  double seconds = 0;
};

/// Knobs of training; the defaults give the committed model.
struct TrainingOptions {
  Decoder decoder = Decoder::viterbi;
  /// Mask of the feature groups (kFeatures...) left out.
  std::uint32_t disabled_features = 0;
  int epochs = 9;
  std::uint32_t seed = 20151215;  ///< shuffling order of sentences (member k of the ensemble: seed + k)
  /// Members trained on different shuffles whose averaged weights are averaged into the model.
  int ensemble = 3;
  std::uint32_t min_count = 1;    ///< features seen fewer times in training are ignored
  /// Weights below this share of the quantization step are pruned (0.5 = plain rounding).
  double prune = 0.5;
  /// Added to the weight of every transition into a B- tag (Viterbi only): trades precision for
  /// recall, in units of the model's own weights.
  double entity_bias = 0;
  /// Added to the transitions into B-PER, B-ORG and B-LOC respectively, on top of entity_bias.
  std::array<double, 3> type_bias{};
  /// When set with `dev`: called with the dev F1 of the final model under other biases of one
  /// type (the others as in type_bias), for tuning them.
  std::function<void(std::string_view type, double bias, double dev_f1)> on_bias;
  /// Sentences scored after each epoch (optional; never trained on).
  const std::vector<TaggedSentence>* dev = nullptr;
  /// Called after each epoch.
  std::function<void(const EpochReport&)> progress;
  /// When set with `dev`, the model of the best dev epoch is returned instead of the last.
  bool keep_best = false;
  /// Part-of-speech tags of the training sentences (one vector per sentence); sentences without
  /// them are tagged by language::Tagger::builtin(), as at run time.
  const std::vector<std::vector<language::PosTag>>* train_pos = nullptr;
};

/// Trains on `sentences` with gazetteer `gazetteer_tsv`; returns the model file's bytes.
Result<std::string> train(const std::vector<TaggedSentence>& sentences, std::string_view gazetteer_tsv,
                          const TrainingOptions& options);

}  // namespace chronicle::entities
