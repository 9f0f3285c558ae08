// TimelineJS3 JSON: {"title", "events": [{"start_date", "end_date"?, "text", "unique_id"}]}.
// Dates carry only the fields their granularity knows (a month has no day), as TimelineJS wants.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/render/exporters.hpp"
#include "chronicle/render/timeline.hpp"
#include "escape.hpp"

namespace chronicle::render {
namespace {

using Json = nlohmann::ordered_json;

Json date_json(date::sys_days day, const std::string& granularity) {
  date::year_month_day ymd{day};
  Json out{{"year", static_cast<int>(ymd.year())}};
  if (granularity != "year" && granularity != "decade" && granularity != "century") {
    out["month"] = static_cast<unsigned>(ymd.month());
    if (granularity != "month" && granularity != "quarter") out["day"] = static_cast<unsigned>(ymd.day());
  }
  return out;
}

std::string event_text(const graph::Event& e) {
  std::string text;
  if (!e.actors.empty()) text += fmt::format("<p>{}</p>", detail::xml_escape(fmt::format("{}", fmt::join(e.actors, ", "))));
  for (const events::Mention& m : e.mentions)
    text += fmt::format("<blockquote>{} <small>({})</small></blockquote>", detail::xml_escape(detail::shorten(m.sentence_text, 300)),
                        detail::xml_escape(m.doc));
  return text;
}

}  // namespace

void write_timelinejs(std::ostream& out, const graph::EventGraph& graph) {
  Json doc;
  doc["title"] = {{"text", {{"headline", "Chronicle timeline"}, {"text", fmt::format("{} events", graph.events.size())}}}};
  Json& list = doc["events"] = Json::array();
  for (const graph::Event& e : graph.events) {
    if (!e.time || !e.time->begin) continue;
    Json item{{"start_date", date_json(*e.time->begin, e.time->granularity)}};
    if (e.time->end && *e.time->end != *e.time->begin && e.time->granularity != "month" && e.time->granularity != "year")
      item["end_date"] = date_json(*e.time->end, e.time->granularity);
    item["text"] = {{"headline", e.summary}, {"text", event_text(e)}};
    item["unique_id"] = e.id;
    if (!e.location.empty()) item["group"] = e.location;
    list.push_back(std::move(item));
  }
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace chronicle::render
