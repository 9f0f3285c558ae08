#include <catch2/catch.hpp>

#include <string>

#include "chronicle/core/utf8.hpp"

namespace utf8 = chronicle::utf8;

TEST_CASE("valid UTF-8 passes, the first bad byte is located", "[core][utf8]") {
  CHECK_FALSE(utf8::find_invalid("Kerry’s talks — Москва").has_value());
  auto [text, offset] = GENERATE(table<std::string, std::size_t>({
      {"ab\xFF", 2},                // never a lead byte
      {"abc\xC3", 3},               // truncated sequence
      {"x\xC0\xAF", 1},             // overlong "/"
      {"\xED\xA0\x80", 0},          // surrogate
      {"ok \xF4\x90\x80\x80", 3},   // above U+10FFFF
      {"\xE2\x80", 0},              // truncated three-byte sequence
  }));
  CAPTURE(text);
  auto found = utf8::find_invalid(text);
  REQUIRE(found.has_value());
  CHECK(*found == offset);
}

TEST_CASE("decode and append round-trip code points", "[core][utf8]") {
  std::string out;
  for (char32_t cp : {U'a', U'é', U'’', U'😀'}) utf8::append(out, cp);
  std::size_t pos = 0;
  CHECK(utf8::decode(out, pos) == U'a');
  CHECK(utf8::decode(out, pos) == U'é');
  CHECK(utf8::decode(out, pos) == U'’');
  CHECK(utf8::decode(out, pos) == U'😀');
  CHECK(pos == out.size());
  std::string bad = "\xFFz";
  pos = 0;
  CHECK(utf8::decode(bad, pos) == 0xFFFD);
  CHECK(pos == 1);
}

TEST_CASE("a NUL byte near the start marks a file as binary", "[core][utf8]") {
  CHECK(utf8::looks_binary(std::string("PK\x03\x04\0\0", 6)));
  CHECK_FALSE(utf8::looks_binary("plain text"));
}

TEST_CASE("an invalid byte is found at any offset after long ASCII runs", "[core][utf8]") {
  // ASCII is skipped sixteen (SSE2) or eight bytes at a time: the bad byte is tried at every
  // offset of the blocks.
  for (std::size_t at = 0; at <= 60; ++at) {
    std::string text(68, 'a');
    CHECK_FALSE(utf8::find_invalid(text).has_value());
    text[at] = '\xFF';
    CAPTURE(at);
    REQUIRE(utf8::find_invalid(text).has_value());
    CHECK(*utf8::find_invalid(text) == at);
    text[at] = '\xC3';   // a lead byte whose continuation is ASCII
    CHECK(*utf8::find_invalid(text) == at);
    text.replace(at, 2, "\xC3\xA9");   // valid again
    CHECK_FALSE(utf8::find_invalid(text).has_value());
  }
}
