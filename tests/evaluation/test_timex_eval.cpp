// TempEval-3 Task A scoring: strict and relaxed matches, attribute F1 = relaxed F1 x accuracy,
// and errors grouped by kind.

#include <optional>
#include <tuple>

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

TEST_CASE("gold conventions are recognised only where the gold is underspecified", "[evaluation][timex]") {
  using C = GoldConvention;
  using Row = std::tuple<std::string, std::string, std::string, std::string, std::optional<C>>;
  const auto [gold_type, gold_value, system_type, system_value, expected] = GENERATE(table<std::string, std::string, std::string, std::string, std::optional<C>>({
      Row{"DATE", "1989-WXX", "DATE", "1989-W33", C::placeholder},
      Row{"DATE", "1989-QX", "DATE", "1989-Q3", C::placeholder},
      Row{"DATE", "199X", "DATE", "199", C::placeholder},      // the decade, X-padded
      Row{"DATE", "19XX", "DATE", "1987", C::placeholder},
      Row{"DATE", "1949-XX", "DATE", "1949", C::placeholder},  // the year, X-padded
      Row{"DATE", "2000-W7", "DATE", "2000-W07", C::unpadded_week},
      Row{"DATE", "2000-W7-WE", "DATE", "2000-W07-WE", C::unpadded_week},
      Row{"DATE", "P1W", "DATE", "1989-W33", C::duration_on_date},
      Row{"TIME", "PT2H", "TIME", "1989-08-14TAF", C::duration_on_date},
      Row{"DATE", "PXY", "DATE", "PAST_REF", C::duration_on_date},
      Row{"DATE", "PRESENT_REF", "DATE", "1998-03-05", std::nullopt},   // a reference, no duration
      // real disagreements stay wrong values
      Row{"DATE", "1989-WXX", "DATE", "1990-W33", std::nullopt},   // another year
      Row{"DATE", "1989-WXX", "DATE", "1989", std::nullopt},       // another granularity
      Row{"DATE", "1989-QX", "DATE", "1989-W33", std::nullopt},
      Row{"DATE", "1998-10-XX", "DATE", "1998-W43", std::nullopt},
      Row{"DATE", "2000-W7", "DATE", "2000-W08", std::nullopt},
      Row{"DATE", "2000-W17", "DATE", "2000-W017", std::nullopt},
      Row{"DURATION", "P1W", "DATE", "1989-W33", std::nullopt},    // a duration is a duration
      Row{"DATE", "P1W", "DATE", "P2W", std::nullopt},             // two durations compare as such
      Row{"DATE", "1989-08-14", "DATE", "1989-08-15", std::nullopt},
      Row{"DATE", "XXXX-XX-XX", "DATE", "PRESENT_REF", std::nullopt}}));
  CAPTURE(gold_value, system_value);
  CHECK(gold_convention({{0, 1}, gold_type, gold_value, {}}, {{0, 1}, system_type, system_value, {}}) == expected);
}

TEST_CASE("gold-convention mismatches count only in the accepting figure", "[evaluation][timex]") {
  const std::string text = "this week and in the third quarter and Friday";
  const std::vector<TimexAnnotation> gold{{{0, 9}, "DATE", "P1W", {}},
                                          {{17, 34}, "DATE", "1989-QX", {}},
                                          {{39, 45}, "DATE", "1989-08-11", {}}};
  const std::vector<TimexAnnotation> system{{{0, 9}, "DATE", "1989-W33", "w"},
                                            {{17, 34}, "DATE", "1989-Q3", "q"},
                                            {{39, 45}, "DATE", "1989-08-18", "d"}};
  TimexScores s;
  score_document("doc", "1989-08-14", text, gold, system, s);
  s.finish();
  CHECK(s.relaxed_f1 == Approx(1.0));
  CHECK(s.value_f1 == Approx(0.0));                                  // the official figure is unchanged
  CHECK(s.value_gold_convention == 2);
  CHECK(s.value_f1_accepting_gold_conventions == Approx(2.0 / 3));
  REQUIRE(s.errors.size() == 3);
  CHECK(s.errors[0].kind == TimexErrorKind::gold_convention);
  CHECK(s.errors[0].convention == GoldConvention::duration_on_date);
  CHECK(s.errors[1].convention == GoldConvention::placeholder);
  CHECK(s.errors[2].kind == TimexErrorKind::wrong_value);
  CHECK_FALSE(s.errors[2].convention);
  CHECK(to_string(TimexErrorKind::gold_convention) == "gold_convention");
}

TEST_CASE("a gold timex pairs with the first system timex overlapping it, as in the TempEval-3 toolkit", "[evaluation][timex]") {
  // wsj_0904: the toolkit pairs "the year-earlier nine months" with "year-earlier", the system
  // expression that begins first; "nine months" is then spurious, even though its type is right.
  const std::string text = "Net for the year-earlier nine months rose.";
  //                        0123456789012345678901234567890123456789
  const std::vector<TimexAnnotation> gold{{{8, 36}, "DURATION", "P9M", {}}};
  const std::vector<TimexAnnotation> system{{{12, 24}, "DATE", "1988-Q3", "year_ago_adj"},
                                            {{25, 36}, "DURATION", "P9M", "dur"}};
  TimexScores s;
  score_document("doc", "1989-10-26", text, gold, system, s);
  s.finish();
  CHECK(s.relaxed_matches == 1);
  CHECK(s.type_correct == 0);
  CHECK(s.value_correct == 0);
  std::vector<TimexErrorKind> kinds;
  for (const auto& e : s.errors) kinds.push_back(e.kind);
  CHECK(kinds == std::vector<TimexErrorKind>{TimexErrorKind::wrong_value, TimexErrorKind::spurious});
  REQUIRE(s.errors[0].system);
  CHECK(s.errors[0].system->span.begin == 12);
}
