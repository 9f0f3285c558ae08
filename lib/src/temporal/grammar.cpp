// The grammar: lexicon and rules files parsed into token patterns, a first-token index, and the
// leftmost-longest matcher. Patterns have a bounded length, so matching is bounded per token.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <utility>

#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

/// The pieces of `s` between `sep`s into `parts`, reused from one line to the next: the compile
/// split every line of the grammar into a fresh vector, a heap block each, a tenth of start-up
/// with the line list.
void split_into(std::string_view s, char sep, std::vector<std::string_view>& parts) {
  parts.clear();
  std::size_t start = 0;
  while (true) {
    const std::size_t p = s.find(sep, start);
    parts.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return;
    start = p + 1;
  }
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  split_into(s, sep, parts);
  return parts;
}

/// The end of the line starting at `start` in `text`: its '\n', or the text's end. Lines are
/// read in place, as split(text, '\n') would give them (a text ending in '\n' has a last, empty line).
std::size_t line_end(std::string_view text, std::size_t start) {
  const std::size_t p = text.find('\n', start);
  return p == std::string_view::npos ? text.size() : p;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<double> to_number(std::string_view s) {
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

void capture(Captures& out, std::string_view slot, double number, std::string_view text = {}) {
  out.push_back({slot, number, text});
}

// --- built-in classes -------------------------------------------------------------------------

bool b_year(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number || t.norm.size() != 4 || !all_digits(t.norm)) return false;
  const int y = digits_value(t.norm);
  if (y < 1000 || y > 2099) return false;
  capture(out, slot, y);
  return true;
}

bool b_yy(const Token& t, std::string_view slot, Captures& out) {
  if (t.norm.size() != 3 || t.norm[0] != '\'' || !all_digits(t.norm.substr(1))) return false;
  const int y = digits_value(t.norm.substr(1));
  capture(out, slot, y >= 50 ? 1900 + y : 2000 + y);
  return true;
}

/// "15", "15th", "1st": a day of month (range checked later by the calendar).
bool b_day(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number) return false;
  std::string_view s = t.norm;
  if (s.size() > 2 && (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th")))
    s.remove_suffix(2);
  if (s.empty() || s.size() > 2 || !all_digits(s)) return false;
  const int d = digits_value(s);
  if (d < 1 || d > 31) return false;
  capture(out, slot, d);
  return true;
}

bool b_int(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number || !all_digits(t.norm) || t.norm.size() > 2) return false;
  capture(out, slot, digits_value(t.norm));
  return true;
}

/// A cardinal in digits: "2", "180", "1,000", "2.5".
bool b_num(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number) return false;
  // The digits without their commas, on the stack: gates ask this of every number near a unit
  // word, and a heap string each time was a large share of the cost. (The heap only for a token
  // longer than the buffer: leading zeros can make a long one a small number.)
  char buffer[32];
  std::string long_token;
  if (t.norm.size() > sizeof buffer) long_token.resize(t.norm.size());
  char* const digits = long_token.empty() ? buffer : long_token.data();
  std::size_t n = 0;
  for (char c : t.norm) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return false;
    digits[n++] = c;
  }
  const auto v = to_number({digits, n});
  if (!v || *v > 100000) return false;
  capture(out, slot, *v);
  return true;
}

bool b_ordinal(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number) return false;
  std::string_view s = t.norm;
  if (s.size() < 3 || !(s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th"))) return false;
  s.remove_suffix(2);
  if (!all_digits(s) || s.size() > 3) return false;
  capture(out, slot, digits_value(s));
  return true;
}

/// "2015-12-15".
bool b_ymd(const Token& t, std::string_view, Captures& out) {
  if (t.kind != TokenKind::number || t.norm.find('-') == std::string_view::npos) return false;   // most numbers
  const auto p = split(t.norm, '-');
  if (t.kind != TokenKind::number || p.size() != 3 || p[0].size() != 4 || p[1].size() > 2 || p[2].size() > 2 ||
      !all_digits(p[0]) || !all_digits(p[1]) || !all_digits(p[2]))
    return false;
  capture(out, "year", digits_value(p[0]));
  capture(out, "month", digits_value(p[1]));
  capture(out, "day", digits_value(p[2]));
  return true;
}

/// "12/15/2015", "12/15/15".
bool b_mdy(const Token& t, std::string_view, Captures& out) {
  if (t.kind != TokenKind::number || t.norm.find('/') == std::string_view::npos) return false;   // most numbers
  const auto p = split(t.norm, '/');
  if (t.kind != TokenKind::number || p.size() != 3 || p[0].size() > 2 || p[1].size() > 2 ||
      (p[2].size() != 4 && p[2].size() != 2) || !all_digits(p[0]) || !all_digits(p[1]) || !all_digits(p[2]))
    return false;
  int y = digits_value(p[2]);
  if (p[2].size() == 2) y += y >= 50 ? 1900 : 2000;
  capture(out, "year", y);
  capture(out, "month", digits_value(p[0]));
  capture(out, "day", digits_value(p[1]));
  return true;
}

/// "15:30", "3:30pm": minutes since midnight under `slot`, and "ampm" when written.
bool b_clock(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number) return false;
  std::string_view s = t.norm;
  std::string_view suffix;
  if (s.ends_with("am") || s.ends_with("pm")) { suffix = s.substr(s.size() - 2); s.remove_suffix(2); }
  if (s.find(':') == std::string_view::npos) return false;   // most numbers
  const auto p = split(s, ':');
  if (p.size() != 2 || p[0].empty() || p[0].size() > 2 || p[1].size() != 2 || !all_digits(p[0]) || !all_digits(p[1]))
    return false;
  const int h = digits_value(p[0]), m = digits_value(p[1]);
  if (h > 24 || m > 59) return false;
  capture(out, slot, h * 60 + m);
  if (!suffix.empty()) capture(out, "ampm", 0, suffix);
  return true;
}

