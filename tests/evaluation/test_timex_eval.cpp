// TempEval-3 Task A scoring: strict and relaxed matches, attribute F1 = relaxed F1 x accuracy,
// and errors grouped by kind.

#include <catch2/catch.hpp>

#include "chronicle/evaluation/timex_eval.hpp"

using namespace chronicle;
using namespace chronicle::evaluation;

TEST_CASE("timex scores follow the TempEval-3 definitions", "[evaluation][timex]") {
  const std::string text = "On Friday last week and in December the talks ended.";
  //                        0123456789012345678901234567890123456789
  const std::vector<TimexAnnotation> gold{{{3, 9}, "DATE", "2015-12-11", {}},     // Friday
                                          {{10, 19}, "DATE", "2015-W50", {}},     // last week
                                          {{27, 35}, "DATE", "2015-12", {}}};     // December
  const std::vector<TimexAnnotation> system{{{3, 9}, "DATE", "2015-12-11", "weekday"},   // strict, right
                                            {{15, 19}, "DATE", "2015-W49", "x"},         // relaxed, wrong value
                                            {{40, 45}, "DATE", "PAST_REF", "y"}};        // spurious
  TimexScores s;
  score_document("doc", "2015-12-15", text, gold, system, s);
  s.finish();
  CHECK(s.relaxed_matches == 2);
  CHECK(s.strict_matches == 1);
  CHECK(s.relaxed_precision == Approx(2.0 / 3));
  CHECK(s.relaxed_recall == Approx(2.0 / 3));
  CHECK(s.strict_f1 == Approx(1.0 / 3));
  CHECK(s.value_accuracy == Approx(0.5));
  CHECK(s.value_f1 == Approx(s.relaxed_f1 * 0.5));
  CHECK(s.type_f1 == Approx(s.relaxed_f1));
  std::vector<TimexErrorKind> kinds;
  for (const auto& e : s.errors) kinds.push_back(e.kind);
  CHECK(kinds == std::vector<TimexErrorKind>{TimexErrorKind::wrong_value, TimexErrorKind::missed,
                                              TimexErrorKind::spurious});
}

TEST_CASE("a missing gold directory is an error naming it", "[evaluation][timex]") {
  auto r = evaluate_timex("/nonexistent/gold", temporal::default_tagger());
  REQUIRE_FALSE(r);
  CHECK(r.error().message.find("/nonexistent/gold") != std::string::npos);
}
