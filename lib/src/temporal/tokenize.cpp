// Tokenizer of the temporal tagger: words, numbers (with their date/time connectors), single
// punctuation marks and paragraph breaks, plus a small sentence splitter for tense cues.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "chronicle/segment/segmenter.hpp"
#include "ascii_blocks.hpp"
#include "grammar.hpp"
#include "prefilter.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// The end of the run of ASCII letters and digits from `i` in t[..end), a block at a time.
std::size_t alnum_run_end(std::string_view t, std::size_t i, std::size_t end) {
  if constexpr (kAsciiBlocks)
    for (; i + 8 <= end; i += 8) {
      const std::uint64_t block = load_block(t.data() + i);
      if (const std::size_t n = leading_bytes(letter_bytes(block) | digit_bytes(block)); n < 8) return i + n;
    }
  while (i < end && is_alnum(t[i])) ++i;
  return i;
}

/// Letters, uppercase letters and digits among the bytes text[i, j).
struct LetterCounts {
  std::size_t letters = 0, upper = 0;
  bool digit = false;
};

LetterCounts count_letters(std::string_view text, std::size_t i, std::size_t j) {
  LetterCounts counts;
  if constexpr (kAsciiBlocks)
    for (; i < j && i + 8 <= text.size(); i += 8) {   // the last block may read past j: masked
      const std::uint64_t block = load_block(text.data() + i);
      const std::size_t n = std::min<std::size_t>(8, j - i);
      counts.letters += count_bytes(first_bytes(letter_bytes(block), n));
      counts.upper += count_bytes(first_bytes(upper_bytes(block), n));
      counts.digit |= first_bytes(digit_bytes(block), n) != 0;
    }
  for (; i < j; ++i) {
    if (is_alpha(text[i])) { ++counts.letters; if (is_upper(text[i])) ++counts.upper; }
    else if (is_digit(text[i])) counts.digit = true;
  }
  return counts;
}

/// Length of an apostrophe at `i` (ASCII ' or U+2019), 0 when none.
inline std::size_t apostrophe_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == '\'') return 1;
  if (c != 0xE2 || i + 2 >= t.size()) return 0;   // after nearly every word: one compare
  return static_cast<unsigned char>(t[i + 1]) == 0x80 && static_cast<unsigned char>(t[i + 2]) == 0x99 ? 3 : 0;
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
  i = alnum_run_end(t, i, end);
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
    i = alnum_run_end(t, i, end);
  }
  return i;
}

/// Whether the terminal `text[dot]` may end a sentence before the token `text[next]` (a word, or
/// empty when the next token is none). After a listed abbreviation ("vs.", "Calif.", "Dec.", "Mr.")
/// or a single capital ("John F. Kennedy") a sentence ends only when the abbreviation may end one
/// and a common sentence starter follows: "in Flint, Mich. Chrysler said", "Russia vs. Turkey" and
/// "on Dec. 15" go on, "Apple Inc. The company" ends. `lower` bounds the look back to the word.
bool may_end_at(std::string_view text, std::size_t lower, std::size_t dot, TextSpan next) {
  if (text[dot] != '.') return true;
  std::size_t q = dot;
  while (q > lower && is_alpha(text[q - 1])) --q;
  if (q == dot || (q > lower && (is_digit(text[q - 1]) || text[q - 1] == '.'))) return true;
  const std::string_view word = text.substr(q, dot + 1 - q);
  const segment::AbbreviationEnd end =
      word.size() == 2 && is_upper(word[0]) ? segment::AbbreviationEnd::maybe : segment::abbreviation_end(word);
  if (end == segment::AbbreviationEnd::none) return true;
  if (end == segment::AbbreviationEnd::never || next.begin == next.end) return false;
  // "Mr." is a starter with its period
  const std::string_view starter = text.substr(next.begin, next.end - next.begin);
  return segment::is_sentence_starter(starter) ||
         (next.end < text.size() && text[next.end] == '.' &&
          segment::is_sentence_starter(text.substr(next.begin, next.end + 1 - next.begin)));
}

