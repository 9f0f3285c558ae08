// chronicle timeline / query: the chronological timeline of the corpus, optionally only the
// events of one actor (any alias) or between two dates, as text, Markdown, JSON or HTML.

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "chronicle/graph/event_graph.hpp"
#include "chronicle/render/timeline.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "corpus_source.hpp"

namespace chronicle::cli {
namespace {

struct TimelineOptions {
  CorpusOptions corpus;
  std::string actor, from, to, format, title = "Chronicle timeline";
  bool all = false;
};

int run_timeline(const TimelineOptions& options) {
  render::Filter filter{options.actor, std::nullopt, std::nullopt, !options.all};
  if (!parse_day_option("--from", options.from, filter.from) || !parse_day_option("--to", options.to, filter.to))
    return kExitFailure;
  LoadedCorpus corpus;
  int status = load_corpus(options.corpus, corpus);
  if (status == kExitFailure) return status;
  graph::EventGraph graph = graph::build(corpus.analyses, corpus.actors);
  auto view = render::filter(graph, corpus.actors, filter);
  if (!view) {
    report_error(view.error().message);
    return kExitFailure;
  }
  if (options.format == "json")
    render::write_json(std::cout, *view);
  else if (options.format == "markdown")
    render::write_markdown(std::cout, *view);
  else if (options.format == "html")
    render::write_html(std::cout, *view, options.title);
  else
    render::write_text(std::cout, *view, isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  return status;
}

CLI::App* add_command(CLI::App& app, Context& context, const std::string& name, const std::string& help, bool actor_required) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* command = app.add_subcommand(name, help);
  add_corpus_options(*command, options->corpus);
  auto* actor = command->add_option("--actor", options->actor, "only events this actor takes part in (any alias)");
  if (actor_required) actor->required();
  command->add_option("--from", options->from, "only events ending on or after this date (YYYY-MM-DD)");
  command->add_option("--to", options->to, "only events starting on or before this date (YYYY-MM-DD)");
  command->add_option("--title", options->title, "title of the HTML page")->capture_default_str();
  command->add_flag("--all", options->all,
                    "every event, also those dated only by tense or by the publication date, and acts of reporting");
  add_format_option(*command, options->format, {"text", "markdown", "json", "html"});
  command->callback([options, &context] { context.exit_code = run_timeline(*options); });
  return command;
}

}  // namespace

void add_timeline_command(CLI::App& app, Context& context) {
  add_command(app, context, "timeline", "the chronological timeline; from --store FILE or built in memory from PATH...", false);
}

void add_query_command(CLI::App& app, Context& context) {
  add_command(app, context, "query", "events in which an actor takes part (any alias of the actor matches)", true);
}

}  // namespace chronicle::cli
