// The timeline as the JSON object of PRODUCT.md. Field names are a contract: add, never rename.

#include <nlohmann/json.hpp>

#include "chronicle/events/serialize.hpp"
#include "chronicle/render/timeline.hpp"

namespace chronicle::render {
namespace {

using Json = nlohmann::ordered_json;

Json time_json(const std::optional<events::TimeAnchor>& t) {
  if (!t) return nullptr;
  Json out{{"value", t->value},
           {"begin", t->begin ? Json(events::format_day(*t->begin)) : Json(nullptr)},
           {"end", t->end ? Json(events::format_day(*t->end)) : Json(nullptr)},
           {"granularity", t->granularity}};
  return out;
}

Json mention_json(const events::Mention& m) {
  Json out{{"doc", m.doc},
           {"begin", m.sentence.begin},
           {"end", m.sentence.end},
           {"sentence", m.sentence_text},
           {"trigger_begin", m.trigger.begin},
           {"trigger_end", m.trigger.end},
           {"trigger", m.trigger_text},
           {"time", m.time ? Json(m.time->value) : Json(nullptr)}};
  if (m.time && m.time->timex) out["timex"] = {{"begin", m.time->timex->begin}, {"end", m.time->timex->end}, {"text", m.time->timex_text}};
  return out;
}

Json event_json(const graph::Event& e) {
  Json out{{"id", e.id}, {"time", time_json(e.time)}, {"summary", e.summary}, {"trigger", e.trigger},
           {"actors", e.actors}, {"location", e.location}};
  Json& mentions = out["mentions"] = Json::array();
  for (const auto& m : e.mentions) mentions.push_back(mention_json(m));
  out["sources"] = e.sources();
  Json& reasons = out["merge_reasons"] = Json::array();
  for (const graph::MergeReason& r : e.merge_reasons)
    reasons.push_back(Json{{"mentions", {r.first, r.second}}, {"score", r.score}, {"reasons", r.reasons}});
  if (!e.placement.empty()) out["placement"] = e.placement;
  return out;
}

}  // namespace

void write_json(std::ostream& out, const graph::EventGraph& graph) {
  Json doc;
  Json& events = doc["events"] = Json::array();
  for (const graph::Event& e : graph.events) events.push_back(event_json(e));
  Json& relations = doc["relations"] = Json::array();
  for (const graph::Relation& r : graph.relations) {
    Json item{{"source", graph.events[r.source].id}, {"target", graph.events[r.target].id},
              {"type", graph::to_string(r.type)}, {"evidence", r.evidence}, {"origin", r.origin}};
    if (r.redundant) item["redundant"] = true;
    if (r.contradicted) item["contradicted"] = true;
    relations.push_back(std::move(item));
  }
  Json& conflicts = doc["conflicts"] = Json::array();
  for (const graph::Conflict& c : graph.conflicts) {
    Json ids = Json::array();
    for (std::size_t e : c.events) ids.push_back(graph.events[e].id);
    conflicts.push_back(Json{{"kind", c.kind}, {"description", c.description}, {"events", ids}, {"evidence", c.evidence}});
  }
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace chronicle::render
