// chronicle inspect: what ingestion saw — documents, publication date and its source, sentences.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/segment/segmenter.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct InspectOptions {
  InputOptions input;
  std::string format;
};

nlohmann::ordered_json inspect_json(const ingest::Document& doc, const std::vector<segment::Sentence>& sentences) {
  nlohmann::ordered_json out;
  out["doc"] = doc.id;
  out["path"] = doc.path;
  out["title"] = doc.title;
  out["dct"] = doc.dct ? nlohmann::ordered_json(ingest::format_date(*doc.dct)) : nlohmann::ordered_json(nullptr);
  out["dct_source"] = ingest::to_string(doc.dct_source);
  if (doc.dct_source == ingest::DctSource::inferred) out["dct_evidence"] = doc.dct_evidence;
  out["format"] = ingest::to_string(doc.format);
  if (doc.record) out["line"] = doc.record;
  if (!doc.url.empty()) out["url"] = doc.url;
  if (!doc.source.empty()) out["source"] = doc.source;
  TextSpan body = doc.to_raw(doc.body);
  out["body"] = {{"begin", body.begin}, {"end", body.end}};
  auto& list = out["sentences"] = nlohmann::ordered_json::array();
  for (const segment::Sentence& s : sentences) {
    TextSpan raw = doc.to_raw(s.span);
    nlohmann::ordered_json item{{"begin", raw.begin}, {"end", raw.end}};
    if (!s.content) item["content"] = false;
    item["tokens"] = s.tokens.size();
    list.push_back(std::move(item));
  }
  return out;
}

void inspect_text(const ingest::Document& doc, const std::vector<segment::Sentence>& sentences) {
  std::cout << fmt::format("{}  {}\n", doc.id, doc.path);
  if (!doc.title.empty()) std::cout << fmt::format("  title: {}\n", doc.title);
  std::cout << fmt::format("  dct:   {} ({}{})\n", doc.dct ? ingest::format_date(*doc.dct) : "none",
                           ingest::to_string(doc.dct_source),
                           doc.dct_evidence.empty() ? "" : ": \"" + doc.dct_evidence + "\"");
  std::size_t content = 0;
  for (const auto& s : sentences) content += s.content ? 1 : 0;
  std::cout << fmt::format("  sentences: {} ({} boilerplate)\n", sentences.size(), sentences.size() - content);
  for (const segment::Sentence& s : sentences) {
    TextSpan raw = doc.to_raw(s.span);
    std::cout << fmt::format("  {:>6}-{:<6} {} {}\n", raw.begin, raw.end, s.content ? ' ' : '~', s.span.of(doc.text));
  }
  std::cout << '\n';
}

int run_inspect(const InspectOptions& options) {
  return for_each_document(options.input, [&](const ingest::Document& doc) {
    std::vector<segment::Sentence> sentences = segment::segment(doc.text, doc.body);
    if (options.format == "json")
      std::cout << inspect_json(doc, sentences).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
      inspect_text(doc, sentences);
  });
}

}  // namespace

void add_inspect_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<InspectOptions>();
  CLI::App* command = app.add_subcommand("inspect", "what ingestion saw: documents, publication date and its source, sentences");
  add_input_options(*command, options->input);
  add_format_option(*command, options->format, {"text", "json"});
  command->callback([options, &context] { context.exit_code = run_inspect(*options); });
}

}  // namespace chronicle::cli