/// "3", "11pm": an hour, with "ampm" when attached.
bool b_hour(const Token& t, std::string_view slot, Captures& out) {
  if (t.kind != TokenKind::number) return false;
  std::string_view s = t.norm;
  std::string_view suffix;
  if (s.ends_with("am") || s.ends_with("pm")) { suffix = s.substr(s.size() - 2); s.remove_suffix(2); }
  if (s.empty() || s.size() > 2 || !all_digits(s)) return false;
  const int h = digits_value(s);
  if (h > 24) return false;
  capture(out, slot, h);
  if (!suffix.empty()) capture(out, "ampm", 0, suffix);
  return true;
}

/// "1990s", "'90s", "90s", "1990's": the first year of the decade.
bool b_decade(const Token& t, std::string_view slot, Captures& out) {
  std::string_view s = t.norm;
  if (s.ends_with("'s")) s.remove_suffix(2);
  else if (s.ends_with("s")) s.remove_suffix(1);
  else return false;
  if (!s.empty() && s.front() == '\'') s.remove_prefix(1);
  if (!all_digits(s) || s.back() != '0') return false;
  int y = digits_value(s);
  if (s.size() == 2) y += 1900;
  else if (s.size() != 4) return false;
  capture(out, slot, y);
  return true;
}

/// "q3".
bool b_qn(const Token& t, std::string_view slot, Captures& out) {
  if (t.norm.size() != 2 || t.norm[0] != 'q' || t.norm[1] < '1' || t.norm[1] > '4') return false;
  capture(out, slot, t.norm[1] - '0');
  return true;
}

/// A lowercase plural-looking word ("troops", "people" is not caught): guards bare years.
bool b_plural(const Token& t, std::string_view, Captures&) {
  return t.kind == TokenKind::word && !t.capitalized && t.norm.size() > 3 && t.norm.back() == 's' &&
         t.norm[t.norm.size() - 2] != 's' && t.norm[t.norm.size() - 2] != '\'';
}

/// A capitalized word ("Jan Kavan"): guards month names used as first names.
bool b_capword(const Token& t, std::string_view, Captures&) {
  return t.kind == TokenKind::word && t.capitalized && !t.all_caps && t.norm.size() > 1;
}

/// Any number token, however large ("358,000"): the amount before a rate ("358,000 a month").
bool b_amount(const Token& t, std::string_view, Captures&) { return t.kind == TokenKind::number; }

struct BuiltinName {
  std::string_view name;
  Builtin fn;
  bool digit = true;   ///< matches only a token holding a digit (needs_digit)
};
constexpr BuiltinName kBuiltins[] = {
    {"year", b_year}, {"yy", b_yy}, {"day", b_day}, {"int", b_int}, {"num", b_num}, {"ordinal", b_ordinal},
    {"ymd", b_ymd}, {"mdy", b_mdy}, {"clock", b_clock}, {"hour", b_hour}, {"decade", b_decade}, {"qn", b_qn},
    {"plural", b_plural, false}, {"capword", b_capword, false}, {"amount", b_amount}};

// --- parsing ----------------------------------------------------------------------------------

/// One element of the pattern on rules.tsv line `line_no`.
Result<Element> parse_element(std::string_view item, Lexicon& lexicon, std::size_t line_no) {
  Element e;
  if (item.size() > 1 && item.front() == '!') { e.negative = true; item.remove_prefix(1); }
  if (item.size() > 1 && item.back() == '?') { e.optional = true; item.remove_suffix(1); }
  if (item.size() > 2 && item.front() == '[' && item.back() == ']') {
    e.context = true;
    item = item.substr(1, item.size() - 2);
  }
  if (item.size() > 2 && item.front() == '<' && item.back() == '>') {
    std::string_view name = item.substr(1, item.size() - 2);
    std::string_view slot = name;
    if (const auto colon = name.find(':'); colon != std::string_view::npos) {
      slot = name.substr(colon + 1);
      name = name.substr(0, colon);
    }
    e.slot = std::string(slot);
    e.builtin = find_builtin(name);
    e.cls = lexicon.find_class(name);
    if (!e.builtin && e.cls < 0) return fail("en/temporal/rules.tsv:{}: unknown class <{}>", line_no, name);
    return e;
  }
  e.words.reserve(static_cast<std::size_t>(std::count(item.begin(), item.end(), '|')) + 1);   // not grown word by word
  for (std::size_t start = 0, end = 0; start <= item.size(); start = end + 1) {   // split(item, '|'), in place
    end = std::min(item.find('|', start), item.size());
    const std::string_view w = item.substr(start, end - start);
    if (w.empty()) return fail("en/temporal/rules.tsv:{}: empty alternative in '{}'", line_no, item);
    if (w.size() > 2 && w.front() == '<') {
      // a class inside alternatives: treat the whole element as that class only when alone
      return fail("en/temporal/rules.tsv:{}: classes cannot be alternatives of words ('{}')", line_no, item);
    }
    e.words.emplace_back(w);
  }
  return e;
}

