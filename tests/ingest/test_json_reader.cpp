#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include <zlib.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/core/utf8.hpp"
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

// --- the record scanner ------------------------------------------------------------------------
// read_json_record reads common records with its own scanner and leaves the rest to nlohmann; both
// must give what nlohmann alone gives. `reference` is the nlohmann-only reading.

namespace {

std::string reference_field(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

/// What the record gives: "error" or the fields read, one per line, for comparing.
std::string reference(std::string_view line) {
  if (chronicle::utf8::find_invalid(line)) return "error";
  const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
  if (record.is_discarded() || !record.is_object()) return "error";
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) return "error";
  std::string date = reference_field(record, "date");
  if (!date.empty()) {
    const auto day = parse_iso_date(date);
    if (!day) return "error";
    date = format_date(*day);
  }
  std::string id = reference_field(record, "id");
  if (id.empty()) id = "t:1";
  return fmt::format("text={}\nid={}\ntitle={}\ndate={}\nurl={}\nsource={}", text->get<std::string>(), id,
                     reference_field(record, "title"), date, reference_field(record, "url"),
                     reference_field(record, "source"));
}

std::string scanned(std::string_view line) {
  const auto doc = read_json_record("t.jsonl", 1, line);
  if (!doc) return "error";
  return fmt::format("text={}\nid={}\ntitle={}\ndate={}\nurl={}\nsource={}", doc->text, doc->id, doc->title,
                     doc->dct ? format_date(*doc->dct) : "", doc->url, doc->source);
}

}  // namespace

TEST_CASE("JSON string escapes decode into the text, offsets counting the decoded bytes", "[ingest][jsonl][scanner]") {
  const auto doc = read_json_record(
      "t.jsonl", 1, R"({"text":"a\"b\\c\/d\b\f\n\r\t|\u00e9\u20AC\ud83d\ude00\u0000 May 5","id":"x"})");
  REQUIRE(doc);
  CHECK(doc->text == std::string("a\"b\\c/d\b\f\n\r\t|\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\0 May 5", 29));
  CHECK(doc->body.end == doc->text.size());
  CHECK(doc->text.substr(doc->text.find("May"), 5) == "May 5");
}

TEST_CASE("the record scanner reads every line as nlohmann does", "[ingest][jsonl][scanner]") {
  const auto line = GENERATE(as<std::string>{},
      R"({"id":"a1","date":"2015-12-15","text":"Kerry met Lavrov."})",
      " \t{ \"text\" : \"x\" , \"id\" : \"y\" } \r",
      R"({"text":"x","text":"second"})",
      R"({"text":"x","text":null})",
      R"({"text":null,"text":"x"})",
      R"({"text":"x","id":"a","id":null})",
      R"({"text":"x","id":42})",
      R"({"text":"x","id":-0})",
      R"({"text":"x","id":1.5})",
      R"({"text":"x","id":1e3})",
      R"({"text":"x","id":true,"title":false,"url":null})",
      R"({"text":"x","id":{"b":1,"a":2}})",
      R"({"text":"x","id":[1,"a"]})",
      R"({"text":"x","words":123,"neg":-12,"big":123456789012345678901234,"f":1.5e3,"o":{"t":[]}})",
      R"({"text":"x","n":01})",
      R"({"text":"x","n":-})",
      R"({"text":"x","n":1.})",
      R"({"te\u0078t":"escaped key"})",
      R"({"text":"\ud83d"})",
      R"({"text":"\ud83dx"})",
      R"({"text":"\ude00"})",
      R"({"text":"\ud83d\u0041"})",
      R"({"text":"\u12"})",
      R"({"text":"\u12g4"})",
      R"({"text":"\x"})",
      "{\"text\":\"raw\ttab\"}",
      "{\"text\":\"raw\x01\"}",
      R"({"text":"unterminated)",
      R"({"text":"x",})",
      R"({"text":"x"} extra)",
      R"({"text":"x"}})",
      R"({"text":5})",
      R"({"title":"no text"})",
      R"({})",
      R"([1,2])",
      R"("text")",
      "\xEF\xBB\xBF{\"text\":\"after a BOM\"}",
      R"({"text":"x","date":"2015-02-30"})",
      R"({"text":"x","date":true})",
      R"({"text":"caf\u00e9 \u00C9t\u00e9","title":"\u4e2d\u6587","source":"\/\/"})",
      "{\"text\":\"caf\xC3\xA9 raw\"}",
      R"({'text':'single quotes'})",
      R"({"text":"x" "id":"y"})",
      R"({"text":"x",,"id":"y"})",
      R"({"text":"x","id":nul})",
      R"({"text":"x","id":True})");
  CAPTURE(line);
  CHECK(scanned(line) == reference(line));
}

TEST_CASE("the record scanner agrees with nlohmann on mutated records", "[ingest][jsonl][scanner]") {
  const std::string seed =
      R"({"id":"a\u00e91","title":"T\"q","date":"2015-12-15","n":-12,"b":true,"z":null,"text":"May 5\n\ud83d\ude00 x"})";
  const std::string alphabet = "{}[]\":,\\/ -0123456789.eEuntrlfasdx\t\xC3\xA9";
  std::mt19937 rng(20151215);
  for (int round = 0; round < 20000; ++round) {
    std::string line = seed;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = rng() % (line.size() + 1);
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: line.insert(at, 1, c); break;
        case 1: if (at < line.size()) line.erase(at, 1); break;
        default: if (at < line.size()) line[at] = c;
      }
    }
    if (scanned(line) != reference(line)) {
      CAPTURE(line);
      CHECK(scanned(line) == reference(line));
      break;
    }
  }
}

TEST_CASE("the record scanner finds a quote, escape or control byte at any offset in a long string",
          "[ingest][jsonl][scanner]") {
  // Plain bytes are skipped sixteen (SSE2) or eight at a time: each special byte is tried at every
  // offset of two blocks, after plain ASCII and after multi-byte UTF-8, and at the very end of an
  // unterminated line.
  for (const std::string_view filler : {"abcdefghijklmnopqrstuvwxyz", "caf\xC3\xA9 \xE2\x80\x99s ok"}) {
    for (std::size_t at = 0; at <= 40; ++at) {
      for (const std::string_view special : {"\\\"", "\\\\", "\\n", "\\u00e9", "\"", "\x01", "\x1F", "\t", "\x7F", " "}) {
        std::string text;
        while (text.size() <= 40) text += filler;
        text.insert(at, special);
        const std::string line = "{\"text\":\"" + text + "\",\"id\":\"i\"}";
        CAPTURE(line);
        CHECK(scanned(line) == reference(line));
        const std::string unterminated = "{\"text\":\"" + text;
        CHECK(scanned(unterminated) == reference(unterminated));
      }
    }
  }
}
