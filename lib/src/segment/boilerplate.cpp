// Boilerplate lines of web text: the data rules of boilerplate.tsv, then four shapes no list can
// hold — all-capitals tag lines, bracketed credits, bylines and truncated teasers.
#include <string_view>
#include <vector>

#include "chars.hpp"
#include "chronicle/segment/segmenter.hpp"
#include "lexicon.hpp"
#include "tokenizer.hpp"

namespace chronicle::segment {
namespace {

using detail::Case;
using detail::CharClass;
using detail::LineRuleKind;

constexpr std::size_t kMaxLine = 600;      // no rule fires on a longer line
constexpr std::size_t kMaxPrefixLine = 300;
constexpr std::size_t kMaxSuffixLine = 200;

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Case-insensitive equality where any run of white space in `s` matches one space of `pattern`.
bool equal_fold(std::string_view s, std::string_view pattern) {
  std::size_t i = 0;
  for (char p : pattern) {
    if (i >= s.size()) return false;
    if (p == ' ' && is_ascii_space(s[i])) {
      while (i < s.size() && is_ascii_space(s[i])) ++i;
      continue;
    }
    if (fold(s[i]) != fold(p)) return false;
    ++i;
  }
  return i == s.size();
}

bool starts_with_fold(std::string_view s, std::string_view pattern) {
  return s.size() >= pattern.size() && equal_fold(s.substr(0, pattern.size()), pattern);
}

bool ends_with_fold(std::string_view s, std::string_view pattern) {
  return s.size() >= pattern.size() && equal_fold(s.substr(s.size() - pattern.size()), pattern);
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The line without leading bullets and trailing decoration: "• Read more »" -> "Read more".
std::string_view core_of(std::string_view s) {
  constexpr std::string_view kLead[] = {"\u2022", "\u00B7", "*", "|", ">", "-"};
  constexpr std::string_view kTrail[] = {":", "|", "\u00BB", "\u203A", ">", ".", "\u2026", "\u00B7", " ", "\t"};
  auto decorated = [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) != 0 || std::string_view("*|>-:. \t").find(c) != std::string_view::npos;
  };
  for (bool again = true; again && !s.empty() && (decorated(s.front()) || decorated(s.back()));) {
    again = false;
    for (std::string_view l : kLead)
      if (s.starts_with(l)) s.remove_prefix(l.size()), again = true;
    for (std::string_view t : kTrail)
      if (s.ends_with(t)) s.remove_suffix(t.size()), again = true;
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1), again = true;
  }
  return s;
}

// `lowered` is `s` in ASCII lower case; contains patterns are stored lower-cased.
bool matches(const detail::LineRule& rule, std::string_view s, std::string_view core, std::string_view lowered) {
  const std::string& p = rule.pattern;
  switch (rule.kind) {
    case LineRuleKind::line:
      return equal_fold(core, p);
    case LineRuleKind::prefix:
      // A pattern ending in a word character must end at a word boundary ("Sign up", not "Sign upon").
      return s.size() <= kMaxPrefixLine && starts_with_fold(core, p) &&
             (!is_word_byte(p.back()) || core.size() == p.size() || !is_word_byte(core[p.size()]));
    case LineRuleKind::suffix:
      return s.size() <= kMaxSuffixLine && ends_with_fold(s, p);
    case LineRuleKind::contains:
      return lowered.find(p) != std::string_view::npos;
    case LineRuleKind::tag_stopword:
      return false;
  }
  return false;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    std::size_t b = i;
    while (i < s.size() && !is_ascii_space(s[i])) ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  return words;
}

// "KERRY PUTIN RUSSIA": 2-6 words in capitals, no lower-case letter, no headline function word,
// not ending like a sentence or a dateline ("MOSCOW —").
bool is_tag_line(std::string_view s, const detail::Lexicon& lex) {
  for (char c : s)
    if (c >= 'a' && c <= 'z') return false;  // the common case, decided without splitting words
  std::vector<std::string_view> words = words_of(s);
  if (words.size() < 2 || words.size() > 6) return false;
  int with_capitals = 0;
  for (std::string_view w : words) {
    bool upper = false;
    bool alnum_start = false;
    for (std::size_t i = 0; i < w.size();) {
      detail::Char c = detail::char_at(w, i);
      if (i == 0) alnum_start = detail::is_alnum(c.cls);
      if (c.letter_case == Case::lower) return false;
      upper = upper || c.letter_case == Case::upper;
      i += c.len;
    }
    if (!alnum_start) return false;
    std::string_view bare = w;
    while (!bare.empty() && (bare.back() == ',' || bare.back() == ';')) bare.remove_suffix(1);
    if (lex.is_tag_stopword(bare)) return false;
    with_capitals += upper ? 1 : 0;
  }
  char last = s.back();
  return with_capitals >= 2 && last != '.' && last != '?' && last != '!' && last != ':' && last != '-';
}

// "(Reuters)", "(AP Photo/Ivan Sekretarev)": a short line that is one bracketed phrase.
bool is_bracketed_credit(std::string_view s) {
  if (s.size() < 3 || !((s.front() == '(' && s.back() == ')') || (s.front() == '[' && s.back() == ']')))
    return false;
  std::string_view inner = s.substr(1, s.size() - 2);
  if (inner.find_first_of("()[]") != std::string_view::npos || inner.find(". ") != std::string_view::npos)
    return false;
  return words_of(inner).size() <= 8;
}

// "By John Smith", "By CHEGE MBITIRU", "By Jane Doe and John Smith".
bool is_byline(std::string_view s) {
  if (s.size() > 100 || !(s.starts_with("By ") || s.starts_with("BY "))) return false;
  constexpr std::string_view kParticles[] = {"and", "&",  "de",  "van", "von", "der",
                                             "da",  "di", "al", "bin", "le",  "la"};
  std::vector<std::string_view> words = words_of(s.substr(3));
  if (words.empty() || words.size() > 6 || s.back() == '.') return false;
  for (std::string_view w : words) {
    bool particle = false;
    for (std::string_view p : kParticles) particle = particle || w == p;
    if (!particle && detail::char_at(w, 0).letter_case != Case::upper) return false;
  }
  return true;
}

// "As Carter spoke about finding n…": one unfinished sentence cut off by an ellipsis.
bool is_truncated_teaser(std::string_view s, const detail::Lexicon& lex) {
  if (!(s.ends_with("\u2026") || s.ends_with("..."))) return false;
  std::vector<Token> tokens;
  detail::tokenize_into(s, TextSpan{0, s.size()}, lex, tokens);
  std::vector<std::size_t> ends;
  detail::sentence_ends(s, tokens, lex, ends);
  return ends.size() == 1;
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  TextSpan span = detail::trim(line, TextSpan{0, line.size()});
  std::string_view s = span.of(line);
  if (s.empty() || s.size() > kMaxLine) return false;
  const detail::Lexicon& lex = detail::lexicon();
  std::string_view core = core_of(s);
  char buffer[kMaxLine];
  for (std::size_t i = 0; i < s.size(); ++i) buffer[i] = fold(s[i]);
  std::string_view lowered(buffer, s.size());
  for (const detail::LineRule& rule : lex.line_rules())
    if (matches(rule, s, core, lowered)) return true;
  return is_bracketed_credit(s) || is_byline(s) || is_tag_line(s, lex) || is_truncated_teaser(s, lex);
}

}  // namespace chronicle::segment
