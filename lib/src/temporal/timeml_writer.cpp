#include "chronicle/temporal/timeml_writer.hpp"

#include <fmt/format.h>

namespace chronicle::temporal {
namespace {

// Character data: only what XML requires (&, <, and the > of "]]>"), so that quotes and > stay
// as in the source text. The TempEval-3 toolkit's TimeML-Normalizer walks the raw TEXT bytes
// against the tokens of the parsed text and accepts no entity but &amp;: a &quot; where the gold
// file has '"' stops its normalization, and with it the evaluation of every later file.
void append_text(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>' && i >= 2 && text[i - 1] == ']' && text[i - 2] == ']') out += "&gt;";
    else out += c;
  }
}

// Attribute values, always double-quoted.
void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
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
    append_text(out, text.substr(pos, t.span.begin - pos));
    out += fmt::format("<TIMEX3 {}>", timex3_attributes(t, fmt::format("t{}", ++n)));
    append_text(out, t.span.of(text));
    out += "</TIMEX3>";
    pos = t.span.end;
  }
  append_text(out, text.substr(std::min(pos, text.size())));
  out += "</TEXT>\n\n</TimeML>\n";
  return out;
}

}  // namespace chronicle::temporal
