#include "chronicle/core/offset_map.hpp"

#include <algorithm>
#include <cassert>

namespace chronicle {

void OffsetMap::add(std::size_t text_begin, std::size_t raw_begin, std::size_t text_size, std::size_t raw_size) {
  assert(pieces_.empty() || pieces_.back().text_begin + pieces_.back().text_size <= text_begin);
  // Extend the previous piece when this one continues a byte-for-byte copy.
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.text_size == last.raw_size && text_size == raw_size && last.text_begin + last.text_size == text_begin &&
        last.raw_begin + last.raw_size == raw_begin) {
      last.text_size += text_size;
      last.raw_size += raw_size;
      return;
    }
  }
  pieces_.push_back({text_begin, raw_begin, text_size, raw_size});
}

// The piece holding `text_offset`. For an end offset, the piece holding the byte before it.
const OffsetMap::Piece* OffsetMap::piece_at(std::size_t text_offset, bool is_end) const {
  if (pieces_.empty()) return nullptr;
  std::size_t probe = (is_end && text_offset > 0) ? text_offset - 1 : text_offset;
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), probe,
                             [](std::size_t off, const Piece& p) { return off < p.text_begin; });
  if (it == pieces_.begin()) return &pieces_.front();
  return &*std::prev(it);
}

std::size_t OffsetMap::begin_to_raw(std::size_t text_offset) const {
  const Piece* p = piece_at(text_offset, false);
  if (p == nullptr) return text_offset;
  if (text_offset < p->text_begin) return p->raw_begin;
  std::size_t into = text_offset - p->text_begin;
  if (into >= p->text_size) return p->raw_begin + p->raw_size;  // past the last piece
  return p->text_size == p->raw_size ? p->raw_begin + into : p->raw_begin;
}

std::size_t OffsetMap::end_to_raw(std::size_t text_offset) const {
  const Piece* p = piece_at(text_offset, true);
  if (p == nullptr) return text_offset;
  if (text_offset <= p->text_begin) return p->raw_begin;
  std::size_t into = text_offset - p->text_begin;
  if (into >= p->text_size) return p->raw_begin + p->raw_size;
  return p->text_size == p->raw_size ? p->raw_begin + into : p->raw_begin + p->raw_size;
}

}  // namespace chronicle