Result<void> parse_lexicon(std::string_view text, Lexicon& lexicon) {
  std::size_t line_no = 0;
  std::vector<std::string_view> cols;
  for (std::size_t start = 0, end = 0; start <= text.size(); start = end + 1) {
    end = line_end(text, start);
    const std::string_view line = trim(text.substr(start, end - start));
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    split_into(line, '\t', cols);
    if (cols.size() < 3) return fail("en/temporal/lexicon.tsv:{}: expected class, word and value", line_no);
    LexEntry entry;
    entry.cls = lexicon.class_id(cols[0]);
    entry.value = std::string(cols[2]);
    entry.number = to_number(cols[2]).value_or(0);
    if (cols.size() > 3) {
      entry.cap = cols[3].find("cap") != std::string_view::npos;
      entry.abbr = cols[3].find("abbr") != std::string_view::npos;
    }
    auto word = lexicon.words.find(cols[1]);   // most words have one entry: no key string to look one up
    if (word == lexicon.words.end()) word = lexicon.words.emplace(std::string(cols[1]), std::vector<LexEntry>{}).first;
    word->second.push_back(std::move(entry));
  }
  return {};
}

Result<void> parse_rules(std::string_view text, Grammar& g) {
  // The built-in classes whose slots are not the element's own (asked of every argument)
  const Builtin ymd = find_builtin("ymd"), mdy = find_builtin("mdy"), clock = find_builtin("clock"),
                hour = find_builtin("hour");
  std::size_t line_no = 0;
  std::vector<std::string_view> cols, items, value;   // reused from one line to the next
  // Room for a rule a line, and in each rule for its items: a Rule or an Element moved at every
  // growth cost more than the unused room.
  g.rules.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  for (std::size_t start = 0, end = 0; start <= text.size(); start = end + 1) {
    end = line_end(text, start);
    const std::string_view line = text.substr(start, end - start);
    ++line_no;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    split_into(line, '\t', cols);
    // The line named in errors, spelt out only for one: formatting it for every rule cost more
    // than parsing the rule.
    const auto where = [&] { return fmt::format("en/temporal/rules.tsv:{}", line_no); };
    if (cols.size() < 5) return fail("{}: expected name, pattern, value, example and expected columns", where());
    Rule rule;
    rule.info = {std::string(trim(cols[0])), std::string(trim(cols[1])), std::string(trim(cols[2])),
                 std::string(trim(cols[3])), std::string(trim(cols[4])), line_no};
    bool seen_required = false;
    split_into(rule.info.pattern, ' ', items);
    rule.elements.reserve(items.size());
    for (std::string_view item : items) {
      if (item.empty()) continue;
      auto e = parse_element(item, g.lexicon, line_no);
      if (!e) return tl::unexpected(e.error());
      if (e->negative) {
        (seen_required ? rule.ahead : rule.behind).push_back(std::move(*e));
        continue;
      }
      seen_required = true;
      rule.elements.push_back(std::move(*e));
    }
    if (rule.elements.empty()) return fail("{}: empty pattern", where());
    split_into(rule.info.value, ' ', value);
    rule.args.reserve(value.size() - 1);
    rule.fn_name = std::string(value.front());
    if (rule.fn_name != "none") {
      rule.fn = find_value_fn(rule.fn_name);
      if (!rule.fn) return fail("{}: unknown value function '{}'", where(), rule.fn_name);
    }
    for (std::size_t k = 1; k < value.size(); ++k) {
      if (value[k].empty()) continue;
      const auto eq = value[k].find('=');
      if (eq == std::string_view::npos) return fail("{}: argument '{}' is not key=value", where(), value[k]);
      Arg arg{std::string(value[k].substr(0, eq)), std::string(value[k].substr(eq + 1)), false, false};
      std::string_view ref = arg.value;
      const bool negate = ref.size() > 1 && ref.front() == '-' && !to_number(ref);
      if (negate) ref.remove_prefix(1);
      const bool is_slot = std::any_of(rule.elements.begin(), rule.elements.end(), [&](const Element& e) {
        return e.slot == ref || (e.builtin == ymd && (ref == "year" || ref == "month" || ref == "day")) ||
               (e.builtin == mdy && (ref == "year" || ref == "month" || ref == "day")) ||
               ((e.builtin == clock || e.builtin == hour) && ref == "ampm");
      });
      if (is_slot) {
        arg.from_slot = true;
        arg.negate = negate;
        arg.value = std::string(ref);
      }
      rule.args.push_back(std::move(arg));
    }
    g.rules.push_back(std::move(rule));
  }
  return {};
}

/// The check of element `e` at offsets `from`..`to` (at most 255), its literals added to
/// Grammar::check_ids.
Check make_check(Grammar& g, const Element& e, std::size_t from, std::size_t to) {
  Check c;
  c.builtin = e.builtin;
  c.cls = e.cls;
  c.ids = static_cast<std::uint32_t>(g.check_ids.size());
  c.id_count = static_cast<std::uint32_t>(e.word_ids.size());
  c.from = static_cast<std::uint8_t>(from);
  c.to = static_cast<std::uint8_t>(to);
  g.check_ids.insert(g.check_ids.end(), e.word_ids.begin(), e.word_ids.end());
  return c;
}

