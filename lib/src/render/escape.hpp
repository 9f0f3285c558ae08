#pragma once
// Escaping shared by the markup writers.

#include <string>
#include <string_view>

namespace chronicle::render::detail {

/// Text for HTML and XML element content and attribute values.
std::string xml_escape(std::string_view text);
/// Text inside a DOT double-quoted string.
std::string dot_escape(std::string_view text);
/// At most `bytes` bytes of `text`, cut at a UTF-8 character boundary, "…" appended when cut.
std::string shorten(std::string_view text, std::size_t bytes);

}  // namespace chronicle::render::detail
