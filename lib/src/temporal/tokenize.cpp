// Tokenizer of the temporal tagger: words, numbers (with their date/time connectors), single
// punctuation marks and paragraph breaks, plus a small sentence splitter for tense cues.

#include <algorithm>

#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Length of an apostrophe at `i` (ASCII ' or U+2019), 0 when none.
std::size_t apostrophe_at(std::string_view t, std::size_t i) {
  if (i < t.size() && t[i] == '\'') return 1;
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0x99)
    return 3;
  return 0;
}

/// End of a number token starting at `i`: digits joined by , . : / - when a digit follows,
/// then letters ("15th", "1990s", "3pm") and a possessive "'s" ("1990's").
std::size_t number_end(std::string_view t, std::size_t i, std::size_t end) {
  while (i < end) {
    if (is_digit(t[i])) { ++i; continue; }
    const char c = t[i];
    if ((c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && i + 1 < end && is_digit(t[i + 1])) { i += 2; continue; }
    break;
  }
  while (i < end && is_alpha(t[i])) ++i;
  if (const std::size_t a = apostrophe_at(t, i); a && i + a < end && (t[i + a] == 's' || t[i + a] == 'S') &&
                                                  (i + a + 1 >= end || !is_alnum(t[i + a + 1])))
    i += a + 1;
  return i;
}

/// End of a word token: letters and digits, dotted abbreviations ("a.m.", "U.S."), and inner
/// apostrophes except a possessive "'s" ("o'clock", "don't" stay whole; "Monday's" splits).
std::size_t word_end(std::string_view t, std::size_t i, std::size_t end) {
  const std::size_t start = i;
  while (i < end && is_alnum(t[i])) ++i;
  if (i - start <= 2 && i + 1 < end && t[i] == '.' && is_alpha(t[i + 1])) {
    while (i + 1 < end && t[i] == '.' && is_alpha(t[i + 1])) {
      std::size_t j = i + 1;
      while (j < end && is_alpha(t[j]) && j - i <= 2) ++j;
      if (j < end && is_alpha(t[j])) break;
      i = j;
    }
    if (i < end && t[i] == '.') ++i;
    return i;
  }
  while (true) {
    const std::size_t a = apostrophe_at(t, i);
    if (!a || i + a >= end || !is_alpha(t[i + a])) break;
    const bool possessive = (t[i + a] == 's' || t[i + a] == 'S') && (i + a + 1 >= end || !is_alnum(t[i + a + 1]));
    if (possessive) break;
    i += a;
    while (i < end && is_alnum(t[i])) ++i;
  }
  return i;
}

void assign_sentences(std::string_view text, TokenStream& out) {
  std::uint32_t sentence = 0;
  std::size_t sentence_begin = out.tokens.empty() ? 0 : out.tokens.front().span.begin;
  auto close = [&](std::size_t end) {
    out.sentences.push_back({sentence_begin, end});
    ++sentence;
  };
  for (std::size_t k = 0; k < out.tokens.size(); ++k) {
    Token& t = out.tokens[k];
    if (t.kind == TokenKind::paragraph) {
      t.sentence = sentence;
      close(t.span.begin);
      sentence_begin = k + 1 < out.tokens.size() ? out.tokens[k + 1].span.begin : t.span.end;
      continue;
    }
    t.sentence = sentence;
    if (t.kind != TokenKind::punct || k + 1 >= out.tokens.size()) continue;
    const char c = text[t.span.begin];
    if (c != '.' && c != '!' && c != '?') continue;
    const Token& next = out.tokens[k + 1];
    std::size_t n = k + 1;
    // closing quotes stay with the sentence they close
    while (n < out.tokens.size() && out.tokens[n].kind == TokenKind::punct &&
           (out.tokens[n].norm == "\"" || out.tokens[n].norm == "'" || out.tokens[n].norm == ")")) {
      out.tokens[n].sentence = sentence;
      ++n;
    }
    if (n >= out.tokens.size()) break;
    const Token& start = out.tokens[n];
    if (start.capitalized || start.kind == TokenKind::number || start.kind == TokenKind::punct ||
        next.kind == TokenKind::paragraph) {
      close(out.tokens[n - 1].span.end);
      sentence_begin = start.span.begin;
      k = n - 1;
    }
  }
  if (!out.tokens.empty()) close(out.tokens.back().span.end);
}

}  // namespace

