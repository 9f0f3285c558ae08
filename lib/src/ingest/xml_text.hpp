#pragma once
// Private helpers shared by the markup readers (TimeML, HTML): numeric character references and
// MappedText, the analysis text under construction together with its OffsetMap back to the file.
//
//   MappedText out;
//   out.copy("Kerry ", 120);      // text[0,6) <- raw[120,126), byte for byte
//   out.put("&", 126, 5);         // "&amp;" at raw 126 decoded to one byte, mapped as a whole

#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "chronicle/core/offset_map.hpp"

namespace chronicle::ingest::markup {

/// True for the ASCII whitespace XML and HTML separate words with.
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// The code point of a numeric character reference body ("#38", "#x26"), or nullopt when the
/// body is malformed or names no Unicode scalar value (0, surrogates, > U+10FFFF).
inline std::optional<char32_t> numeric_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return std::nullopt;
  bool hex = body[1] == 'x' || body[1] == 'X';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  unsigned long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return static_cast<char32_t>(value);
}

/// An analysis text being built piece by piece, in increasing raw order, with its map.
struct MappedText {
  std::string text;
  OffsetMap map;

  /// Appends raw bytes copied unchanged from raw[raw_begin, +bytes.size()).
  void copy(std::string_view bytes, std::size_t raw_begin) {
    if (bytes.empty()) return;
    map.add(text.size(), raw_begin, bytes.size(), bytes.size());
    text += bytes;
  }
  /// Appends `decoded`, which stands for raw[raw_begin, +raw_size) as a whole (an entity, a
  /// collapsed whitespace run, or an inserted separator with raw_size 0).
  void put(std::string_view decoded, std::size_t raw_begin, std::size_t raw_size) {
    if (decoded.empty()) return;
    map.add(text.size(), raw_begin, decoded.size(), raw_size);
    text += decoded;
  }
};

}  // namespace chronicle::ingest::markup
