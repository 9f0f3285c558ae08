#include <catch2/catch.hpp>

#include "chronicle/ingest/reader.hpp"

using namespace chronicle;
using namespace chronicle::ingest;

TEST_CASE("front matter gives id, title, date and source; the body starts after it", "[ingest][text]") {
  std::string bytes = "---\nid: kerry-1\ntitle: \"Kerry in Moscow\"\ndate: 2015-12-15\nsource: AP\nurl: http://x/y\n---\nBody line.\n";
  auto doc = read_text("a/kerry.txt", bytes);
  REQUIRE(doc);
  CHECK(doc->id == "kerry-1");
  CHECK(doc->title == "Kerry in Moscow");
  CHECK(doc->source == "AP");
  CHECK(doc->url == "http://x/y");
  REQUIRE(doc->dct);
  CHECK(format_date(*doc->dct) == "2015-12-15");
  CHECK(doc->dct_source == DctSource::metadata);
  CHECK(doc->body_text() == "Body line.\n");
  CHECK(doc->text == bytes);  // offsets index the file as it is on disk
  CHECK(doc->map.identity());
}

TEST_CASE("without front matter the id is the file stem and a headline is the title", "[ingest][text]") {
  auto doc = read_text("dir/004_fa1156a0877fd16a.txt", "Kerry calls for common ground\nUS State Secretary said.\n");
  REQUIRE(doc);
  CHECK(doc->id == "004_fa1156a0877fd16a");
  CHECK(doc->title == "Kerry calls for common ground");
  CHECK_FALSE(doc->dct);
  CHECK(doc->dct_source == DctSource::none);
  CHECK(doc->body == TextSpan{0, doc->text.size()});
}

TEST_CASE("broken front matter is an error naming the file and line", "[ingest][text][errors]") {
  auto [bytes, message] = GENERATE(table<std::string, std::string>({
      {"---\ntitle: x\nno colon here\n---\nbody", "a.txt: line 3: front matter line is not 'key: value'"},
      {"---\ntitle: x\nbody without end", "a.txt: line 1: front matter opened with '---' is never closed"},
      {"---\ndate: 2015-02-30\n---\nbody", "a.txt: line 2: front matter date: '2015-02-30' is not a real date"},
      {"---\ndate: 15/12/2015\n---\nbody", "a.txt: line 2: front matter date: '15/12/2015' is not a date of the form YYYY-MM-DD"},
  }));
  auto doc = read_text("a.txt", bytes);
  REQUIRE_FALSE(doc);
  CHECK_THAT(doc.error().message, Catch::StartsWith(message));
}

TEST_CASE("ISO dates are checked against the calendar", "[ingest][dates]") {
  CHECK(parse_iso_date("2016-02-29"));
  CHECK(parse_iso_date("2015-12-15T10:30:00Z"));
  CHECK_FALSE(parse_iso_date("2015-02-29"));
  CHECK_FALSE(parse_iso_date("2015-13-01"));
  CHECK_FALSE(parse_iso_date("20151215"));
  CHECK_FALSE(parse_iso_date("0000-01-01"));
}
