#include "chars.hpp"

#include <unicode/uchar.h>

#include "chronicle/core/utf8.hpp"

namespace chronicle::segment::detail {
namespace {

constexpr CharClass ascii_class(int c) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::space;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::letter;
  if (c >= '0' && c <= '9') return CharClass::digit;
  if (c < 0x20 || c == 0x7F) return CharClass::symbol;
  // ICU puts $ + < = > ^ ` | ~ in S*; the rest of printable ASCII is punctuation.
  switch (c) {
    case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
      return CharClass::symbol;
    default:
      return CharClass::punct;
  }
}

constexpr auto make_ascii_table() {
  struct Table {
    CharClass v[128];
  } t{};
  for (int c = 0; c < 128; ++c) t.v[c] = ascii_class(c);
  return t;
}

constexpr auto kTable = make_ascii_table();

CharClass class_of_category(std::int8_t category) {
  switch (category) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
      return CharClass::letter;
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return CharClass::digit;
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK: case U_FORMAT_CHAR:
      return CharClass::extend;
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
      return CharClass::space;
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::punct;
    default:
      return CharClass::symbol;
  }
}

}  // namespace

const CharClass kAsciiClass[128] = {
#define ROW(i) kTable.v[i], kTable.v[i + 1], kTable.v[i + 2], kTable.v[i + 3], \
               kTable.v[i + 4], kTable.v[i + 5], kTable.v[i + 6], kTable.v[i + 7]
    ROW(0),  ROW(8),  ROW(16), ROW(24), ROW(32), ROW(40), ROW(48), ROW(56),
    ROW(64), ROW(72), ROW(80), ROW(88), ROW(96), ROW(104), ROW(112), ROW(120),
#undef ROW
};

Char classify_non_ascii(std::string_view text, std::size_t pos) {
  std::size_t next = pos;
  char32_t cp = utf8::decode(text, next);
  auto len = static_cast<std::uint8_t>(next - pos);
  // decode() yields U+FFFD for a bad byte and advances by one; a real U+FFFD takes three bytes.
  if (cp == 0xFFFD && len == 1) return Char{cp, 1, CharClass::invalid, Case::none};
  auto c = static_cast<UChar32>(cp);
  CharClass cls = class_of_category(static_cast<std::int8_t>(u_charType(c)));
  // NEL and friends are controls to ICU but white space to readers.
  if (cls == CharClass::symbol && u_isUWhiteSpace(c)) cls = CharClass::space;
  Case letter_case = Case::none;
  if (cls == CharClass::letter) letter_case = u_isULowercase(c) ? Case::lower : (u_isUUppercase(c) || u_istitle(c)) ? Case::upper : Case::none;
  return Char{cp, len, cls, letter_case};
}

bool is_opening(char32_t cp) {
  switch (cp) {
    case '(': case '[': case '{': case U'\u201C': case U'\u2018': case U'\u00AB': case U'\u2039':
    case U'\u201E': case U'\u201A': case U'\u300C': case U'\u300E':
      return true;
    default:
      return false;
  }
}

bool is_closing(char32_t cp) {
  switch (cp) {
    case ')': case ']': case '}': case U'\u201D': case U'\u2019': case U'\u00BB': case U'\u203A':
    case U'\u300D': case U'\u300F':
      return true;
    default:
      return false;
  }
}

bool is_strong_terminal(char32_t cp) {
  if (cp == '?' || cp == '!') return true;
  if (cp < 0x80 || cp == U'\u2026') return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_S_TERM) != 0;
}

}  // namespace chronicle::segment::detail
