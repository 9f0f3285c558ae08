#pragma once
// Reading articles: files and directories in, Documents out, one at a time.
//
// Formats are chosen by extension: .txt/.text/.md (plain text with optional front matter),
// .jsonl/.jsonl.gz/.jsonl.zst (one JSON article a line), .tml/.timeml (TimeML), .html/.htm.
// Directories are walked recursively in sorted order. A file that cannot be read yields an Error
// naming it and the problem; reading goes on with the next one.
//
//   ReadOptions options;
//   options.default_dct = date::year{2015}/12/15;
//   read_paths({"corpus/"}, options, [](Result<Document> doc) {
//     if (!doc) { std::cerr << doc.error().message << '\n'; return; }
//     ...
//   });

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/core/result.hpp"
#include "chronicle/ingest/document.hpp"

namespace chronicle::ingest {

/// How documents are read.
struct ReadOptions {
  /// Publication date for documents that carry none (`--dct`); source `option`.
  std::optional<date::year_month_day> default_dct;
  /// Infer a missing publication date from a dateline or full date in the text.
  bool infer_dct = true;
  /// Files larger than this are refused with an error (bytes).
  std::size_t max_file_size = std::size_t{1} << 30;
};

/// Receives each document, or the error that stopped one.
using DocumentSink = std::function<void(Result<Document>)>;

/// Reads every file named or found under `paths`, in order, handing each document to `sink`.
void read_paths(const std::vector<std::string>& paths, const ReadOptions& options, const DocumentSink& sink);

/// Reads one file (any format), handing each document to `sink`.
void read_file(const std::string& path, const ReadOptions& options, const DocumentSink& sink);

/// The files `paths` name, directories expanded recursively, in a stable sorted order.
/// Unreadable or missing paths come back as errors in `errors`.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, std::vector<Error>& errors);

/// The format of `path` by extension, or nullopt when it is not an input Chronicle reads.
std::optional<Format> format_of(std::string_view path);

/// Parses "2015-12-15" (also "2015-12-15T10:00:00Z" and similar: the date part is taken);
/// refuses impossible dates ("2015-02-30") with a message.
Result<date::year_month_day> parse_iso_date(std::string_view text);

// Format readers: `bytes` is the whole file; `path` names it in messages.

/// Plain text with an optional `---` front-matter header (id, title, date, source, url).
Result<Document> read_text(std::string path, std::string bytes);
/// TimeML: the DCT from the CREATION_TIME TIMEX3, the text with tags removed.
Result<Document> read_timeml(std::string path, std::string bytes);
/// HTML: title, published date from meta/time elements, main text without boilerplate.
Result<Document> read_html(std::string path, std::string bytes);
/// One JSON Lines record; `line` is 1-based.
Result<Document> read_json_record(const std::string& path, std::size_t line, std::string_view json);

}  // namespace chronicle::ingest
