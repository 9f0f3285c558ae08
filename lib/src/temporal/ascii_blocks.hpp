#pragma once
// Private to chronicle::temporal: ASCII character classes of eight bytes at once, for the loops
// that run over every byte of a text (the prefilter) or of a window (the tokenizer). A loop that
// tests one byte at a time mispredicts its exit at the end of nearly every word; these answer for
// a whole block without a branch.
//
//   std::uint64_t block = load_block(text.data() + i);
//   std::uint64_t letters = letter_bytes(block);      // 0x80 in each byte that is a letter
//   std::size_t n = leading_bytes(letters);           // letters before the first non-letter

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace chronicle::temporal::detail {

/// Whether blocks can be used: byte k of text is byte k of the number (little-endian).
inline constexpr bool kAsciiBlocks = std::endian::native == std::endian::little;

inline constexpr std::uint64_t kByteOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kByteHighs = kByteOnes * 0x80;

/// The eight bytes at `p` as one number.
inline std::uint64_t load_block(const char* p) {
  std::uint64_t block;
  std::memcpy(&block, p, 8);
  return block;
}

/// 0x80 in each byte of `block` that lies in [lo, hi] (ASCII bounds: 0 < lo <= hi < 0x80), 0 in
/// the others. Sums of seven-bit values: no carry crosses into the next byte.
inline constexpr std::uint64_t bytes_between(std::uint64_t block, unsigned char lo, unsigned char hi) {
  const std::uint64_t low7 = block & ~kByteHighs;
  const std::uint64_t at_least_lo = low7 + kByteOnes * (0x80u - lo);
  const std::uint64_t above_hi = low7 + kByteOnes * (0x7Fu - hi);
  return at_least_lo & ~above_hi & ~block & kByteHighs;
}

/// 0x80 in each byte that is an ASCII letter (folded to lowercase: bit 5 set, then a..z).
inline constexpr std::uint64_t letter_bytes(std::uint64_t block) {
  return bytes_between(block | kByteOnes * 0x20, 'a', 'z');
}

/// 0x80 in each byte that is an uppercase ASCII letter.
inline constexpr std::uint64_t upper_bytes(std::uint64_t block) { return bytes_between(block, 'A', 'Z'); }

/// 0x80 in each byte that is an ASCII digit.
inline constexpr std::uint64_t digit_bytes(std::uint64_t block) { return bytes_between(block, '0', '9'); }

/// How many bytes of a block, from its first, are flagged in `flags` (a mask of 0x80 bytes).
inline constexpr std::size_t leading_bytes(std::uint64_t flags) {
  return static_cast<std::size_t>(std::countr_zero(~flags & kByteHighs)) / 8;
}

/// How many bytes are flagged in `flags` (a mask of 0x80 bytes): their sum by one multiply (no
/// popcount instruction in the baseline instruction set).
inline constexpr std::size_t count_bytes(std::uint64_t flags) {
  return static_cast<std::size_t>(((flags >> 7) * kByteOnes) >> 56);
}

/// The flags of a block's first `n` bytes (n <= 8) only.
inline constexpr std::uint64_t first_bytes(std::uint64_t flags, std::size_t n) {
  return n >= 8 ? flags : flags & ((std::uint64_t{1} << (8 * n)) - 1);
}

/// The end of the run of ASCII letters from `i` in text[..end), a block at a time.
inline std::size_t letter_run_end(std::string_view text, std::size_t i, std::size_t end) {
  if constexpr (kAsciiBlocks)
    for (; i + 8 <= end; i += 8)
      if (const std::size_t n = leading_bytes(letter_bytes(load_block(text.data() + i))); n < 8) return i + n;
  while (i < end && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
  return i;
}

}  // namespace chronicle::temporal::detail