void tokenize(std::string_view text, TextSpan range, std::span<const TextSpan> sentences, TokenStream& out) {
  out.tokens.clear();
  out.sentences.clear();
  out.extra.clear();
  out.lowered.assign(text.begin(), text.end());
  for (std::size_t i = range.begin; i < range.end && i < text.size(); ++i)
    if (is_upper(out.lowered[i])) out.lowered[i] = static_cast<char>(out.lowered[i] + 32);
  const std::size_t end = std::min(range.end, text.size());
  const std::string_view lowered = out.lowered;
  std::size_t i = range.begin;
  int newlines = 0;
  while (i < end) {
    const char c = text[i];
    if (is_space(c)) {
      if (c == '\n' && ++newlines == 2 && !out.tokens.empty() && out.tokens.back().kind != TokenKind::paragraph)
        out.tokens.push_back({{i, i}, {}, TokenKind::paragraph, false, false, 0});
      ++i;
      continue;
    }
    newlines = 0;
    Token tok;
    std::size_t j;
    if (is_digit(c)) {
      j = number_end(text, i, end);
      tok.kind = TokenKind::number;
    } else if (is_alpha(c)) {
      j = word_end(text, i, end);
      tok.kind = TokenKind::word;
    } else if (const std::size_t a = apostrophe_at(text, i); a) {
      tok.kind = TokenKind::punct;
      j = i + a;
      if (j < end && is_digit(text[j])) {              // '98, '90s
        j = number_end(text, j, end);
        tok.kind = TokenKind::number;
      } else if (j < end && (text[j] == 's' || text[j] == 'S') && (j + 1 >= end || !is_alnum(text[j + 1]))) {
        j += 1;                                          // possessive 's
        tok.kind = TokenKind::word;
      }
    } else {
      j = i + 1;
      const auto b = static_cast<unsigned char>(c);
      if (b >= 0x80) {                                   // keep a whole UTF-8 sequence
        while (j < end && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      }
      tok.kind = TokenKind::punct;
    }
    tok.span = {i, j};
    std::string_view norm = lowered.substr(i, j - i);
    if (norm.find("\xE2\x80\x99") != std::string_view::npos) {
      std::string folded;
      for (std::size_t k = 0; k < norm.size(); ++k) {
        if (apostrophe_at(norm, k) == 3) { folded += '\''; k += 2; }
        else folded += norm[k];
      }
      out.extra.push_back(std::move(folded));
      norm = out.extra.back();
    }
    tok.norm = norm;
    if (tok.kind == TokenKind::word) {
      std::size_t first = i;
      while (first < j && !is_alpha(text[first])) ++first;
      tok.capitalized = first < j && is_upper(text[first]);
      std::size_t letters = 0, upper = 0;
      for (std::size_t k = i; k < j; ++k)
        if (is_alpha(text[k])) { ++letters; if (is_upper(text[k])) ++upper; }
      tok.all_caps = letters > 1 && upper == letters;
    }
    out.tokens.push_back(tok);
    i = j;
  }
  if (sentences.empty()) {
    assign_sentences(text, out);
    return;
  }
  // Sentences given by the segmenter: number tokens by the sentence containing them.
  out.sentences.assign(sentences.begin(), sentences.end());
  std::size_t s = 0;
  for (Token& t : out.tokens) {
    while (s + 1 < sentences.size() && sentences[s].end <= t.span.begin) ++s;
    t.sentence = static_cast<std::uint32_t>(s);
  }
}

}  // namespace chronicle::temporal::detail
