// The grammar: lexicon and rules files parsed into token patterns, a first-token index, and the
// leftmost-longest matcher. Patterns have a bounded length, so matching is bounded per token.

#include <algorithm>
#include <charconv>

#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t p = s.find(sep, start);
    parts.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return parts;
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
  out.push_back({slot, number, std::string(text)});
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
  std::string digits;
  for (char c : t.norm) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return false;
    digits += c;
  }
  const auto v = to_number(digits);
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
};
constexpr BuiltinName kBuiltins[] = {
    {"year", b_year}, {"yy", b_yy}, {"day", b_day}, {"int", b_int}, {"num", b_num}, {"ordinal", b_ordinal},
    {"ymd", b_ymd}, {"mdy", b_mdy}, {"clock", b_clock}, {"hour", b_hour}, {"decade", b_decade}, {"qn", b_qn},
    {"plural", b_plural}, {"capword", b_capword}, {"amount", b_amount}};

// --- parsing ----------------------------------------------------------------------------------

Result<Element> parse_element(std::string_view item, Lexicon& lexicon, std::string_view where) {
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
    if (!e.builtin && e.cls < 0) return fail("{}: unknown class <{}>", where, name);
    return e;
  }
  for (std::string_view w : split(item, '|')) {
    if (w.empty()) return fail("{}: empty alternative in '{}'", where, item);
    if (w.size() > 2 && w.front() == '<') {
      // a class inside alternatives: treat the whole element as that class only when alone
      return fail("{}: classes cannot be alternatives of words ('{}')", where, item);
    }
    e.words.emplace_back(w);
  }
  return e;
}

Result<void> parse_lexicon(std::string_view text, Lexicon& lexicon) {
  std::size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto cols = split(line, '\t');
    if (cols.size() < 3) return fail("en/temporal/lexicon.tsv:{}: expected class, word and value", line_no);
    LexEntry entry;
    entry.cls = lexicon.class_id(cols[0]);
    entry.value = std::string(cols[2]);
    entry.number = to_number(cols[2]).value_or(0);
    if (cols.size() > 3) {
      entry.cap = cols[3].find("cap") != std::string_view::npos;
      entry.abbr = cols[3].find("abbr") != std::string_view::npos;
    }
    lexicon.words[std::string(cols[1])].push_back(std::move(entry));
  }
  return {};
}