/// RuleHead::checks: every required element after the first, with the token offsets it can be
/// found at (every element before it takes one token, none when optional, or two for a lexicon
/// class with an abbreviation, "Dec .": `abbreviated[cls]`). Literals go first, then lexicon
/// classes, then built-in classes (a call each), fewer offsets first among equals: most candidate
/// rules fail one, and the first that fails should be cheap ("ago" of "<num> <unit> ago" before
/// its unit). Returns the rule's gate: the first of them, the one build_next_index keys the rule
/// by (none when the rule has no required element after its first).
std::optional<Check> add_checks(Grammar& g, const Rule& rule, const std::vector<bool>& abbreviated, RuleHead& head) {
  const std::size_t first = g.checks.size();
  std::size_t from = 0, to = 0;   // offsets the next element can start at
  for (std::size_t k = 0; k < rule.elements.size() && to < 256; ++k) {
    const Element& e = rule.elements[k];
    if (k > 0 && !e.optional) g.checks.push_back(make_check(g, e, from, to));
    if (!e.optional) ++from;
    to += e.cls >= 0 && abbreviated[static_cast<std::size_t>(e.cls)] ? 2u : 1u;
  }
  std::optional<Check> gate;
  if (g.checks.size() > first) gate = g.checks[first];
  const auto cost = [](const Check& c) {
    return std::pair(c.id_count > 0 ? 0 : c.builtin ? 2 : 1, c.to - c.from);
  };
  // A stable insertion sort in place: a rule has a few checks, and std::stable_sort took a heap
  // buffer for each rule.
  for (std::size_t k = first + 1; k < g.checks.size(); ++k)
    for (std::size_t j = k; j > first && cost(g.checks[j]) < cost(g.checks[j - 1]); --j)
      std::swap(g.checks[j], g.checks[j - 1]);
  head.checks = static_cast<std::uint32_t>(first);
  head.check_count = static_cast<std::uint32_t>(g.checks.size() - first);
  return gate;
}

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The keys (Grammar::by_next) of the tokens `gate` can match, ascending, or nullopt when a
/// token's key does not decide it (a built-in class that needs no digit). `class_words[c]`: the
/// ids of the words of lexicon class c, ascending without repeats.
std::optional<std::vector<std::uint32_t>> gate_keys(const Grammar& g, const Check& gate,
                                                    const std::vector<std::vector<std::uint32_t>>& class_words) {
  if (gate.builtin && !needs_digit(gate.builtin)) return std::nullopt;
  std::vector<std::uint32_t> keys(g.check_ids.begin() + gate.ids, g.check_ids.begin() + gate.ids + gate.id_count);
  std::sort(keys.begin(), keys.end());   // the literals: a few
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (gate.cls >= 0) {   // a class's words are sorted once, not once per rule (a class has dozens)
    const auto& words = class_words[static_cast<std::size_t>(gate.cls)];
    const auto literals = static_cast<std::ptrdiff_t>(keys.size());
    keys.insert(keys.end(), words.begin(), words.end());
    std::inplace_merge(keys.begin(), keys.begin() + literals, keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  if (gate.builtin) keys.push_back(Grammar::kDigitKey);   // above every word id
  return keys;
}

/// Whether `gate` may match the first token itself, whose grammar word is `first` (nullptr: none;
/// such a token may hold a digit).
bool gate_may_match_first(const Grammar& g, const Check& gate, const WordInfo* first, std::string_view word) {
  if (gate.builtin && (!first || !needs_digit(gate.builtin) || has_digit(word))) return true;
  if (!first) return false;
  const auto ids = g.check_ids.begin() + gate.ids;
  if (std::find(ids, ids + gate.id_count, first->id) != ids + gate.id_count) return true;
  return std::any_of(first->lex.begin(), first->lex.end(), [&](const LexEntry& e) { return e.cls == gate.cls; });
}

/// The keyed rules of one candidate list, handed to RuleIndex::add grouped by key, keys ascending
/// and each key's rules ascending: a counting sort over the keys (word ids and kDigitKey).
/// Sorting the (key, rule) pairs of every list, about 20K, was a third of build_next_index.
class KeyedRules {
 public:
  explicit KeyedRules(std::size_t words) : start_(words + 1, 0), keys_(words + 1) {}
  /// Adds `rule` under each of `keys` (ascending, without repeats); rules come in ascending order.
  void add(std::uint32_t rule, const std::vector<std::uint32_t>& keys) {
    rules_.emplace_back(rule, &keys);
    for (const std::uint32_t key : keys)
      if (start(key)++ == 0) keys_[key_count_++] = key;
    entries_ += keys.size();
  }
  /// Adds the rules added since the last flush to `index` under list `list`.
  void flush(std::uint32_t list, RuleIndex& index) {
    const std::span<std::uint32_t> keys(keys_.data(), key_count_);
    std::sort(keys.begin(), keys.end());   // kDigitKey last
    std::uint32_t at = 0;   // each key's count becomes where its rules go...
    for (const std::uint32_t key : keys) at += std::exchange(start(key), at);
    placed_.resize(entries_);
    for (const auto& [rule, rule_keys] : rules_)
      for (const std::uint32_t key : *rule_keys) placed_[start(key)++] = rule;
    std::uint32_t begin = 0;   // ...and then where they end
    for (const std::uint32_t key : keys) {
      const std::uint32_t end = std::exchange(start(key), 0);
      for (; begin < end; ++begin) index.add(std::uint64_t{list} << 32 | key, placed_[begin]);
    }
    key_count_ = 0;
    rules_.clear();
    entries_ = 0;
  }

 private:
  std::uint32_t& start(std::uint32_t key) { return start_[key == Grammar::kDigitKey ? start_.size() - 1 : key]; }
  std::vector<std::uint32_t> start_;   ///< per key (kDigitKey last): a count, a start, an end; 0 between lists
  std::vector<std::uint32_t> keys_;    ///< the keys with rules since the last flush: key_count_ of them
  std::size_t key_count_ = 0;
  std::vector<std::pair<std::uint32_t, const std::vector<std::uint32_t>*>> rules_;   ///< (rule, its keys)
  std::vector<std::uint32_t> placed_;  ///< the rules grouped by key
  std::size_t entries_ = 0;
};

/// Grammar::open_rules and Grammar::by_next: each candidate list split by the token after the first.
/// A rule goes by the next token when its gate lies at most one token after the first and the
/// first cannot be it; match_at then only gathers it when that token has one of its keys, and
/// still checks its gate. `gates[r]`: rule r's gate, if it has one (add_checks).
void build_next_index(Grammar& g, const std::vector<std::optional<Check>>& gates) {
  std::vector<std::vector<std::uint32_t>> class_words(g.lexicon.class_names.size());
  g.words.for_each([&](std::string_view, const WordInfo& info) {
    for (const LexEntry& e : info.lex) class_words[static_cast<std::size_t>(e.cls)].push_back(info.id);
  });
  for (auto& words : class_words) {   // gate_keys() wants them ascending, without repeats
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
  }
  std::vector<std::optional<std::vector<std::uint32_t>>> rule_keys(g.rules.size());
  for (std::size_t r = 0; r < g.rules.size(); ++r)
    if (gates[r] && gates[r]->to <= 1) rule_keys[r] = gate_keys(g, *gates[r], class_words);
  g.open_rules.assign(2 * g.words.size() + 1, {});
  // match_at takes rules_num for number tokens and two-letter words only (with a digit, unless
  // Grammar::builtin_opens_words)
  const auto takes_rules_num = [&](std::string_view word) {
    return (word.size() == 2 && (g.builtin_opens_words || has_digit(word))) || !(word.front() >= 'a' && word.front() <= 'z');
  };
  // Room for every key of every gated rule in every list, the most split() can add (about 40K
  // entries, 0.6 MB, for the embedded grammar): growing the vector was a tenth of start-up.
  std::size_t most_keyed = 0;
  const auto count_keys = [&](const std::vector<std::uint32_t>& rules) {
    for (const std::uint32_t r : rules)
      if (rule_keys[r]) most_keyed += rule_keys[r]->size();
  };
  g.words.for_each([&](std::string_view word, const WordInfo& info) {
    count_keys(info.rules);
    if (takes_rules_num(word)) count_keys(info.rules_num);
  });
  count_keys(g.by_builtin);
  g.by_next.reserve(most_keyed);
  KeyedRules keyed(g.words.size());
  std::vector<std::uint32_t> open;   // one list's open rules, copied once (not grown a rule at a time)
  auto split = [&](std::uint32_t list, const std::vector<std::uint32_t>& rules, const WordInfo* first,
                   std::string_view word) {
    open.resize(rules.size());
    std::size_t opened = 0;
    for (const std::uint32_t r : rules) {
      if (!rule_keys[r] || (gates[r]->from == 0 && gate_may_match_first(g, *gates[r], first, word)))
        open[opened++] = r;
      else
        keyed.add(r, *rule_keys[r]);
    }
    g.open_rules[list].assign(open.begin(), open.begin() + static_cast<std::ptrdiff_t>(opened));
    keyed.flush(list, g.by_next);
  };
  g.words.for_each([&](std::string_view word, const WordInfo& info) {
    split(2 * info.id, info.rules, &info, word);
    if (takes_rules_num(word)) split(2 * info.id + 1, info.rules_num, &info, word);
  });
  split(static_cast<std::uint32_t>(2 * g.words.size()), g.by_builtin, nullptr, {});
  g.by_next.finish();
}

/// Makes the ascending, unrepeated list `to` the union of itself and `from` (the same kind);
/// `buffer` is scratch space.
void unite(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from, std::vector<std::uint32_t>& buffer) {
  buffer.clear();
  // Written in place, into room made first, as are the other rule lists built here.
  buffer.resize(to.size() + from.size());
  buffer.erase(std::set_union(to.begin(), to.end(), from.begin(), from.end(), buffer.begin()), buffer.end());
  to.swap(buffer);
}

void build_index(Grammar& g) {
  g.by_class.assign(g.lexicon.class_names.size(), {});
  for (std::uint32_t r = 0; r < g.rules.size(); ++r) {
    for (const Element& e : g.rules[r].elements) {
      for (const std::string& w : e.words) {
        auto& v = g.by_word[w];
        if (v.empty() || v.back() != r) v.push_back(r);
      }
      if (e.cls >= 0) {
        auto& v = g.by_class[static_cast<std::size_t>(e.cls)];
        if (v.empty() || v.back() != r) v.push_back(r);
      }
      if (e.builtin && (g.by_builtin.empty() || g.by_builtin.back() != r)) g.by_builtin.push_back(r);
      if (e.builtin && !needs_digit(e.builtin)) g.builtin_opens_words = true;
      if (!e.optional) break;
    }
  }
  // Per word, the candidates match_at would gather from by_word, by_class and by_builtin.
  // Every literal of every element is in the table too, so elements match by word id.
  // Added in the words' order, each under its order_prefix(): thousands, most of them repeats.
  std::vector<std::pair<std::uint64_t, std::string_view>> words;
  const auto add_word = [&](std::string_view w) { words.emplace_back(order_prefix(w), w); };
  for (const auto& [w, entries] : g.lexicon.words) add_word(w);
  for (const Rule& rule : g.rules)
    for (const auto* elements : {&rule.elements, &rule.behind, &rule.ahead})
      for (const Element& e : *elements)
        for (const std::string& w : e.words) add_word(w);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::vector<std::uint32_t> rules, merged;   // a word's rules, gathered; unite()'s buffer
  for (const auto& [prefix, w] : words) {
    if (w.empty()) continue;   // no token's norm is empty
    // Every list here is ascending without repeats, so unions are merges (sorting each word's
    // lists again was a tenth of start-up: by_builtin alone is a hundred rules, for every word),
    // gathered in buffers kept from word to word and copied once.
    WordInfo info;
    rules.clear();
    if (const auto it = g.by_word.find(w); it != g.by_word.end()) rules = it->second;
    if (const auto* entries = g.lexicon.lookup(w)) {
      info.lex = *entries;
      for (const LexEntry& e : *entries) unite(rules, g.by_class[static_cast<std::size_t>(e.cls)], merged);
    }
    info.rules.assign(rules.begin(), rules.end());
    info.rules_num.resize(info.rules.size() + g.by_builtin.size());
    info.rules_num.erase(std::set_union(info.rules.begin(), info.rules.end(), g.by_builtin.begin(), g.by_builtin.end(),
                                        info.rules_num.begin()),
                         info.rules_num.end());
    g.words.insert(w, std::move(info));
  }
  for (Rule& rule : g.rules)
    for (auto* elements : {&rule.elements, &rule.behind, &rule.ahead})
      for (Element& e : *elements) {
        e.word_ids.reserve(e.words.size());
        for (const std::string& w : e.words) e.word_ids.push_back(g.words.find(w)->id);
      }
  std::vector<bool> abbreviated(g.lexicon.class_names.size(), false);
  for (const auto& [w, entries] : g.lexicon.words)
    for (const LexEntry& e : entries)
      if (e.abbr) abbreviated[static_cast<std::size_t>(e.cls)] = true;
  std::vector<std::optional<Check>> gates;
  gates.reserve(g.rules.size());
  g.heads.reserve(g.rules.size());
  for (const Rule& rule : g.rules) {
    RuleHead head;
    const Element& first = rule.elements.front();
    if (first.builtin && first.cls < 0 && !first.optional) head.opener = first.builtin;
    gates.push_back(add_checks(g, rule, abbreviated, head));
    g.heads.push_back(head);
  }
  build_next_index(g, gates);
}

// --- matching ---------------------------------------------------------------------------------

/// Merges the ascending rule lists `a`, `b` and `c` into `out`, without repeats (in one pass:
/// std::inplace_merge took a temporary buffer from the heap on every call).
void merge_rules(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::span<const std::uint32_t> c,
                 std::vector<std::uint32_t>& out) {
  // Written through a pointer into room made first: as push_back calls, match_at's hot path was
  // fast only while GCC chose to inline them, which edits elsewhere in this file could change.
  out.resize(a.size() + b.size() + c.size());
  std::uint32_t* const first = out.data();
  std::uint32_t* last = first;
  constexpr std::uint32_t kDone = std::numeric_limits<std::uint32_t>::max();   // no rule has this index
  std::size_t i = 0, j = 0, k = 0;
  while (true) {
    const std::uint32_t x = i < a.size() ? a[i] : kDone, y = j < b.size() ? b[j] : kDone, z = k < c.size() ? c[k] : kDone;
    const std::uint32_t next = std::min({x, y, z});
    if (next == kDone) break;
    if (last == first || last[-1] != next) *last++ = next;
    i += x == next;
    j += y == next;
    k += z == next;
  }
  out.resize(static_cast<std::size_t>(last - first));
}

/// Matches element `e` at token `i`; returns the number of tokens consumed (0: no match).
std::size_t match_element(const Element& e, const std::vector<Token>& tokens, std::size_t i, WordInfos words,
                          Captures& caps) {
  if (i >= tokens.size()) return 0;
  const Token& t = tokens[i];
  if (t.kind == TokenKind::paragraph) return 0;
  if (!e.word_ids.empty()) {
    const WordInfo* info = words[i];
    return info && std::find(e.word_ids.begin(), e.word_ids.end(), info->id) != e.word_ids.end() ? 1 : 0;
  }
  if (e.cls >= 0) {
    if (const WordInfo* info = words[i]) {
      for (const LexEntry& le : info->lex) {
        if (le.cls != e.cls || (le.cap && !t.capitalized) || (le.cap && t.all_caps && t.norm.size() > 3)) continue;
        caps.push_back({e.slot, le.number, le.value});
        // "Dec." : an abbreviation keeps its dot
        if (le.abbr && i + 1 < tokens.size() && tokens[i + 1].norm == "." && tokens[i + 1].span.begin == t.span.end)
          return 2;
        return 1;
      }
    }
  }
  if (e.builtin && e.builtin(t, e.slot, caps)) return 1;
  return 0;
}

/// Whether the class of `c` (no literals) matches token `i` (match_element's verdict, without
/// captures).
bool class_matches(const Check& c, const Token& t, const WordInfo* info) {
  if (t.kind == TokenKind::paragraph) return false;
  if (c.cls >= 0 && info)
    for (const LexEntry& le : info->lex)
      if (le.cls == c.cls && !(le.cap && !t.capitalized) && !(le.cap && t.all_caps && t.norm.size() > 3))
        return true;
  if (!c.builtin) return false;
  thread_local Captures scratch;
  scratch.clear();
  return c.builtin(t, {}, scratch);
}

/// Whether the element of `c` matches some token it can lie at in a match from token `i`.
bool check_passes(const Grammar& g, const Check& c, const std::vector<Token>& tokens, std::size_t i,
                  WordInfos words) {
  const std::size_t last = std::min(i + c.to, tokens.size() - 1);
  if (c.id_count > 0) {   // most checks: literals, looked for by word id (a paragraph has no word)
    const std::uint32_t* const ids = g.check_ids.data() + c.ids;
    for (std::size_t p = i + c.from; p <= last; ++p)
      if (const WordInfo* info = words[p])
        for (std::uint32_t k = 0; k < c.id_count; ++k)   // one or a few: std::find's unrolling cost more
          if (ids[k] == info->id) return true;
    return false;
  }
  for (std::size_t p = i + c.from; p <= last; ++p)
    if (class_matches(c, tokens[p], words[p])) return true;
  return false;
}

/// Depth-first search of one rule's elements from one token, keeping the longest match. The
/// capture buffers belong to the caller, so one match_at allocates them once.
struct Search {
  WordInfos words;
  const Rule& rule;
  const std::vector<Token>& tokens;
  Captures& best;
  Captures& current;
  Captures& scratch;
  std::size_t best_end = 0;
  bool found = false;

  void run(std::size_t elem, std::size_t i) {
    if (elem == rule.elements.size()) {
      if (!found || i > best_end) {
        for (const Element& a : rule.ahead) {
          scratch.clear();
          if (match_element(a, tokens, i, words, scratch)) return;
        }
        found = true;
        best_end = i;
        best = current;
      }
      return;
    }
    const Element& e = rule.elements[elem];
    const std::size_t mark = current.size();
    if (const std::size_t n = match_element(e, tokens, i, words, current)) run(elem + 1, i + n);
    current.resize(mark);
    if (e.optional) run(elem + 1, i);
  }
};

}  // namespace

int Lexicon::class_id(std::string_view name) {
  const auto it = class_ids.find(name);
  if (it != class_ids.end()) return it->second;
  const int id = static_cast<int>(class_names.size());
  class_ids.emplace(std::string(name), id);
  class_names.emplace_back(name);
  return id;
}

int Lexicon::find_class(std::string_view name) const {
  const auto it = class_ids.find(name);
  return it == class_ids.end() ? -1 : it->second;
}

const std::vector<LexEntry>* Lexicon::lookup(std::string_view word) const {
  if (word.empty() || word.size() > 32) return nullptr;
  const auto it = words.find(word);
  return it == words.end() ? nullptr : &it->second;
}

bool Lexicon::in_class(std::string_view word, std::string_view cls) const {
  const int id = find_class(cls);
  const auto* entries = lookup(word);
  return entries && std::any_of(entries->begin(), entries->end(), [&](const LexEntry& e) { return e.cls == id; });
}

Builtin find_builtin(std::string_view name) {
  for (const auto& b : kBuiltins)
    if (b.name == name) return b.fn;
  return nullptr;
}

bool needs_digit(Builtin b) {
  for (const auto& entry : kBuiltins)
    if (entry.fn == b) return entry.digit;
  return false;
}

void Grammar::lookup_words(const std::vector<Token>& tokens, std::vector<const WordInfo*>& out) const {
  out.resize(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) out[i] = words.find_inline(tokens[i].norm);   // a paragraph's is ""
}

std::optional<Match> Grammar::match_at(const std::vector<Token>& tokens, std::size_t i) const {
  std::vector<const WordInfo*> token_words;
  lookup_words(tokens, token_words);
  return match_at(tokens, token_words, i);
}

std::optional<Match> Grammar::match_at(const std::vector<Token>& tokens, WordInfos token_words, std::size_t i) const {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::paragraph) return std::nullopt;
  // The rules whose first required element can match here, ascending (build_index).
  const bool numeric = t.kind == TokenKind::number || (t.norm.size() == 2 && (t.digit || builtin_opens_words));
  const WordInfo* info = token_words[i];
  if (!info && !numeric) return std::nullopt;
  const std::uint32_t list = info ? 2 * info->id + (numeric ? 1 : 0) : static_cast<std::uint32_t>(open_rules.size() - 1);
  // ...those whose gate the next token cannot rule out, and those it may match (build_next_index)
  std::span<const std::uint32_t> next_word, next_digit;
  if (i + 1 < tokens.size()) {
    auto keyed = [&](std::uint32_t key) { return by_next.find(std::uint64_t{list} << 32 | key); };
    const Token& next = tokens[i + 1];
    if (const WordInfo* next_info = token_words[i + 1]) next_word = keyed(next_info->id);
    if (next.digit) next_digit = keyed(kDigitKey);
  }
  const std::vector<std::uint32_t>* candidates = &open_rules[list];
  thread_local std::vector<std::uint32_t> merged;
  if (!next_word.empty() || !next_digit.empty()) {
    merge_rules(*candidates, next_word, next_digit, merged);
    candidates = &merged;
  }
  if (candidates->empty()) return std::nullopt;

  thread_local Captures best_captures, current, scratch;
  // Rules opening with a required built-in class share its verdict on token i: asked once.
  // (left uninitialised: `known` says how many are set, and zeroing them cost more than asking)
  constexpr std::size_t kVerdicts = 16;
  Builtin asked[kVerdicts];
  bool verdicts[kVerdicts];
  std::size_t known = 0;
  auto opens = [&](Builtin builtin) {
    for (std::size_t k = 0; k < known; ++k)
      if (asked[k] == builtin) return verdicts[k];
    scratch.clear();
    const bool ok = builtin(t, {}, scratch);
    if (known < kVerdicts) {
      asked[known] = builtin;
      verdicts[known++] = ok;
    }
    return ok;
  };
  std::optional<Match> best;
  for (std::uint32_t r : *candidates) {
    const RuleHead& head = heads[r];
    if (head.opener && !opens(head.opener)) continue;
    const Check* check = checks.data() + head.checks;
    const Check* const checks_end = check + head.check_count;
    while (check != checks_end && check_passes(*this, *check, tokens, i, token_words)) ++check;
    if (check != checks_end) continue;
    const Rule& rule = rules[r];
    bool blocked = false;
    for (const Element& b : rule.behind) {
      scratch.clear();
      if (i > 0 && match_element(b, tokens, i - 1, token_words, scratch)) blocked = true;
    }
    if (blocked) continue;
    current.clear();
    Search search{token_words, rule, tokens, best_captures, current, scratch};
    search.run(0, i);
    if (!search.found || search.best_end <= i) continue;
    if (best && search.best_end <= best->consumed_end) continue;
    Match m;
    m.rule = &rule;
    m.consumed_begin = i;
    m.consumed_end = search.best_end;
    m.first = i;
    m.last = search.best_end;
    if (rule.elements.front().context) {
      scratch.clear();
      m.first += match_element(rule.elements.front(), tokens, i, token_words, scratch);
    }
    if (rule.elements.back().context) m.last -= 1;
    if (m.first >= m.last) continue;
    m.captures = best_captures;
    best = std::move(m);
  }
  return best;
}

