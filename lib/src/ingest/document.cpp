#include "chronicle/ingest/document.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace chronicle::ingest {

std::string_view to_string(DctSource source) {
  switch (source) {
    case DctSource::none: return "none";
    case DctSource::metadata: return "metadata";
    case DctSource::option: return "option";
    case DctSource::inferred: return "inferred";
  }
  return "none";
}

std::string_view to_string(Format format) {
  switch (format) {
    case Format::text: return "text";
    case Format::jsonl: return "jsonl";
    case Format::timeml: return "timeml";
    case Format::html: return "html";
  }
  return "text";
}

std::string format_date(date::year_month_day day) {
  return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

}  // namespace chronicle::ingest
