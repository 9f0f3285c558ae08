#include "common.hpp"

#include <iostream>

#include <fmt/format.h>

#include "chronicle/ingest/reader.hpp"
#include "chronicle/language/tense_oracle.hpp"

namespace chronicle::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("paths", options.paths, "files or directories (.txt, .jsonl[.gz|.zst], .tml, .html)")
      ->required();
  command.add_option("--dct", options.dct, "publication date (YYYY-MM-DD) for documents that carry none");
}

void add_format_option(CLI::App& command, std::string& format, const std::vector<std::string>& choices) {
  format = choices.front();
  command.add_option("--format", format, "output format")->check(CLI::IsMember(choices))->capture_default_str();
}

void add_tense_option(CLI::App& command, std::string& tense) {
  // cues by default: tagging alone is about 4x faster that way; the events pipeline, which
  // tags every sentence anyway, reads tense from the POS tagger.
  tense = "cues";
  command
      .add_option("--tense", tense,
                  "what decides whether a bare \"Friday\" lies before or after the publication date: "
                  "cues (cue words and verb morphology; fast) or pos (verb groups from the POS tagger, cue "
                  "words where they say nothing; slightly more accurate, about 4x slower)")
      ->check(CLI::IsMember({"pos", "cues"}))
      ->capture_default_str();
}

const temporal::TenseOracle* tense_oracle(const std::string& tense) {
  return tense == "pos" ? &language::pos_tense_oracle() : nullptr;
}

void report_error(const std::string& message) { std::cerr << "chronicle: " << message << '\n'; }

bool load_temporal(const std::string& tense, const temporal::Tagger*& tagger, const temporal::TenseOracle*& oracle) {
  try {
    tagger = &temporal::default_tagger();
    oracle = tense_oracle(tense);
    return true;
  } catch (const std::exception& e) {
    report_error(e.what());
    return false;
  }
}

int for_each_document(const InputOptions& options, const std::function<void(const ingest::Document&)>& handle) {
  ingest::ReadOptions read_options;
  if (!options.dct.empty()) {
    auto day = ingest::parse_iso_date(options.dct);
    if (!day) {
      report_error(fmt::format("--dct {}: {}", options.dct, day.error().message));
      return kExitFailure;
    }
    read_options.default_dct = *day;
  }
  int status = kExitOk;
  ingest::read_paths(options.paths, read_options, [&](Result<ingest::Document> doc) {
    if (!doc) {
      report_error(doc.error().message);
      status = kExitSkipped;
      return;
    }
    handle(*doc);
  });
  return status;
}

}  // namespace chronicle::cli
