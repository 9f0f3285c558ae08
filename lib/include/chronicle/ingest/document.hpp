#pragma once
// Document: one article as ingestion saw it, the unit every later stage works on.
//
// `text` is what the pipeline analyses; every TextSpan the stages produce indexes it. The
// user-facing offsets index the original bytes (the file as it is on disk, or the `text` field of
// a JSON Lines record); `to_raw()` converts. For plain text the two are the same bytes.
//
//   Document d = ...;
//   TextSpan in_file = d.to_raw(sentence_span);

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "chronicle/core/offset_map.hpp"
#include "chronicle/core/text_span.hpp"

namespace chronicle::ingest {

/// Where a document's publication date (DCT) came from.
enum class DctSource { none, metadata, option, inferred };

/// "none", "metadata", "option" or "inferred", as written in JSON output.
std::string_view to_string(DctSource source);

/// The input formats ingestion understands.
enum class Format { text, jsonl, timeml, html };

/// "text", "jsonl", "timeml" or "html".
std::string_view to_string(Format format);

/// One article.
struct Document {
  std::string id;                            ///< front matter / JSON `id`, else the file stem
  std::string title;                         ///< headline, when known
  std::string source;                        ///< outlet name, when known
  std::string url;                           ///< where it was published, when known
  std::string path;                          ///< the file it was read from
  std::size_t record = 0;                    ///< 1-based line number for JSON Lines, else 0
  Format format = Format::text;              ///< the reader that produced it
  std::optional<date::year_month_day> dct;   ///< publication date
  DctSource dct_source = DctSource::none;    ///< where `dct` came from
  std::string dct_evidence;                  ///< for inferred dates: the text they came from

  std::string text;                          ///< the analysis text
  TextSpan body;                             ///< the article body within `text` (no header)
  OffsetMap map;                             ///< analysis offsets -> original offsets
  std::string raw;                           ///< original bytes when they differ from `text`

  /// The original bytes user-facing offsets index.
  std::string_view original() const { return map.identity() ? std::string_view(text) : std::string_view(raw); }
  /// An analysis span converted to original-byte offsets.
  TextSpan to_raw(TextSpan span) const { return map.identity() ? span : map.to_raw(span); }
  /// The body's text.
  std::string_view body_text() const { return body.of(text); }
};

/// "2015-12-15".
std::string format_date(date::year_month_day day);

}  // namespace chronicle::ingest
