#pragma once
// TextSpan: the one offset type of Chronicle.
//
// Offsets are UTF-8 byte offsets, end exclusive. Inside the pipeline they index a Document's
// analysis text (Document::text); Document::to_raw() maps them back to the bytes the user gave us
// (the file on disk, or the `text` field of a JSON Lines record), which is what every output
// reports. For plain-text input the two coincide.
//
//   TextSpan s{4, 9};
//   std::string_view word = s.of(text);   // text.substr(4, 5)

#include <cstddef>
#include <string_view>

namespace chronicle {

/// A half-open range [begin, end) of UTF-8 byte offsets.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  /// Number of bytes covered.
  constexpr std::size_t size() const { return end - begin; }
  /// True when the span covers no bytes.
  constexpr bool empty() const { return end <= begin; }
  /// True when `other` lies entirely inside this span.
  constexpr bool contains(TextSpan other) const { return begin <= other.begin && other.end <= end; }
  /// True when the two spans share at least one byte.
  constexpr bool overlaps(TextSpan other) const { return begin < other.end && other.begin < end; }
  /// The bytes of `text` this span covers.
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }

  friend constexpr bool operator==(TextSpan, TextSpan) = default;
};

}  // namespace chronicle