void WordTable::insert(std::string_view word, WordInfo info) {
  if ((words_.size() + 1) * 2 > slots_.size()) {   // grow to keep the load at most one half
    std::vector<std::string> old = std::move(keys_);
    std::vector<Slot> old_slots = std::move(slots_);
    const std::size_t capacity = std::max<std::size_t>(64, old.size() * 2);
    keys_.assign(capacity, {});
    slots_.assign(capacity, {});
    mask_ = static_cast<std::uint32_t>(capacity - 1);
    for (std::size_t k = 0; k < old.size(); ++k) {
      if (old[k].empty()) continue;
      std::uint32_t slot = hash(old[k], old_slots[k].head) & mask_;
      while (slots_[slot].size != 0) slot = (slot + 1) & mask_;
      keys_[slot] = std::move(old[k]);
      slots_[slot] = old_slots[k];
    }
  }
  const std::uint64_t h = head(word);
  std::uint32_t slot = hash(word, h) & mask_;
  while (slots_[slot].size != 0) slot = (slot + 1) & mask_;
  keys_[slot] = std::string(word);
  slots_[slot] = {h, static_cast<std::uint32_t>(word.size()), static_cast<std::uint32_t>(words_.size())};
  info.id = slots_[slot].info;
  words_.push_back(std::move(info));
}

