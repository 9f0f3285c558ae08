// Corpus sources and the analyzer the CLI uses.

#include "corpus_source.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "chronicle/actors/resolver.hpp"
#include "chronicle/events/extractor.hpp"
#include "chronicle/ingest/reader.hpp"
#include "chronicle/store/store.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

// The real pipeline: events::Extractor per document, actors::Resolver over the corpus. Models load
// once; a broken installation (missing embedded models, no WordNet data) is a set-up error.
class PipelineAnalyzer final : public Analyzer {
 public:
  PipelineAnalyzer() {
    auto extractor = events::Extractor::load();
    if (!extractor) throw std::runtime_error(extractor.error().message);
    auto resolver = actors::Resolver::load();
    if (!resolver) throw std::runtime_error(resolver.error().message);
    extractor_.emplace(std::move(*extractor));
    resolver_.emplace(std::move(*resolver));
  }
  events::DocumentAnalysis analyze(const ingest::Document& doc) const override { return extractor_->analyze(doc); }
  events::ActorTable resolve_actors(std::vector<events::DocumentAnalysis>& analyses) const override {
    return resolver_->resolve(analyses);
  }
  actors::Resolution resolve_names(const actors::NameCollector& names) const override { return resolver_->resolve(names); }
  // Bump when extraction changes, so `build` re-analyses what it stored.
  std::string version() const override { return "pipeline-2"; }

 private:
  std::optional<events::Extractor> extractor_;
  std::optional<actors::Resolver> resolver_;
};


int load_from_store(const std::string& path, LoadedCorpus& corpus) {
  auto store = store::Store::open(path, store::Store::Mode::read);
  if (!store) {
    report_error(store.error().message);
    return kExitFailure;
  }
  std::vector<Error> unreadable;
  auto docs = store->load(&unreadable);
  if (!docs) {
    report_error(docs.error().message);
    return kExitFailure;
  }
  for (const Error& e : unreadable) report_error(e.message + " (document skipped)");
  for (auto& d : *docs) {
    corpus.analyses.push_back(std::move(d.analysis));
    corpus.texts.push_back(std::move(d.text));
  }
  return unreadable.empty() ? kExitOk : kExitSkipped;
}

int load_from_paths(const CorpusOptions& options, LoadedCorpus& corpus) {
  InputOptions input{options.paths, options.dct};
  std::vector<std::pair<events::DocumentAnalysis, std::string>> docs;
  int status = for_each_document(input, [&](const ingest::Document& doc) {
    docs.emplace_back(analyze(doc), std::string(doc.original()));
  });
  std::stable_sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.first.doc < b.first.doc; });
  for (auto& [a, text] : docs) {
    corpus.analyses.push_back(std::move(a));
    corpus.texts.push_back(std::move(text));
  }
  return status;
}

}  // namespace

const Analyzer& analyzer() {
  static const PipelineAnalyzer instance;
  return instance;
}

events::DocumentAnalysis analyze(const ingest::Document& doc) { return analyzer().analyze(doc); }

void add_corpus_options(CLI::App& command, CorpusOptions& options) {
  auto* store = command.add_option("--store", options.store, "read the corpus from this store (see `chronicle build`)");
  auto* paths = command.add_option("paths", options.paths, "or build it in memory from these files or directories");
  store->excludes(paths);
  command.add_option("--dct", options.dct, "publication date (YYYY-MM-DD) for documents that carry none");
}

int load_corpus(const CorpusOptions& options, LoadedCorpus& corpus) {
  int status = kExitOk;
  if (!options.paths.empty()) {
    status = load_from_paths(options, corpus);
  } else {
    std::string path = options.store.empty() ? "chronicle.db" : options.store;
    if (options.store.empty() && !std::filesystem::exists(path)) {
      report_error("give --store FILE or PATH... (no chronicle.db in the current directory)");
      return kExitFailure;
    }
    status = load_from_store(path, corpus);
  }
  if (status == kExitFailure) return status;
  corpus.actors = analyzer().resolve_actors(corpus.analyses);
  return status;
}

bool parse_day_option(const std::string& name, const std::string& value, std::optional<date::sys_days>& day) {
  if (value.empty()) return true;
  auto parsed = ingest::parse_iso_date(value);
  if (!parsed) {
    report_error(fmt::format("{} {}: {}", name, value, parsed.error().message));
    return false;
  }
  day = date::sys_days(*parsed);
  return true;
}

}  // namespace chronicle::cli