/// Whether the terminal `text[dot]` ends a sentence: before a paragraph break (`paragraph_next`),
/// or before `start` (the token after it and its closing quotes: a Token or a LiteToken) when that
/// is capitalized, a number or a mark and may_end_at() agrees. `lower` as for may_end_at().
template <class StartToken>
bool ends_sentence(std::string_view text, std::size_t lower, std::size_t dot, bool paragraph_next,
                   const StartToken& start) {
  if (paragraph_next) return true;
  if (!start.capitalized && start.kind != TokenKind::number && start.kind != TokenKind::punct) return false;
  return may_end_at(text, lower, dot, start.kind == TokenKind::word ? start.span : TextSpan{});
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
    if (ends_sentence(text, out.tokens.front().span.begin, t.span.begin, next.kind == TokenKind::paragraph, start)) {
      close(out.tokens[n - 1].span.end);
      sentence_begin = start.span.begin;
      k = n - 1;
    }
  }
  if (!out.tokens.empty()) close(out.tokens.back().span.end);
}

/// Kind and end of the token that starts at the non-space byte `i` of `text[..end)`.
TokenKind scan_token(std::string_view text, std::size_t i, std::size_t end, std::size_t& j) {
  const char c = text[i];
  if (is_digit(c)) {
    j = number_end(text, i, end);
    return TokenKind::number;
  }
  if (is_alpha(c)) {
    j = word_end(text, i, end);
    return TokenKind::word;
  }
  if (const std::size_t a = apostrophe_at(text, i); a) {
    j = i + a;
    if (j < end && is_digit(text[j])) {              // '98, '90s
      j = number_end(text, j, end);
      return TokenKind::number;
    }
    if (j < end && (text[j] == 's' || text[j] == 'S') && (j + 1 >= end || !is_alnum(text[j + 1]))) {
      j += 1;                                          // possessive 's
      return TokenKind::word;
    }
    return TokenKind::punct;
  }
  j = i + 1;
  if (static_cast<unsigned char>(c) >= 0x80)           // keep a whole UTF-8 sequence
    while (j < end && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
  return TokenKind::punct;
}

/// Whether the word token text[i, j) starts (after any apostrophe) with a capital.
bool capitalized_word(std::string_view text, std::size_t i, std::size_t j) {
  while (i < j && !is_alpha(text[i])) ++i;
  return i < j && is_upper(text[i]);
}

/// ASCII letters of `s` to lowercase; whether `s` holds a byte 0xE2 (the first of a curly
/// apostrophe's). Sixteen bytes at a time where SSE2 is the baseline, the same pass looking for
/// the 0xE2 (a second pass, memchr, cost as much as the lowering), the last sixteen bytes lowered
/// again in place of a byte-at-a-time tail (lowering twice changes nothing).
bool lower_ascii(std::string& s) {
#if defined(__SSE2__)
  if (s.size() >= 16) {
    const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1),
                  case_bit = _mm_set1_epi8(0x20), e2 = _mm_set1_epi8(static_cast<char>(0xE2));
    __m128i seen_e2 = _mm_setzero_si128();
    const auto lower16 = [&](std::size_t k) {
      auto* p = reinterpret_cast<__m128i*>(s.data() + k);
      const __m128i v = _mm_loadu_si128(p);
      // signed compares: a byte >= 0x80 is below 'A', so no UTF-8 byte is taken for a capital
      const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z));
      _mm_storeu_si128(p, _mm_or_si128(v, _mm_and_si128(upper, case_bit)));
      seen_e2 = _mm_or_si128(seen_e2, _mm_cmpeq_epi8(v, e2));
    };
    for (std::size_t k = 0; k + 16 <= s.size(); k += 16) lower16(k);
    if (s.size() % 16 != 0) lower16(s.size() - 16);
    return _mm_movemask_epi8(seen_e2) != 0;
  }
#endif
  std::size_t k = 0;
  if constexpr (kAsciiBlocks)
    for (; k + 8 <= s.size(); k += 8) {
      std::uint64_t block = load_block(s.data() + k);
      block |= upper_bytes(block) >> 2;   // 0x80 >> 2 is the case bit, 0x20
      std::memcpy(s.data() + k, &block, 8);
    }
  for (; k < s.size(); ++k)
    if (is_upper(s[k])) s[k] = static_cast<char>(s[k] + 32);
  return s.find('\xE2') != std::string::npos;
}

/// A word token found by block_word(): its length and flags.
struct BlockWord {
  std::size_t size = 0;   ///< 0: the word needs the general scan (scan_token)
  bool all_caps = false, digit = false;
};

