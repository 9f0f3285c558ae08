#pragma once
// TimeML parsing: the text of a .tml file with its tags removed, the annotations those tags
// carried (TIMEX3, EVENT, SIGNAL, MAKEINSTANCE, TLINK, ...), and a map back to the file's bytes.
// Used by the TimeML reader (ingestion) and by the evaluation tools (gold annotations).
//
//   Result<TimemlDocument> tml = parse_timeml("wsj_0006.tml", bytes);
//   for (const TimemlTag& t : tml->tags)
//     if (t.name == "TIMEX3") gold.push_back({t.span, t.attributes.at("value")});

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/core/offset_map.hpp"
#include "chronicle/core/result.hpp"
#include "chronicle/core/text_span.hpp"

namespace chronicle::ingest {

/// One TimeML element. `span` covers its character content in TimemlDocument::text
/// (empty for empty elements such as MAKEINSTANCE and TLINK).
struct TimemlTag {
  std::string name;
  std::map<std::string, std::string, std::less<>> attributes;
  TextSpan span;
  bool in_body = false;  ///< inside the TEXT element
};

/// A parsed .tml file.
struct TimemlDocument {
  std::string text;                          ///< character content, tags removed, entities decoded
  OffsetMap map;                             ///< text offsets -> file offsets
  TextSpan body;                             ///< the TEXT element's content within `text`
  std::optional<date::year_month_day> dct;   ///< from the CREATION_TIME TIMEX3 (functionInDocument)
  std::string doc_id;                        ///< DOCID content, when present
  std::vector<TimemlTag> tags;               ///< in document order
};

/// Parses TimeML; an Error names `path` and the byte offset of malformed markup.
Result<TimemlDocument> parse_timeml(std::string_view path, std::string_view bytes);

}  // namespace chronicle::ingest
