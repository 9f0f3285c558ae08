// Plain text with an optional front-matter header:
//
//   ---
//   id: 004_fa1156a0877fd16a
//   title: Kerry calls for common ground with Russian Federation on Syria, Ukraine
//   date: 2015-12-15
//   source: ...
//   url: ...
//   ---
//   <body>
//
// The analysis text is the file's bytes unchanged; the body span starts after the header.

#include <algorithm>

#include "chronicle/ingest/reader.hpp"

namespace chronicle::ingest {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) return s.substr(1, s.size() - 2);
  return s;
}

// Reads the next line starting at `pos` (without its newline) and moves `pos` past it.
std::string_view next_line(std::string_view text, std::size_t& pos) {
  std::size_t nl = text.find('\n', pos);
  std::size_t end = nl == std::string_view::npos ? text.size() : nl;
  std::string_view line = text.substr(pos, end - pos);
  pos = nl == std::string_view::npos ? text.size() : nl + 1;
  return line;
}

// A headline is a short first line without sentence-final punctuation.
std::string headline_of(std::string_view body) {
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::string_view line = trim(next_line(body, pos));
    if (line.empty()) continue;
    bool sentence_end = line.back() == '.' || line.back() == ':' || line.back() == ';';
    if (line.size() <= 200 && !sentence_end) return std::string(line);
    return {};
  }
  return {};
}

// Applies one `key: value` front-matter line; unknown keys are kept out of the way.
Result<void> apply_field(Document& doc, std::string_view key, std::string_view value, std::size_t line_no) {
  if (key == "id") {
    doc.id = value;
  } else if (key == "title") {
    doc.title = value;
  } else if (key == "source") {
    doc.source = value;
  } else if (key == "url") {
    doc.url = value;
  } else if (key == "date" || key == "published" || key == "dct") {
    auto day = parse_iso_date(value);
    if (!day) return fail("{}: line {}: front matter date: {}", doc.path, line_no, day.error().message);
    doc.dct = *day;
    doc.dct_source = DctSource::metadata;
  }
  return {};
}

}  // namespace

Result<Document> read_text(std::string path, std::string bytes) {
  Document doc;
  doc.path = std::move(path);
  doc.format = Format::text;
  doc.text = std::move(bytes);
  std::string_view text = doc.text;

  std::size_t body_begin = 0;
  if (text.starts_with("\xEF\xBB\xBF")) body_begin = 3;  // UTF-8 byte order mark
  std::size_t pos = body_begin;
  if (trim(next_line(text, pos)) == "---") {
    // The header must be closed before any line of it is judged.
    bool closed = false;
    for (std::size_t probe = pos; probe < text.size() && !closed;) closed = trim(next_line(text, probe)) == "---";
    if (!closed) return fail("{}: line 1: front matter opened with '---' is never closed", doc.path);
    closed = false;
    for (std::size_t line_no = 2; pos < text.size(); ++line_no) {
      std::string_view line = trim(next_line(text, pos));
      if (line == "---") {
        closed = true;
        break;
      }
      if (line.empty() || line.front() == '#') continue;
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0)
        return fail("{}: line {}: front matter line is not 'key: value': '{}'", doc.path, line_no, line);
      std::string key(trim(line.substr(0, colon)));
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (auto ok = apply_field(doc, key, unquote(trim(line.substr(colon + 1))), line_no); !ok)
        return tl::unexpected(ok.error());
    }
    if (!closed) return fail("{}: line 1: front matter opened with '---' is never closed", doc.path);
    body_begin = pos;
  }
  doc.body = {body_begin, text.size()};
  if (doc.id.empty()) {
    std::string_view name = doc.path;
    if (auto slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    doc.id = name.substr(0, name.find('.'));
  }
  if (doc.title.empty()) doc.title = headline_of(doc.body_text());
  return doc;
}

}  // namespace chronicle::ingest
