#pragma once
// Segmentation: sentences and tokens of a document's analysis text, as byte spans.
//
// Sentences never end after abbreviations news writes ("Mr.", "Dec.", "U.S.", "a.m.", "U.K.-based"),
// keep closing quotes and brackets with the sentence they close, and break at paragraph ends
// (a blank line or a line that looks like a headline). Boilerplate lines of web text ("Share",
// "Advertisement", all-caps tag lines such as "KERRY PUTIN RUSSIA", bylines, photo credits) come
// out as sentences marked `content = false`: kept, so offsets stay true, but not analysed.
//
//   std::vector<Sentence> sentences = segment(doc.text, doc.body);
//   for (const Sentence& s : sentences)
//     for (const Token& t : s.tokens) use(t.span.of(doc.text));

#include <string_view>
#include <vector>

#include "chronicle/core/text_span.hpp"

namespace chronicle::segment {

/// What kind of characters a token is made of.
enum class TokenKind { word, number, punctuation, symbol };

/// One token: a word, a number, a punctuation mark or a symbol.
struct Token {
  TextSpan span;
  TokenKind kind = TokenKind::word;
};

/// One sentence (or one non-content line), with its tokens.
struct Sentence {
  TextSpan span;                 ///< trimmed of surrounding whitespace
  bool content = true;           ///< false for boilerplate lines
  bool paragraph_start = false;  ///< first sentence after a blank line or at the body start
  std::vector<Token> tokens;
};

/// Sentences and tokens of `text` within `range` (usually Document::body).
std::vector<Sentence> segment(std::string_view text, TextSpan range);

/// Tokens of `text` within `range`, without sentence splitting.
std::vector<Token> tokenize(std::string_view text, TextSpan range);

/// True when the line `text[range]` is web boilerplate rather than article content.
bool is_boilerplate_line(std::string_view line);

/// What a listed abbreviation (abbreviations.tsv) says of a sentence end at its period.
enum class AbbreviationEnd {
  none,          ///< not a listed abbreviation: the period is an ordinary one
  never,         ///< a title, "No." or "vs.": no sentence ends there ("Mr. Kerry", "Russia vs. Turkey")
  maybe,         ///< a month, company, state... ("Dec.", "Inc.", "Calif."): one may
};

/// What the abbreviation `word`, its period included ("Calif.", "MR."), says of a sentence end.
AbbreviationEnd abbreviation_end(std::string_view word);

/// True when `word` commonly begins a sentence ("The", "He", "Mr."): after an abbreviation that
/// may end one, a sentence ends only before such a word.
bool is_sentence_starter(std::string_view word);

}  // namespace chronicle::segment
