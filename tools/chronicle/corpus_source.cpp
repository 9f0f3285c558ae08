// Corpus sources and the stand-in analyzer.

#include "corpus_source.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "chronicle/ingest/reader.hpp"
#include "chronicle/store/store.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

// TODO(issue 5): replace with events::Extractor (analyze) and chronicle::actors (resolution).
// Until then documents carry their metadata only, and actors are resolved by a stopgap: titles
// dropped, a lone last name joins the one multi-word name ending in it, and first names one
// letter apart ("Sergei"/"Sergey") with the same last name are one actor.
class MetadataOnlyAnalyzer final : public Analyzer {
 public:
  events::DocumentAnalysis analyze(const ingest::Document& doc) const override {
    events::DocumentAnalysis a;
    a.doc = doc.id;
    a.path = doc.path;
    a.title = doc.title;
    a.dct = doc.dct;
    a.dct_source = std::string(ingest::to_string(doc.dct_source));
    return a;
  }
  events::ActorTable resolve_actors(std::vector<events::DocumentAnalysis>& analyses) const override;
  std::string version() const override { return "metadata-only-1"; }
};

const std::vector<std::string> kTitles{"mr ", "mrs ", "ms ", "president ", "foreign minister ", "secretary of state ",
                                       "us secretary of state ", "us state secretary ", "russian president "};

std::string strip_titles(std::string key) {
  for (bool again = true; again;) {
    again = false;
    for (const auto& t : kTitles)
      if (key.starts_with(t) && key.size() > t.size()) key.erase(0, t.size()), again = true;
  }
  return key;
}

std::string last_word(const std::string& key) { return key.substr(key.rfind(' ') + 1); }

bool one_letter_apart(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  std::size_t diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i] ? 1u : 0u;
  return diff <= 1;
}

struct Name {
  std::vector<std::string> surfaces;
  std::string type;
  // The canonical form: the shortest surface without a title, when there is one.
  std::string canonical(const std::string& key) const {
    std::string best;
    for (const auto& s : surfaces)
      if (events::ActorTable::key(s) == key && (best.empty() || s.size() < best.size())) best = s;
    return best.empty() ? surfaces.front() : best;
  }
};

std::map<std::string, Name> collect_names(const std::vector<events::DocumentAnalysis>& analyses) {
  std::map<std::string, Name> names;  // title-stripped key -> surfaces
  auto note = [&](const std::string& surface, const std::string& type) {
    Name& n = names[strip_titles(events::ActorTable::key(surface))];
    if (std::find(n.surfaces.begin(), n.surfaces.end(), surface) == n.surfaces.end()) n.surfaces.push_back(surface);
    if (n.type.empty()) n.type = type;
  };
  for (const auto& a : analyses) {
    for (const auto& m : a.actor_mentions) note(m.name, m.type);
    for (const auto& m : a.mentions)
      for (const auto& n : m.actors) note(n, "");
  }
  return names;
}

events::ActorTable MetadataOnlyAnalyzer::resolve_actors(std::vector<events::DocumentAnalysis>& analyses) const {
  std::map<std::string, Name> names = collect_names(analyses);
  events::ActorTable table;
  std::map<std::string, std::size_t> multi;  // multi-word key -> actor
  auto add = [&](const std::string& key, const Name& n, std::optional<std::size_t> into) {
    std::size_t index = into ? *into : table.add({n.canonical(key), n.type, {}, ""});
    for (const auto& s : n.surfaces) table.add_alias(index, s);
    return index;
  };
  for (const auto& [key, n] : names) {  // multi-word names first: they become canonical
    if (key.find(' ') == std::string::npos) continue;
    std::optional<std::size_t> same;
    for (const auto& [other, index] : multi)
      if (last_word(other) == last_word(key) && one_letter_apart(other.substr(0, other.rfind(' ')), key.substr(0, key.rfind(' '))))
        same = index;
    multi[key] = add(key, n, same);
  }
  for (const auto& [key, n] : names) {
    if (key.find(' ') != std::string::npos) continue;
    std::vector<std::size_t> ending;
    for (const auto& [other, index] : multi)
      if (last_word(other) == key && std::find(ending.begin(), ending.end(), index) == ending.end()) ending.push_back(index);
    add(key, n, ending.size() == 1 ? std::optional<std::size_t>(ending.front()) : std::nullopt);
  }
  for (auto& a : analyses)
    for (auto& m : a.mentions)
      for (auto& n : m.actors)
        if (const events::Actor* actor = table.find(n)) n = actor->name;
  return table;
}

int load_from_store(const std::string& path, LoadedCorpus& corpus) {
  auto store = store::Store::open(path, store::Store::Mode::read);
  if (!store) {
    report_error(store.error().message);
    return kExitFailure;
  }
  auto docs = store->load();
  if (!docs) {
    report_error(docs.error().message);
    return kExitFailure;
  }
  for (auto& d : *docs) {
    corpus.analyses.push_back(std::move(d.analysis));
    corpus.texts.push_back(std::move(d.text));
  }
  return kExitOk;
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
  static const MetadataOnlyAnalyzer instance;
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
