// chronicle_measure_tense: scores the temporal tagger on TimeML gold (exactly as
// evaluation::evaluate_timex does) once with the cue tense oracle and once with the
// part-of-speech oracle, prints both value F1s, and lists the gold expressions whose value the
// two oracles resolve differently, marking which one the gold supports.
//
//   chronicle_measure_tense ../shared/data/timeml/tbaq-cleaned/TimeBank [--diff] [--misses]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "chronicle/core/resources.hpp"
#include "chronicle/evaluation/timex_eval.hpp"
#include "chronicle/ingest/document.hpp"
#include "chronicle/ingest/timeml.hpp"
#include "chronicle/language/tense_oracle.hpp"
#include "chronicle/language/tokenizer.hpp"
#include "chronicle/language/verb_group.hpp"
#include "chronicle/temporal/tagger.hpp"

namespace {

using namespace chronicle;
namespace fs = std::filesystem;

struct Gold {
  std::string doc;
  std::string dct;
  std::string text;
  TextSpan body;
  std::optional<date::year_month_day> dct_day;
  std::vector<evaluation::TimexAnnotation> gold;
};

Result<std::vector<Gold>> load(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return fail("{}: not a directory", dir.string());
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
  if (ec) return fail("{}: {}", dir.string(), ec.message());
  if (files.empty()) return fail("{}: no .tml files", dir.string());
  std::sort(files.begin(), files.end());
  std::vector<Gold> out;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto tml = ingest::parse_timeml(path.string(), buffer.str());
    if (!tml) return tl::unexpected(tml.error());
    Gold g;
    g.doc = path.stem().string();
    g.dct = tml->dct ? ingest::format_date(*tml->dct) : std::string("none");
    g.dct_day = tml->dct;
    g.body = tml->body;
    for (const ingest::TimemlTag& tag : tml->tags) {
      if (tag.name != "TIMEX3" || !tag.in_body || tag.span.empty()) continue;
      const auto fn = tag.attributes.find("functionInDocument");
      if (fn != tag.attributes.end() && fn->second == "CREATION_TIME") continue;
      const auto type = tag.attributes.find("type");
      const auto value = tag.attributes.find("value");
      g.gold.push_back({tag.span, type == tag.attributes.end() ? "" : type->second,
                        value == tag.attributes.end() ? "" : value->second, {}});
    }
    g.text = std::move(tml->text);
    out.push_back(std::move(g));
  }
  return out;
}

/// Forwards to another oracle and counts the questions.
class Counting final : public temporal::TenseOracle {
 public:
  explicit Counting(const temporal::TenseOracle& inner) : inner_(inner) {}
  temporal::Direction direction(std::string_view text, TextSpan sentence, TextSpan expression) const override {
    ++calls;
    bytes += sentence.size();
    return inner_.direction(text, sentence, expression);
  }
  mutable std::size_t calls = 0;
  mutable std::size_t bytes = 0;

 private:
  const temporal::TenseOracle& inner_;
};

std::vector<evaluation::TimexAnnotation> run(const Gold& g, const temporal::TenseOracle* oracle) {
  temporal::TagOptions options;
  options.dct = g.dct_day;
  options.oracle = oracle;
  std::vector<evaluation::TimexAnnotation> system;
  for (const temporal::Timex& t : temporal::default_tagger().tag(g.text, g.body, options))
    system.push_back({t.span, std::string(to_string(t.value.type)), t.value.value, t.rule});
  return system;
}

