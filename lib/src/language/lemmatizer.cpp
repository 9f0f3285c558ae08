#include "chronicle/language/lemmatizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "chronicle/core/resources.hpp"
#include "chronicle/wordnet/morphology.hpp"

namespace chronicle::resources {
void link_en_language();
}

namespace chronicle::language {
namespace detail {

/// Exceptions keyed by "form\tXPOS".
struct LemmaTable {
  std::unordered_map<std::string, std::string> exceptions;
};

}  // namespace detail

namespace {

using wordnet::WordClass;

// ASCII lowercase, with the typographic apostrophe folded to '.
std::string normalize(std::string_view form, bool lower) {
  std::string out;
  out.reserve(form.size());
  for (std::size_t i = 0; i < form.size(); ++i) {
    if (form.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
      continue;
    }
    auto c = static_cast<unsigned char>(form[i]);
    out.push_back(lower ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// "runn" -> "run": undoes consonant doubling before -ing / -ed / -er / -est.
std::string undouble(std::string stem) {
  std::size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]) && stem[n - 1] != 's' && stem[n - 1] != 'l')
    stem.pop_back();
  return stem;
}

// Suffix stripping for inflected words WordNet does not know.
std::string strip_suffix(const std::string& w, std::string_view xpos) {
  auto cut = [&](std::size_t n) { return w.substr(0, w.size() - n); };
  if (xpos == "NNS" || xpos == "VBZ") {
    if (w.size() > 4 && ends_with(w, "ies")) return cut(3) + "y";
    for (std::string_view s : {"sses", "xes", "zes", "ches", "shes"})
      if (w.size() > s.size() + 1 && ends_with(w, s)) return cut(2);
    if (w.size() > 2 && ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) return cut(1);
    return w;
  }
  if (xpos == "VBG" && w.size() > 5 && ends_with(w, "ing")) return undouble(cut(3));
  if ((xpos == "VBD" || xpos == "VBN") && w.size() > 4) {
    if (ends_with(w, "ied")) return cut(3) + "y";
    if (ends_with(w, "ed")) return undouble(cut(2));
  }
  if (xpos == "JJR" && w.size() > 4 && ends_with(w, "er")) return undouble(cut(2));
  if (xpos == "JJS" && w.size() > 5 && ends_with(w, "est")) return undouble(cut(3));
  return w;
}

// Which WordNet class inflected Penn tags belong to; nullopt for tags that are base forms.
std::optional<WordClass> inflected_class(std::string_view xpos) {
  struct Entry {
    std::string_view xpos;
    WordClass word_class;
  };
  static constexpr std::array<Entry, 10> kTable = {{
      {"NNS", WordClass::noun}, {"VBD", WordClass::verb}, {"VBN", WordClass::verb}, {"VBG", WordClass::verb},
      {"VBZ", WordClass::verb}, {"VBP", WordClass::verb}, {"JJR", WordClass::adjective}, {"JJS", WordClass::adjective},
      {"RBR", WordClass::adverb}, {"RBS", WordClass::adverb},
  }};
  for (const Entry& e : kTable)
    if (e.xpos == xpos) return e.word_class;
  return std::nullopt;
}

bool has_letter(std::string_view s) {
  for (char c : s)
    if (std::isalpha(static_cast<unsigned char>(c))) return true;
  return false;
}

// EWT writes number lemmas without thousands separators: "1,000" -> "1000".
std::string without_thousands_commas(std::string_view form) {
  bool numeric = !form.empty() && std::all_of(form.begin(), form.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.';
  });
  std::string out(form);
  if (numeric && std::isdigit(static_cast<unsigned char>(form.front()))) std::erase(out, ',');
  return out;
}

Result<void> parse_line(std::string_view line, std::size_t number, std::string_view name, detail::LemmaTable& table) {
  std::size_t t1 = line.find('\t');
  std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
  if (t2 == std::string_view::npos) return fail("{}: line {}: expected form<TAB>XPOS<TAB>lemma", name, number);
  std::size_t t3 = line.find('\t', t2 + 1);  // an optional fourth column is a comment (the count)
  std::string_view lemma = line.substr(t2 + 1, t3 == std::string_view::npos ? std::string_view::npos : t3 - t2 - 1);
  if (t1 == 0 || lemma.empty()) return fail("{}: line {}: empty form or lemma", name, number);
  table.exceptions[std::string(line.substr(0, t2))] = std::string(lemma);
  return {};
}

}  // namespace

Result<Lemmatizer> Lemmatizer::rules_only() {
  if (const auto& wn = wordnet::Morphology::installed(); !wn) return tl::unexpected(wn.error());
  return Lemmatizer(std::make_shared<const detail::LemmaTable>());
}

Result<Lemmatizer> Lemmatizer::load(std::string_view tsv, std::string_view name) {
  if (const auto& wn = wordnet::Morphology::installed(); !wn) return tl::unexpected(wn.error());
  auto table = std::make_shared<detail::LemmaTable>();
  std::size_t number = 0;
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    std::size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (auto ok = parse_line(line, number, name, *table); !ok) return tl::unexpected(ok.error());
  }
  return Lemmatizer(std::move(table));
}

Result<Lemmatizer> Lemmatizer::builtin() {
  static const Result<Lemmatizer> loaded = []() -> Result<Lemmatizer> {
    resources::link_en_language();
    constexpr std::string_view kName = "en/language/lemma_exceptions.tsv";
    Result<std::string_view> bytes = resources::load(kName);
    if (!bytes) return tl::unexpected(bytes.error());
    return load(*bytes, kName);
  }();
  return loaded;
}

std::size_t Lemmatizer::exception_count() const { return table_->exceptions.size(); }

std::string Lemmatizer::rule_lemma(std::string_view form, Upos upos, std::string_view xpos) const {
  if (upos == Upos::propn || upos == Upos::punct || upos == Upos::sym) return std::string(form);
  if (upos == Upos::num && !has_letter(form)) return without_thousands_commas(form);
  std::string lower = normalize(form, true);
  std::optional<WordClass> word_class = inflected_class(xpos);
  if (!word_class || !has_letter(lower)) return lower;
  // (a Lemmatizer exists only where the morphology loaded: rules_only() and load() check it)
  if (lower.size() <= 64)
    if (std::optional<std::string> base = wordnet::Morphology::installed()->base(lower, *word_class)) return *base;
  return strip_suffix(lower, xpos);
}

std::string Lemmatizer::lemma(std::string_view form, Upos upos, std::string_view xpos) const {
  const auto& exceptions = table_->exceptions;
  if (!exceptions.empty()) {
    std::string key = normalize(form, false);
    std::size_t form_size = key.size();
    key.push_back('\t');
    key.append(xpos);
    if (auto it = exceptions.find(key); it != exceptions.end()) return it->second;
    std::string lower_key = normalize(form, true) + key.substr(form_size);
    if (lower_key != key && upos != Upos::propn)
      if (auto it = exceptions.find(lower_key); it != exceptions.end()) return it->second;
  }
  return rule_lemma(form, upos, xpos);
}

}  // namespace chronicle::language