const WordInfo* WordTable::find(std::string_view word) const { return find_inline(word); }

inline const WordInfo* WordTable::find_inline(std::string_view word) const {
  const std::size_t n = word.size();
  if (slots_.empty() || n == 0) return nullptr;
  const std::uint64_t h = head(word);
  for (std::uint32_t slot = hash(word, h) & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.size == 0) return nullptr;
    if (s.head == h && s.size == n && (n <= 8 || std::memcmp(keys_[slot].data() + 8, word.data() + 8, n - 8) == 0))
      return &words_[s.info];
  }
}

void RuleIndex::finish() {
  std::size_t capacity = 16;
  while (capacity < added_.size() * 2) capacity *= 2;   // load at most one half
  slots_.assign(capacity, {});
  mask_ = capacity - 1;
  for (const Slot& added : added_) {
    std::uint64_t slot = slot_of(added.key - 1) & mask_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot] = added;
  }
  added_ = {};
}

std::span<const std::uint32_t> RuleIndex::find(std::uint64_t key) const {
  if (slots_.empty()) return {};
  for (std::uint64_t slot = slot_of(key) & mask_;; slot = (slot + 1) & mask_) {
    const Slot& s = slots_[slot];
    if (s.key == 0) return {};
    if (s.key == key + 1) return {rules_.data() + s.begin, rules_.data() + s.end};
  }
}

