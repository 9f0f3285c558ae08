#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "chronicle/core/resources.hpp"
#include "chronicle/language/tagger.hpp"

using namespace chronicle::language;

namespace {

std::string upos_of(const std::vector<std::string_view>& words) {
  Tagger tagger = Tagger::builtin().value();
  std::string out;
  for (const PosTag& t : tagger.tag(words)) {
    if (!out.empty()) out += ' ';
    out += to_string(t.upos);
  }
  return out;
}

std::string builtin_model() { return std::string(chronicle::resources::load("en/language/tagger.bin").value()); }

}  // namespace

TEST_CASE("the built-in tagger tags clear news sentences", "[language][tagger]") {
  CHECK(upos_of({"Kerry", "will", "meet", "Lavrov", "on", "Friday", "."}) == "PROPN AUX VERB PROPN ADP PROPN PUNCT");
  CHECK(upos_of({"The", "talks", "ended", "without", "a", "deal", "."}) == "DET NOUN VERB ADP DET NOUN PUNCT");
  CHECK(upos_of({"They", "did", "n't", "sign", "the", "agreement", "."}) == "PRON AUX PART VERB DET NOUN PUNCT");
}

TEST_CASE("the tagger gives Penn tags that mark tense", "[language][tagger]") {
  Tagger tagger = Tagger::builtin().value();
  std::vector<std::string_view> words = {"Assad", "rejected", "the", "plan", "after", "talks", "that", "had", "started", "."};
  std::vector<PosTag> tags = tagger.tag(words);
  CHECK(tags[0].xpos == "NNP");
  CHECK(tags[1].xpos == "VBD");
  CHECK(tags[7].xpos == "VBD");
  CHECK(tags[8].xpos == "VBN");
  std::vector<std::string_view> future = {"The", "meeting", "will", "take", "place", "on", "Friday", "."};
  std::vector<PosTag> f = tagger.tag(future);
  CHECK(f[2].xpos == "MD");
  CHECK(f[3].xpos == "VB");
}

TEST_CASE("the tagger handles empty input and unknown words", "[language][tagger]") {
  Tagger tagger = Tagger::builtin().value();
  CHECK(tagger.tag(std::vector<std::string_view>{}).empty());
  std::vector<PosTag> tags = tagger.tag(std::vector<std::string_view>{"The", "Zorblaxian", "envoys", "arrived", "."});
  CHECK((tags[1].upos == Upos::adj || tags[1].upos == Upos::propn));
  CHECK(tags[2].upos == Upos::noun);
  CHECK(tags[3].upos == Upos::verb);
}

TEST_CASE("a corrupt or truncated tagger model fails to load with a clear error", "[language][tagger][model]") {
  std::string model = builtin_model();
  REQUIRE(Tagger::load(model, "tagger.bin").has_value());

  std::string flipped = model;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5A);
  auto corrupt = Tagger::load(flipped, "tagger.bin");
  REQUIRE_FALSE(corrupt.has_value());
  CHECK_THAT(corrupt.error().message, Catch::Contains("tagger.bin") && Catch::Contains("corrupt"));

  auto truncated = Tagger::load(std::string_view(model).substr(0, 1000), "tagger.bin");
  REQUIRE_FALSE(truncated.has_value());
  CHECK_THAT(truncated.error().message, Catch::Contains("truncated"));

  auto not_model = Tagger::load("hello, world", "notes.txt");
  REQUIRE_FALSE(not_model.has_value());
  CHECK_THAT(not_model.error().message, Catch::StartsWith("notes.txt: not a Chronicle model"));

  std::string newer = model;
  newer[8] = 99;  // version field after the 8-byte magic
  auto version = Tagger::load(newer, "tagger.bin");
  REQUIRE_FALSE(version.has_value());
  CHECK_THAT(version.error().message, Catch::Contains("version 99"));
}
