#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "chronicle/entities/training.hpp"
#include "features.hpp"
#include "gazetteer.hpp"

using namespace chronicle::entities;
using namespace chronicle::entities::detail;

namespace {

const Gazetteer& empty_gazetteer() {
  static const Gazetteer g = [] {
    auto parsed = Gazetteer::parse("@country\nSyria\n", "test gazetteer");
    if (!parsed) FAIL(parsed.error().message);
    return *parsed;
  }();
  return g;
}

// Number of features of each token of `words` with the feature groups `disabled` left out.
std::vector<std::size_t> feature_counts(std::vector<std::string_view> words, std::uint32_t disabled) {
  SentenceFeatures out;
  extract_features(empty_gazetteer(), words, {}, disabled | kFeaturesPos, out);
  std::vector<std::size_t> counts;
  for (std::size_t i = 0; i < words.size(); ++i) counts.push_back(out.of(i).size());
  return counts;
}

// Features token `i` has with `group` and not without it.
std::size_t added_by(std::uint32_t group, std::vector<std::string_view> words, std::size_t i) {
  return feature_counts(words, 0)[i] - feature_counts(words, group)[i];
}

}  // namespace

TEST_CASE("capitalized runs: capitalized tokens learn the run's length, their place and its borders",
          "[entities][features]") {
  const std::vector<std::string_view> words = {"We", "ate", "at", "Del", "Frisco", "'s", "."};
  CHECK(added_by(kFeaturesRuns, words, 3) == 4);  // shape, word × place, the words before and after the run
  CHECK(added_by(kFeaturesRuns, words, 4) == 4);
  CHECK(added_by(kFeaturesRuns, words, 1) == 0);  // lowercase words are in no run
  CHECK(added_by(kFeaturesRuns, words, 5) == 0);

  SentenceFeatures out;
  extract_features(empty_gazetteer(), words, {}, kFeaturesPos, out);
  CHECK(out.run_begin == std::vector<std::uint32_t>{0, 1, 2, 3, 3, 5, 6});
  CHECK(out.run_end == std::vector<std::uint32_t>{1, 2, 3, 5, 5, 6, 7});
}

TEST_CASE("neighbour affixes: suffixes and prefixes of the words around, a 5-byte suffix", "[entities][features]") {
  const std::vector<std::string_view> words = {"He", "joined", "Google", "yesterday", "."};
  CHECK(added_by(kFeaturesAffixes, words, 2) == 7);  // 2 + 2 suffixes, 2 prefixes, the long suffix
  CHECK(added_by(kFeaturesAffixes, words, 0) == 4);  // nothing to the left
}

TEST_CASE("window words: words three and four tokens away, whichever side", "[entities][features]") {
  const std::vector<std::string_view> words = {"a", "b", "c", "d", "Google", "e", "f", "g", "h"};
  CHECK(added_by(kFeaturesWindow, words, 4) == 4);
  CHECK(added_by(kFeaturesWindow, words, 0) == 2);
  CHECK(added_by(kFeaturesWindow, {"a", "b"}, 0) == 0);
}

TEST_CASE("embedding clusters: the @embedding table gives path-prefix features, none without the table",
          "[entities][features]") {
  auto parsed = Gazetteer::parse("@country\nSyria\n@embedding\nsyria\t0110\nin\t1\n", "test gazetteer");
  REQUIRE(parsed);
  const Gazetteer& g = *parsed;
  CHECK(g.embedded_words() == 2);
  CHECK(g.embedding_cluster(token_key("syria")) == 0b10110);
  CHECK(g.embedding_cluster(token_key("damascus")) == 0);
  CHECK(g.cluster(token_key("syria")) == 0);  // a table of its own, not the word clusters

  const std::vector<std::string_view> words = {"in", "Syria", "."};
  auto count = [&](const Gazetteer& gazetteer, std::uint32_t disabled, std::size_t i) {
    SentenceFeatures out;
    extract_features(gazetteer, words, {}, disabled | kFeaturesPos, out);
    return out.of(i).size();
  };
  auto added = [&](std::size_t i) { return count(g, 0, i) - count(g, kFeaturesEmbeddings, i); };
  // 4 prefixes of the token, 2 of each neighbour, × capitalization, the window of three; a word
  // without a path has the value "none" ("."), as the word clusters do
  CHECK(added(1) == 10);
  CHECK(added(2) == 10);
  CHECK(count(empty_gazetteer(), 0, 1) == count(empty_gazetteer(), kFeaturesEmbeddings, 1));

  auto bad = Gazetteer::parse("@embedding\nsyria 0110\n", "bad.tsv");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("bad.tsv: line 2") == 0);
}
