#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "chronicle/ingest/reader.hpp"
#include "chronicle/ingest/timeml.hpp"

using namespace chronicle;
using namespace chronicle::ingest;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string fixture_path(const std::string& name) { return std::string(CHRONICLE_TEST_DIR) + "/fixtures/timeml/" + name; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const TimemlTag& tag_with(const TimemlDocument& doc, std::string_view key, std::string_view value) {
  auto it = std::find_if(doc.tags.begin(), doc.tags.end(), [&](const TimemlTag& t) {
    auto a = t.attributes.find(key);
    return a != t.attributes.end() && a->second == value;
  });
  REQUIRE(it != doc.tags.end());
  return *it;
}

std::string_view raw_of(const TimemlDocument& doc, std::string_view bytes, TextSpan span) {
  return doc.map.to_raw(span).of(bytes);
}

}  // namespace

TEST_CASE("TIMEX3 contents are exact in the text and map back to the bytes between the tags", "[ingest][timeml]") {
  std::string bytes = slurp(fixture_path("wire_entities.tml"));
  auto doc = parse_timeml("wire_entities.tml", bytes);
  REQUIRE(doc);
  auto [tid, text, raw] = GENERATE(table<std::string, std::string, std::string>({
      {"t0", "12/15/2015 08:22:00", "12/15/2015 08:22:00"},
      {"t1", "on Tuesday", "on Tuesday"},
      {"t2", "Dec. 18 & 19", "Dec.&#x20;18 &amp; 19"},
      {"t3", "in <Moscow> today", "in &lt;Moscow&gt; today"},
      // A span maps to the bytes its text came from: the inner start tag precedes the first one.
      {"t4", "year\u2019s", "year</TIMEX3>&#8217;s"},
      {"t5", "year", "year"},
  }));
  const TimemlTag& timex = tag_with(*doc, "tid", tid);
  CHECK(timex.name == "TIMEX3");
  CHECK(timex.span.of(doc->text) == text);
  CHECK(raw_of(*doc, bytes, timex.span) == raw);
}

TEST_CASE("every annotated span maps to the raw content right between its tags", "[ingest][timeml]") {
  auto name = GENERATE(as<std::string>{}, "wire_entities.tml", "actor_style.tml");
  std::string bytes = slurp(fixture_path(name));
  auto doc = parse_timeml(name, bytes);
  REQUIRE(doc);
  int checked = 0;
  for (const TimemlTag& tag : doc->tags) {
    if (tag.name != "TIMEX3" && tag.name != "EVENT" && tag.name != "SIGNAL") continue;
    TextSpan raw = doc->map.to_raw(tag.span);
    INFO(tag.name << " " << tag.span.of(doc->text));
    REQUIRE(raw.begin <= raw.end);
    CHECK(bytes[raw.begin - 1] == '>');
    CHECK(std::string_view(bytes).substr(raw.end, tag.name.size() + 2) == "</" + tag.name);
    ++checked;
  }
  CHECK(checked >= 3);
}

TEST_CASE("the DCT, DOCID and title come from the TimeML header", "[ingest][timeml]") {
  std::string path = fixture_path("wire_entities.tml");
  std::string bytes = slurp(path);
  auto parsed = parse_timeml(path, bytes);
  REQUIRE(parsed);
  CHECK(parsed->doc_id == "WIRE20151215.0042");
  REQUIRE(parsed->dct);
  CHECK(*parsed->dct == date::year{2015} / 12 / 15);  // from value="2015-12-15T08:22:00"

  auto doc = read_timeml(path, bytes);
  REQUIRE(doc);
  CHECK(doc->id == "wire_entities");
  CHECK(doc->title == "Kerry & Lavrov meet in Moscow");
  CHECK(doc->format == Format::timeml);
  CHECK(doc->dct == date::year{2015} / 12 / 15);
  CHECK(doc->dct_source == DctSource::metadata);
  CHECK(doc->path == path);
  CHECK(doc->original() == bytes);
}

TEST_CASE("a file without a CREATION_TIME TIMEX3 has no DCT", "[ingest][timeml]") {
  auto doc = read_timeml("x.tml", "<TimeML><TEXT>It rained <TIMEX3 tid=\"t1\" value=\"1998-01-08\">today</TIMEX3>.</TEXT></TimeML>");
  REQUIRE(doc);
  CHECK_FALSE(doc->dct);
  CHECK(doc->dct_source == DctSource::none);
}

