#pragma once
// TempEval-3 Task A scoring of the temporal tagger against TimeML gold.
//
// For each gold .tml file the tagger runs on the file's raw text (its TEXT element) with the
// file's DCT; the DCT's own TIMEX3 (functionInDocument=CREATION_TIME) is not gold. Spans match
// strictly (same bytes) or relaxed (overlap, one to one). As in the TE3 scorer, an attribute's
// F1 is the relaxed F1 times that attribute's accuracy over the relaxed matches. Every
// disagreement is kept as an error of one kind, so rule work can follow the data.
//
// Some value mismatches are the gold's convention rather than a system error: an X placeholder
// where the system gives a specific value of the same granularity (1989-WXX for 1989-W33,
// 1989-QX for 1989-Q3, 199X for the decade 199, 1949-XX for the year 1949), an unpadded week
// number (2000-W7 for 2000-W07), a duration value on a DATE or TIME ("this week" = P1W). They
// are still wrong values in value_f1, the official figure; they are reported as the error kind
// gold_convention and counted as right only in value_f1_accepting_gold_conventions, which says
// how much of the gap is convention. Other gold slips (arithmetic, anchoring on another date)
// cannot be told apart mechanically and stay wrong_value.
//
//   auto scores = evaluation::evaluate_timex("tbaq-cleaned/AQUAINT", temporal::default_tagger());
//   if (scores) fmt::print("value F1 {:.3f}\n", scores->value_f1);

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/core/result.hpp"
#include "chronicle/core/text_span.hpp"
#include "chronicle/temporal/tagger.hpp"

namespace chronicle::evaluation {

/// One TIMEX3, gold or system, in a document's text.
struct TimexAnnotation {
  TextSpan span;
  std::string type;
  std::string value;
  std::string rule;   ///< system only: the grammar rule
};

/// Kinds of disagreement, in the order they are reported.
enum class TimexErrorKind { missed, spurious, wrong_value, gold_convention, wrong_type, span_mismatch };

/// "missed", "spurious", "wrong_value", "gold_convention", "wrong_type", "span_mismatch".
std::string_view to_string(TimexErrorKind kind);

/// The gold conventions a value mismatch may be (see the header comment).
enum class GoldConvention { placeholder, unpadded_week, duration_on_date };

/// "placeholder", "unpadded_week", "duration_on_date".
std::string_view to_string(GoldConvention convention);

/// The text around `span` (up to `before` bytes before it and 60 after, newlines folded), the
/// span itself marked [[like this]]: how error lists quote an expression.
std::string context_of(std::string_view text, TextSpan span, std::size_t before = 60);

/// The convention that explains why `gold`'s value differs from `system`'s, if any.
std::optional<GoldConvention> gold_convention(const TimexAnnotation& gold, const TimexAnnotation& system);

/// One disagreement between gold and system.
struct TimexError {
  TimexErrorKind kind;
  std::string doc;
  std::string dct;
  std::optional<TimexAnnotation> gold;
  std::optional<TimexAnnotation> system;
  std::string gold_text;
  std::string system_text;
  std::string context;   ///< the text around the expression, one line
  std::optional<GoldConvention> convention;   ///< set for gold_convention errors
};

/// Counts and measures over a set of documents.
struct TimexScores {
  std::size_t docs = 0;
  std::size_t gold = 0;
  std::size_t system = 0;
  std::size_t strict_matches = 0;
  std::size_t relaxed_matches = 0;
  std::size_t type_correct = 0;
  std::size_t value_correct = 0;
  std::size_t value_gold_convention = 0;   ///< value mismatches that are a gold convention

  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double relaxed_precision = 0, relaxed_recall = 0, relaxed_f1 = 0;
  double type_accuracy = 0, value_accuracy = 0;
  double type_f1 = 0, value_f1 = 0;
  /// Not the official measure: value F1 counting gold-convention mismatches as right.
  double value_f1_accepting_gold_conventions = 0;

  std::vector<TimexError> errors;

  /// Recomputes the measures from the counts.
  void finish();
};

/// Adds the comparison of one document's gold and system annotations to `scores`.
void score_document(std::string_view doc, std::string_view dct, std::string_view text,
                    const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& system,
                    TimexScores& scores);

/// Scores `tagger` on every .tml file under `gold_dir` (recursively, in path order).
/// `oracle` decides the direction of bare weekdays and month-days (nullptr: the tagger's cue oracle).
Result<TimexScores> evaluate_timex(const std::filesystem::path& gold_dir, const temporal::Tagger& tagger,
                                   const temporal::TenseOracle* oracle = nullptr);

}  // namespace chronicle::evaluation
