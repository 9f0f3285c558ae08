#include "chronicle/language/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace chronicle::language {
namespace {

constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019, the typographic apostrophe

bool is_letter(unsigned char c) { return std::isalpha(c) != 0 || c >= 0x80; }

// Length of the apostrophe starting at `at` (1 for ', 3 for ’), or 0.
std::size_t apostrophe_at(std::string_view s, std::size_t at) {
  if (at < s.size() && s[at] == '\'') return 1;
  if (s.substr(at, kCurly.size()) == kCurly) return kCurly.size();
  return 0;
}

// Length of the apostrophe ending at `end` (exclusive), or 0.
std::size_t apostrophe_before(std::string_view s, std::size_t end) {
  if (end >= 1 && s[end - 1] == '\'') return 1;
  if (end >= kCurly.size() && s.substr(end - kCurly.size(), kCurly.size()) == kCurly) return kCurly.size();
  return 0;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == y; });
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

// Clitics split off after an apostrophe, lowercase without the apostrophe.
constexpr std::array<std::string_view, 6> kClitics = {"s", "re", "ve", "ll", "d", "m"};

// Whole words UD splits without an apostrophe: word -> length of the first part.
struct FusedWord {
  std::string_view word;
  std::size_t head;
};
constexpr std::array<FusedWord, 16> kFused = {{
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"dont", 2}, {"didnt", 3},
    {"doesnt", 4}, {"isnt", 2}, {"wasnt", 3}, {"arent", 3}, {"werent", 4}, {"couldnt", 5},
    {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3},
}};

// Prefixes EWT keeps attached to the rest of the word ("e-mail", "non-human", "mid-July").
constexpr std::array<std::string_view, 24> kHyphenPrefixes = {
    "e", "non", "mid", "pre", "anti", "re", "post", "co", "over", "pro", "multi", "ex",
    "sub", "semi", "psycho", "neo", "cross", "inter", "intra", "counter", "self", "un", "vice", "x"};

// Splits a word piece (no hyphen handling) at its clitic; appends the words to `out`.
void split_clitic(std::string_view text, TextSpan span, std::vector<TextSpan>& out) {
  std::string_view w = span.of(text);
  // n't: "don't" -> "do" "n't"; needs a letter before the n.
  for (std::size_t i = 2; i < w.size(); ++i) {
    std::size_t a = apostrophe_at(w, i);
    if (a == 0) continue;
    std::string_view tail = w.substr(i + a);
    if ((w[i - 1] == 'n' || w[i - 1] == 'N') && iequals(tail, "t") && is_letter(static_cast<unsigned char>(w[i - 2]))) {
      out.push_back({span.begin, span.begin + i - 1});
      out.push_back({span.begin + i - 1, span.end});
      return;
    }
    break;
  }
  // 's 're 've 'll 'd 'm
  for (std::size_t i = 1; i < w.size(); ++i) {
    std::size_t a = apostrophe_at(w, i);
    if (a == 0) continue;
    std::string_view tail = w.substr(i + a);
    bool clitic = std::any_of(kClitics.begin(), kClitics.end(), [&](std::string_view c) { return iequals(tail, c); });
    if (clitic && is_letter(static_cast<unsigned char>(w[i - 1]))) {
      out.push_back({span.begin, span.begin + i});
      out.push_back({span.begin + i, span.end});
      return;
    }
    break;
  }
  // Plural possessive "parents'" -> "parents" "'".
  if (std::size_t a = apostrophe_before(w, w.size()); a != 0 && w.size() > a + 1 && ends_with_ci(w.substr(0, w.size() - a), "s")) {
    out.push_back({span.begin, span.end - a});
    out.push_back({span.end - a, span.end});
    return;
  }
  // A closing single quote the segmenter left on the word: "hello'" -> "hello" "'".
  if (std::size_t a = apostrophe_before(w, w.size()); a != 0 && w.size() > a) {
    out.push_back({span.begin, span.end - a});
    out.push_back({span.end - a, span.end});
    return;
  }
  for (const FusedWord& f : kFused) {
    if (iequals(w, f.word)) {
      out.push_back({span.begin, span.begin + f.head});
      out.push_back({span.begin + f.head, span.end});
      return;
    }
  }
  out.push_back(span);
}

bool all_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_letter(static_cast<unsigned char>(c)); });
}

bool is_hyphen_prefix(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(kHyphenPrefixes.begin(), kHyphenPrefixes.end(), lower) != kHyphenPrefixes.end();
}

// Joins a coarse token to the previous one when the segmenter cut a contraction apart.
bool joins_contraction(std::string_view text, TextSpan prev, TextSpan next) {
  if (prev.end != next.begin || prev.empty() || next.empty()) return false;
  std::string_view a = prev.of(text);
  std::string_view b = next.of(text);
  bool a_letter_end = is_letter(static_cast<unsigned char>(a.back())) && apostrophe_before(a, a.size()) == 0;
  if (a_letter_end && apostrophe_at(b, 0) != 0 && b.size() > apostrophe_at(b, 0)) return true;  // "Bush" "'s"
  if (a_letter_end && apostrophe_at(b, 0) != 0) return true;                                     // "don" "'"
  std::size_t ap = apostrophe_before(a, a.size());
  return ap != 0 && a.size() > ap && is_letter(static_cast<unsigned char>(a[a.size() - ap - 1])) &&
         is_letter(static_cast<unsigned char>(b.front()));                                        // "don'" "t"
}

}  // namespace

std::vector<TextSpan> split_token(std::string_view text, TextSpan span) {
  std::vector<TextSpan> out;
  std::string_view w = span.of(text);
  // Hyphens between letters, unless the part before is a prefix EWT keeps attached.
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i] != '-') continue;
    std::string_view left = w.substr(start, i - start);
    std::size_t next_hyphen = w.find('-', i + 1);
    std::string_view right = w.substr(i + 1, next_hyphen == std::string_view::npos ? std::string_view::npos : next_hyphen - i - 1);
    if (!all_letters(left) || right.empty() || !is_letter(static_cast<unsigned char>(right.front())) ||
        (start == 0 && is_hyphen_prefix(left)))
      continue;
    split_clitic(text, {span.begin + start, span.begin + i}, out);
    out.push_back({span.begin + i, span.begin + i + 1});
    start = i + 1;
  }
  split_clitic(text, {span.begin + start, span.end}, out);
  return out;
}

std::vector<TextSpan> ud_tokenize(std::string_view text, std::span<const segment::Token> tokens) {
  std::vector<TextSpan> pieces;
  pieces.reserve(tokens.size() + 4);
  for (const segment::Token& t : tokens) {
    if (!pieces.empty() && joins_contraction(text, pieces.back(), t.span))
      pieces.back().end = t.span.end;
    else
      pieces.push_back(t.span);
  }
  std::vector<TextSpan> words;
  words.reserve(pieces.size() + 4);
  for (TextSpan p : pieces) {
    std::vector<TextSpan> split = split_token(text, p);
    words.insert(words.end(), split.begin(), split.end());
  }
  return words;
}

}  // namespace chronicle::language