/// Most words are a run of letters (and digits) ended by a space or a mark that cannot carry the
/// word on: such a word is cut and flagged from the blocks its bytes lie in, the blocks that class
/// them also counting their capitals and digits (the general scan went over them twice, once to
/// cut and once to count). A run that ends at a dot or an apostrophe (abbreviations, "o'clock",
/// "Monday's") takes the general scan. A block may read past `end` (never past the text): those
/// bytes are masked off.
BlockWord block_word(std::string_view text, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
  // Sixteen bytes a block where SSE2 is the baseline (every x86-64), their classes one bit a byte
  // (movemask): most words fit in one block. Else eight, the classes one 0x80 flag a byte.
  const auto in = [](__m128i v, char lo, char hi) {   // signed: a byte >= 0x80 is in no ASCII range
    return static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))))));
  };
  std::size_t n = 0;
  bool all_upper = true, digit = false, any_letter = false, several_letters = false;
  while (true) {
    if (i + n + 16 > text.size()) return {};
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i + n));
    const std::uint32_t letter_bits = in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'), digit_bits = in(v, '0', '9');
    const auto run = std::min<std::size_t>(static_cast<std::size_t>(std::countr_zero(~(letter_bits | digit_bits))),
                                           end - (i + n));   // at most 16: bit 16 of the complement is set
    const std::uint32_t mask = (std::uint32_t{1} << run) - 1;
    const std::uint32_t letters = letter_bits & mask;
    several_letters = several_letters || (any_letter && letters != 0) || (letters & (letters - 1)) != 0;
    any_letter = any_letter || letters != 0;
    all_upper = all_upper && (in(v, 'A', 'Z') & mask) == letters;
    digit = digit || (digit_bits & mask) != 0;
    n += run;
    if (run < 16) break;   // else the run may go on in the next block
  }
  const bool all_caps = all_upper && several_letters;
#else
  std::size_t n = 0, letters = 0;
  bool all_upper = true, digit = false;
  while (true) {
    if (i + n + 8 > text.size()) return {};
    const std::uint64_t block = load_block(text.data() + i + n);
    const std::uint64_t letter_flags = letter_bytes(block), digit_flags = digit_bytes(block);
    const std::size_t run = std::min(leading_bytes(letter_flags | digit_flags), end - (i + n));
    const std::uint64_t word_letters = first_bytes(letter_flags, run);
    letters += count_bytes(word_letters);
    all_upper = all_upper && first_bytes(upper_bytes(block), run) == word_letters;
    digit = digit || first_bytes(digit_flags, run) != 0;
    n += run;
    if (run < 8) break;   // else the run may go on in the next block
  }
  const bool all_caps = all_upper && letters > 1;
#endif
  if (const std::size_t j = i + n; j < end) {
    const char stop = text[j];
    if (stop == '\'' || stop == '\xE2' || (stop == '.' && n <= 2)) return {};
  }
  return {n, all_caps, digit};
}

/// `kBlockWords` false keeps every token on the general scan: the reference tokenize_plain()
/// gives the tests.
template <bool kBlockWords>
void tokenize_range(std::string_view text, TextSpan range, TokenStream& out) {
  out.tokens.clear();
  out.sentences.clear();
  out.extra.clear();
  const std::size_t end = std::min(range.end, text.size());
  const std::size_t base = std::min(range.begin, end);
  // Only the range is lowered: norms view `lowered` at (offset - base).
  out.lowered.assign(text.data() + base, end - base);
  // A curly apostrophe is rare: when the range has no byte of one, no token needs folding.
  const bool any_curly = lower_ascii(out.lowered);
  const std::string_view lowered = out.lowered;
  std::size_t i = base;
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
    if constexpr (kBlockWords && kAsciiBlocks)
      if (is_alpha(c))
        if (const BlockWord word = block_word(text, i, end); word.size != 0) {
          // letters and digits: no apostrophe to fold
          out.tokens.push_back({{i, i + word.size}, lowered.substr(i - base, word.size), TokenKind::word, is_upper(c),
                                word.all_caps, 0, word.digit});
          i += word.size;
          continue;
        }
    std::size_t j = i;
    const TokenKind kind = scan_token(text, i, end, j);
    std::string_view norm = lowered.substr(i - base, j - i);
    if (any_curly && norm.find("\xE2\x80\x99") != std::string_view::npos) {
      std::string folded;
      for (std::size_t k = 0; k < norm.size(); ++k) {
        if (apostrophe_at(norm, k) == 3) { folded += '\''; k += 2; }
        else folded += norm[k];
      }
      out.extra.push_back(std::move(folded));
      norm = out.extra.back();
    }
    Token& tok = out.tokens.emplace_back();   // filled in place: a token is 48 bytes
    tok.kind = kind;
    tok.span = {i, j};
    tok.norm = norm;
    tok.digit = kind == TokenKind::number;
    if (kind == TokenKind::word) {
      // a word starts with a letter, or with an apostrophe ("'s")
      tok.capitalized = is_alpha(c) ? is_upper(c) : capitalized_word(text, i, j);
      const LetterCounts counts = count_letters(text, i, j);
      tok.digit = counts.digit;
      tok.all_caps = counts.letters > 1 && counts.upper == counts.letters;
    }
    i = j;
  }
}

