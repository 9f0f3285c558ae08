#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "chronicle/language/tokenizer.hpp"

using chronicle::TextSpan;
using chronicle::language::ud_tokenize;
using chronicle::segment::Token;

namespace {

// Coarse tokens as a segmenter would give them: whitespace-separated chunks, with sentence-final
// punctuation split off.
std::vector<Token> coarse(const std::string& text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    if (end - i > 1 && (text[end - 1] == '.' || text[end - 1] == ',')) {
      tokens.push_back({{i, end - 1}});
      tokens.push_back({{end - 1, end}, chronicle::segment::TokenKind::punctuation});
    } else {
      tokens.push_back({{i, end}});
    }
    i = end;
  }
  return tokens;
}

std::string joined(const std::string& text, const std::vector<TextSpan>& spans) {
  std::string out;
  for (TextSpan s : spans) {
    if (!out.empty()) out += '|';
    out += s.of(text);
  }
  return out;
}

}  // namespace

TEST_CASE("contractions split the UD way with exact byte offsets", "[language][tokenizer]") {
  std::string text = "They don't know.";
  std::vector<TextSpan> words = ud_tokenize(text, coarse(text));
  REQUIRE(words.size() == 5);
  CHECK(words[1] == TextSpan{5, 7});    // do
  CHECK(words[2] == TextSpan{7, 10});   // n't
  CHECK(words[3] == TextSpan{11, 15});  // know
  CHECK(words[4] == TextSpan{15, 16});  // .
}

TEST_CASE("clitics, possessives, fused words and hyphens follow EWT", "[language][tokenizer]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"Bush's plan", "Bush|'s|plan"},
      {"they're here", "they|'re|here"},
      {"I'm sure we'll go", "I|'m|sure|we|'ll|go"},
      {"can't", "ca|n't"},
      {"won't", "wo|n't"},
      {"cannot", "can|not"},
      {"gonna", "gon|na"},
      {"the parents' house", "the|parents|'|house"},
      {"Al-Zaman reported", "Al|-|Zaman|reported"},
      {"a long-term deal", "a|long|-|term|deal"},
      {"send an e-mail", "send|an|e-mail"},
      {"a pre-war plan", "a|pre-war|plan"},
      {"call 713-654-0365", "call|713-654-0365"},
      {"Don\xE2\x80\x99t go", "Do|n\xE2\x80\x99t|go"},
      {"It\xE2\x80\x99s here", "It|\xE2\x80\x99s|here"},
  }));
  CAPTURE(input);
  CHECK(joined(input, ud_tokenize(input, coarse(input))) == expected);
}

TEST_CASE("contractions the segmenter cut apart are rejoined, offsets kept", "[language][tokenizer]") {
  std::string text = "don't Kerry's";
  std::vector<Token> pieces = {{{0, 3}}, {{3, 4}}, {{4, 5}}, {{6, 11}}, {{11, 13}}};  // don ' t Kerry 's
  CHECK(joined(text, ud_tokenize(text, pieces)) == "do|n't|Kerry|'s");
}

TEST_CASE("a closing single quote is split from the word it follows", "[language][tokenizer]") {
  std::string text = "'hello' said";
  std::vector<Token> pieces = {{{0, 1}}, {{1, 6}}, {{6, 7}}, {{8, 12}}};
  CHECK(joined(text, ud_tokenize(text, pieces)) == "'|hello|'|said");
}
