// DocumentAnalysis <-> JSON with nlohmann::json. Readers are strict about types and name the
// origin and the field in their messages, because fixtures and stores are edited by hand too.

#include "chronicle/events/serialize.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace chronicle::events {
namespace {

using Json = nlohmann::ordered_json;

template <class Enum>
Enum enum_from(const Json& j, const char* field, Enum fallback, std::size_t count) {
  if (!j.contains(field)) return fallback;
  std::string name = j.at(field).get<std::string>();
  for (std::size_t i = 0; i < count; ++i)
    if (to_string(static_cast<Enum>(i)) == name) return static_cast<Enum>(i);
  throw std::runtime_error(fmt::format("{}: unknown value \"{}\"", field, name));
}

Json span_json(TextSpan s) { return Json{{"begin", s.begin}, {"end", s.end}}; }
TextSpan span_from(const Json& j) { return {j.at("begin").get<std::size_t>(), j.at("end").get<std::size_t>()}; }

Json day_json(const std::optional<date::sys_days>& d) { return d ? Json(format_day(*d)) : Json(nullptr); }
std::optional<date::sys_days> day_from(const Json& j, const char* field) {
  if (!j.contains(field) || j.at(field).is_null()) return std::nullopt;
  std::string text = j.at(field).get<std::string>();
  auto day = parse_day(text);
  if (!day) throw std::runtime_error(fmt::format("{}: not a date \"{}\"", field, text));
  return day;
}

std::string str(const Json& j, const char* field) { return j.contains(field) ? j.at(field).get<std::string>() : ""; }

Json time_json(const TimeAnchor& t) {
  Json out{{"value", t.value}, {"granularity", t.granularity}, {"begin", day_json(t.begin)},
           {"end", day_json(t.end)}, {"rule", t.rule}};
  if (t.timex) out["timex"] = span_json(*t.timex);
  if (!t.timex_text.empty()) out["timex_text"] = t.timex_text;
  return out;
}

TimeAnchor time_from(const Json& j) {
  TimeAnchor t;
  t.value = j.at("value").get<std::string>();
  t.granularity = str(j, "granularity");
  t.begin = day_from(j, "begin");
  t.end = day_from(j, "end");
  if (t.begin && !t.end && !t.granularity.empty()) t.end = t.begin;  // a day; FUTURE_REF stays open-ended
  t.rule = str(j, "rule");
  if (j.contains("timex")) t.timex = span_from(j.at("timex"));
  t.timex_text = str(j, "timex_text");
  return t;
}

Json mention_json(const Mention& m) {
  Json out{{"trigger", span_json(m.trigger)}, {"trigger_text", m.trigger_text}, {"lemma", m.lemma},
           {"class", to_string(m.event_class)}, {"tense", to_string(m.tense)},
           {"polarity", to_string(m.polarity)}, {"sentence", span_json(m.sentence)},
           {"sentence_text", m.sentence_text}, {"time", m.time ? time_json(*m.time) : Json(nullptr)},
           {"actors", m.actors}, {"location", m.location}};
  if (m.source) out["source"] = *m.source;
  if (!m.summary.empty()) out["summary"] = m.summary;
  if (!m.roles.empty()) out["roles"] = m.roles;
  return out;
}

Mention mention_from(const Json& j, const std::string& doc) {
  Mention m;
  m.doc = doc;
  m.trigger = span_from(j.at("trigger"));
  m.trigger_text = j.at("trigger_text").get<std::string>();
  m.lemma = str(j, "lemma");
  if (m.lemma.empty()) m.lemma = m.trigger_text;
  m.event_class = enum_from<EventClass>(j, "class", EventClass::occurrence, 7);
  m.tense = enum_from<Tense>(j, "tense", Tense::none, 7);
  m.polarity = enum_from<Polarity>(j, "polarity", Polarity::positive, 2);
  if (j.contains("sentence")) m.sentence = span_from(j.at("sentence"));
  m.sentence_text = str(j, "sentence_text");
  if (j.contains("time") && !j.at("time").is_null()) m.time = time_from(j.at("time"));
  if (j.contains("actors")) m.actors = j.at("actors").get<std::vector<std::string>>();
  m.location = str(j, "location");
  if (j.contains("source") && !j.at("source").is_null()) m.source = j.at("source").get<std::size_t>();
  m.summary = str(j, "summary");
  if (j.contains("roles")) m.roles = j.at("roles").get<std::vector<std::string>>();
  return m;
}

Json analysis_json(const DocumentAnalysis& a) {
  Json out{{"doc", a.doc}, {"path", a.path}, {"title", a.title},
           {"dct", a.dct ? Json(format_day(date::sys_days(*a.dct))) : Json(nullptr)}, {"dct_source", a.dct_source}};
  Json& mentions = out["mentions"] = Json::array();
  for (const Mention& m : a.mentions) mentions.push_back(mention_json(m));
  Json& actors = out["actor_mentions"] = Json::array();
  for (const ActorMention& m : a.actor_mentions)
  {
    Json actor{{"name", m.name}, {"type", m.type}, {"span", span_json(m.span)}};
    if (!m.title.empty()) actor["title"] = m.title;
    actors.push_back(std::move(actor));
  }
  Json& cues = out["cues"] = Json::array();
  for (const CueRelation& c : a.cues)
    cues.push_back(Json{{"source", c.source}, {"target", c.target}, {"type", c.type}, {"evidence", c.evidence}});
  return out;
}

DocumentAnalysis analysis_from(const Json& j) {
  DocumentAnalysis a;
  a.doc = j.at("doc").get<std::string>();
  a.path = str(j, "path");
  a.title = str(j, "title");
  if (auto d = day_from(j, "dct")) a.dct = date::year_month_day(*d);
  a.dct_source = str(j, "dct_source");
  if (j.contains("mentions"))
    for (const Json& m : j.at("mentions")) a.mentions.push_back(mention_from(m, a.doc));
  if (j.contains("actor_mentions"))
    for (const Json& m : j.at("actor_mentions"))
      a.actor_mentions.push_back({m.at("name").get<std::string>(), str(m, "type"), span_from(m.at("span")), str(m, "title")});
  if (j.contains("cues"))
    for (const Json& c : j.at("cues")) {
      CueRelation cue{c.at("source").get<std::size_t>(), c.at("target").get<std::size_t>(),
                      c.at("type").get<std::string>(), str(c, "evidence")};
      if (cue.source >= a.mentions.size() || cue.target >= a.mentions.size())
        throw std::runtime_error(fmt::format("cue {} -> {}: no such mention", cue.source, cue.target));
      a.cues.push_back(std::move(cue));
    }
  return a;
}

Json actors_json(const ActorTable& table) {
  Json out = Json::array();
  for (const Actor& a : table.actors())
    out.push_back(Json{{"name", a.name}, {"type", a.type}, {"aliases", a.aliases}, {"stands_for", a.stands_for}});
  return out;
}

ActorTable actors_from(const Json& j) {
  ActorTable table;
  for (const Json& a : j) {
    Actor actor{a.at("name").get<std::string>(), str(a, "type"), {}, str(a, "stands_for")};
    if (a.contains("aliases")) actor.aliases = a.at("aliases").get<std::vector<std::string>>();
    table.add(std::move(actor));
  }
  return table;
}

// Runs `parse` on the JSON text, turning every parse or type error into an Error naming `origin`.
template <class T, class F>
Result<T> parse_with(std::string_view json, std::string_view origin, F parse) {
  try {
    return parse(Json::parse(json));
  } catch (const std::exception& e) {
    return fail("{}: {}", origin, e.what());
  }
}

}  // namespace

