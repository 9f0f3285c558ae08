#pragma once
// Options and input handling shared by the subcommands that read documents.

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "chronicle/ingest/document.hpp"
#include "chronicle/temporal/tagger.hpp"

namespace chronicle::cli {

/// Exit codes: 0 all went well, 1 the command could not run, 2 some input was skipped.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitSkipped = 2;

/// The document inputs of a subcommand: PATH... and --dct DATE.
struct InputOptions {
  std::vector<std::string> paths;
  std::string dct;
};

/// Adds `PATH...` (required) and `--dct DATE` to `command`.
void add_input_options(CLI::App& command, InputOptions& options);

/// Adds `--format` with the allowed `choices` (the first is the default) to `command`.
void add_format_option(CLI::App& command, std::string& format, const std::vector<std::string>& choices);

/// Reads every document of `options`, calling `handle` for each in order. Errors are printed to
/// stderr naming the file and problem. Returns kExitOk, kExitSkipped when some input could not be
/// read, or kExitFailure when the options themselves are wrong (a bad --dct).
int for_each_document(const InputOptions& options, const std::function<void(const ingest::Document&)>& handle);

/// Adds `--tense pos|cues` (default pos, the better on TimeBank and AQUAINT): what decides whether
/// a bare "Friday" lies before or after the publication date.
void add_tense_option(CLI::App& command, std::string& tense);

/// The tense oracle `--tense` names; nullptr means the tagger's own cue oracle. Throws when the
/// language models do not load (a broken installation).
const temporal::TenseOracle* tense_oracle(const std::string& tense);

/// The default temporal tagger and the oracle `--tense` names, in `tagger` and `oracle`; false,
/// with the message printed, when the models do not load.
bool load_temporal(const std::string& tense, const temporal::Tagger*& tagger, const temporal::TenseOracle*& oracle);

/// Prints "chronicle: <message>" to stderr.
void report_error(const std::string& message);

}  // namespace chronicle::cli
