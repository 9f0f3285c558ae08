// chronicle: the command-line front end. See ../../README.md and PRODUCT.md for the commands.

#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"chronicle: dated, sourced timelines from news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "chronicle 0.1.0");

  chronicle::cli::Context context;
  chronicle::cli::add_inspect_command(app, context);
  chronicle::cli::add_tag_command(app, context);
  chronicle::cli::add_events_command(app, context);
  chronicle::cli::add_eval_command(app, context);
  chronicle::cli::add_build_command(app, context);
  chronicle::cli::add_timeline_command(app, context);
  chronicle::cli::add_query_command(app, context);
  chronicle::cli::add_export_command(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    // Broken set-up (a model that does not load, WordNet data missing): say so and stop.
    std::cerr << "chronicle: " << e.what() << '\n';
    return 1;
  }
  std::cout.flush();
  return context.exit_code;
}
