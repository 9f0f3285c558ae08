// chronicle events: event mentions of each document, before cross-document merging. Actor names
// are resolved over the documents of the run, so each actor has one canonical name.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "corpus_source.hpp"

namespace chronicle::cli {
namespace {

using nlohmann::ordered_json;

struct EventsOptions {
  InputOptions input;
  std::string format;
};

ordered_json time_json(const std::optional<events::TimeAnchor>& time) {
  if (!time) return nullptr;
  ordered_json t{{"value", time->value}};
  t["begin"] = time->begin ? ordered_json(ingest::format_date(date::year_month_day{*time->begin})) : ordered_json(nullptr);
  t["end"] = time->end ? ordered_json(ingest::format_date(date::year_month_day{*time->end})) : ordered_json(nullptr);
  t["granularity"] = time->granularity;
  t["rule"] = time->rule;
  if (time->timex) t["timex"] = {{"begin", time->timex->begin}, {"end", time->timex->end}, {"text", time->timex_text}};
  return t;
}

ordered_json mention_json(const events::Mention& m) {
  ordered_json e;
  e["trigger"] = {{"begin", m.trigger.begin}, {"end", m.trigger.end}, {"text", m.trigger_text}};
  e["lemma"] = m.lemma;
  e["class"] = events::to_string(m.event_class);
  e["tense"] = events::to_string(m.tense);
  e["polarity"] = events::to_string(m.polarity);
  e["time"] = time_json(m.time);
  e["actors"] = m.actors;
  e["location"] = m.location.empty() ? ordered_json(nullptr) : ordered_json(m.location);
  if (!m.roles.empty()) e["roles"] = m.roles;  // "Kremlin leader": whom it names is in actors
  e["summary"] = m.summary;
  e["sentence"] = {{"begin", m.sentence.begin}, {"end", m.sentence.end}};
  if (m.source) e["source"] = *m.source;
  return e;
}

ordered_json analysis_json(const events::DocumentAnalysis& a) {
  ordered_json out;
  out["doc"] = a.doc;
  out["path"] = a.path;
  out["dct"] = a.dct ? ordered_json(ingest::format_date(*a.dct)) : ordered_json(nullptr);
  out["dct_source"] = a.dct_source;
  auto& list = out["events"] = ordered_json::array();
  for (const auto& m : a.mentions) list.push_back(mention_json(m));
  auto& cues = out["relations"] = ordered_json::array();
  for (const auto& c : a.cues) cues.push_back({{"source", c.source}, {"target", c.target}, {"type", c.type}, {"evidence", c.evidence}});
  return out;
}

void print_text(const events::DocumentAnalysis& a) {
  std::cout << fmt::format("{}  (dct {}, {})\n", a.doc, a.dct ? ingest::format_date(*a.dct) : "none", a.dct_source);
  for (const auto& m : a.mentions) {
    std::string when = m.time ? m.time->value : "-";
    std::cout << fmt::format("  {:>6}  {:<12} {:<14} {:<10} {}\n", m.trigger.begin, when, m.trigger_text,
                             events::to_string(m.event_class), m.summary);
  }
  std::cout << '\n';
}

int run_events(const EventsOptions& options) {
  const Analyzer& pipeline = analyzer();
  std::vector<events::DocumentAnalysis> analyses;
  int status = for_each_document(options.input, [&](const ingest::Document& doc) { analyses.push_back(pipeline.analyze(doc)); });
  pipeline.resolve_actors(analyses);
  for (const auto& a : analyses) {
    if (options.format == "json")
      std::cout << analysis_json(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
      print_text(a);
  }
  return status;
}

}  // namespace

void add_events_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<EventsOptions>();
  CLI::App* command = app.add_subcommand("events", "event mentions of each document, before cross-document merging");
  add_input_options(*command, options->input);
  add_format_option(*command, options->format, {"text", "json"});
  command->callback([options, &context] { context.exit_code = run_events(*options); });
}

}  // namespace chronicle::cli
