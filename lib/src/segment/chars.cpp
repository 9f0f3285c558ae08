#include "chars.hpp"

#include <unicode/uchar.h>

#include "chronicle/core/utf8.hpp"

namespace chronicle::segment::detail {
namespace {

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
  if (cp == U'\u2030' || cp == U'\u2031' || cp == U'\u2116') cls = CharClass::symbol;  // ‰ ‱ №, like %
  Case letter_case = Case::none;
  if (cls == CharClass::letter) {
    if (u_isULowercase(c))
      letter_case = Case::lower;
    else if (u_isUUppercase(c) || u_istitle(c))
      letter_case = Case::upper;
  }
  return Char{cp, len, cls, letter_case};
}

TextSpan trim(std::string_view text, TextSpan span) {
  while (span.begin < span.end) {
    Char c = char_at(text, span.begin);
    if (c.cls != CharClass::space || span.begin + c.len > span.end) break;
    span.begin += c.len;
  }
  while (span.end > span.begin) {
    std::size_t lead = span.end - 1;  // back up over continuation bytes to the lead byte
    while (lead > span.begin && span.end - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80)
      --lead;
    Char c = char_at(text, lead);
    if (c.cls != CharClass::space || lead + c.len != span.end) break;
    span.end = lead;
  }
  return span;
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
