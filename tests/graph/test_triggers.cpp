#include "fixture.hpp"
#include "internal.hpp"

using namespace chronicle;
using graph::detail::TriggerClasses;

TEST_CASE("every trigger-class row resolves its lemma to its class", "[graph][triggers]") {
  const TriggerClasses& t = TriggerClasses::instance();
  REQUIRE(t.rows().size() > 20);
  for (const auto& [cls, lemma, example] : t.rows()) {
    INFO(lemma << " — " << example);
    CHECK(t.class_of(lemma) == cls);
    CHECK(example.find(lemma.substr(0, 3)) != std::string::npos);  // the example shows the word
  }
}

TEST_CASE("synonyms, multi-word triggers and related classes score between 0 and 1", "[graph][triggers]") {
  const TriggerClasses& t = TriggerClasses::instance();
  CHECK(t.match("talks", "talks").score == 1.0);
  CHECK(t.match("talks", "meeting").score == Approx(0.9));
  CHECK(t.match("round of talks", "conference").score == Approx(0.9));
  CHECK(t.match("peace talks", "negotiations").score == Approx(0.9));
  CHECK(t.match("Meetings", "talk").score == Approx(0.9));
  CHECK(t.match("visit", "talks").score == Approx(0.6));
  CHECK(t.match("ceasefire", "meeting").score == 0);
  CHECK(t.match("comment", "strike").score == 0);
}

TEST_CASE("a broken trigger table is an error naming the file and line", "[graph][triggers]") {
  auto bad = TriggerClasses::parse("meeting\ttalks\n", "meeting\tvisit\t2.0\texample\n");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("trigger_classes.tsv: line 1"));
  auto bad_score = TriggerClasses::parse("meeting\ttalks\tex\n", "meeting\tvisit\t2.0\texample\n");
  REQUIRE_FALSE(bad_score);
  CHECK_THAT(bad_score.error().message, Catch::Contains("related_classes.tsv: line 1"));
}