/// Words with their tags and clauses, then the verb groups, of one sentence.
void print_groups(const std::string& text) {
  const language::Analyzer analyzer = language::Analyzer::builtin().value();
  const auto tokens = segment::tokenize(text, {0, text.size()});
  const auto words = analyzer.analyze_words(text, language::ud_tokenize(text, tokens));
  const language::VerbGroups groups = language::verb_groups(words, text);
  for (std::size_t k = 0; k < words.size(); ++k)
    fmt::print("{}/{}/{}/{} ", words[k].span.of(text), words[k].xpos, language::to_string(words[k].upos),
               groups.clause_of[k]);
  fmt::print("\n");
  for (const language::VerbGroup& g : groups.groups) {
    std::string chain;
    for (std::size_t a : g.auxiliaries) chain += std::string(words[a].span.of(text)) + " ";
    chain += std::string(words[g.head].span.of(text));
    fmt::print("  [{}] clause {} tense {} aspect {} modality '{}' {} direction {}{}\n", chain, g.clause,
               to_string(g.tense), to_string(g.aspect), g.modality, to_string(g.polarity), to_string(g.direction),
               g.finite ? "" : " (non-finite)");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Temporal value F1 with the cue tense oracle vs the part-of-speech tense oracle"};
  std::vector<std::string> dirs;
  bool diff = false;
  std::vector<std::string> explain;
  app.add_option("gold", dirs, "directories of TimeML gold (.tml, searched recursively)");
  app.add_option("--explain", explain, "print the words, clauses and verb groups of these sentences");
  std::string resources_dir;
  std::vector<std::string> tag_files;
  std::string dct_text = "2015-12-15";
  app.add_option("--tag", tag_files, "print the timexes of these text files with both oracles");
  app.add_option("--dct", dct_text, "publication date for --tag (default 2015-12-15)");
  app.add_option("--resources", resources_dir, "read resources (en/temporal/rules.tsv...) from DIR first");
  app.add_flag("--diff", diff, "list the expressions the two oracles resolve differently");
  bool misses = false;
  app.add_flag("--misses", misses,
               "list the gold expressions the pos oracle resolves wrongly that the other direction would get right");
  CLI11_PARSE(app, argc, argv);
  if (!resources_dir.empty()) resources::set_override_dir(resources_dir);
  for (const std::string& sentence : explain) print_groups(sentence);
  for (const std::string& file : tag_files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(dct_text.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return 2;
    temporal::TagOptions cue_options, pos_options;
    cue_options.dct = pos_options.dct = date::year{y} / date::month{m} / date::day{d};
    pos_options.oracle = &language::pos_tense_oracle();
    const auto by_cues = temporal::default_tagger().tag(text, TextSpan{0, text.size()}, cue_options);
    const auto by_pos = temporal::default_tagger().tag(text, TextSpan{0, text.size()}, pos_options);
    for (std::size_t k = 0; k < by_pos.size(); ++k) {
      const std::string cue_value = k < by_cues.size() && by_cues[k].span == by_pos[k].span ? by_cues[k].value.value : "?";
      fmt::print("{} pos={} cue={} | {}\n", file.substr(file.rfind('/') + 1), by_pos[k].value.value, cue_value,
                 evaluation::context_of(text, by_pos[k].span, 90));
    }
  }

  const Counting cues(temporal::cue_tense_oracle());
  const language::PosTenseOracle& pos = language::pos_tense_oracle();
  int status = 0;
  for (const std::string& dir : dirs) {
    auto golds = load(dir);
    if (!golds) {
      fmt::print(stderr, "chronicle_measure_tense: {}\n", golds.error().message);
      status = 1;
      continue;
    }
    evaluation::TimexScores cue_scores, pos_scores;
    double cue_seconds = 0, pos_seconds = 0;
    std::size_t cue_wins = 0, pos_wins = 0, neither = 0, fixable_cue = 0, fixable_pos = 0;
    const temporal::FixedTenseOracle past(temporal::Direction::past), future(temporal::Direction::future);
    for (const Gold& g : *golds) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto by_cues = run(g, &cues);
      const auto t1 = std::chrono::steady_clock::now();
      const auto by_pos = run(g, &pos);
      const auto t2 = std::chrono::steady_clock::now();
      cue_seconds += std::chrono::duration<double>(t1 - t0).count();
      pos_seconds += std::chrono::duration<double>(t2 - t1).count();
      evaluation::score_document(g.doc, g.dct, g.text, g.gold, by_cues, cue_scores);
      evaluation::score_document(g.doc, g.dct, g.text, g.gold, by_pos, pos_scores);
      // Expressions whose value some direction gets right and an oracle gets wrong.
      const auto by_past = run(g, &past);
      const auto by_future = run(g, &future);
      for (const auto& p : by_pos) {
        const auto gold = std::find_if(g.gold.begin(), g.gold.end(), [&](const auto& a) { return a.span.overlaps(p.span); });
        if (gold == g.gold.end()) continue;
        const auto same_span = [&](const auto& list) {
          const auto it = std::find_if(list.begin(), list.end(), [&](const auto& t) { return t.span == p.span; });
          return it == list.end() ? std::string("?") : it->value;
        };
        const std::string pv = same_span(by_past), fv = same_span(by_future), cv = same_span(by_cues);
        if (pv == fv || (pv != gold->value && fv != gold->value)) continue;
        const bool pos_wrong = p.value != gold->value, cue_wrong = cv != gold->value;
        fixable_pos += pos_wrong;
        fixable_cue += cue_wrong;
        if (misses && (pos_wrong || cue_wrong))
          fmt::print("MISS{}{} {} dct={} gold={} pos={} cue={} | {}\n", pos_wrong ? " pos" : "",
                     cue_wrong ? " cue" : "", g.doc, g.dct, gold->value, p.value, cv, evaluation::context_of(g.text, p.span, 90));
      }
      for (const auto& c : by_cues)
        for (const auto& p : by_pos) {
          if (!(c.span == p.span) || c.value == p.value) continue;
          const auto gold = std::find_if(g.gold.begin(), g.gold.end(),
                                         [&](const auto& a) { return a.span.overlaps(c.span); });
          const std::string gv = gold == g.gold.end() ? "-" : gold->value;
          const char* mark = gv == c.value ? "CUE" : gv == p.value ? "POS" : "---";
          if (gv == c.value) ++cue_wins;
          else if (gv == p.value) ++pos_wins;
          else ++neither;
          if (diff)
            fmt::print("{} {} dct={} gold={} cue={} pos={} | {}\n", mark, g.doc, g.dct, gv, c.value, p.value,
                       evaluation::context_of(g.text, c.span, 90));
        }
    }
    cue_scores.finish();
    pos_scores.finish();
    fmt::print("{}: {} docs, {} gold\n", dir, cue_scores.docs, cue_scores.gold);
    fmt::print("  cue oracle: value F1 {:.4f} (value correct {}/{} relaxed matches), {:.2f} s\n", cue_scores.value_f1,
               cue_scores.value_correct, cue_scores.relaxed_matches, cue_seconds);
    fmt::print("  pos oracle: value F1 {:.4f} (value correct {}/{} relaxed matches), {:.2f} s\n", pos_scores.value_f1,
               pos_scores.value_correct, pos_scores.relaxed_matches, pos_seconds);
    fmt::print("  direction asked {} times for {} timexes, sentences of {} bytes on average\n", cues.calls,
               cue_scores.system, cues.calls ? cues.bytes / cues.calls : 0);
    cues.bytes = 0;
    cues.calls = 0;
    fmt::print("  disagreements: gold supports cue {}, pos {}, neither {}\n", cue_wins, pos_wins, neither);
    fmt::print("  wrong direction (the other one gives the gold value): cue {}, pos {}\n", fixable_cue, fixable_pos);
  }
  return status;
}
