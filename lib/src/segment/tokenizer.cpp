// Tokens: one left-to-right pass, each code point looked at a bounded number of times.
#include "tokenizer.hpp"

#include "chars.hpp"

namespace chronicle::segment::detail {
namespace {

bool is_hyphen(char32_t cp) { return cp == '-' || cp == U'\u2010' || cp == U'\u2011'; }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == U'\u2019'; }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, TextSpan range, const Lexicon& lex, std::vector<Token>& out)
      : text_(text), end_(range.end), begin_(range.begin), lex_(lex), out_(out) {}

  void run() {
    std::size_t pos = begin_;
    while (pos < end_) {
      Char c = at(pos);
      switch (c.cls) {
        case CharClass::space:
        case CharClass::extend:
          pos += c.len;
          break;
        case CharClass::letter:
        case CharClass::digit:
          pos = word(pos);
          break;
        case CharClass::punct:
          pos = punctuation(pos, c);
          break;
        case CharClass::symbol:
        case CharClass::invalid:
          if (c.cp == '`' && byte(pos + 1) == '`') {  // `` opens a quotation in PTB-style text
            emit(pos, pos + 2, TokenKind::punctuation);
            pos += 2;
          } else {
            emit(pos, pos + c.len, TokenKind::symbol);
            pos += c.len;
          }
          break;
      }
    }
  }

 private:
  // The code point at `pos`; past the range it reads as a space, so lookahead needs no checks.
  Char at(std::size_t pos) const {
    if (pos >= end_) return Char{' ', 1, CharClass::space, Case::none};
    Char c = char_at(text_, pos);
    if (pos + c.len > end_) return Char{0xFFFD, 1, CharClass::invalid, Case::none};  // cut by range
    return c;
  }
  char byte(std::size_t pos) const { return pos < end_ ? text_[pos] : '\0'; }

  void emit(std::size_t b, std::size_t e, TokenKind kind) { out_.push_back(Token{TextSpan{b, e}, kind}); }

  std::size_t punctuation(std::size_t pos, Char c) {
    std::size_t end = pos + c.len;
    if (c.cp == '.' || (c.cp == '-' && byte(pos + 1) == '-')) {  // "..." and "--" stay whole
      while (byte(end) == static_cast<char>(c.cp)) ++end;
    } else if (c.cp == '\'' && byte(pos + 1) == '\'') {  // '' closes a PTB-style quotation
      end = pos + 2;
    }
    emit(pos, end, TokenKind::punctuation);
    return end;
  }

  // Letters of a one- or two-letter segment followed by '.', as in the "S." of "U.S.".
  bool chain_segment_at(std::size_t pos) const {
    int letters = 0;
    while (letters < 3) {
      Char c = at(pos);
      if (c.cls == CharClass::extend) {
        pos += c.len;
        continue;
      }
      if (c.cls != CharClass::letter) break;
      ++letters;
      pos += c.len;
    }
    return letters >= 1 && letters <= 2 && byte(pos) == '.';
  }

  bool next_visible_is_digit(std::size_t pos) const {
    while (pos < end_) {
      Char c = at(pos);
      if (c.cls != CharClass::space) return c.cls == CharClass::digit;
      pos += c.len;
    }
    return false;
  }

  // Whether the '.' at `dot` ends the word starting at `start` as part of it.
  bool keeps_period(std::size_t start, std::size_t dot) const {
    if (byte(dot + 1) == '.') return false;  // an ellipsis, not an abbreviation
    if (chain_ && segment_alpha_ && segment_letters_ <= 2) return true;           // "U.S."
    if (segment_start_ == start && segment_alpha_ && segment_letters_ == 1 && first_upper_) return true;  // "F."
    AbbrevClass cls = lex_.abbreviation(text_.substr(start, dot + 1 - start));
    if (cls == AbbrevClass::number) return next_visible_is_digit(dot + 1);
    return cls != AbbrevClass::none;
  }

  void start_segment(std::size_t pos) {
    segment_start_ = pos;
    segment_letters_ = 0;
    segment_alpha_ = true;
  }

  // Bytes of a joiner at `pos` that continues the word after a `last` letter or digit: a hyphen,
  // an apostrophe between letters, "." "," ":" "/" between digits, the "." of a letter chain.
  std::size_t joiner(std::size_t pos, CharClass last) {
    Char c = at(pos);
    Char next = at(pos + c.len);
    if (is_hyphen(c.cp) && is_alnum(next.cls)) return c.len;
    if (is_apostrophe(c.cp) && last == CharClass::letter && next.cls == CharClass::letter) return c.len;
    if (last == CharClass::digit && next.cls == CharClass::digit && joins_digits(pos, c.cp)) return c.len;
    if (c.cp == '.' && next.cls == CharClass::letter && segment_alpha_ && segment_letters_ <= 2 &&
        chain_segment_at(pos + 1)) {
      chain_ = true;
      return 1;
    }
    return 0;
  }

  std::size_t word(std::size_t start) {
    std::size_t pos = start;
    chain_ = false;
    has_letter_ = false;
    first_upper_ = at(start).letter_case == Case::upper;
    CharClass last = CharClass::letter;
    start_segment(start);
    for (;;) {
      for (Char c = at(pos); is_alnum(c.cls) || c.cls == CharClass::extend; c = at(pos)) {
        has_letter_ = has_letter_ || c.cls == CharClass::letter;
        segment_letters_ += c.cls == CharClass::letter ? 1 : 0;
        segment_alpha_ = segment_alpha_ && c.cls != CharClass::digit;
        if (c.cls != CharClass::extend) last = c.cls;
        pos += c.len;
      }
      std::size_t join = joiner(pos, last);
      if (join == 0 && at(pos).cp == '.' && keeps_period(start, pos)) {
        ++pos;                                    // "Mr." "U.S." "F."; go on only for
        last = CharClass::letter;                 // "U.K.-based" and "Corp.'s"
        join = is_hyphen(at(pos).cp) || is_apostrophe(at(pos).cp) ? joiner(pos, last) : 0;
      }
      if (join == 0) break;
      bool apostrophe = is_apostrophe(at(pos).cp);
      pos += join;
      start_segment(pos);
      segment_alpha_ = !apostrophe;  // "o'c." is no letter chain
    }
    bool number = at(start).cls == CharClass::digit && !has_letter_;
    emit(start, pos, number ? TokenKind::number : TokenKind::word);
    return pos;
  }

  // '.' ':' '/' '-' join digits ("3.5", "10:30", "12/15", "2015-12-15"); ',' only before exactly
  // three digits ("1,000" but not "1,2").
  bool joins_digits(std::size_t pos, char32_t cp) const {
    if (cp == '.' || cp == ':' || cp == '/') return true;
    if (cp != ',') return false;
    auto digit = [&](std::size_t p) { return byte(p) >= '0' && byte(p) <= '9'; };
    return digit(pos + 1) && digit(pos + 2) && digit(pos + 3) && !digit(pos + 4);
  }

  std::string_view text_;
  std::size_t end_;
  std::size_t begin_;
  const Lexicon& lex_;
  std::vector<Token>& out_;
  // State of the word being scanned; a segment is the part after the last joiner.
  std::size_t segment_start_ = 0;
  int segment_letters_ = 0;
  bool segment_alpha_ = true;
  bool chain_ = false;
  bool has_letter_ = false;
  bool first_upper_ = false;
};

}  // namespace

void tokenize_into(std::string_view text, TextSpan range, const Lexicon& lex, std::vector<Token>& out) {
  Tokenizer(text, range, lex, out).run();
}

}  // namespace chronicle::segment::detail
