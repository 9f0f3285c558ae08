#pragma once
// Tokenizer and sentence splitter internals (private to the segmenter).
//
// Token rules, in one place:
//   - words: runs of letters, digits and combining marks, joined across a hyphen between two
//     letters/digits ("cease-fire", "34-nation", "Su-34") and an apostrophe between two letters
//     ("don't", "Kerry’s"); UD-style splitting of clitics is a later stage's job.
//   - abbreviations keep their period: listed ones ("Mr.", "Dec.", "Inc."; "No." only before a
//     number), letter-period chains of one or two letters ("U.S.", "a.m.", "Ph.D."), and single
//     capital initials ("F."). A hyphen or a possessive may follow ("U.K.-based", "Corp.'s").
//   - numbers: digits joined across "." "," ":" "/" "-" between digits ("3.5", "1,000" — a comma
//     only before exactly three digits —, "10:30", "12/15", "2015-12-15" is ONE number token).
//     A token starting with a digit and holding a letter ("15th", "G20" aside) is a word.
//   - punctuation: one token per mark, except runs of periods ("..."), "--", "``" and "''".
//   - symbols: one token per code point ($ % © emoji); every byte of invalid UTF-8 is its own
//     symbol token.
//   - white space, and combining marks or format characters outside a word, make no token.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "chronicle/core/text_span.hpp"
#include "chronicle/segment/segmenter.hpp"
#include "lexicon.hpp"

namespace chronicle::segment::detail {

/// Appends the tokens of `text[range]` to `out`; `range` must lie inside `text`.
void tokenize_into(std::string_view text, TextSpan range, const Lexicon& lex, std::vector<Token>& out);

/// Appends to `ends`, for each sentence of `tokens`, the index one past its last token; the last
/// value appended is tokens.size(). Appends nothing for no tokens.
void sentence_ends(std::string_view text, std::span<const Token> tokens, const Lexicon& lex,
                   std::vector<std::size_t>& ends);

}  // namespace chronicle::segment::detail
