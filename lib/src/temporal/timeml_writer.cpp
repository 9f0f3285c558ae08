#include "chronicle/temporal/timeml_writer.hpp"

#include <fmt/format.h>

#include "chronicle/core/xml.hpp"

namespace chronicle::temporal {
namespace {

std::string escaped(std::string_view text) {
  std::string out;
  append_xml_attribute(out, text);
  return out;
}

}  // namespace

std::string timex3_attributes(const Timex& timex, std::string_view tid) {
  std::string out = fmt::format("tid=\"{}\" type=\"{}\" value=\"{}\"", tid, to_string(timex.value.type),
                                escaped(timex.value.value));
  if (timex.value.mod != Mod::none) out += fmt::format(" mod=\"{}\"", to_string(timex.value.mod));
  if (!timex.value.freq.empty()) out += fmt::format(" freq=\"{}\"", escaped(timex.value.freq));
  if (!timex.value.quant.empty()) out += fmt::format(" quant=\"{}\"", escaped(timex.value.quant));
  return out;
}

std::string write_timeml(std::string_view text, const std::vector<Timex>& timexes, const TimemlHeader& header) {
  std::string out;
  out.reserve(text.size() + timexes.size() * 80 + 512);
  out += "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n";
  out += fmt::format("<DOCID>{}</DOCID>\n\n", escaped(header.doc_id));
  if (header.dct) {
    const std::string day = fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(header.dct->year()),
                                        static_cast<unsigned>(header.dct->month()), static_cast<unsigned>(header.dct->day()));
    out += fmt::format("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{}\" temporalFunction=\"false\" "
                       "functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n\n", day, day);
  }
  out += "<TEXT>";
  std::size_t pos = 0;
  std::size_t n = 0;
  for (const Timex& t : timexes) {
    if (t.span.begin < pos || t.span.end > text.size() || t.span.empty()) continue;
    append_xml_text(out, text.substr(pos, t.span.begin - pos));
    out += fmt::format("<TIMEX3 {}>", timex3_attributes(t, fmt::format("t{}", ++n)));
    append_xml_text(out, t.span.of(text));
    out += "</TIMEX3>";
    pos = t.span.end;
  }
  append_xml_text(out, text.substr(std::min(pos, text.size())));
  out += "</TEXT>\n\n</TimeML>\n";
  return out;
}

}  // namespace chronicle::temporal
