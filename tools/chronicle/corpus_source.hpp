#pragma once
// Where the corpus commands (timeline, query, export) get their analyses: from a store written
// by `chronicle build`, or built in memory from paths. Also the seam to the per-document stage
// (`Analyzer`) that `build` and the from-paths case call.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "chronicle/actors/resolver.hpp"
#include "chronicle/events/actor_table.hpp"
#include "chronicle/events/mention.hpp"
#include "chronicle/ingest/document.hpp"

namespace chronicle::cli {

/// The per-document stage and the cross-document actor resolution, as the CLI needs them.
class Analyzer {
 public:
  virtual ~Analyzer() = default;
  /// The analysis of one document (stateless).
  virtual events::DocumentAnalysis analyze(const ingest::Document& doc) const = 0;
  /// One canonical actor per real entity over all analyses, with Mention::actors made canonical.
  virtual events::ActorTable resolve_actors(std::vector<events::DocumentAnalysis>& analyses) const = 0;
  /// The same from the names of analyses not kept in memory; Resolution::apply rewrites each.
  virtual actors::Resolution resolve_names(const actors::NameCollector& names) const = 0;
  /// Changes whenever analyses change, so `build` re-analyses stored documents.
  virtual std::string version() const = 0;
};

/// The analyzer the CLI uses.
const Analyzer& analyzer();

/// The analysis of one document with the CLI's analyzer.
events::DocumentAnalysis analyze(const ingest::Document& doc);

/// `--store FILE | PATH...` and `--dct DATE`.
struct CorpusOptions {
  std::string store;
  std::vector<std::string> paths;
  std::string dct;
};

/// Adds `--store FILE`, optional `PATH...` (excluding each other) and `--dct DATE`.
void add_corpus_options(CLI::App& command, CorpusOptions& options);

/// What the corpus stage reads: analyses (in document-id order), their texts, and the actors.
struct LoadedCorpus {
  std::vector<events::DocumentAnalysis> analyses;
  std::vector<std::string> texts;  ///< the bytes each analysis's offsets index
  events::ActorTable actors;
};

/// Loads the corpus from the store or the paths (the default store `chronicle.db` when neither
/// is given). Errors go to stderr; returns an exit code (kExitOk, kExitSkipped, kExitFailure).
int load_corpus(const CorpusOptions& options, LoadedCorpus& corpus);

/// Parses an optional "YYYY-MM-DD" option value; "" gives nullopt. False (and a message) when bad.
bool parse_day_option(const std::string& name, const std::string& value, std::optional<date::sys_days>& day);

}  // namespace chronicle::cli
