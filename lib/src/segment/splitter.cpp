// Sentence boundaries inside one run of text that no line break already ends.
//
// A sentence may end after a terminal mark (". ? ! … ..." or an abbreviation's own period),
// together with the closing quotes, brackets and further marks stuck to it ("yes.” Then", "(in
// Syria).” But"). Whether it does depends on the mark and the token after it:
//   . ? !       unless the next token starts in lower case or is , ; : or closing punctuation
//   … ...       only before a capitalised word (possibly after an opening quote)
//   abbreviation  title / number / never_final: never; place ("Fla."): as a period; other classes
//               and initials only before a common sentence starter, possibly after an opening
//               quote ("the U.S. He works" splits, "the U.S. Senate" does not)
#include "chars.hpp"
#include "tokenizer.hpp"

namespace chronicle::segment::detail {
namespace {

// What a token does at a possible sentence end, strongest last.
enum class Stop { none, abbreviation, ellipsis, period, strong };

struct Stops {
  std::string_view text;
  std::span<const Token> tokens;
  const Lexicon& lex;

  std::string_view str(std::size_t i) const { return tokens[i].span.of(text); }
  Char first(std::size_t i) const { return char_at(text, tokens[i].span.begin); }

  Stop stop(std::size_t i) const {
    const Token& t = tokens[i];
    std::string_view s = str(i);
    if (t.kind == TokenKind::word) return s.back() == '.' ? Stop::abbreviation : Stop::none;
    if (t.kind != TokenKind::punctuation) return Stop::none;
    if (s == ".") return Stop::period;
    if (s == "\u2026" || (s.size() > 1 && s.front() == '.')) return Stop::ellipsis;
    return is_strong_terminal(first(i).cp) ? Stop::strong : Stop::none;
  }

  bool closer(std::size_t i) const {
    if (tokens[i].kind != TokenKind::punctuation) return false;
    std::string_view s = str(i);
    return s == "\"" || s == "'" || s == "''" || is_closing(first(i).cp);
  }

  bool opener(std::size_t i) const {
    std::string_view s = str(i);
    return tokens[i].kind == TokenKind::punctuation &&
           (s == "\"" || s == "'" || s == "``" || is_opening(first(i).cp));
  }

  bool adjacent(std::size_t i) const { return tokens[i - 1].span.end == tokens[i].span.begin; }

  bool capitalised(std::size_t i) const {
    Char c = first(i);
    return c.cls == CharClass::letter && c.letter_case == Case::upper;
  }

  // Whether a sentence ends before token `next`, after marks of strength `stop` that start at
  // token `mark` (the abbreviation, when the stop is one).
  bool ends_before(Stop stop, std::size_t mark, std::size_t next) const {
    const Token& t = tokens[next];
    switch (stop) {
      case Stop::strong:
      case Stop::period:
        if (t.kind == TokenKind::word || t.kind == TokenKind::number)
          return !(first(next).cls == CharClass::letter && first(next).letter_case == Case::lower);
        return t.kind == TokenKind::symbol || opener(next);
      case Stop::ellipsis:
        if (capitalised(next)) return true;
        return opener(next) && next + 1 < tokens.size() && capitalised(next + 1);
      case Stop::abbreviation:
        switch (lex.abbreviation(str(mark))) {
          case AbbrevClass::title:
          case AbbrevClass::number:
          case AbbrevClass::never_final:
            return false;
          case AbbrevClass::place:
            return ends_before(Stop::period, mark, next);
          default:  // listed month/weekday/ordinary, letter chains and initials
            return starter(next) || (opener(next) && next + 1 < tokens.size() && starter(next + 1));
        }
      case Stop::none:
        break;
    }
    return false;
  }

  bool starter(std::size_t i) const { return tokens[i].kind == TokenKind::word && lex.is_sentence_starter(str(i)); }
};

}  // namespace

void sentence_ends(std::string_view text, std::span<const Token> tokens, const Lexicon& lex,
                   std::vector<std::size_t>& ends) {
  Stops stops{text, tokens, lex};
  const std::size_t n = tokens.size();
  std::size_t i = 0;
  while (i < n) {
    Stop stop = stops.stop(i);
    if (stop == Stop::none) {
      ++i;
      continue;
    }
    // Take in the marks and closers stuck to it: "?!", "yes.”", "Syria.)”".
    std::size_t j = i + 1;
    for (; j < n && stops.adjacent(j); ++j) {
      Stop more = stops.stop(j);
      if (more != Stop::none && more != Stop::abbreviation) {
        if (more > stop) stop = more;
      } else if (!stops.closer(j)) {
        break;
      }
    }
    if (j < n && stops.ends_before(stop, i, j)) ends.push_back(j);
    i = j;
  }
  if (n > 0) ends.push_back(n);
}

}  // namespace chronicle::segment::detail
