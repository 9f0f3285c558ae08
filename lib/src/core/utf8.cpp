#include "chronicle/core/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronicle::utf8 {
namespace {

// Length of the sequence a lead byte starts, or 0 for a byte that cannot lead.
int sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Validates one sequence at `pos` (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
bool valid_at(std::string_view s, std::size_t pos, int& len) {
  auto c0 = static_cast<unsigned char>(s[pos]);
  len = sequence_length(c0);
  if (len == 0 || pos + static_cast<std::size_t>(len) > s.size()) return false;
  for (int i = 1; i < len; ++i)
    if (!is_continuation(static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]))) return false;
  if (len >= 3) {
    auto c1 = static_cast<unsigned char>(s[pos + 1]);
    if (c0 == 0xE0 && c1 < 0xA0) return false;  // overlong
    if (c0 == 0xED && c1 > 0x9F) return false;  // surrogate
    if (c0 == 0xF0 && c1 < 0x90) return false;  // overlong
    if (c0 == 0xF4 && c1 > 0x8F) return false;  // > U+10FFFF
  }
  return true;
}

}  // namespace

std::optional<std::size_t> find_invalid(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Fast path over ASCII, sixteen bytes at a time where SSE2 is the baseline (every x86-64),
    // then eight (no byte of the block has its high bit set).
#if defined(__SSE2__)
    for (; pos + 16 <= text.size(); pos += 16)
      if (_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos))) != 0) break;
#endif
    for (std::uint64_t block; pos + 8 <= text.size(); pos += 8) {
      std::memcpy(&block, text.data() + pos, 8);
      if (block & 0x8080808080808080ull) break;
    }
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
    if (pos >= text.size()) break;
    int len = 0;
    if (!valid_at(text, pos, len)) return pos;
    pos += static_cast<std::size_t>(len);
  }
  return std::nullopt;
}

char32_t decode(std::string_view text, std::size_t& pos) {
  int len = 0;
  if (!valid_at(text, pos, len)) {
    ++pos;
    return 0xFFFD;
  }
  auto c0 = static_cast<unsigned char>(text[pos]);
  char32_t cp = len == 1 ? c0 : len == 2 ? (c0 & 0x1Fu) : len == 3 ? (c0 & 0x0Fu) : (c0 & 0x07u);
  for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]) & 0x3Fu);
  pos += static_cast<std::size_t>(len);
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool looks_binary(std::string_view text) {
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 8192));
  return head.find('\0') != std::string_view::npos;
}

}  // namespace chronicle::utf8
