// Trigger synonym classes: which trigger words can name the same event.

#include <stdexcept>

#include "chronicle/core/resources.hpp"
#include "internal.hpp"

namespace chronicle::resources {
void link_en_graph();  // defined by the generated embedded_en/graph.cpp
}

namespace chronicle::graph::detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Splits a TSV line into fields; comment and blank lines give no fields.
std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  if (line.empty() || line.front() == '#') return fields;
  for (std::size_t start = 0;;) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

// Calls `row(fields, line_number)` for each data line; stops at the first error.
template <class F>
Result<bool> for_each_row(std::string_view text, std::string_view name, std::size_t columns, F row) {
  std::size_t number = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto fields = fields_of(line);
    if (fields.empty()) continue;
    if (fields.size() < columns) return fail("{}: line {}: expected {} tab-separated fields", name, number, columns);
    if (auto ok = row(fields, number); !ok) return ok;
  }
  return true;
}

}  // namespace

const TriggerClasses& TriggerClasses::instance() {
  static const TriggerClasses table = [] {
    resources::link_en_graph();
    auto classes = resources::load("en/graph/trigger_classes.tsv");
    auto related = resources::load("en/graph/related_classes.tsv");
    if (!classes || !related) throw std::runtime_error("chronicle: graph resources are not embedded");
    auto parsed = parse(*classes, *related);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *std::move(parsed);
  }();
  return table;
}

Result<TriggerClasses> TriggerClasses::parse(std::string_view classes, std::string_view related) {
  TriggerClasses t;
  auto ok = for_each_row(classes, "en/graph/trigger_classes.tsv", 3, [&](const auto& f, std::size_t) -> Result<bool> {
    t.class_by_lemma_[lower(f[1])] = std::string(f[0]);
    t.rows_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2])});
    return true;
  });
  if (!ok) return tl::unexpected(ok.error());
  ok = for_each_row(related, "en/graph/related_classes.tsv", 3, [&](const auto& f, std::size_t n) -> Result<bool> {
    char* end = nullptr;
    std::string score_text(f[2]);
    double score = std::strtod(score_text.c_str(), &end);
    if (end == score_text.c_str() || score <= 0 || score > 1)
      return fail("en/graph/related_classes.tsv: line {}: score \"{}\" is not in (0, 1]", n, score_text);
    t.related_[{std::string(f[0]), std::string(f[1])}] = score;
    t.related_[{std::string(f[1]), std::string(f[0])}] = score;
    return true;
  });
  if (!ok) return tl::unexpected(ok.error());
  return t;
}

std::optional<std::string> TriggerClasses::lookup(std::string_view lemma) const {
  std::string key = lower(lemma);
  auto find = [&](const std::string& k) -> std::optional<std::string> {
    if (auto it = class_by_lemma_.find(k); it != class_by_lemma_.end()) return it->second;
    if (k.size() > 3 && k.back() == 's')
      if (auto it = class_by_lemma_.find(k.substr(0, k.size() - 1)); it != class_by_lemma_.end()) return it->second;
    return std::nullopt;
  };
  if (auto c = find(key)) return c;
  if (std::size_t space = key.rfind(' '); space != std::string::npos) return find(key.substr(space + 1));
  return std::nullopt;
}

std::string TriggerClasses::class_of(std::string_view lemma) const {
  if (auto c = lookup(lemma)) return *c;
  return lower(lemma);
}

double TriggerClasses::related(const std::string& class_a, const std::string& class_b) const {
  auto it = related_.find({class_a, class_b});
  return it == related_.end() ? 0 : it->second;
}

std::string TriggerClasses::normalize(std::string_view lemma) const { return lower(lemma); }

TriggerMatch TriggerClasses::match(std::string_view lemma_a, std::string_view lemma_b) const {
  std::string a = lower(lemma_a), b = lower(lemma_b);
  if (a == b) return {1.0, "same trigger \"" + a + "\""};
  auto ca = lookup(a), cb = lookup(b);
  if (ca && cb && *ca == *cb) return {0.9, "synonym triggers \"" + a + "\" ~ \"" + b + "\" (class " + *ca + ")"};
  if (ca && cb)
    if (auto it = related_.find({*ca, *cb}); it != related_.end())
      return {it->second, "related triggers \"" + a + "\" ~ \"" + b + "\" (" + *ca + " ~ " + *cb + ")"};
  return {0, ""};
}

}  // namespace chronicle::graph::detail
