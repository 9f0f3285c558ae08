// chronicle export: the event graph for other tools — Graphviz DOT, JSON, TimeML, TimelineJS.

#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "chronicle/graph/event_graph.hpp"
#include "chronicle/render/exporters.hpp"
#include "chronicle/render/timeline.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "corpus_source.hpp"

namespace chronicle::cli {
namespace {

struct ExportOptions {
  CorpusOptions corpus;
  std::string format;
  render::DotOptions dot;
  std::string output_dir;
};

// TimeML: one document per analysis, into --output-dir as <doc>.tml or all to stdout.
int export_timeml(const ExportOptions& options, const LoadedCorpus& corpus, const graph::EventGraph& graph) {
  if (!options.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.output_dir, ec);
    if (ec) return report_error(fmt::format("{}: {}", options.output_dir, ec.message())), kExitFailure;
  }
  for (std::size_t i = 0; i < corpus.analyses.size(); ++i) {
    std::string tml = render::timeml_document(corpus.analyses[i], corpus.texts[i], graph);
    if (options.output_dir.empty()) {
      std::cout << tml;
      continue;
    }
    std::string path = (std::filesystem::path(options.output_dir) / (corpus.analyses[i].doc + ".tml")).string();
    std::ofstream out(path, std::ios::binary);
    if (!(out << tml)) return report_error(fmt::format("{}: cannot write", path)), kExitFailure;
  }
  return kExitOk;
}

int run_export(const ExportOptions& options) {
  LoadedCorpus corpus;
  int status = load_corpus(options.corpus, corpus);
  if (status == kExitFailure) return status;
  graph::EventGraph graph = graph::build(corpus.analyses, corpus.actors);
  if (options.format == "dot")
    render::write_dot(std::cout, graph, options.dot);
  else if (options.format == "timelinejs")
    render::write_timelinejs(std::cout, graph);
  else if (options.format == "timeml")
    return std::max(status, export_timeml(options, corpus, graph));
  else
    render::write_json(std::cout, graph);
  return status;
}

}  // namespace

void add_export_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand("export", "the event graph for other tools: dot, json, timeml, timelinejs");
  add_corpus_options(*command, options->corpus);
  add_format_option(*command, options->format, {"dot", "json", "timeml", "timelinejs"});
  command->add_option("--group", options->dot.group, "DOT: cluster events by day, week, or auto")
      ->check(CLI::IsMember({"auto", "day", "week"}))
      ->capture_default_str();
  command->add_option("--rankdir", options->dot.rankdir, "DOT: LR (time left to right) or TB")
      ->check(CLI::IsMember({"LR", "TB"}))
      ->capture_default_str();
  command->add_option("--output-dir", options->output_dir, "TimeML: write one <doc>.tml per document here");
  command->callback([options, &context] { context.exit_code = run_export(*options); });
}

}  // namespace chronicle::cli
