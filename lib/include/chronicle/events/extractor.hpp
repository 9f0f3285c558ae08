#pragma once
// Event extraction: from one Document to its DocumentAnalysis — every event mention with its
// trigger, TimeML class, tense, polarity, time anchor, actors and place, plus the actor names seen
// and the textual cues that order events ("after his meeting with Kerry").
//
// The stages below do the reading: the segmenter (sentences, boilerplate), the temporal tagger
// (TIMEX3 values against the DCT), the language analyzer (UD words, POS, lemmas) and the entity
// recognizer (PER/ORG/LOC). Triggers are verbs, and nouns that name events (a lexicon as data plus
// WordNet's event nouns). Reported speech keeps both sides: in "Lavrov said the meeting would take
// place on Friday" the meeting is anchored on Friday and its `source` is the saying, itself on the
// publication date. Each anchor says which rule produced it.
//
//   auto extractor = events::Extractor::load();
//   if (!extractor) die(extractor.error().message);
//   events::DocumentAnalysis a = extractor->analyze(doc);   // stateless: shard freely
//
// Actor names in the result are as written (titles already dropped by the recognizer);
// chronicle::actors resolves them across the corpus.

#include <memory>

#include "chronicle/core/result.hpp"
#include "chronicle/events/mention.hpp"
#include "chronicle/ingest/document.hpp"

namespace chronicle::events {

namespace detail {
struct ExtractorModels;
}

/// Extracts event mentions; cheap to copy, safe to share between threads.
class Extractor {
 public:
  /// Loads every model and lexicon the extraction needs from the embedded resources.
  static Result<Extractor> load();

  /// The analysis of one document. Documents without a DCT are analysed in narrative mode.
  DocumentAnalysis analyze(const ingest::Document& doc) const;

 private:
  explicit Extractor(std::shared_ptr<const detail::ExtractorModels> models) : models_(std::move(models)) {}
  std::shared_ptr<const detail::ExtractorModels> models_;
};

/// A one-line description of a mention from its trigger, actors and place
/// ("talks: John Kerry, Sergei Lavrov, in Moscow").
std::string summarize(const Mention& mention);

}  // namespace chronicle::events
