#pragma once
// Small UTF-8 helpers shared by every stage. Offsets are bytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chronicle::utf8 {

/// Byte offset of the first invalid UTF-8 sequence in `text`, or nullopt when it is valid.
std::optional<std::size_t> find_invalid(std::string_view text);

/// Decodes the code point starting at `pos` and advances `pos` past it; U+FFFD on bad input.
char32_t decode(std::string_view text, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

/// True when `text` looks binary: a NUL byte in its first 8 KiB.
bool looks_binary(std::string_view text);

}  // namespace chronicle::utf8
