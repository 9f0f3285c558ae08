// The timeline as one self-contained HTML page: inline CSS, no scripts, no network. Each event
// is a <details> element that opens to its source sentences with the trigger marked.

#include <fmt/format.h>

#include "chronicle/render/timeline.hpp"
#include "escape.hpp"

namespace chronicle::render {
namespace {

using detail::xml_escape;

constexpr std::string_view kStyle = R"(
body { font: 15px/1.45 system-ui, sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid #8aa; }
ol.timeline > li { margin: 0 0 .8em 0; padding-left: 1em; position: relative; }
ol.timeline > li::before { content: ""; position: absolute; left: -8px; top: .55em; width: 13px; height: 13px;
  border-radius: 50%; background: #fff; border: 3px solid #469; }
ol.timeline > li.undated::before { border-color: #bbb; }
.date { font-family: ui-monospace, monospace; color: #246; min-width: 12em; display: inline-block; }
.summary { font-weight: 600; }
.meta { color: #666; font-size: .9em; margin-left: .5em; }
details > summary { cursor: pointer; }
blockquote { margin: .4em 0 .4em 1em; padding: .3em .8em; background: #f5f7f9; border-left: 3px solid #ccd; }
blockquote .doc { display: block; font-size: .8em; color: #777; }
mark { background: #ffe38a; }
.reasons { font-size: .85em; color: #555; }
.conflict { border: 1px solid #d66; background: #fff3f3; padding: .5em 1em; margin: .5em 0; }
)";

std::string marked_sentence(const events::Mention& m) {
  if (m.trigger.begin < m.sentence.begin || m.trigger.end > m.sentence.end ||
      m.sentence.size() != m.sentence_text.size())
    return xml_escape(m.sentence_text);
  std::string_view s = m.sentence_text;
  std::size_t b = m.trigger.begin - m.sentence.begin, e = m.trigger.end - m.sentence.begin;
  return xml_escape(s.substr(0, b)) + "<mark>" + xml_escape(s.substr(b, e - b)) + "</mark>" + xml_escape(s.substr(e));
}

void write_event(std::ostream& out, const graph::Event& e) {
  out << fmt::format("<li id=\"{}\"{}><details><summary><span class=\"date\">{}</span> <span class=\"summary\">{}</span>",
                     e.id, e.time ? "" : " class=\"undated\"", xml_escape(date_label(e.time)), xml_escape(e.summary));
  std::string actors = fmt::format("{}", fmt::join(e.actors, ", "));
  out << fmt::format("<span class=\"meta\">{}{}{} · {} source{}</span></summary>\n", xml_escape(actors),
                     e.location.empty() ? "" : " · ", xml_escape(e.location), e.sources(), e.sources() == 1 ? "" : "s");
  for (const events::Mention& m : e.mentions)
    out << fmt::format("<blockquote><span class=\"doc\">{} · bytes {}–{}{}</span>{}</blockquote>\n", xml_escape(m.doc),
                       m.sentence.begin, m.sentence.end, m.time ? " · " + xml_escape(m.time->value) : "",
                       marked_sentence(m));
  if (!e.merge_reasons.empty()) {
    out << "<ul class=\"reasons\">";
    for (const graph::MergeReason& r : e.merge_reasons)
      out << fmt::format("<li>merged (score {:.2f}): {}</li>", r.score, xml_escape(fmt::format("{}", fmt::join(r.reasons, "; "))));
    out << "</ul>\n";
  }
  if (!e.placement.empty()) out << "<p class=\"reasons\">undated; placed " << xml_escape(e.placement) << "</p>\n";
  out << "</details></li>\n";
}

}  // namespace

void write_html(std::ostream& out, const graph::EventGraph& graph, std::string_view title) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << xml_escape(title) << "</title>\n<style>" << kStyle << "</style></head>\n<body>\n"
      << "<h1>" << xml_escape(title) << "</h1>\n"
      << fmt::format("<p>{} events · {} relations · {} conflicts. Open an event to read its sources.</p>\n",
                     graph.events.size(), graph.relations.size(), graph.conflicts.size());
  if (!graph.conflicts.empty()) {
    out << "<h2>Conflicts</h2>\n";
    for (const graph::Conflict& c : graph.conflicts) {
      out << "<div class=\"conflict\"><strong>" << xml_escape(c.kind) << "</strong>: " << xml_escape(c.description) << "<ul>";
      for (const std::string& line : c.evidence) out << "<li>" << xml_escape(line) << "</li>";
      out << "</ul></div>\n";
    }
  }
  out << "<ol class=\"timeline\">\n";
  for (const graph::Event& e : graph.events) write_event(out, e);
  out << "</ol>\n</body></html>\n";
}

}  // namespace chronicle::render
