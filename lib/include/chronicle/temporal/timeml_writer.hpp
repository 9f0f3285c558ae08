#pragma once
// TimeML output: a document's text with TIMEX3 tags inserted around its temporal expressions,
// in the shape the TempEval-3 toolkit reads (DOCID, DCT with a CREATION_TIME TIMEX3, TEXT).
// The text is kept byte for byte apart from the escaping XML requires: & and <, and the > of "]]>";
// quotes and other > stay as they are, as in the TempEval-3 files (its toolkit accepts no other
// entity in TEXT).
//
//   std::vector<temporal::Timex> found = tagger.tag(text, range, options);
//   std::string tml = temporal::write_timeml(text, found, {"doc1", options.dct});

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "chronicle/temporal/tagger.hpp"

namespace chronicle::temporal {

/// Document-level facts a TimeML file carries.
struct TimemlHeader {
  std::string doc_id;                          ///< DOCID content
  std::optional<date::year_month_day> dct;     ///< becomes TIMEX3 t0 with CREATION_TIME
};

/// `text` as TimeML with `timexes` (spans into `text`, sorted, non-overlapping) tagged with tids
/// t1, t2, ... in order.
std::string write_timeml(std::string_view text, const std::vector<Timex>& timexes, const TimemlHeader& header);

/// The attributes of one TIMEX3 start tag (tid, type, value, mod, freq, quant), without brackets.
std::string timex3_attributes(const Timex& timex, std::string_view tid);

}  // namespace chronicle::temporal
