// TimeML export of one document: EVENT and TIMEX3 inline in the text, then MAKEINSTANCE and
// TLINK. Ids are per document and consistent: mention i is EVENT e{i+1} / instance ei{i+1}; the
// DCT is t0 and timexes t1, t2, ... in text order. TLINKs come from each mention's time anchor,
// the document's cue relations, and graph relations between events this document mentions.

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "chronicle/core/xml.hpp"
#include "chronicle/events/serialize.hpp"
#include "chronicle/render/exporters.hpp"
#include "escape.hpp"

namespace chronicle::render {
namespace {

using detail::xml_escape;

struct Tag {
  TextSpan span;
  std::string open, close;
};

// TIMEX3 ids by span, in text order.
std::map<std::pair<std::size_t, std::size_t>, std::string> timex_ids(const events::DocumentAnalysis& a) {
  std::map<std::pair<std::size_t, std::size_t>, std::string> ids;
  for (const events::Mention& m : a.mentions)
    if (m.time && m.time->timex) ids.emplace(std::make_pair(m.time->timex->begin, m.time->timex->end), "");
  std::size_t n = 0;
  for (auto& [span, id] : ids) id = fmt::format("t{}", ++n);
  return ids;
}

std::string timex_type(const events::TimeAnchor& t) {
  if (t.value.starts_with("P")) return "DURATION";
  // Finer than a day is a TIME: clock times and parts of day ("2015-12-15T10:30", "2015-12-15TMO").
  bool calendar = !t.value.empty() && (std::isdigit(static_cast<unsigned char>(t.value.front())) || t.value.front() == 'X');
  return calendar && t.value.find('T') != std::string::npos ? "TIME" : "DATE";
}

// Inline tags in text order; a tag overlapping an earlier one is left out (TimeML cannot nest
// EVENT and TIMEX3 across each other).
std::vector<Tag> inline_tags(const events::DocumentAnalysis& a, const std::map<std::pair<std::size_t, std::size_t>, std::string>& tids) {
  std::vector<Tag> tags;
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const events::Mention& m = a.mentions[i];
    tags.push_back({m.trigger, fmt::format("<EVENT eid=\"e{}\" class=\"{}\">", i + 1, events::to_string(m.event_class)), "</EVENT>"});
  }
  std::set<std::string> done;
  for (const events::Mention& m : a.mentions) {
    if (!m.time || !m.time->timex) continue;
    const std::string& tid = tids.at({m.time->timex->begin, m.time->timex->end});
    if (!done.insert(tid).second) continue;
    tags.push_back({*m.time->timex, fmt::format("<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\">", tid, timex_type(*m.time), xml_escape(m.time->value)), "</TIMEX3>"});
  }
  std::sort(tags.begin(), tags.end(), [](const Tag& x, const Tag& y) { return x.span.begin < y.span.begin; });
  std::vector<Tag> kept;
  for (Tag& t : tags)
    if (kept.empty() || kept.back().span.end <= t.span.begin) kept.push_back(std::move(t));
  return kept;
}

std::string tagged_text(std::string_view text, const std::vector<Tag>& tags) {
  std::string out;
  std::size_t at = 0;
  for (const Tag& t : tags) {
    if (t.span.end > text.size()) continue;
    append_xml_text(out, text.substr(at, t.span.begin - at));
    out += t.open;
    append_xml_text(out, t.span.of(text));
    out += t.close;
    at = t.span.end;
  }
  append_xml_text(out, text.substr(std::min(at, text.size())));
  return out;
}

// The event index of each mention of this document in the graph (by trigger span).
std::vector<std::optional<std::size_t>> events_of(const events::DocumentAnalysis& a, const graph::EventGraph& graph) {
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> by_span;
  for (std::size_t e = 0; e < graph.events.size(); ++e)
    for (const events::Mention& m : graph.events[e].mentions)
      if (m.doc == a.doc) by_span[{m.trigger.begin, m.trigger.end}] = e;
  std::vector<std::optional<std::size_t>> out;
  for (const events::Mention& m : a.mentions) {
    auto it = by_span.find({m.trigger.begin, m.trigger.end});
    out.push_back(it == by_span.end() ? std::nullopt : std::optional<std::size_t>(it->second));
  }
  return out;
}

std::vector<std::string> tlinks(const events::DocumentAnalysis& a, const graph::EventGraph& graph,
                                const std::map<std::pair<std::size_t, std::size_t>, std::string>& tids) {
  std::vector<std::string> links;
  auto link = [&](std::string body) { links.push_back(fmt::format("<TLINK lid=\"l{}\" {}/>", links.size() + 1, body)); };
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const events::Mention& m = a.mentions[i];
    if (m.time && m.time->timex)
      link(fmt::format("relType=\"IS_INCLUDED\" eventInstanceID=\"ei{}\" relatedToTime=\"{}\"", i + 1,
                       tids.at({m.time->timex->begin, m.time->timex->end})));
  }
  std::set<std::pair<std::size_t, std::size_t>> linked;
  for (const events::CueRelation& c : a.cues) {
    link(fmt::format("relType=\"{}\" eventInstanceID=\"ei{}\" relatedToEventInstance=\"ei{}\"", xml_escape(c.type), c.source + 1, c.target + 1));
    linked.insert({c.source, c.target});
  }
  // Corpus relations between two events this document mentions, on their first mentions here.
  auto event = events_of(a, graph);
  std::map<std::size_t, std::size_t> first_mention;
  for (std::size_t i = 0; i < event.size(); ++i)
    if (event[i]) first_mention.emplace(*event[i], i);
  for (const graph::Relation& r : graph.relations) {
    auto s = first_mention.find(r.source), t = first_mention.find(r.target);
    if (r.redundant || r.origin == "cue" || s == first_mention.end() || t == first_mention.end()) continue;
    if (!linked.insert({s->second, t->second}).second) continue;
    link(fmt::format("relType=\"{}\" eventInstanceID=\"ei{}\" relatedToEventInstance=\"ei{}\"", graph::to_string(r.type),
                     s->second + 1, t->second + 1));
  }
  return links;
}

}  // namespace

std::string timeml_document(const events::DocumentAnalysis& a, std::string_view text, const graph::EventGraph& graph) {
  auto tids = timex_ids(a);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n";
  out += fmt::format("<DOCID>{}</DOCID>\n", xml_escape(a.doc));
  if (a.dct) {
    std::string dct = events::format_day(date::sys_days(*a.dct));
    out += fmt::format("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{0}\" temporalFunction=\"false\" "
                       "functionInDocument=\"CREATION_TIME\">{0}</TIMEX3></DCT>\n", dct);
  }
  out += "<TEXT>" + tagged_text(text, inline_tags(a, tids)) + "</TEXT>\n";
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const events::Mention& m = a.mentions[i];
    out += fmt::format("<MAKEINSTANCE eventID=\"e{0}\" eiid=\"ei{0}\" tense=\"{1}\" aspect=\"NONE\" polarity=\"{2}\"/>\n", i + 1,
                       events::to_string(m.tense), events::to_string(m.polarity));
  }
  for (const std::string& l : tlinks(a, graph, tids)) out += l + "\n";
  return out + "</TimeML>\n";
}

}  // namespace chronicle::render
