#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "chronicle/ingest/reader.hpp"

using namespace chronicle;
using namespace chronicle::ingest;
namespace fs = std::filesystem;

namespace {

// A fresh tree per test case: ctest runs test cases in parallel.
fs::path make_tree(const std::string& name) {
  fs::path root = fs::temp_directory_path() / ("chronicle_test_tree_" + name);
  fs::remove_all(root);
  fs::create_directories(root / "b" / "c");
  std::ofstream(root / "b" / "c" / "z.txt") << "Third.";
  std::ofstream(root / "a.txt") << "First.";
  std::ofstream(root / "b" / "m.jsonl") << "{\"text\":\"Second.\"}\n";
  std::ofstream(root / "notes.csv") << "not an article";
  std::ofstream(root / ".hidden.txt") << "hidden";
  std::ofstream(root / "empty.txt") << "";
  std::ofstream(root / "binary.txt", std::ios::binary) << std::string("\x7F" "ELF\0\0\0", 7);
  std::ofstream(root / "latin1.txt", std::ios::binary) << "caf\xE9 au lait";
  std::ofstream(root / "blank.txt") << "\n   \n";
  return root;
}

}  // namespace

TEST_CASE("directories are walked recursively in sorted order, articles only", "[ingest][paths]") {
  fs::path root = make_tree("walk");
  std::vector<Error> errors;
  auto files = expand_paths({root.string()}, errors);
  CHECK(errors.empty());
  std::vector<std::string> names;
  for (auto& f : files) names.push_back(fs::relative(f, root).string());
  CHECK(names == std::vector<std::string>{"a.txt", "b/c/z.txt", "b/m.jsonl", "binary.txt", "blank.txt", "empty.txt", "latin1.txt"});
}

TEST_CASE("bad inputs each get one message naming the file; the rest is read", "[ingest][paths][errors]") {
  fs::path root = make_tree("bad");
  std::vector<std::string> good, bad;
  read_paths({root.string(), (root / "missing.txt").string()}, {}, [&](Result<Document> doc) {
    if (doc) good.push_back(doc->text);
    else bad.push_back(doc.error().message);
  });
  CHECK(good == std::vector<std::string>{"First.", "Third.", "Second."});
  REQUIRE(bad.size() == 5);
  CHECK_THAT(bad[0], Catch::Contains("missing.txt: no such file or directory"));
  CHECK_THAT(bad[1], Catch::Contains("binary.txt: binary file"));
  CHECK_THAT(bad[2], Catch::Contains("blank.txt: no text to analyse"));
  CHECK_THAT(bad[3], Catch::Contains("empty.txt: empty file"));
  CHECK_THAT(bad[4], Catch::Contains("latin1.txt: byte 3: invalid UTF-8"));
}

TEST_CASE("formats are chosen by extension", "[ingest][paths]") {
  CHECK(format_of("x/a.TXT") == Format::text);
  CHECK(format_of("a.jsonl.gz") == Format::jsonl);
  CHECK(format_of("a.jsonl.zst") == Format::jsonl);
  CHECK(format_of("wsj_0006.tml") == Format::timeml);
  CHECK(format_of("page.html") == Format::html);
  CHECK_FALSE(format_of("corpus/README.md"));
  CHECK_FALSE(format_of("data.csv"));
  CHECK_FALSE(format_of(".hidden.txt"));
}
