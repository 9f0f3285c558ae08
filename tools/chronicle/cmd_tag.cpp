// chronicle tag: the temporal expressions of each document, as JSON Lines, TimeML or text.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/temporal/tagger.hpp"
#include "chronicle/temporal/timeml_writer.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct TagCommandOptions {
  InputOptions input;
  std::string format;
};

nlohmann::ordered_json tag_json(const ingest::Document& doc, const std::vector<temporal::Timex>& timexes) {
  nlohmann::ordered_json out;
  out["doc"] = doc.id;
  out["path"] = doc.path;
  out["dct"] = doc.dct ? nlohmann::ordered_json(ingest::format_date(*doc.dct)) : nlohmann::ordered_json(nullptr);
  out["dct_source"] = ingest::to_string(doc.dct_source);
  auto& list = out["timexes"] = nlohmann::ordered_json::array();
  const std::string_view original = doc.original();
  for (const temporal::Timex& t : timexes) {
    const TextSpan raw = doc.to_raw(t.span);
    nlohmann::ordered_json item{{"begin", raw.begin},
                                {"end", raw.end},
                                {"text", raw.of(original)},
                                {"type", temporal::to_string(t.value.type)},
                                {"value", t.value.value}};
    if (t.value.mod != temporal::Mod::none) item["mod"] = temporal::to_string(t.value.mod);
    if (!t.value.freq.empty()) item["freq"] = t.value.freq;
    if (!t.value.quant.empty()) item["quant"] = t.value.quant;
    if (t.value.period) item["granularity"] = temporal::to_string(t.value.period->granularity());
    item["rule"] = t.rule;
    list.push_back(std::move(item));
  }
  return out;
}

void tag_text(const ingest::Document& doc, const std::vector<temporal::Timex>& timexes) {
  std::cout << fmt::format("{}  {}  dct {} ({})\n", doc.id, doc.path, doc.dct ? ingest::format_date(*doc.dct) : "none",
                           ingest::to_string(doc.dct_source));
  const std::string_view original = doc.original();
  for (const temporal::Timex& t : timexes) {
    const TextSpan raw = doc.to_raw(t.span);
    std::string mod(temporal::to_string(t.value.mod));
    std::cout << fmt::format("  {:>6}-{:<6} {:<8} {:<14} {:<10} {}\n", raw.begin, raw.end,
                             temporal::to_string(t.value.type), t.value.value, mod, raw.of(original));
  }
  std::cout << '\n';
}

void tag_timeml(const ingest::Document& doc, std::vector<temporal::Timex> timexes) {
  // TEXT holds the body; spans move to body-relative offsets.
  for (temporal::Timex& t : timexes) t.span = {t.span.begin - doc.body.begin, t.span.end - doc.body.begin};
  std::cout << temporal::write_timeml(doc.body_text(), timexes, {doc.id, doc.dct});
}

int run_tag(const TagCommandOptions& options) {
  const temporal::Tagger* tagger = nullptr;
  try {
    tagger = &temporal::default_tagger();
  } catch (const std::exception& e) {
    report_error(e.what());
    return kExitFailure;
  }
  return for_each_document(options.input, [&](const ingest::Document& doc) {
    temporal::TagOptions tag_options;
    tag_options.dct = doc.dct;
    std::vector<temporal::Timex> timexes = tagger->tag(doc.text, doc.body, tag_options);
    if (options.format == "json")
      std::cout << tag_json(doc, timexes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else if (options.format == "timeml")
      tag_timeml(doc, std::move(timexes));
    else
      tag_text(doc, timexes);
  });
}

}  // namespace

void add_tag_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<TagCommandOptions>();
  CLI::App* command = app.add_subcommand("tag", "temporal expressions of each document (TimeML TIMEX3 values)");
  add_input_options(*command, options->input);
  add_format_option(*command, options->format, {"json", "timeml", "text"});
  command->callback([options, &context] { context.exit_code = run_tag(*options); });
}

}  // namespace chronicle::cli
