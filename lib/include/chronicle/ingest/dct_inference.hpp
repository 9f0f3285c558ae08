#pragma once
// Publication-date inference for documents that carry none: a dateline ("MOSCOW, Dec 15
// (Reuters) -"), a captioned full date ("Moscow Tuesday, Dec. 15, 2015") or an ISO date near the
// start of the text. Never today's clock.
//
//   if (auto found = infer_dct(doc.body_text())) doc.dct = found->day;

#include <optional>
#include <string_view>

#include <date/date.h>

#include "chronicle/core/text_span.hpp"

namespace chronicle::ingest {

/// A publication date found in the text, with the span (relative to the text given) it came from.
struct InferredDate {
  date::year_month_day day;
  TextSpan evidence;
};

/// The most likely publication date written in `text`, or nullopt.
std::optional<InferredDate> infer_dct(std::string_view text);

}  // namespace chronicle::ingest
