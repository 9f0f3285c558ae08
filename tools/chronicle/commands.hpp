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

}  // namespace chronicle::cli
