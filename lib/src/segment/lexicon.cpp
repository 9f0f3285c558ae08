#include "lexicon.hpp"

#include <array>
#include <stdexcept>
#include <utility>

#include "chronicle/core/resources.hpp"

namespace chronicle::resources {
void link_en_segment();  // defined by the generated embedded_en/segment.cpp
}

namespace chronicle::segment::detail {
namespace {

constexpr std::string_view kAbbreviationsFile = "en/segment/abbreviations.tsv";
constexpr std::string_view kStartersFile = "en/segment/sentence_starters.tsv";
constexpr std::string_view kBoilerplateFile = "en/segment/boilerplate.tsv";

// Calls `row(fields, line_number)` for every line that is neither blank nor a # comment.
template <class Row>
Result<void> for_each_row(std::string_view file, std::string_view data, Row row) {
  std::size_t line_number = 0;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (auto ok = row(fields); !ok) return fail("{}: line {}: {}", file, line_number, ok.error().message);
  }
  return {};
}

Result<AbbrevClass> parse_abbrev_class(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, AbbrevClass>, 7> kNames{{
      {"title", AbbrevClass::title},
      {"number", AbbrevClass::number},
      {"never_final", AbbrevClass::never_final},
      {"month", AbbrevClass::month},
      {"weekday", AbbrevClass::weekday},
      {"ordinary", AbbrevClass::ordinary},
      {"place", AbbrevClass::place},
  }};
  for (const auto& [n, c] : kNames)
    if (n == name) return c;
  return fail("unknown abbreviation class '{}'", name);
}

Result<LineRuleKind> parse_rule_kind(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, LineRuleKind>, 5> kNames{{
      {"line", LineRuleKind::line},
      {"prefix", LineRuleKind::prefix},
      {"suffix", LineRuleKind::suffix},
      {"contains", LineRuleKind::contains},
      {"tag_stopword", LineRuleKind::tag_stopword},
  }};
  for (const auto& [n, k] : kNames)
    if (n == name) return k;
  return fail("unknown rule kind '{}'", name);
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_ascii_upper(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    any = any || (c >= 'A' && c <= 'Z');
  }
  return any;
}

Result<std::string_view> load(std::string_view name) {
  resources::link_en_segment();
  return resources::load(name);
}

}  // namespace

Result<Lexicon> Lexicon::parse(std::string_view abbreviations, std::string_view starters,
                               std::string_view boilerplate) {
  Lexicon lex;
  auto abbrev_rows = for_each_row(kAbbreviationsFile, abbreviations, [&](const auto& f) -> Result<void> {
    if (f.size() != 3) return fail("expected abbreviation<TAB>class<TAB>example, got {} fields", f.size());
    if (f[0].empty() || f[0].back() != '.') return fail("abbreviation '{}' must end with '.'", f[0]);
    auto cls = parse_abbrev_class(f[1]);
    if (!cls) return tl::unexpected(cls.error());
    lex.abbreviations_.emplace(std::string(f[0]), *cls);
    lex.upper_abbreviations_.emplace(ascii_upper(f[0]), *cls);
    lex.abbreviation_rows_.push_back(AbbrevRow{std::string(f[0]), *cls, std::string(f[2])});
    return {};
  });
  if (!abbrev_rows) return tl::unexpected(abbrev_rows.error());

  auto starter_rows = for_each_row(kStartersFile, starters, [&](const auto& f) -> Result<void> {
    if (f.size() != 1 || f[0].empty()) return fail("expected one word per line");
    lex.starters_.emplace(f[0]);
    return {};
  });
  if (!starter_rows) return tl::unexpected(starter_rows.error());

  auto rule_rows = for_each_row(kBoilerplateFile, boilerplate, [&](const auto& f) -> Result<void> {
    if (f.size() != 3) return fail("expected kind<TAB>pattern<TAB>example, got {} fields", f.size());
    auto kind = parse_rule_kind(f[0]);
    if (!kind) return tl::unexpected(kind.error());
    if (f[1].empty()) return fail("empty pattern");
    // contains patterns are matched against the lower-cased line
    std::string pattern = *kind == LineRuleKind::contains ? ascii_lower(f[1]) : std::string(f[1]);
    LineRule rule{*kind, std::move(pattern), std::string(f[2])};
    lex.all_line_rules_.push_back(rule);
    if (*kind == LineRuleKind::tag_stopword)
      lex.tag_stopwords_.emplace(ascii_upper(f[1]));
    else
      lex.line_rules_.push_back(std::move(rule));
    return {};
  });
  if (!rule_rows) return tl::unexpected(rule_rows.error());
  return lex;
}

AbbrevClass Lexicon::abbreviation(std::string_view word) const {
  if (auto it = abbreviations_.find(word); it != abbreviations_.end()) return it->second;
  if (is_ascii_upper(word))
    if (auto it = upper_abbreviations_.find(word); it != upper_abbreviations_.end()) return it->second;
  return AbbrevClass::none;
}

const Lexicon& lexicon() {
  static const Lexicon instance = [] {
    auto abbreviations = load(kAbbreviationsFile);
    auto starters = load(kStartersFile);
    auto boilerplate = load(kBoilerplateFile);
    for (const auto* r : {&abbreviations, &starters, &boilerplate})
      if (!*r) throw std::runtime_error("segmenter resources: " + r->error().message);
    auto lex = Lexicon::parse(*abbreviations, *starters, *boilerplate);
    if (!lex) throw std::runtime_error("segmenter resources: " + lex.error().message);
    return std::move(*lex);
  }();
  return instance;
}

}  // namespace chronicle::segment::detail
