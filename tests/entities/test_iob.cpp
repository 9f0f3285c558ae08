#include <catch2/catch.hpp>

#include "chronicle/entities/evaluation.hpp"
#include "chronicle/entities/iob.hpp"

using namespace chronicle::entities;

TEST_CASE("IOB2 files are read with comments, sentences and known types only", "[entities][iob]") {
  const char* text =
      "# sent_id = a\n"
      "# text = Kerry met Lavrov in Moscow.\n"
      "1\tKerry\tB-PER\t-\tx\n"
      "2\tmet\tO\n"
      "3\tLavrov\tB-PER\n"
      "4\tin\tO\n"
      "5\tMoscow\tB-LOC\n"
      "6\t.\tO\n"
      "\n"
      "1\tWindows\tB-MISC\n"
      "2\t#\tO\n";
  auto sentences = parse_iob(text, IobFormat::iob2, "fixture");
  REQUIRE(sentences);
  REQUIRE(sentences->size() == 2);
  CHECK((*sentences)[0].words == std::vector<std::string>{"Kerry", "met", "Lavrov", "in", "Moscow", "."});
  CHECK((*sentences)[0].tags == std::vector<std::string>{"B-PER", "O", "B-PER", "O", "B-LOC", "O"});
  CHECK((*sentences)[1].tags == std::vector<std::string>{"O", "O"});
}

TEST_CASE("a malformed IOB2 line is reported with its file and line", "[entities][iob]") {
  auto sentences = parse_iob("1\tKerry\tB-PER\n2\tmet\n", IobFormat::iob2, "bad.iob2");
  REQUIRE_FALSE(sentences);
  CHECK(sentences.error().message == "bad.iob2: line 2: expected index<TAB>token<TAB>tag");
}

TEST_CASE("CoNLL IOB1 becomes IOB2 and MISC becomes O", "[entities][iob]") {
  const char* text =
      "-DOCSTART- O\n\n"
      "The I-ORG\nMad I-ORG\nCapsule I-ORG\nMarkets I-ORG\nplayed O\nin O\nJapanese I-MISC\n"
      "Tokyo I-LOC\nB-LOC B-LOC\n\n";
  auto sentences = parse_iob(text, IobFormat::conll_iob1, "wiki");
  REQUIRE(sentences);
  REQUIRE(sentences->size() == 1);
  CHECK((*sentences)[0].tags ==
        std::vector<std::string>{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-LOC", "B-LOC"});
}

TEST_CASE("entity scoring is exact-match and conlleval-like", "[entities][evaluation]") {
  EntityScores s;
  // gold: [John Kerry]PER met [Lavrov]PER in [New York]LOC
  add_sentence(s, {"B-PER", "I-PER", "O", "B-PER", "O", "B-LOC", "I-LOC"},
               {"B-PER", "I-PER", "O", "B-LOC", "O", "I-LOC", "I-LOC"});
  CHECK(s.overall.gold == 3);
  CHECK(s.overall.predicted == 3);  // a stray I-LOC opens an entity, as in conlleval
  CHECK(s.overall.correct == 2);
  CHECK(s.overall.precision() == Approx(2.0 / 3));
  CHECK(s.by_type["PER"].recall() == Approx(0.5));
  CHECK(s.by_type["LOC"].f1() == Approx(2.0 / 3));
  CHECK(chunks({"O", "B-ORG", "I-ORG", "B-ORG"}) == std::vector<Chunk>{{1, 3, "ORG"}, {3, 4, "ORG"}});
}