/// What the sentence splitter needs to know of a token.
struct LiteToken {
  TextSpan span;
  TokenKind kind = TokenKind::word;
  bool quote = false;         ///< a closing `"`, `'` (or U+2019) or `)`
  bool capitalized = false;
};

/// Tokens one at a time from a token boundary, paragraph breaks included, as tokenize_range
/// would produce them after at least one token.
class TokenCursor {
 public:
  TokenCursor(std::string_view text, std::size_t pos, std::size_t end) : text_(text), pos_(pos), end_(end) {}
  bool next(LiteToken& t) {
    int newlines = 0;
    while (pos_ < end_ && is_space(text_[pos_])) {
      if (text_[pos_] == '\n' && ++newlines == 2) {
        t = {{pos_, pos_}, TokenKind::paragraph, false, false};
        // the rest of this whitespace run yields nothing more
        while (pos_ < end_ && is_space(text_[pos_])) ++pos_;
        return true;
      }
      ++pos_;
    }
    if (pos_ >= end_) return false;
    std::size_t j = pos_;
    t.kind = scan_token(text_, pos_, end_, j);
    t.span = {pos_, j};
    t.quote = t.kind == TokenKind::punct &&
              (text_[pos_] == '"' || text_[pos_] == ')' || apostrophe_at(text_, pos_) == j - pos_);
    t.capitalized = t.kind == TokenKind::word && capitalized_word(text_, pos_, j);
    pos_ = j;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
};

bool is_terminal(char c) { return c == '.' || c == '!' || c == '?'; }

/// The last newline in text[from, to), or npos.
std::size_t last_newline(std::string_view text, std::size_t from, std::size_t to) {
#if defined(__GLIBC__)
  // (memrchr: many times a byte loop's speed over the text between two expressions)
  const void* nl = memrchr(text.data() + from, '\n', to - from);
  return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : std::string_view::npos;
#else
  for (std::size_t i = to; i > from; --i)
    if (text[i - 1] == '\n') return i - 1;
  return std::string_view::npos;
#endif
}

/// Position of the first terminal or newline in text[i, end), or end. Sixteen bytes at a time
/// where SSE2 is the baseline (every x86-64), else eight (most of a document holds neither),
/// the block that holds one giving its exact offset.
std::size_t find_terminal_or_newline(std::string_view text, std::size_t i, std::size_t end) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?'),
                newline = _mm_set1_epi8('\n');
  for (; i + 16 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, newline)));
    if (const int mask = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
  }
#endif
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  // nonzero exactly when some byte of v equals b
  auto has = [](std::uint64_t v, unsigned char b) {
    const std::uint64_t x = v ^ (kOnes * b);
    return (x - kOnes) & ~x & kHighs;
  };
  while (i + 8 <= end) {
    std::uint64_t v;
    std::memcpy(&v, text.data() + i, 8);
    if (has(v, '.') | has(v, '!') | has(v, '?') | has(v, '\n')) break;
    i += 8;
  }
  while (i < end && !is_terminal(text[i]) && text[i] != '\n') ++i;
  return i;
}

}  // namespace

void tokenize_window(std::string_view text, TextSpan range, TokenStream& out) { tokenize_range<true>(text, range, out); }

void tokenize_plain(std::string_view text, TextSpan range, TokenStream& out) { tokenize_range<false>(text, range, out); }

// The same sentences as tokenize() without segmenter sentences (assign_sentences), found by
// tokenizing only the chunks (whitespace-separated) that hold terminal punctuation; paragraph
// breaks come from whitespace runs. Only those bytes and newlines need a closer look.
SentenceFinder::SentenceFinder(std::string_view text, TextSpan range) : text_(text) {
  end_ = std::min(range.end, text.size());
  begin_ = std::min(range.begin, end_);
  i_ = begin_;
  while (i_ < end_ && is_space(text[i_])) ++i_;
  sentence_begin_ = i_;
  done_ = i_ >= end_;
}

