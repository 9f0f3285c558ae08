#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "chronicle/language/analyzer.hpp"

using namespace chronicle;
using namespace chronicle::language;

TEST_CASE("the analyzer gives UD words with tags and lemmas at their byte offsets", "[language][analyzer]") {
  std::string text = "  Kerry met Lavrov's aides; they weren't talking.";
  segment::Sentence sentence;
  sentence.span = {2, text.size()};
  // Coarse tokens as the segmenter gives them: words, with punctuation apart.
  for (TextSpan t : {TextSpan{2, 7}, TextSpan{8, 11}, TextSpan{12, 20}, TextSpan{21, 26}, TextSpan{26, 27},
                     TextSpan{28, 32}, TextSpan{33, 40}, TextSpan{41, 48}, TextSpan{48, 49}})
    sentence.tokens.push_back({t});
  Analyzer analyzer = Analyzer::builtin().value();
  std::vector<Word> words = analyzer.analyze(text, sentence);
  std::string got;
  for (const Word& w : words) got += fmt::format("{}/{}/{}/{} ", w.span.of(text), to_string(w.upos), w.xpos, w.lemma);
  CHECK(got ==
        "Kerry/PROPN/NNP/Kerry met/VERB/VBD/meet Lavrov/PROPN/NNP/Lavrov 's/PART/POS/'s aides/NOUN/NNS/aide ;/PUNCT/,/; "
        "they/PRON/PRP/they were/AUX/VBD/be n't/PART/RB/not talking/VERB/VBG/talk ./PUNCT/./. ");
  REQUIRE(words.size() == 11);
  CHECK(words[3].span == TextSpan{18, 20});
  CHECK(words[8].span == TextSpan{37, 40});
}

TEST_CASE("boilerplate sentences are not analysed", "[language][analyzer]") {
  std::string text = "Share";
  segment::Sentence sentence{{0, 5}, false, false, {{{0, 5}}}};
  CHECK(Analyzer::builtin().value().analyze(text, sentence).empty());
}

TEST_CASE("without noun lemmas, nouns keep their lower-cased form and the rest is as before", "[language][analyzer]") {
  std::string text = "Kerry met Lavrov's aides";
  std::vector<TextSpan> spans{{0, 5}, {6, 9}, {10, 16}, {16, 18}, {19, 24}};
  Analyzer analyzer = Analyzer::builtin().value();
  std::vector<Word> all = analyzer.analyze_words(text, spans);
  std::vector<Word> cheap = analyzer.analyze_words(text, spans, Analyzer::Lemmas::no_nouns);
  REQUIRE(all.size() == cheap.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].upos == cheap[i].upos);
    CHECK(all[i].xpos == cheap[i].xpos);
    if (all[i].upos != Upos::noun) CHECK(all[i].lemma == cheap[i].lemma);
  }
  CHECK(all[1].lemma == "meet");
  CHECK(all[4].lemma == "aide");
  CHECK(cheap[4].lemma == "aides");
}
