// chronicle events: event mentions of each document, before cross-document merging. Actor names
// are resolved over the documents of the run, so each actor has one canonical name; analyses wait
// in a temporary file meanwhile, so memory stays flat however many documents are read.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/events/serialize.hpp"
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

// Actor names are made canonical over the whole run, so nothing can be printed before the last
// document is read. To keep memory flat on any corpus size, each analysis goes to a temporary
// file as one JSON line while only its names are kept; the second pass reads them back, rewrites
// them to canonical names and prints.
int run_events(const EventsOptions& options) {
  const Analyzer& pipeline = analyzer();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool(std::tmpfile(), &std::fclose);
  if (!spool) {
    report_error(fmt::format("events: cannot create a temporary file: {}", std::strerror(errno)));
    return kExitFailure;
  }
  actors::NameCollector names;
  std::size_t count = 0;
  int status = for_each_document(options.input, [&](const ingest::Document& doc) {
    events::DocumentAnalysis a = pipeline.analyze(doc);
    names.add(a);
    std::string line = events::to_json(a);
    line += '\n';
    if (std::fwrite(line.data(), 1, line.size(), spool.get()) != line.size())
      throw std::runtime_error(fmt::format("events: cannot write the temporary file: {}", std::strerror(errno)));
    ++count;
  });
  actors::Resolution resolution = pipeline.resolve_names(names);
  std::rewind(spool.get());
  std::unique_ptr<char, void (*)(void*)> buffer(nullptr, &std::free);
  std::size_t capacity = 0;
  for (std::size_t i = 0; i < count; ++i) {
    char* raw = buffer.release();
    ssize_t length = getline(&raw, &capacity, spool.get());
    buffer.reset(raw);
    if (length <= 0) throw std::runtime_error("events: the temporary file ended early");
    auto a = events::analysis_from_json(std::string_view(raw, static_cast<std::size_t>(length)), "the events spool");
    if (!a) throw std::runtime_error(a.error().message);
    resolution.apply(*a);
    if (options.format == "json")
      std::cout << analysis_json(*a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
      print_text(*a);
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
