#pragma once
// The language stage in one call: UD words of each segmented sentence with their UPOS, Penn tag
// and lemma, for the stages above (events read VERB/NOUN triggers; tense reads AUX, MD and the
// Penn verb forms: "will meet" = MD + VB, "met" = VBD, "has met" = VBZ + VBN).
//
//   Result<Analyzer> analyzer = Analyzer::builtin();
//   for (const segment::Sentence& s : segment::segment(doc.text, doc.body))
//     for (const Word& w : analyzer->analyze(doc.text, s))
//       use(w.span.of(doc.text), to_string(w.upos), w.xpos, w.lemma);

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/text_span.hpp"
#include "chronicle/language/lemmatizer.hpp"
#include "chronicle/language/tagger.hpp"
#include "chronicle/segment/segmenter.hpp"

namespace chronicle::language {

/// One analysed UD word.
struct Word {
  TextSpan span;          ///< bytes of the word in the analysed text
  Upos upos = Upos::x;    ///< universal tag
  std::string_view xpos;  ///< Penn tag; valid while the Analyzer's tagger lives
  std::string lemma;      ///< dictionary form ("meet" for "met")
};

/// Tokenizes, tags and lemmatizes sentences; cheap to copy, safe to share between threads.
class Analyzer {
 public:
  /// An analyzer from explicit models.
  Analyzer(Tagger tagger, Lemmatizer lemmatizer) : tagger_(std::move(tagger)), lemmatizer_(std::move(lemmatizer)) {}

  /// The analyzer with the models embedded in the library.
  static Result<Analyzer> builtin();

  /// Words of `sentence` (a segmenter sentence over `text`); empty for non-content sentences.
  std::vector<Word> analyze(std::string_view text, const segment::Sentence& sentence) const;

  /// Which words get a dictionary lemma.
  enum class Lemmas {
    all,       ///< every word (WordNet for the open classes)
    no_nouns,  ///< common nouns keep their lower-cased form: what tense reading needs, without
               ///< the WordNet lookups of a text's many distinct nouns
  };

  /// Tags and lemmatizes already tokenized `words` of `text`.
  std::vector<Word> analyze_words(std::string_view text, std::span<const TextSpan> words, Lemmas lemmas = Lemmas::all) const;

  /// The tagger in use.
  const Tagger& tagger() const { return tagger_; }
  /// The lemmatizer in use.
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }

 private:
  Tagger tagger_;
  Lemmatizer lemmatizer_;
};

}  // namespace chronicle::language