Result<void> parse_rules(std::string_view text, Grammar& g) {
  std::size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const auto cols = split(line, '\t');
    const std::string where = fmt::format("en/temporal/rules.tsv:{}", line_no);
    if (cols.size() < 5) return fail("{}: expected name, pattern, value, example and expected columns", where);
    Rule rule;
    rule.info = {std::string(trim(cols[0])), std::string(trim(cols[1])), std::string(trim(cols[2])),
                 std::string(trim(cols[3])), std::string(trim(cols[4])), line_no};
    bool seen_required = false;
    for (std::string_view item : split(rule.info.pattern, ' ')) {
      if (item.empty()) continue;
      auto e = parse_element(item, g.lexicon, where);
      if (!e) return tl::unexpected(e.error());
      if (e->negative) {
        (seen_required ? rule.ahead : rule.behind).push_back(std::move(*e));
        continue;
      }
      seen_required = true;
      rule.elements.push_back(std::move(*e));
    }
    if (rule.elements.empty()) return fail("{}: empty pattern", where);
    const auto value = split(rule.info.value, ' ');
    rule.fn_name = std::string(value.front());
    if (rule.fn_name != "none") {
      rule.fn = find_value_fn(rule.fn_name);
      if (!rule.fn) return fail("{}: unknown value function '{}'", where, rule.fn_name);
    }
    for (std::size_t k = 1; k < value.size(); ++k) {
      if (value[k].empty()) continue;
      const auto eq = value[k].find('=');
      if (eq == std::string_view::npos) return fail("{}: argument '{}' is not key=value", where, value[k]);
      Arg arg{std::string(value[k].substr(0, eq)), std::string(value[k].substr(eq + 1)), false, false};
      std::string_view ref = arg.value;
      const bool negate = ref.size() > 1 && ref.front() == '-' && !to_number(ref);
      if (negate) ref.remove_prefix(1);
      const bool is_slot = std::any_of(rule.elements.begin(), rule.elements.end(), [&](const Element& e) {
        return e.slot == ref || (e.builtin == find_builtin("ymd") && (ref == "year" || ref == "month" || ref == "day")) ||
               (e.builtin == find_builtin("mdy") && (ref == "year" || ref == "month" || ref == "day")) ||
               ((e.builtin == find_builtin("clock") || e.builtin == find_builtin("hour")) && ref == "ampm");
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
      if (!e.optional) break;
    }
  }
}

// --- matching ---------------------------------------------------------------------------------

/// Matches element `e` at token `i`; returns the number of tokens consumed (0: no match).
std::size_t match_element(const Grammar& g, const Element& e, const std::vector<Token>& tokens, std::size_t i,
                          Captures& caps) {
  if (i >= tokens.size()) return 0;
  const Token& t = tokens[i];
  if (t.kind == TokenKind::paragraph) return 0;
  if (!e.words.empty()) {
    for (const std::string& w : e.words)
      if (t.norm == w) return 1;
    return 0;
  }
  if (e.cls >= 0) {
    if (const auto* entries = g.lexicon.lookup(t.norm)) {
      for (const LexEntry& le : *entries) {
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

struct Search {
  const Grammar& g;
  const Rule& rule;
  const std::vector<Token>& tokens;
  std::size_t best_end = 0;
  bool found = false;
  Captures best;
  Captures current;

  void run(std::size_t elem, std::size_t i) {
    if (elem == rule.elements.size()) {
      if (!found || i > best_end) {
        for (const Element& a : rule.ahead) {
          Captures scratch;
          if (match_element(g, a, tokens, i, scratch)) return;
        }
        found = true;
        best_end = i;
        best = current;
      }
      return;
    }
    const Element& e = rule.elements[elem];
    const std::size_t mark = current.size();
    if (const std::size_t n = match_element(g, e, tokens, i, current)) run(elem + 1, i + n);
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

std::optional<Match> Grammar::match_at(const std::vector<Token>& tokens, std::size_t i) const {
  const Token& t = tokens[i];
  if (t.kind == TokenKind::paragraph) return std::nullopt;
  std::vector<std::uint32_t> candidates;
  if (const auto it = by_word.find(t.norm); it != by_word.end())
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  if (const auto* entries = lexicon.lookup(t.norm))
    for (const LexEntry& e : *entries) {
      const auto& v = by_class[static_cast<std::size_t>(e.cls)];
      candidates.insert(candidates.end(), v.begin(), v.end());
    }
  if (t.kind == TokenKind::number || t.norm.size() == 2) candidates.insert(candidates.end(), by_builtin.begin(), by_builtin.end());
  if (candidates.empty()) return std::nullopt;
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::optional<Match> best;
  for (std::uint32_t r : candidates) {
    const Rule& rule = rules[r];
    bool blocked = false;
    for (const Element& b : rule.behind) {
      Captures scratch;
      if (i > 0 && match_element(*this, b, tokens, i - 1, scratch)) blocked = true;
    }
    if (blocked) continue;
    Search search{*this, rule, tokens, 0, false, {}, {}};
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
      Captures scratch;
      m.first += match_element(*this, rule.elements.front(), tokens, i, scratch);
    }
    if (rule.elements.back().context) m.last -= 1;
    if (m.first >= m.last) continue;
    m.captures = std::move(search.best);
    best = std::move(m);
  }
  return best;
}

Result<Grammar> compile(std::string_view rules, std::string_view lexicon) {
  Grammar g;
  for (const auto& b : kBuiltins) (void)b;
  if (auto r = parse_lexicon(lexicon, g.lexicon); !r) return tl::unexpected(r.error());
  if (auto r = parse_rules(rules, g); !r) return tl::unexpected(r.error());
  build_index(g);
  for (const Rule& r : g.rules) g.infos.push_back(r.info);
  return g;
}

}  // namespace chronicle::temporal::detail
