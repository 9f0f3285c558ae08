#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <zlib.h>

#include "chronicle/ingest/reader.hpp"

using namespace chronicle;
using namespace chronicle::ingest;

namespace {

std::string temp_file(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() / ("chronicle_test_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

std::vector<Result<Document>> read_all(const std::string& path, ReadOptions options = {}) {
  std::vector<Result<Document>> out;
  read_file(path, options, [&](Result<Document> d) { out.push_back(std::move(d)); });
  return out;
}

std::string gzip(const std::string& plain) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(plain.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  zs.avail_in = static_cast<uInt>(plain.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

const std::string kLines =
    "{\"id\":\"a1\",\"title\":\"Talks\",\"date\":\"2015-12-15\",\"text\":\"Kerry met Lavrov on Tuesday.\",\"url\":\"u\"}\n"
    "\n"
    "{\"id\":\"a2\",\"text\":\"No date here.\"}\n";

}  // namespace

TEST_CASE("JSON Lines gives one document a line; offsets index the text field", "[ingest][jsonl]") {
  auto docs = read_all(temp_file("plain.jsonl", kLines));
  REQUIRE(docs.size() == 2);
  REQUIRE(docs[0]);
  CHECK(docs[0]->id == "a1");
  CHECK(docs[0]->title == "Talks");
  CHECK(docs[0]->url == "u");
  CHECK(docs[0]->text == "Kerry met Lavrov on Tuesday.");
  CHECK(docs[0]->record == 1);
  CHECK(docs[0]->dct_source == DctSource::metadata);
  REQUIRE(docs[1]);
  CHECK(docs[1]->record == 3);
  CHECK_FALSE(docs[1]->dct);
}

TEST_CASE("records longer than a read chunk are read whole, in a file without a final newline", "[ingest][jsonl]") {
  std::string big(200000, 'x');
  auto docs = read_all(temp_file("big.jsonl", "{\"text\":\"" + big + "\"}\n{\"text\":\"tail\"}"));
  REQUIRE(docs.size() == 2);
  REQUIRE(docs[0]);
  CHECK(docs[0]->text == big);
  REQUIRE(docs[1]);
  CHECK(docs[1]->record == 2);
  CHECK(docs[1]->text == "tail");
}

TEST_CASE("gzip-compressed JSON Lines read the same as plain", "[ingest][jsonl]") {
  auto docs = read_all(temp_file("packed.jsonl.gz", gzip(kLines)));
  REQUIRE(docs.size() == 2);
  REQUIRE(docs[0]);
  CHECK(docs[0]->text == "Kerry met Lavrov on Tuesday.");
}

TEST_CASE("the --dct date fills documents without a date and says so", "[ingest][jsonl][dct]") {
  ReadOptions options;
  options.default_dct = date::year{2015} / 12 / 15;
  auto docs = read_all(temp_file("dct.jsonl", kLines), options);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]->dct_source == DctSource::metadata);
  CHECK(docs[1]->dct_source == DctSource::option);
  CHECK(format_date(*docs[1]->dct) == "2015-12-15");
}

TEST_CASE("a bad record is an error naming file and line; the others are still read", "[ingest][jsonl][errors]") {
  std::string lines = "{\"text\":\"First.\"}\n{not json}\n{\"title\":\"no text\"}\n{\"text\":\"x\",\"date\":\"2015-02-30\"}\n"
                      "[1,2]\n{\"text\":\"Last.\"}\n";
  auto docs = read_all(temp_file("bad.jsonl", lines));
  REQUIRE(docs.size() == 6);
  CHECK(docs[0]);
  REQUIRE_FALSE(docs[1]);
  CHECK_THAT(docs[1].error().message, Catch::EndsWith("bad.jsonl: line 2: not valid JSON"));
  CHECK_THAT(docs[2].error().message, Catch::Contains("line 3: no \"text\" string field"));
  CHECK_THAT(docs[3].error().message, Catch::Contains("line 4: \"date\": '2015-02-30' is not a real date"));
  CHECK_THAT(docs[4].error().message, Catch::Contains("line 5: a JSON object was expected"));
  CHECK(docs[5]);
}

TEST_CASE("corrupt compressed data is one clear error", "[ingest][jsonl][errors]") {
  std::string packed = gzip(kLines);
  auto docs = read_all(temp_file("cut.jsonl.gz", packed.substr(0, packed.size() / 2)));
  REQUIRE_FALSE(docs.empty());
  REQUIRE_FALSE(docs.back());
  CHECK_THAT(docs.back().error().message, Catch::Contains("cut.jsonl.gz: gzip data is truncated"));
  // A valid gzip header, then a deflate block of the reserved (invalid) type.
  std::string junk("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff", 14);
  auto bad = read_all(temp_file("junk.jsonl.gz", junk));
  REQUIRE_FALSE(bad.empty());
  REQUIRE_FALSE(bad.back());
  CHECK_THAT(bad.back().error().message, Catch::Contains("junk.jsonl.gz: corrupt gzip data"));
}
