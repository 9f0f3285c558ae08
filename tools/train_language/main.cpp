// chronicle_train_language: trains the language models from UD English-EWT and scores them.
//
//   chronicle_train_language --data ../shared/data/ud/UD_English-EWT --out lib/resources/en/language
//
// Writes tagger.bin and lemma_exceptions.tsv to --out, then prints UPOS / XPOS / lemma accuracy on
// dev and test (gold tokenization), model sizes, training time and tagging speed. Same data and
// seed give the same bytes. With --evaluate-only the models already in --out are scored.

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "chronicle/language/conllu.hpp"
#include "chronicle/language/evaluation.hpp"
#include "chronicle/language/lemmatizer.hpp"
#include "chronicle/language/tagger.hpp"
#include "chronicle/language/training.hpp"

namespace {

using namespace chronicle;
using namespace chronicle::language;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string data = "../shared/data/ud/UD_English-EWT";
  std::string out = "lib/resources/en/language";
  bool evaluate_only = false;
  TaggerTrainingOptions tagger;
};

struct Splits {
  std::vector<ConlluSentence> train, dev, test;
};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

Result<Splits> read_splits(const std::string& dir) {
  Splits s;
  for (auto [name, target] : {std::pair{"train", &s.train}, std::pair{"dev", &s.dev}, std::pair{"test", &s.test}}) {
    Result<std::vector<ConlluSentence>> r = read_conllu_file(fmt::format("{}/en_ewt-ud-{}.conllu", dir, name));
    if (!r) return tl::unexpected(r.error());
    *target = std::move(*r);
  }
  return s;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot open file", path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Result<void> write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) return fail("{}: cannot write file", path);
  return {};
}

Result<void> train(const Options& o, const Splits& data) {
  Clock::time_point start = Clock::now();
  TaggerTrainingOptions options = o.tagger;
  options.on_iteration = [](int it, double acc) { fmt::print("  pass {}: train accuracy {:.4f}\n", it, acc); };
  std::string model = train_tagger(data.train, options);
  fmt::print("tagger trained in {:.1f} s ({} passes, seed {})\n", seconds_since(start), options.iterations, options.seed);
  if (auto ok = write_file(o.out + "/tagger.bin", model); !ok) return ok;
  Result<Lemmatizer> rules = Lemmatizer::rules_only();
  if (!rules) return tl::unexpected(rules.error());
  start = Clock::now();
  std::string exceptions = learn_lemma_exceptions(data.train, *rules);
  fmt::print("lemma exceptions learned in {:.1f} s\n", seconds_since(start));
  return write_file(o.out + "/lemma_exceptions.tsv", exceptions);
}

// Tokens per second of the tagger alone, over `sentences` repeated for about a second.
double tagging_speed(const Tagger& tagger, const std::vector<ConlluSentence>& sentences) {
  std::vector<std::vector<std::string_view>> words;
  for (const auto& s : sentences) {
    words.emplace_back();
    for (const auto& w : s.words) words.back().push_back(w.form);
  }
  std::vector<PosTag> tags(512);
  std::size_t tokens = 0;
  std::clock_t start = std::clock();  // CPU time: the machine may be shared
  auto elapsed = [&] { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; };
  do {
    for (const auto& ws : words) {
      tags.resize(ws.size());
      tagger.tag(ws, tags);
      tokens += ws.size();
    }
  } while (elapsed() < 2.0);
  return static_cast<double>(tokens) / elapsed();
}

Result<void> evaluate(const Options& o, const Splits& data) {
  std::string tagger_path = o.out + "/tagger.bin";
  std::string lemma_path = o.out + "/lemma_exceptions.tsv";
  Result<std::string> tagger_bytes = read_file(tagger_path);
  if (!tagger_bytes) return tl::unexpected(tagger_bytes.error());
  Result<std::string> lemma_bytes = read_file(lemma_path);
  if (!lemma_bytes) return tl::unexpected(lemma_bytes.error());
  Clock::time_point start = Clock::now();
  Result<Tagger> tagger = Tagger::load(*tagger_bytes, tagger_path);
  if (!tagger) return tl::unexpected(tagger.error());
  double load_ms = seconds_since(start) * 1000;
  Result<Lemmatizer> lemmatizer = Lemmatizer::load(*lemma_bytes, lemma_path);
  if (!lemmatizer) return tl::unexpected(lemmatizer.error());
  fmt::print("tagger.bin: {} bytes, {} features, loaded in {:.1f} ms\n", tagger_bytes->size(), tagger->feature_count(), load_ms);
  fmt::print("lemma_exceptions.tsv: {} bytes, {} exceptions\n", lemma_bytes->size(), lemmatizer->exception_count());
  for (auto [name, split] : {std::pair{"dev", &data.dev}, std::pair{"test", &data.test}}) {
    PosScores s = evaluate_pos(*split, *tagger, *lemmatizer);
    fmt::print("{:<5} UPOS {:.4f}  XPOS {:.4f}  lemma {:.4f}  ({} tokens)\n", name, s.upos_accuracy, s.xpos_accuracy,
               s.lemma_accuracy, s.tokens);
  }
  fmt::print("tagging speed: {:.0f} tokens per CPU second (one thread, dev split repeated)\n", tagging_speed(*tagger, data.dev));
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Trains Chronicle's language models (tagger, lemma exceptions) from UD English-EWT"};
  app.add_option("--data", o.data, "directory holding en_ewt-ud-{train,dev,test}.conllu")->capture_default_str();
  app.add_option("--out", o.out, "directory to write tagger.bin and lemma_exceptions.tsv to")->capture_default_str();
  app.add_option("--iterations", o.tagger.iterations, "perceptron passes")->capture_default_str();
  app.add_option("--seed", o.tagger.seed, "shuffling seed")->capture_default_str();
  app.add_option("--prune", o.tagger.prune_below, "drop averaged weights smaller than this")->capture_default_str();
  app.add_flag("--evaluate-only", o.evaluate_only, "score the models in --out without training");
  CLI11_PARSE(app, argc, argv);

  Result<Splits> data = read_splits(o.data);
  if (!data) {
    std::cerr << "chronicle_train_language: " << data.error().message << '\n';
    return 1;
  }
  std::filesystem::create_directories(o.out);
  Result<void> ok = o.evaluate_only ? Result<void>{} : train(o, *data);
  if (ok) ok = evaluate(o, *data);
  if (!ok) {
    std::cerr << "chronicle_train_language: " << ok.error().message << '\n';
    return 1;
  }
  return 0;
}
