// The terminal and Markdown views of the timeline.

#include <fmt/format.h>

#include "chronicle/render/timeline.hpp"

namespace chronicle::render {
namespace {

constexpr std::string_view kBold = "\x1b[1m", kDim = "\x1b[2m", kCyan = "\x1b[36m", kRed = "\x1b[31m", kReset = "\x1b[0m";

std::string paint(std::string_view text, std::string_view style, bool colour) {
  return colour ? fmt::format("{}{}{}", style, text, kReset) : std::string(text);
}

std::string sources_label(std::size_t n) { return n == 1 ? "1 source" : fmt::format("{} sources", n); }

}  // namespace

void write_text(std::ostream& out, const graph::EventGraph& graph, bool colour) {
  for (const graph::Event& e : graph.events) {
    std::string date = fmt::format("{:<22}", date_label(e.time));
    out << paint(date, kCyan, colour) << ' ' << paint(e.summary, kBold, colour);
    if (!e.actors.empty()) out << "  " << paint(fmt::format("[{}]", fmt::join(e.actors, ", ")), kDim, colour);
    out << "  " << sources_label(e.sources());
    if (!e.placement.empty()) out << "  " << paint("(" + e.placement + ")", kDim, colour);
    out << '\n';
  }
  for (const graph::Conflict& c : graph.conflicts) {
    out << paint("conflict", kRed, colour) << " (" << c.kind << "): " << c.description << '\n';
    for (const std::string& line : c.evidence) out << "    " << line << '\n';
  }
}

void write_markdown(std::ostream& out, const graph::EventGraph& graph) {
  out << "# Timeline\n";
  std::string current;
  for (const graph::Event& e : graph.events) {
    std::string date = date_label(e.time);
    if (date != current) out << "\n## " << date << "\n\n";
    current = date;
    out << "- **" << e.summary << "**";
    if (!e.actors.empty()) out << fmt::format(" — {}", fmt::join(e.actors, ", "));
    if (!e.location.empty()) out << " (" << e.location << ")";
    out << fmt::format(" · {} · `{}`\n", sources_label(e.sources()), e.id);
    for (const events::Mention& m : e.mentions)
      out << fmt::format("  - `{}` [{}–{}] *{}*: {}\n", m.doc, m.sentence.begin, m.sentence.end, m.trigger_text, m.sentence_text);
  }
  if (graph.conflicts.empty()) return;
  out << "\n## Conflicts\n\n";
  for (const graph::Conflict& c : graph.conflicts) {
    out << "- **" << c.kind << "**: " << c.description << '\n';
    for (const std::string& line : c.evidence) out << "  - " << line << '\n';
  }
}

}  // namespace chronicle::render
