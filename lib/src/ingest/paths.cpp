// Walking paths, choosing a reader by extension, reading files, and the steps every document
// goes through after its reader (checks, --dct, inference).

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "chronicle/core/utf8.hpp"
#include "chronicle/ingest/dct_inference.hpp"
#include "chronicle/ingest/reader.hpp"
#include "json_lines.hpp"

namespace chronicle::ingest {
namespace fs = std::filesystem;
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                    [](char suffix_char, char c) { return suffix_char == std::tolower(static_cast<unsigned char>(c)); });
}

Result<std::string> read_bytes(const std::string& path, std::size_t max_size) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return fail("{}: cannot read: {}", path, ec.message());
  if (size > max_size) return fail("{}: file is {} bytes, over the limit of {}", path, size, max_size);
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot open: {}", path, std::strerror(errno));
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) return fail("{}: read error after {} bytes", path, in.gcount());
  return bytes;
}

// Checks that hold for every format, on the original bytes.
Result<void> check_bytes(const std::string& path, std::string_view bytes) {
  if (bytes.empty()) return fail("{}: empty file", path);
  if (utf8::looks_binary(bytes)) return fail("{}: binary file (NUL byte), not text", path);
  if (auto bad = utf8::find_invalid(bytes)) return fail("{}: byte {}: invalid UTF-8", path, *bad);
  return {};
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

}  // namespace

std::optional<Format> format_of(std::string_view path) {
  std::string_view name = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  if (name.empty() || name.front() == '.') return std::nullopt;  // hidden files
  for (std::string_view ext : {".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".ndjson.gz"})
    if (ends_with(name, ext)) return Format::jsonl;
  for (std::string_view ext : {".tml", ".timeml"})
    if (ends_with(name, ext)) return Format::timeml;
  for (std::string_view ext : {".html", ".htm", ".xhtml"})
    if (ends_with(name, ext)) return Format::html;
  for (std::string_view ext : {".txt", ".text"})
    if (ends_with(name, ext)) return Format::text;
  return std::nullopt;
}

Result<date::year_month_day> parse_iso_date(std::string_view text) {
  // YYYY-MM-DD, optionally followed by a time part ("T10:00:00Z", " 10:00").
  auto number = [&](std::size_t at, std::size_t len, int& out) {
    if (at + len > text.size()) return false;
    auto [p, ec] = std::from_chars(text.data() + at, text.data() + at + len, out);
    return ec == std::errc() && p == text.data() + at + len;
  };
  int y = 0, m = 0, d = 0;
  bool shape = text.size() >= 10 && number(0, 4, y) && text[4] == '-' && number(5, 2, m) && text[7] == '-' &&
               number(8, 2, d) && (text.size() == 10 || text[10] == 'T' || text[10] == ' ');
  if (!shape) return fail("'{}' is not a date of the form YYYY-MM-DD", text);
  date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return fail("'{}' is not a real date", text.substr(0, 10));
  if (y < 1000 || y > 2999) return fail("'{}': year {} is out of range (1000-2999)", text.substr(0, 10), y);
  return day;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<Error>& errors) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back({fmt::format("{}: no such file or directory", path)});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);  // named explicitly: read it whatever its extension
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back({fmt::format("{}: cannot list directory: {}", path, ec.message())});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        errors.push_back({fmt::format("{}: {}", it->path().string(), ec.message())});
        break;
      }
      if (it->is_regular_file(ec) && format_of(it->path().string())) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

namespace {

// What happens to every document after its reader: the body must hold text, --dct and inference
// fill a missing date.
Result<Document> finish(Result<Document> doc, const ReadOptions& options) {
  if (!doc) return doc;
  std::string where = doc->record ? fmt::format("{}: line {}", doc->path, doc->record) : doc->path;
  if (is_blank(doc->body_text())) return fail("{}: no text to analyse", where);
  if (!doc->dct && options.infer_dct) {
    if (auto found = infer_dct(doc->body_text())) {
      doc->dct = found->day;
      doc->dct_source = DctSource::inferred;
      doc->dct_evidence = std::string(found->evidence.of(doc->body_text()));
    }
  }
  if (!doc->dct && options.default_dct) {
    doc->dct = options.default_dct;
    doc->dct_source = DctSource::option;
  }
  return doc;
}

}  // namespace

void read_file(const std::string& path, const ReadOptions& options, const DocumentSink& sink) {
  Format format = format_of(path).value_or(Format::text);
  if (format == Format::jsonl) {
    read_json_lines(path, options.max_file_size, [&](Result<Document> doc) { sink(finish(std::move(doc), options)); });
    return;
  }
  auto bytes = read_bytes(path, options.max_file_size);
  if (!bytes) return sink(tl::unexpected(bytes.error()));
  if (auto ok = check_bytes(path, *bytes); !ok) return sink(tl::unexpected(ok.error()));
  switch (format) {
    case Format::timeml: return sink(finish(read_timeml(path, std::move(*bytes)), options));
    case Format::html: return sink(finish(read_html(path, std::move(*bytes)), options));
    default: return sink(finish(read_text(path, std::move(*bytes)), options));
  }
}

void read_paths(const std::vector<std::string>& paths, const ReadOptions& options, const DocumentSink& sink) {
  std::vector<Error> errors;
  std::vector<std::string> files = expand_paths(paths, errors);
  for (Error& e : errors) sink(tl::unexpected(std::move(e)));
  for (const std::string& file : files) read_file(file, options, sink);
}

}  // namespace chronicle::ingest
