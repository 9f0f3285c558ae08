#include <catch2/catch.hpp>

#include <string>

#include "chronicle/language/conllu.hpp"
#include "chronicle/language/evaluation.hpp"

using namespace chronicle::language;

namespace {
const std::string kFixture = std::string(CHRONICLE_TEST_DIR) + "/fixtures/small.conllu";
}

TEST_CASE("CoNLL-U reading keeps syntactic words and skips multiword tokens", "[language][conllu]") {
  auto sentences = read_conllu_file(kFixture);
  REQUIRE(sentences.has_value());
  REQUIRE(sentences->size() == 2);
  const auto& words = (*sentences)[1].words;
  REQUIRE(words.size() == 5);
  CHECK(words[1].form == "did");
  CHECK(words[2].lemma == "not");
  CHECK(words[2].xpos == "RB");
}

TEST_CASE("CoNLL-U errors name the file and line", "[language][conllu]") {
  auto r = parse_conllu("# c\n1\tKerry\tKerry\tPROPN\n", "bad.conllu");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "bad.conllu: line 2: expected 10 tab-separated columns, found 4");
  auto missing = read_conllu_file("no/such/file.conllu");
  REQUIRE_FALSE(missing.has_value());
  CHECK_THAT(missing.error().message, Catch::Contains("no/such/file.conllu"));
}

TEST_CASE("evaluation scores the built-in models on gold tokens", "[language][evaluation]") {
  auto scores = evaluate_pos_file(kFixture);
  REQUIRE(scores.has_value());
  CHECK(scores->tokens == 12);
  CHECK(scores->upos_accuracy == Approx(1.0));
  CHECK(scores->lemma_accuracy == Approx(1.0));
  CHECK(scores->xpos_accuracy >= 11.0 / 12.0);
}
