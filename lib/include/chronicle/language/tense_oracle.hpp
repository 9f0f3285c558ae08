#pragma once
// A temporal::TenseOracle from part-of-speech tags: the sentence around an expression is
// analysed (UD words, Penn tags, lemmas), its verb groups found, and the group governing the
// expression gives the direction — "Kerry met Putin on Tuesday" back, "the meeting will take
// place on Friday", "is set to take place on Friday", "Lavrov said the meeting would take place
// on Friday" forward. A noun phrase's modifier comes first ("a planned January 1 ceasefire",
// "effective Feb. 1"); then what the group's construction says beyond its tense: a scheduled
// object, the end of a present state ("has until Friday to sign"), an infinitive hanging on a
// present ("is to leave on Monday"), a clause of time after a future ("would be signed when
// Kerry arrived on Friday"). When none of them says anything the cue oracle
// (temporal::cue_tense_oracle()) answers.
//
// The temporal tagger asks only for expressions whose value depends on a direction, so only
// those sentences are analysed; the last analysed sentence is cached per thread.
//
//   temporal::TagOptions options;
//   options.dct = date::year{2015} / 12 / 15;
//   options.oracle = &language::pos_tense_oracle();
//   auto timexes = temporal::default_tagger().tag(text, TextSpan{0, text.size()}, options);

#include <cstdint>
#include <string_view>

#include "chronicle/core/result.hpp"
#include "chronicle/core/text_span.hpp"
#include "chronicle/language/analyzer.hpp"
#include "chronicle/language/verb_group.hpp"
#include "chronicle/temporal/tagger.hpp"

namespace chronicle::language {

/// Direction of temporal expressions from the verb group that governs them.
class PosTenseOracle final : public temporal::TenseOracle {
 public:
  /// An oracle over `analyzer`; `fallback` answers when the verb groups say nothing
  /// (nullptr: temporal::cue_tense_oracle()).
  explicit PosTenseOracle(Analyzer analyzer, const temporal::TenseOracle* fallback = nullptr);

  /// The oracle with the embedded language models.
  static Result<PosTenseOracle> builtin();

  /// Direction of `expression` in `sentence` of `text`: the verb groups' answer, else the fallback's.
  temporal::Direction direction(std::string_view text, TextSpan sentence, TextSpan expression) const override;

  /// The verb groups' answer alone: the noun phrase's modifier, else the governing group's direction.
  TimeDirection group_direction(std::string_view text, TextSpan sentence, TextSpan expression) const;

 private:
  Analyzer analyzer_;
  const temporal::TenseOracle* fallback_;
  std::uint64_t id_;   ///< tells this oracle's cache entries from another's
};

/// The builtin PosTenseOracle, built once. Throws std::runtime_error when the embedded models are
/// broken (a build problem, not an input problem).
const PosTenseOracle& pos_tense_oracle();

}  // namespace chronicle::language
