#pragma once
// Named entities (PER, ORG, LOC) of one sentence, found by an averaged-perceptron sequence model
// over the sentence's tokens. The model weights and the gazetteers it consults (countries,
// demonyms, GeoNames cities and regions, WordNet person/location/group instances, organizations,
// titles) and word clusters are data under lib/resources/en/entities, embedded at build time and retrained by
// tools/train_entities (see the README there).
//
//   Result<Recognizer> recognizer = Recognizer::load();
//   for (const segment::Sentence& s : segment::segment(doc.text, doc.body))
//     for (const Entity& e : recognizer->recognize(doc.text, s.tokens))
//       use(e.type, e.span.of(doc.text));   // "PER", "Kerry" (a trailing "'s" is left out)
//
// A Recognizer is cheap to copy (it shares its model) and safe to use from several threads.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/core/text_span.hpp"
#include "chronicle/segment/segmenter.hpp"

namespace chronicle::entities {

namespace detail {
struct Model;
}

/// One named entity: its bytes in the document and its type.
struct Entity {
  TextSpan span;     ///< byte offsets into the text given to recognize(), possessive excluded
  std::string type;  ///< "PER", "ORG" or "LOC"
};

/// What a loaded model is made of, for reports.
struct ModelInfo {
  std::string decoder;           ///< "viterbi" or "greedy"
  std::size_t features = 0;      ///< weighted features kept after pruning
  std::size_t gazetteer = 0;     ///< gazetteer phrases
  std::size_t model_bytes = 0;   ///< size of the model file
};

/// Tags sentences with IOB2 entity tags and turns them into entities.
class Recognizer {
 public:
  /// The embedded model en/entities/model.bin with en/entities/gazetteer.tsv (or their
  /// overrides from resources::set_override_dir).
  static Result<Recognizer> load();
  /// A model from bytes already in memory; `name` labels errors.
  static Result<Recognizer> from_data(std::string_view model_bytes, std::string_view gazetteer_tsv,
                                      std::string_view name = "model");

  /// Entities among `sentence_tokens`, tokens of one sentence of `text`.
  std::vector<Entity> recognize(std::string_view text, const std::vector<segment::Token>& sentence_tokens) const;
  /// IOB2 tags ("O", "B-PER", ...) for gold-tokenized words of one sentence.
  std::vector<std::string> recognize_tokens(const std::vector<std::string>& words) const;
  /// Tag ids for `words`: 0 = O, then B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC.
  void tag(std::span<const std::string_view> words, std::vector<std::uint8_t>& tags) const;

  /// Sizes and decoder of the loaded model.
  ModelInfo info() const;

 private:
  explicit Recognizer(std::shared_ptr<const detail::Model> model) : model_(std::move(model)) {}
  std::shared_ptr<const detail::Model> model_;
};

/// The name of tag id `tag` ("O", "B-PER", ...).
std::string_view tag_name(std::uint8_t tag);
/// The tag id of `name`, or 0 (O) for anything the recognizer does not know.
std::uint8_t tag_id(std::string_view name);

}  // namespace chronicle::entities