TEST_CASE("the body is the TEXT element's content and maps to the bytes inside <TEXT>", "[ingest][timeml]") {
  std::string bytes = slurp(fixture_path("wire_entities.tml"));
  auto doc = read_timeml("wire_entities.tml", bytes);
  REQUIRE(doc);
  CHECK_THAT(std::string(doc->body_text()), StartsWith("\nMOSCOW \u2014 Secretary Kerry arrived in Moscow on Tuesday"));
  CHECK_THAT(std::string(doc->body_text()), Contains("with Sergei Lavrov & Vladimir Putin.\n\nThe meeting"));
  CHECK_THAT(std::string(doc->body_text()), Contains("Officials said it's the year\u2019s third round.\n"));
  CHECK(doc->text.find("WIRE20151215.0042") < doc->body.begin);

  std::size_t open = bytes.find("<TEXT>") + 6;
  std::size_t close = bytes.find("</TEXT>");
  CHECK(doc->to_raw(doc->body) == TextSpan{open, close});
}

TEST_CASE("tags keep their attributes, document order and whether they are in the body", "[ingest][timeml]") {
  std::string bytes = slurp(fixture_path("wire_entities.tml"));
  auto doc = parse_timeml("wire_entities.tml", bytes);
  REQUIRE(doc);
  CHECK(doc->tags.front().name == "TimeML");
  CHECK(tag_with(*doc, "eid", "e2").attributes.at("class") == "OCCURRENCE");  // single-quoted
  CHECK(tag_with(*doc, "tid", "t3").attributes.at("mod") == "\"approx\"");    // entities decoded
  CHECK(tag_with(*doc, "tid", "t0").in_body == false);
  CHECK(tag_with(*doc, "tid", "t1").in_body == true);

  const TimemlTag& instance = tag_with(*doc, "eiid", "ei2");
  CHECK(instance.name == "MAKEINSTANCE");
  CHECK(instance.span.empty());
  CHECK(instance.attributes.at("pos") == "NOUN");
  CHECK_FALSE(instance.in_body);
  CHECK(doc->tags.back().name == "TLINK");

  const TimemlTag& text = *std::find_if(doc->tags.begin(), doc->tags.end(), [](const TimemlTag& t) { return t.name == "TEXT"; });
  CHECK_FALSE(text.in_body);
  CHECK(text.span == doc->body);
}

TEST_CASE("nested tags nest their spans", "[ingest][timeml]") {
  auto doc = parse_timeml("n.tml", "<TimeML><TEXT><s>The <TIMEX3 tid=\"t1\"><TIMEX3 tid=\"t2\">year</TIMEX3>'s</TIMEX3> end</s></TEXT></TimeML>");
  REQUIRE(doc);
  const TimemlTag& outer = tag_with(*doc, "tid", "t1");
  const TimemlTag& inner = tag_with(*doc, "tid", "t2");
  CHECK(outer.span.of(doc->text) == "year's");
  CHECK(inner.span.of(doc->text) == "year");
  CHECK(outer.span.contains(inner.span));
  CHECK(doc->text == "The year's end");
}

TEST_CASE("a byte order mark is skipped and offsets still index the file", "[ingest][timeml]") {
  std::string bytes = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<TimeML><TEXT>on <TIMEX3 tid=\"t1\">Friday</TIMEX3></TEXT></TimeML>";
  auto doc = parse_timeml("bom.tml", bytes);
  REQUIRE(doc);
  CHECK(doc->text == "on Friday");
  CHECK(raw_of(*doc, bytes, tag_with(*doc, "tid", "t1").span) == "Friday");
}

