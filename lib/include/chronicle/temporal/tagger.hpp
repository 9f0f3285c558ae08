#pragma once
// The temporal tagger: finds temporal expressions in a document's text and normalizes them to
// TimeML TIMEX3 values against the document's publication date (DCT).
//
// The grammar is data (lib/resources/en/temporal/rules.tsv and lexicon.tsv, embedded in the
// binary): token patterns with a value function each. Matching is token based, leftmost-longest,
// with candidate rules looked up by the token they can start on, so the work per document is
// linear in its length. Whether a bare "Friday" or "January 1" lies before or after the DCT is
// decided from the sentence by a TenseOracle (cue words and verb morphology by default; a POS
// tagger can supply its own). Without a DCT the tagger works in narrative mode: relative
// expressions resolve against the last explicit date before them.
//
//   const temporal::Tagger& tagger = temporal::default_tagger();
//   temporal::TagOptions options;
//   options.dct = date::year{2015} / 12 / 15;
//   for (const temporal::Timex& t : tagger.tag(text, TextSpan{0, text.size()}, options))
//     fmt::print("{} {}\n", t.span.of(text), t.value.value);   // "last week 2015-W50"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/core/result.hpp"
#include "chronicle/core/text_span.hpp"
#include "chronicle/segment/segmenter.hpp"
#include "chronicle/temporal/value.hpp"

namespace chronicle::temporal {

/// Where an expression lies relative to the reference date, as the sentence tells.
enum class Direction { unknown, past, future };

/// Decides, from the sentence around an expression, whether it points back or forward.
/// The default looks at auxiliaries, cue words and verb morphology; a POS tagger may replace it.
class TenseOracle {
 public:
  virtual ~TenseOracle() = default;
  /// Direction of the expression at `expression` inside the sentence `sentence` of `text`.
  virtual Direction direction(std::string_view text, TextSpan sentence, TextSpan expression) const = 0;
};

/// The default oracle: "will", "is set to", "next", "plans" point forward; past-tense verbs
/// (WordNet's morphology), "ago", "last", "since" point back; the nearest cue wins.
const TenseOracle& cue_tense_oracle();

/// An oracle that always gives one answer: what an expression's value would be had the sentence
/// said so (measuring an oracle's misses), or a stand-in that shows when a fallback is asked.
class FixedTenseOracle final : public TenseOracle {
 public:
  explicit FixedTenseOracle(Direction answer) : answer_(answer) {}
  Direction direction(std::string_view, TextSpan, TextSpan) const override { return answer_; }

 private:
  Direction answer_;
};

/// One recognized temporal expression.
struct Timex {
  TextSpan span;      ///< in the text given to tag()
  TimeValue value;    ///< type, value, mod, freq/quant
  std::string rule;   ///< the grammar rule that matched
};

/// What tag() needs besides the text.
struct TagOptions {
  std::optional<date::year_month_day> dct;   ///< publication date; none: narrative mode
  const TenseOracle* oracle = nullptr;       ///< nullptr: cue_tense_oracle()
  bool prefilter = true;                     ///< false: match everywhere (same result, slower)
};

/// One rule of the grammar, as written in the rules file (for tests and documentation).
struct RuleInfo {
  std::string name;
  std::string pattern;
  std::string value;
  std::string example;
  std::string expected;   ///< "-" when the rule marks a non-expression
  std::size_t line = 0;
};

/// A loaded grammar. Cheap to copy (shares its immutable tables); safe to use from many threads.
class Tagger {
 public:
  /// Loads the grammar from the embedded (or overridden) resources en/temporal/*.tsv.
  static Result<Tagger> load();
  /// Builds a grammar from the text of a rules file and a lexicon file.
  static Result<Tagger> from_text(std::string_view rules, std::string_view lexicon);

  /// Temporal expressions of `text[range]`, in text order, non-overlapping.
  std::vector<Timex> tag(std::string_view text, TextSpan range, const TagOptions& options) const;
  /// Same, with sentence boundaries from the segmenter (tokens are not needed).
  std::vector<Timex> tag(std::string_view text, std::span<const segment::Sentence> sentences,
                         const TagOptions& options) const;

  /// The rules, in file order.
  const std::vector<RuleInfo>& rules() const;

  struct Impl;

 private:
  explicit Tagger(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// The grammar from the embedded resources, loaded once. Throws std::runtime_error when the
/// embedded rules are broken (a build problem, not an input problem).
const Tagger& default_tagger();

}  // namespace chronicle::temporal