std::uint64_t RuleIndex::slot_of(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 32; }

// hash(), head() and load() are inline, as find() is not: a call each per token cost more than hashing.
inline std::uint32_t WordTable::hash(std::string_view word, std::uint64_t first) {
  // Eight bytes to a multiply, read as at most two blocks for most words (a byte-at-a-time hash
  // kept every token of a window waiting on one multiply per letter); the high half of the last
  // product, where every byte has reached, is the hash. The first block is the head, already read.
  constexpr std::uint64_t kMix = 0x9E3779B97F4A7C15ull;
  std::size_t n = word.size();
  std::uint64_t h = (n * kMix ^ first) * kMix;
  if (n > 8) {
    const char* p = word.data() + 8;
    for (n -= 8; n > 8; p += 8, n -= 8) h = (h ^ load(p, 8)) * kMix;
    h = (h ^ load(p, n)) * kMix;
  }
  return static_cast<std::uint32_t>(h >> 32);
}

inline std::uint64_t WordTable::head(std::string_view word) { return load(word.data(), std::min<std::size_t>(word.size(), 8)); }

inline std::uint64_t WordTable::load(const char* p, std::size_t n) {
  if (n >= 4) {   // two reads that overlap when n < 8 and cover every byte
    std::uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    return first | std::uint64_t{last} << 32;
  }
  if (n == 0) return 0;
  const auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])}; };
  return byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
}

Result<Grammar> compile(std::string_view rules, std::string_view lexicon) {
  Grammar g;
  for (const auto& b : kBuiltins) (void)b;
  if (auto r = parse_lexicon(lexicon, g.lexicon); !r) return tl::unexpected(r.error());
  if (auto r = parse_rules(rules, g); !r) return tl::unexpected(r.error());
  build_index(g);
  g.infos.reserve(g.rules.size());
  for (const Rule& r : g.rules) g.infos.push_back(r.info);
  return g;
}

}  // namespace chronicle::temporal::detail