TEST_CASE("malformed markup is an error naming the file and the byte offset", "[ingest][timeml]") {
  auto [input, message] = GENERATE(table<std::string, std::string>({
      {"<TimeML><TEXT>a <EVENT eid=\"e1\">b</TEXT></TimeML>",
       "bad.tml: byte 33: </TEXT> does not match <EVENT> opened at byte 16"},
      {"<TimeML><TEXT>never closed", "bad.tml: byte 8: <TEXT> is never closed"},
      {"<TimeML><TEXT>cut <EVENT eid=\"e1\"", "bad.tml: byte 18: tag <EVENT> is cut off by the end of the file"},
      {"<TimeML><TEXT>a&nbsp;b</TEXT></TimeML>", "bad.tml: byte 15: unknown entity &nbsp;"},
      {"<TimeML><TEXT>AT&T</TEXT></TimeML>", "bad.tml: byte 16: '&' does not start an entity (write &amp;)"},
      {"<TimeML><TEXT>3 < 4</TEXT></TimeML>", "bad.tml: byte 16: '<' does not start a tag (write &lt; in text)"},
      {"<TimeML><TEXT><EVENT eid=e1>x</EVENT></TEXT></TimeML>",
       "bad.tml: byte 21: attribute eid in tag <EVENT> has no quoted value"},
      {"<TimeML></TEXT></TimeML>", "bad.tml: byte 8: </TEXT> does not match <TimeML> opened at byte 0"},
      {"<TimeML>x</TimeML></TimeML>", "bad.tml: byte 18: </TimeML> closes no open element"},
      {"<TimeML><!-- open comment</TimeML>", "bad.tml: byte 8: comment is never closed"},
      {"<TimeML>caf\xE9</TimeML>", "bad.tml: byte 11: invalid UTF-8"},
      {"", "bad.tml: no TimeML element found"},
  }));
  auto doc = parse_timeml("bad.tml", input);
  REQUIRE_FALSE(doc);
  CHECK(doc.error().message == message);
}

TEST_CASE("read_timeml refuses empty and binary files", "[ingest][timeml]") {
  CHECK(read_timeml("empty.tml", "").error().message == "empty.tml: empty file");
  CHECK_THAT(read_timeml("bin.tml", std::string("<TimeML>\0\x01", 10)).error().message, StartsWith("bin.tml: binary file"));
}

TEST_CASE("actor-timelines files: sentences apart, title from EXTRAINFO", "[ingest][timeml]") {
  std::string path = fixture_path("actor_style.tml");
  std::string bytes = slurp(path);
  auto doc = read_timeml(path, bytes);
  REQUIRE(doc);
  CHECK(doc->id == "actor_style");
  CHECK(doc->title == "Apple shows a new phone at its developer conference");
  CHECK(doc->dct == date::year{2010} / 6 / 7);
  // <s> elements written back to back are separated by a newline the file does not have.
  CHECK(doc->body_text() ==
        "June 07 , 2010\nApple unveiled a new phone in San Francisco on Monday .\n"
        "The phone will ship in the United States later this month , priced at \u20AC 199 .");

  auto parsed = parse_timeml(path, bytes);
  REQUIRE(parsed);
  const TimemlTag& second = tag_with(*parsed, "id", "2");
  CHECK(second.span.of(parsed->text) == "Apple unveiled a new phone in San Francisco on Monday .");
  CHECK(raw_of(*parsed, bytes, second.span).starts_with("Apple <EVENT eid=\"e1\">unveiled</EVENT>"));
  // The inserted newline stands for no bytes, at the tag that opened the sentence.
  std::size_t newline = second.span.begin - 1;
  CHECK(parsed->text[newline] == '\n');
  TextSpan raw = parsed->map.to_raw({newline, newline + 1});
  CHECK(raw.begin == raw.end);
  CHECK(std::string_view(bytes).substr(raw.begin, 5) == "</s><");
}

TEST_CASE("TimeBank titles are TITLE or HEADLINE, never the wire catalogue line", "[ingest][timeml]") {
  auto doc = read_timeml("wsj_0001.tml",
                         "<TimeML><DOCID>wsj_0001</DOCID><EXTRAINFO>wsj_0001 = 891102-0186.</EXTRAINFO>"
                         "<TEXT>Text.</TEXT></TimeML>");
  REQUIRE(doc);
  CHECK(doc->title.empty());
  auto headline = read_timeml("a.tml", "<TimeML><HEADLINE>\n  Rates rise\n  again </HEADLINE><TEXT>x</TEXT></TimeML>");
  REQUIRE(headline);
  CHECK(headline->title == "Rates rise again");
}

TEST_CASE("every TimeML file of the data folders parses", "[ingest][timeml][.slow]") {
  const char* data = std::getenv("CHRONICLE_DATA_DIR");  // e.g. /work/shared/data
  if (data == nullptr) {
    WARN("CHRONICLE_DATA_DIR is not set: nothing to sweep");
    return;
  }
  std::size_t files = 0;
  for (std::string folder : {"/timeml/tbaq-cleaned", "/timeml/te3-silver", "/actor-timelines/articles"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data + folder)) {
      if (entry.path().extension() != ".tml") continue;
      auto doc = read_timeml(entry.path().string(), slurp(entry.path().string()));
      INFO(entry.path().string());
      REQUIRE(doc);
      CHECK(doc->dct);
      ++files;
    }
  }
  CHECK(files > 2700);
}