std::string format_day(date::sys_days day) { return date::format("%F", day); }

std::optional<date::sys_days> parse_day(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || std::sscanf(std::string(text).c_str(), "%d-%u-%u", &y, &m, &d) != 3) return std::nullopt;
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days(ymd);
}

std::string to_json(const DocumentAnalysis& analysis) { return analysis_json(analysis).dump(); }

Result<DocumentAnalysis> analysis_from_json(std::string_view json, std::string_view origin) {
  return parse_with<DocumentAnalysis>(json, origin, [](const Json& j) { return analysis_from(j); });
}

std::string to_json(const ActorTable& table) { return actors_json(table).dump(); }

Result<ActorTable> actors_from_json(std::string_view json, std::string_view origin) {
  return parse_with<ActorTable>(json, origin, [](const Json& j) { return actors_from(j); });
}

std::string to_json(const Corpus& corpus) {
  Json out;
  Json& docs = out["documents"] = Json::array();
  for (const DocumentAnalysis& a : corpus.documents) docs.push_back(analysis_json(a));
  out["actors"] = actors_json(corpus.actors);
  return out.dump(1);
}

Result<Corpus> corpus_from_json(std::string_view json, std::string_view origin) {
  return parse_with<Corpus>(json, origin, [](const Json& j) {
    Corpus corpus;
    for (const Json& a : j.at("documents")) corpus.documents.push_back(analysis_from(a));
    if (j.contains("actors")) corpus.actors = actors_from(j.at("actors"));
    return corpus;
  });
}

Result<Corpus> read_corpus(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot open", path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return corpus_from_json(buf.str(), path);
}

}  // namespace chronicle::events