void SentenceFinder::find_past(std::size_t pos) {
  while (!done_ && (found_.empty() || sentence_begin_ <= pos)) step();
}

void SentenceFinder::step() {
  // i_ is at a chunk start or in whitespace: find the next terminal or newline
  i_ = find_terminal_or_newline(text_, i_, end_);
  if (i_ >= end_) {
    finish();
    return;
  }
  if (text_[i_] == '\n') {
    // the whitespace run holding it (no newline before it in the run): a second newline is a
    // paragraph break
    std::size_t k = i_;
    int newlines = 0;
    std::size_t paragraph = std::string_view::npos;
    while (k < end_ && is_space(text_[k])) {
      if (text_[k] == '\n' && ++newlines == 2) paragraph = k;
      ++k;
    }
    if (paragraph != std::string_view::npos) {
      found_.push_back({sentence_begin_, paragraph});
      sentence_begin_ = k < end_ ? k : paragraph;
      paragraph_end_ = paragraph;
      any_paragraph_ = true;
    }
    i_ = k;
    return;
  }
  // the chunk [chunk_begin, chunk_end) holding a terminal
  std::size_t letters_begin = i_;
  while (letters_begin > begin_ && is_alpha(text_[letters_begin - 1])) --letters_begin;
  std::size_t chunk_begin = letters_begin;
  while (chunk_begin > begin_ && !is_space(text_[chunk_begin - 1])) --chunk_begin;
  std::size_t chunk_end = i_;
  while (chunk_end < end_ && !is_space(text_[chunk_end])) ++chunk_end;
  // Most are a word and its full stop ("months."): a word token up to the stop (word_end() stops
  // at it: nothing follows), then the stop, so tokenizing may start at the stop.
  const bool word_and_terminal = chunk_begin == letters_begin && chunk_end == i_ + 1;
  for (std::size_t p = word_and_terminal ? i_ : chunk_begin; p < chunk_end;) {
    std::size_t j = p;
    const TokenKind kind = scan_token(text_, p, chunk_end, j);
    if (kind != TokenKind::punct || j != p + 1 || !is_terminal(text_[p])) { p = j; continue; }
    TokenCursor cursor(text_, j, end_);
    LiteToken next, start, last{{p, j}, kind, false, false};
    if (!cursor.next(next)) break;   // the last token closes nothing
    start = next;
    bool more = true;
    while (start.quote) {
      last = start;
      if (!cursor.next(start)) { more = false; break; }
    }
    if (more && ends_sentence(text_, begin_, p, next.kind == TokenKind::paragraph, start)) {
      found_.push_back({sentence_begin_, last.span.end});
      sentence_begin_ = start.span.begin;
    }
    p = j;
  }
  i_ = chunk_end;
}

void SentenceFinder::finish() {
  // the last sentence ends with the last chunk, or at a paragraph break after it
  std::size_t last_end = end_;
  while (last_end > begin_ && is_space(text_[last_end - 1])) --last_end;
  if (any_paragraph_ && paragraph_end_ > last_end) last_end = paragraph_end_;
  found_.push_back({sentence_begin_, last_end});
  done_ = true;
}

void split_sentences(std::string_view text, TextSpan range, std::vector<TextSpan>& out) {
  SentenceFinder finder(text, range);
  finder.find_past(std::string_view::npos);
  out = finder.sentences();
}

std::size_t paragraph_start(std::string_view text, std::size_t from, std::size_t pos) {
  std::size_t q = std::min(pos, text.size());   // the newlines from q on are in none
  while (q > from) {
    const std::size_t at = last_newline(text, from, q);
    if (at == std::string_view::npos) return std::string_view::npos;
    std::size_t run_begin = at, run_end = at + 1;
    while (run_begin > from && is_space(text[run_begin - 1])) --run_begin;
    while (run_end < text.size() && is_space(text[run_end])) ++run_end;
    if (run_end <= pos && std::count(text.begin() + static_cast<std::ptrdiff_t>(run_begin),
                                     text.begin() + static_cast<std::ptrdiff_t>(run_end), '\n') >= 2)
      return run_end;
    q = run_begin;
  }
  return std::string_view::npos;
}

void tokenize(std::string_view text, TextSpan range, std::span<const TextSpan> sentences, TokenStream& out) {
  tokenize_range<true>(text, range, out);
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
