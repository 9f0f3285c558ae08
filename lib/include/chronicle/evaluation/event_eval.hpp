#pragma once
// TempEval-3 Task B scoring of event recognition against TimeML gold EVENTs.
//
// For each gold .tml file the extractor runs on the file's text with its DCT; system triggers
// and gold EVENT extents are matched one to one, strictly (same bytes) or relaxed (overlap). As
// in the TE3 scorer, the class F1 is the relaxed F1 times the class accuracy over the relaxed
// matches; tense accuracy is reported the same way against the MAKEINSTANCE tense.
//
//   auto scores = evaluation::evaluate_events("tbaq-cleaned/TimeBank", extractor);
//   if (scores) fmt::print("event span F1 {:.3f}\n", scores->relaxed_f1);

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/events/extractor.hpp"

namespace chronicle::evaluation {

/// Counts and measures of event recognition over a set of documents.
struct EventScores {
  std::size_t docs = 0;
  std::size_t gold = 0;
  std::size_t system = 0;
  std::size_t strict_matches = 0;
  std::size_t relaxed_matches = 0;
  std::size_t class_correct = 0;
  std::size_t tense_correct = 0;

  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double relaxed_precision = 0, relaxed_recall = 0, relaxed_f1 = 0;
  double class_accuracy = 0, class_f1 = 0, tense_accuracy = 0, tense_f1 = 0;

  std::map<std::string, std::size_t> missed;    ///< gold words the system did not find, lower-cased
  std::map<std::string, std::size_t> spurious;  ///< system words that are no gold event

  /// Recomputes the measures from the counts.
  void finish();
};

/// Scores `extractor` on every .tml file under `gold_dir` (recursively, in path order).
Result<EventScores> evaluate_events(const std::filesystem::path& gold_dir, const events::Extractor& extractor);

}  // namespace chronicle::evaluation
