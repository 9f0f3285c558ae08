#pragma once
// OffsetMap: from offsets in an analysis text back to the original bytes it was made from.
//
// Readers that transform their input (TimeML tags removed, HTML markup stripped, entities
// decoded) record, piece by piece, where each run of analysis text came from. A piece maps a run
// of `text_size` analysis bytes to `raw_size` original bytes: copied runs have equal sizes and
// map byte for byte; a decoded entity ("&amp;" -> "&") maps as a whole. An empty map is the
// identity (plain text, where analysis text and original bytes are the same).
//
//   OffsetMap m;
//   m.add(0, 10, 5, 5);          // text[0,5) came from raw[10,15)
//   m.to_raw(TextSpan{1, 3});    // {11, 13}

#include <cstddef>
#include <vector>

#include "chronicle/core/text_span.hpp"

namespace chronicle {

/// Maps analysis-text offsets to original-byte offsets.
class OffsetMap {
 public:
  /// Records that text[text_begin, +text_size) came from raw[raw_begin, +raw_size).
  /// Pieces are added in increasing text order.
  void add(std::size_t text_begin, std::size_t raw_begin, std::size_t text_size, std::size_t raw_size);

  /// True when no piece was recorded: offsets map to themselves.
  bool identity() const { return pieces_.empty(); }

  /// The original offset of a begin offset (the first raw byte the text byte came from).
  std::size_t begin_to_raw(std::size_t text_offset) const;
  /// The original offset of an end offset (one past the last raw byte of the preceding byte).
  std::size_t end_to_raw(std::size_t text_offset) const;
  /// Both ends of a span.
  /// An empty span maps to an empty span where the preceding text ends.
  TextSpan to_raw(TextSpan span) const {
    if (span.empty()) {
      std::size_t at = end_to_raw(span.begin);
      return {at, at};
    }
    return {begin_to_raw(span.begin), end_to_raw(span.end)};
  }

 private:
  struct Piece {
    std::size_t text_begin, raw_begin, text_size, raw_size;
  };
  const Piece* piece_at(std::size_t text_offset, bool is_end) const;
  std::vector<Piece> pieces_;
};

}  // namespace chronicle
