// chronicle build: analyse documents into the store. Only new or changed documents (by content
// hash, which includes the publication date and the analyzer version) are analysed again; the
// whole build is one transaction, so an interrupted build leaves the store as it was.

#include <unistd.h>

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "chronicle/ingest/reader.hpp"
#include "chronicle/store/store.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "corpus_source.hpp"

namespace chronicle::cli {
namespace {

struct BuildOptions {
  std::string store = "chronicle.db";
  InputOptions input;
  bool progress = true;
};

// A one-line progress bar on stderr, redrawn at most ten times a second; silent unless stderr
// is a terminal.
class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled && isatty(STDERR_FILENO) && total > 1) {}
  void update(std::size_t done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr std::size_t kWidth = 40;
    std::size_t filled = done * kWidth / total_;
    std::cerr << fmt::format("\r[{}{}] {}/{} files", std::string(filled, '#'), std::string(kWidth - filled, ' '), done, total_)
              << std::flush;
  }
  void finish() {
    if (enabled_) std::cerr << '\n';
  }

 private:
  std::size_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

struct Counts {
  std::size_t added = 0, changed = 0, unchanged = 0;
};

// Stores one document unless the store already has it unchanged.
Result<bool> store_document(store::Store& s, const ingest::Document& doc, const std::string& salt, Counts& counts) {
  std::string hash = store::content_hash(doc.original(), salt + (doc.dct ? ingest::format_date(*doc.dct) : "none"));
  auto existing = s.hash_of(doc.id);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing == hash) {
    ++counts.unchanged;
    return true;
  }
  ++(*existing ? counts.changed : counts.added);
  return s.put({analyze(doc), std::string(doc.original()), hash});
}

int run_build(const BuildOptions& options) {
  ingest::ReadOptions read_options;
  if (!options.input.dct.empty()) {
    auto day = ingest::parse_iso_date(options.input.dct);
    if (!day) {
      report_error(fmt::format("--dct {}: {}", options.input.dct, day.error().message));
      return kExitFailure;
    }
    read_options.default_dct = *day;
  }
  std::vector<Error> errors;
  std::vector<std::string> files = ingest::expand_paths(options.input.paths, errors);
  int status = kExitOk;
  for (const Error& e : errors) report_error(e.message), status = kExitSkipped;

  auto s = store::Store::open(options.store, store::Store::Mode::write);
  if (!s) return report_error(s.error().message), kExitFailure;
  auto tx = s->begin();
  if (!tx) return report_error(tx.error().message), kExitFailure;

  Counts counts;
  Progress progress(files.size(), options.progress);
  std::string salt = analyzer().version() + "|";
  std::optional<Error> fatal;
  for (std::size_t i = 0; i < files.size() && !fatal; ++i) {
    ingest::read_file(files[i], read_options, [&](Result<ingest::Document> doc) {
      if (fatal) return;
      if (!doc) return report_error(doc.error().message), void(status = kExitSkipped);
      if (auto ok = store_document(*s, *doc, salt, counts); !ok) fatal = ok.error();
    });
    progress.update(i + 1);
  }
  progress.finish();
  if (fatal) return report_error(fatal->message + " (the store is unchanged)"), kExitFailure;
  if (auto ok = tx->commit(); !ok) return report_error(options.store + ": " + ok.error().message), kExitFailure;
  auto total = s->size();
  std::cerr << fmt::format("chronicle: {}: {} new, {} changed, {} unchanged documents ({} in the store)\n", options.store,
                           counts.added, counts.changed, counts.unchanged, total ? *total : 0);
  return status;
}

}  // namespace

void add_build_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* command = app.add_subcommand("build", "analyse documents into the store; re-running adds new or changed documents only");
  command->add_option("--store", options->store, "the SQLite store to write")->capture_default_str();
  add_input_options(*command, options->input);
  command->add_flag("!--no-progress", options->progress, "no progress bar (it is shown only when stderr is a terminal)");
  command->callback([options, &context] { context.exit_code = run_build(*options); });
}

}  // namespace chronicle::cli
