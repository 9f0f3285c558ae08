#pragma once
// Character classes the tokenizer and the line rules work with (private to the segmenter).
//
// ASCII is classified through a table; everything else is decoded with chronicle::utf8 and
// classified by ICU's general category. Bytes that are not valid UTF-8 come out one byte at a time
// as `invalid`, which the tokenizer turns into one-byte symbol tokens: nothing can loop or crash.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chronicle/core/text_span.hpp"

namespace chronicle::segment::detail {

/// What a code point is, for tokenizing.
enum class CharClass : std::uint8_t {
  space,    ///< white space, including U+00A0 and the other Unicode spaces
  letter,   ///< alphabetic (any script)
  digit,    ///< decimal digits and other numeric characters
  extend,   ///< combining marks and format characters (ZWJ, soft hyphen): join a word, else skipped
  punct,    ///< punctuation (general category P*)
  symbol,   ///< symbols (S*), controls, unassigned, private use
  invalid,  ///< a byte that does not start a valid UTF-8 sequence
};

/// How a letter is cased: lets the splitter tell "He" from "he" in any script.
enum class Case : std::uint8_t { none, upper, lower };

/// One decoded code point.
struct Char {
  char32_t cp = 0;
  std::uint8_t len = 1;  ///< bytes it takes
  CharClass cls = CharClass::symbol;
  Case letter_case = Case::none;
};

/// Classifies a non-ASCII sequence at `pos` (text[pos] >= 0x80).
Char classify_non_ascii(std::string_view text, std::size_t pos);

/// The class of an ASCII byte: ICU's, except that # % & * @ are symbols.
constexpr CharClass ascii_class(int c) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::space;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::letter;
  if (c >= '0' && c <= '9') return CharClass::digit;
  if (c < 0x20 || c == 0x7F) return CharClass::symbol;
  // S* to ICU, plus # % & * @, which stand for words ("percent", "and") rather than structure text.
  constexpr std::string_view kSymbols = "$+<=>^`|~#%&*@";
  return kSymbols.find(static_cast<char>(c)) != std::string_view::npos ? CharClass::symbol : CharClass::punct;
}

/// The ASCII class table, indexed by byte.
inline constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = ascii_class(c);
  return table;
}();

/// The code point starting at `pos` (which must be < text.size()).
inline Char char_at(std::string_view text, std::size_t pos) {
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    Case letter_case = (c >= 'A' && c <= 'Z') ? Case::upper : (c >= 'a' && c <= 'z') ? Case::lower : Case::none;
    return Char{c, 1, kAsciiClass[c], letter_case};
  }
  return classify_non_ascii(text, pos);
}

/// True for letters and digits: the characters a word or number is made of.
inline bool is_alnum(CharClass cls) { return cls == CharClass::letter || cls == CharClass::digit; }

/// `span` without the white space at either end.
TextSpan trim(std::string_view text, TextSpan span);

/// True for a code point that opens a quotation or bracket: “ ‘ « ‹ „ ( [ {.
bool is_opening(char32_t cp);

/// True for a code point that closes a quotation or bracket: ” ’ » › ) ] }.
bool is_closing(char32_t cp);

/// True for a sentence-terminal mark other than the ASCII period: ? ! and their wide and
/// other-script forms (ICU Sentence_Terminal), excluding the ellipsis.
bool is_strong_terminal(char32_t cp);

}  // namespace chronicle::segment::detail
