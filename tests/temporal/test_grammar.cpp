// The grammar's own examples: every rule in rules.tsv is run on its example sentence (DCT
// 2015-12-15) and must give the value its `expected` column promises.

#include <catch2/catch.hpp>

#include "chronicle/temporal/tagger.hpp"

using namespace chronicle;
using namespace chronicle::temporal;
using namespace date::literals;

TEST_CASE("every grammar rule gives its example the expected value", "[temporal][grammar]") {
  const Tagger& tagger = default_tagger();
  REQUIRE(tagger.rules().size() > 50);
  TagOptions options;
  options.dct = 2015_y / 12 / 15;
  for (const RuleInfo& rule : tagger.rules()) {
    DYNAMIC_SECTION(rule.name << " (rules.tsv:" << rule.line << ")") {
      const std::string& example = rule.example;
      const std::vector<Timex> found = tagger.tag(example, TextSpan{0, example.size()}, options);
      INFO("example: " << example);
      for (const Timex& t : found) UNSCOPED_INFO("found " << t.rule << " '" << t.span.of(example) << "' = " << t.value.value);
      if (rule.expected == "-") {
        CHECK(found.empty());
      } else {
        const Timex* mine = nullptr;
        for (const Timex& t : found)
          if (t.rule == rule.name) mine = &t;
        REQUIRE(mine != nullptr);
        CHECK(mine->value.value == rule.expected);
      }
    }
  }
}

TEST_CASE("a broken rules file is an error naming the line", "[temporal][grammar]") {
  const auto bad = Tagger::from_text("x\t<nosuchclass>\tdate\tex\t-\n", "month\tjanuary\t1\n");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("rules.tsv:1") != std::string::npos);
  CHECK(bad.error().message.find("nosuchclass") != std::string::npos);
  const auto bad_fn = Tagger::from_text("x\tjanuary\tfrobnicate\tex\t-\n", "");
  REQUIRE_FALSE(bad_fn);
  CHECK(bad_fn.error().message.find("frobnicate") != std::string::npos);
}
