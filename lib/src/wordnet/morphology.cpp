// WordNet's morph.c, binsrch.c and getindex() (search.c) over files in memory. The functions
// follow the library's step by step, so that every answer is the library's: its suffix tables,
// its exception lookups, its treatment of hyphenated words and of phrasal verbs ("ran_out_of").

#include "chronicle/wordnet/morphology.hpp"

#include <array>
#include <cstdlib>
#include <fstream>

namespace chronicle::wordnet {
namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

constexpr std::size_t kWordBuffer = 256;  // the library's WORDBUF: longer strings overflow it

// morph.c's suffix tables: for a noun the rules 0-7, a verb 8-15, an adjective 16-19.
constexpr std::array<std::string_view, 20> kSuffix = {"s",  "ses", "xes", "zes", "ches", "shes", "men", "ies", "s",   "ies",
                                                      "es", "es",  "ed",  "ed",  "ing",  "ing",  "er",  "est", "er",  "est"};
constexpr std::array<std::string_view, 20> kEnding = {"",  "s", "x", "z", "ch", "sh", "man", "y", "", "y",
                                                      "e", "",  "e", "",  "e",  "",   "",    "",  "e", "e"};
constexpr std::array<std::size_t, 5> kFirstRule = {0, 0, 8, 16, 0};
constexpr std::array<std::size_t, 5> kRules = {0, 8, 8, 4, 0};

constexpr std::array<std::string_view, 15> kPrepositions = {"to",   "at",   "of",   "on",   "off",  "in",    "out",    "up",
                                                            "down", "from", "with", "into", "for", "about", "between"};

std::size_t index_of(WordClass c) { return static_cast<std::size_t>(c); }

// strend(): `word` ends with `suffix` and is longer than it.
bool ends_with(std::string_view word, std::string_view suffix) {
  return suffix.size() < word.size() && word.ends_with(suffix);
}

// wordbase(): the word with rule `rule`'s suffix replaced by its ending, else the word.
std::string apply_rule(std::string_view word, std::size_t rule) {
  std::string out(word);
  if (ends_with(word, kSuffix[rule])) {
    out.resize(word.size() - kSuffix[rule].size());
    out += kEnding[rule];
  }
  return out;
}

// cntwords(): words separated by runs of `separator`, spaces and underscores.
int count_words(std::string_view s, char separator) {
  int count = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto is_separator = [&](char c) { return c == separator || c == ' ' || c == '_'; };
    if (is_separator(s[i])) {
      ++count;
      while (i < s.size() && is_separator(s[i])) ++i;
    } else {
      ++i;
    }
  }
  return count + 1;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string search_dir() {
  if (const char* dir = std::getenv("WNSEARCHDIR")) return dir;
  if (const char* home = std::getenv("WNHOME")) return std::string(home) + "/dict";
  return "/usr/share/wordnet";
}

namespace {

// The order of the first field of the line at `line` (up to a space, a newline or the end) and
// `key`, as string_view::compare orders them, without finding the line's end first: a probe
// reads only as far as the field differs from the key.
int compare_field(std::string_view f, std::size_t line, std::string_view key) {
  std::size_t n = 0;
  for (; n < key.size() && line + n < f.size(); ++n) {
    const char c = f[line + n];
    if (c == ' ' || c == '\n') return -1;   // the field is a proper prefix of the key
    if (c != key[n]) return static_cast<unsigned char>(c) < static_cast<unsigned char>(key[n]) ? -1 : 1;
  }
  if (line + n < f.size() && f[line + n] != ' ' && f[line + n] != '\n') return 1;   // the key is a proper prefix
  return n < key.size() ? -1 : 0;
}

// FNV-1a: the key filter's hash.
std::uint64_t key_hash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

}  // namespace

SortedFile::SortedFile(std::string bytes, bool key_filter) : bytes_(std::move(bytes)) {
  if (!key_filter || bytes_.empty()) return;
  // A bit or more per byte of the file: its keys (a line each) leave most bits clear.
  std::size_t bits = 64;
  while (bits < bytes_.size()) bits *= 2;
  keys_.assign(bits / 64, 0);
  const std::string_view f = bytes_;
  // Every line's first field, as compare_field() reads it: up to a space, a newline or the end.
  for (std::size_t line = 0; line < f.size();) {
    std::size_t field_end = line;
    while (field_end < f.size() && f[field_end] != ' ' && f[field_end] != '\n') ++field_end;
    const std::uint64_t bit = key_hash(f.substr(line, field_end - line)) & (bits - 1);
    keys_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    const std::size_t nl = f.find('\n', field_end);
    if (nl == std::string_view::npos) break;
    line = nl + 1;
  }
}

std::optional<std::string_view> SortedFile::find(std::string_view key) const {
  const std::string_view f = bytes_;
  if (f.size() < 2) return std::nullopt;
  // Only a line whose first field is `key` is ever returned (or, for the empty key, nothing read).
  if (!keys_.empty() && !key.empty()) {
    const std::uint64_t bit = key_hash(key) & (keys_.size() * 64 - 1);
    if (!(keys_[bit / 64] >> (bit % 64) & 1)) return std::nullopt;
  }
  // Where the line last read begins, like bin_search's static buffer: kept when a read finds the
  // end (npos: none read yet, an empty line).
  std::size_t line = std::string_view::npos;
  std::size_t top = 0, bot = f.size(), mid = bot / 2, diff = 666;
  while (true) {
    std::size_t pos = mid - 1;
    if (mid != 1) {
      const std::size_t nl = f.find('\n', pos);
      pos = nl == std::string_view::npos ? f.size() : nl + 1;
    }
    if (pos < f.size()) line = pos;
    const int order = line == std::string_view::npos ? std::string_view().compare(key) : compare_field(f, line, key);
    if (order < 0) {
      top = mid;
      diff = (bot - top) / 2;
      mid = top + diff;
    } else if (order > 0) {
      bot = mid;
      diff = (bot - top) / 2;
      mid = top + diff;
    }
    if (order == 0) {
      if (line == std::string_view::npos) return std::string_view();
      const std::size_t nl = f.find('\n', line);
      return f.substr(line, nl == std::string_view::npos ? std::string_view::npos : nl - line);
    }
    if (diff == 0) return std::nullopt;
  }
}

namespace {

constexpr std::array<std::string_view, 5> kNames = {"", "noun", "verb", "adj", "adv"};

std::string index_path(const std::string& dir, std::size_t c) { return dir + "/index." + std::string(kNames[c]); }
std::string exceptions_path(const std::string& dir, std::size_t c) { return dir + "/" + std::string(kNames[c]) + ".exc"; }

}  // namespace

Result<Morphology> Morphology::load(const std::string& dir) {
  for (std::size_t c = 1; c < kNames.size(); ++c)
    for (const std::string& path : {index_path(dir, c), exceptions_path(dir, c)})
      if (!std::ifstream(path, std::ios::binary))
        return fail("WordNet: cannot read {} (install wordnet-base, or set WNSEARCHDIR to WordNet's dict directory)", path);
  Morphology m;
  m.dir_ = dir;
  m.files_ = std::make_unique<std::array<Files, 5>>();
  return m;
}

const Morphology::Files& Morphology::files(WordClass word_class) const {
  const std::size_t c = index_of(word_class);
  Files& f = (*files_)[c];
  // A file gone since load() reads as empty: every lookup misses.
  std::call_once(f.once, [&] {
    f.index = SortedFile(read_file(index_path(dir_, c)).value_or(std::string()));
    f.exceptions = SortedFile(read_file(exceptions_path(dir_, c)).value_or(std::string()), /*key_filter=*/true);
  });
  return f;
}

const Result<Morphology>& Morphology::installed() {
  static const Result<Morphology> instance = load(search_dir());
  return instance;
}

// exc_lookup(): the first base form on the word's line of the exception list.
std::optional<std::string> Morphology::exception(std::string_view word, WordClass word_class) const {
  const std::optional<std::string_view> line = files(word_class).exceptions.find(word);
  if (!line) return std::nullopt;
  const std::size_t space = line->find(' ');
  if (space == std::string_view::npos || space + 1 >= line->size() || (*line)[space + 1] == ' ') return std::nullopt;
  std::string_view base = line->substr(space + 1);
  base = base.substr(0, base.find(' '));
  if (base.empty()) return std::nullopt;
  return std::string(base);
}

bool Morphology::defined(std::string_view lemma, WordClass word_class) const {
  const SortedFile& index = files(word_class).index;
  // A plain word (the suffix rules' stems, most asked) has no other spelling to try.
  if (lemma.find_first_of("_-.") == std::string_view::npos) return !lemma.empty() && index.find(lemma);
  // getindex(): the string, then '_' as '-', '-' as '_', without either, without periods.
  std::string forms[5];
  for (const char c : lemma) {
    forms[0] += c;
    forms[1] += c == '_' ? '-' : c;
    forms[2] += c == '-' ? '_' : c;
    if (c != '_' && c != '-') forms[3] += c;
    if (c != '.') forms[4] += c;
  }
  if (forms[0].empty()) return false;
  if (index.find(forms[0])) return true;
  for (std::size_t i = 1; i < std::size(forms); ++i)
    if (!forms[i].empty() && forms[i] != forms[0] && index.find(forms[i])) return true;
  return false;
}

// morphword(): one word's base form by the exception list, else the first suffix rule giving a
// word of the index.
std::optional<std::string> Morphology::morph_word(std::string_view word, WordClass word_class) const {
  if (auto base = exception(word, word_class)) return base;
  return morph_by_rules(word, word_class);
}

// morphword() after its exception lookup: the first suffix rule giving a word of the index.
std::optional<std::string> Morphology::morph_by_rules(std::string_view word, WordClass word_class) const {
  if (word_class == WordClass::adverb) return std::nullopt;
  std::string stem(word);
  std::string_view ending;
  if (word_class == WordClass::noun) {
    if (ends_with(word, "ful")) {  // "spoonsful" -> "spoonful"
      stem = word.substr(0, word.rfind('f'));
      ending = "ful";
    } else if (ends_with(word, "ss") || word.size() <= 2) {
      return std::nullopt;
    }
  }
  if (stem.empty()) stem = word;
  const std::size_t c = index_of(word_class);
  for (std::size_t i = 0; i < kRules[c]; ++i) {
    // a rule whose suffix the stem lacks gives the stem itself: nothing to look up
    if (!ends_with(stem, kSuffix[kFirstRule[c] + i])) continue;
    std::string base = apply_rule(stem, kFirstRule[c] + i);
    if (base != stem && defined(base, word_class)) return base + std::string(ending);
  }
  return std::nullopt;
}

// morphprep(): a verb followed by a preposition: inflect the verb, keep the rest, or make its
// last word a singular noun ("ran_out_of_steam", "gives_up").
std::optional<std::string> Morphology::morph_phrasal_verb(const std::string& phrase) const {
  const std::size_t rest_at = phrase.find('_');
  const std::size_t last_at = phrase.rfind('_');
  const std::string rest = phrase.substr(rest_at);
  std::optional<std::string> end;
  if (rest_at != last_at)
    if (auto last = morph_word(std::string_view(phrase).substr(last_at + 1), WordClass::noun))
      end = phrase.substr(rest_at, last_at - rest_at + 1) + *last;
  const std::string verb = phrase.substr(0, rest_at);
  for (const char c : verb)
    if (!is_ascii_alnum(c)) return std::nullopt;
  auto try_base = [&](const std::string& base) -> std::optional<std::string> {
    if (defined(base + rest, WordClass::verb)) return base + rest;
    if (end && defined(base + *end, WordClass::verb)) return base + *end;
    return std::nullopt;
  };
  if (auto base = exception(verb, WordClass::verb); base && *base != verb)
    if (auto found = try_base(*base)) return found;
  const std::size_t c = index_of(WordClass::verb);
  for (std::size_t i = 0; i < kRules[c]; ++i) {
    std::string base = apply_rule(verb, kFirstRule[c] + i);
    if (base != verb)
      if (auto found = try_base(base)) return found;
  }
  if (end && verb + *end != phrase) return verb + *end;
  return std::nullopt;
}

std::optional<std::string> Morphology::base(std::string_view word, WordClass word_class) const {
  if (word.size() >= kWordBuffer / 2 || word.find('\0') != std::string_view::npos) return std::nullopt;
  // strtolower(strsubst(word, ' ', '_')), which also ends the string at a '('.
  std::string str;
  for (const char c : word) {
    if (c == '(') break;
    str += c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::optional<std::string> listed = exception(str, word_class);
  if (listed && *listed != str) return listed;
  if (str.find_first_of("_-") == std::string::npos) {
    // One plain word (most asked, by the tense cues): no phrasal verb and one part, so the steps
    // below come to morph_word(str), whose exception lookup is `listed` (a base form equal to the
    // word means none) and whose rules only give a defined word other than it.
    if (listed) return std::nullopt;
    if (auto base = morph_by_rules(str, word_class); base && *base != str) return base;
    return std::nullopt;
  }
  if (word_class != WordClass::verb)
    if (auto base = morph_word(str, word_class); base && *base != str) return base;
  if (word_class == WordClass::verb && count_words(str, '_') > 1) {
    // hasprep(): a preposition as the second word or later.
    std::size_t at = 0;
    for (int k = 2; k <= count_words(str, '_'); ++k) {
      at = str.find('_', at);
      if (at == std::string::npos) break;
      ++at;
      const std::string_view after = std::string_view(str).substr(at);
      for (std::string_view p : kPrepositions)
        if (after.starts_with(p) && (after.size() == p.size() || after[p.size()] == '_')) return morph_phrasal_verb(str);
    }
  }
  // Each part of a hyphenated or multi-word string by itself, the parts joined as they were.
  std::string joined;
  std::size_t start = 0;
  for (int parts = count_words(str, '-'); --parts > 0;) {
    const std::size_t next = str.find_first_of("_-", start);
    if (next == std::string::npos) return std::nullopt;
    const std::string_view part = std::string_view(str).substr(start, next - start);
    joined += morph_word(part, word_class).value_or(std::string(part));
    joined += str[next];
    start = next + 1;
  }
  const std::string_view part = std::string_view(str).substr(start);
  joined += morph_word(part, word_class).value_or(std::string(part));
  if (joined != str && defined(joined, word_class)) return joined;
  return std::nullopt;
}

}  // namespace chronicle::wordnet
