#pragma once
// The subcommands of `chronicle`. Each cmd_<name>.cpp defines one add_<name>_command that
// registers its subcommand, options and callback on the app; the callback stores its exit code
// in the Context. The behaviour lives in lib/: these files parse arguments and choose output.

#include <CLI/CLI.hpp>

namespace chronicle::cli {

/// State shared by the subcommands of one run.
struct Context {
  int exit_code = 0;
};

/// `chronicle inspect`: what ingestion saw.
void add_inspect_command(CLI::App& app, Context& context);

/// `chronicle tag`: temporal expressions of each document.
void add_tag_command(CLI::App&, Context&);

/// `chronicle eval timex`: TempEval-3 measures against TimeML gold.
void add_eval_command(CLI::App&, Context&);

/// `chronicle eval pos`: tagger and lemmatizer accuracy on CoNLL-U gold (cmd_eval_language.cpp).
void add_eval_language_subcommands(CLI::App& eval, Context& context);

/// `chronicle eval events`: TempEval-3 Task B event recognition (cmd_eval_events.cpp).
void add_eval_events_subcommand(CLI::App& eval, Context& context);

/// `chronicle eval ner`: recognizer accuracy on IOB2 gold (cmd_eval_entities.cpp).
void add_eval_entities_subcommands(CLI::App& eval, Context& context);

/// `chronicle events`: event mentions of each document, before cross-document merging.
void add_events_command(CLI::App& app, Context& context);

/// `chronicle build`: analyse documents into the SQLite store.
void add_build_command(CLI::App&, Context&);

/// `chronicle timeline`: the chronological timeline.
void add_timeline_command(CLI::App&, Context&);

/// `chronicle query`: events in which an actor takes part.
void add_query_command(CLI::App&, Context&);

/// `chronicle export`: the event graph as DOT, JSON, TimeML or TimelineJS.
void add_export_command(CLI::App&, Context&);

}  // namespace chronicle::cli
