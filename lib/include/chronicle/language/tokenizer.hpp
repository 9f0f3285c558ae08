#pragma once
// UD tokenization: refines the segmenter's coarse tokens into the syntactic words of Universal
// Dependencies English (EWT), keeping exact byte offsets — every word is a substring of the text.
//
//   "don't"   -> "do" "n't"        "can't" -> "ca" "n't"      "cannot" -> "can" "not"
//   "Bush's"  -> "Bush" "'s"       "they're" -> "they" "'re"  "parents'" -> "parents" "'"
//   "gonna"   -> "gon" "na"        "Al-Zaman" -> "Al" "-" "Zaman", but "e-mail", "pre-war" stay
//
// Both ASCII ' and the typographic apostrophe ’ (U+2019) are recognised. If the segmenter has cut
// a contraction apart ("don" "'" "t"), the pieces are joined again before splitting the UD way.
//
//   std::vector<TextSpan> words = ud_tokenize(text, sentence.tokens);
//   for (TextSpan w : words) use(w.of(text));

#include <span>
#include <string_view>
#include <vector>

#include "chronicle/core/text_span.hpp"
#include "chronicle/segment/segmenter.hpp"

namespace chronicle::language {

/// UD words of one sentence, from the segmenter's coarse `tokens` over `text`.
std::vector<TextSpan> ud_tokenize(std::string_view text, std::span<const segment::Token> tokens);

/// UD words of one coarse token `span` of `text` (clitic and hyphen splitting only).
std::vector<TextSpan> split_token(std::string_view text, TextSpan span);

}  // namespace chronicle::language
