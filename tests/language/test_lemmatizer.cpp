#include <catch2/catch.hpp>

#include <string>

#include "chronicle/language/lemmatizer.hpp"

using namespace chronicle::language;

TEST_CASE("lemmas follow UD English-EWT", "[language][lemmatizer]") {
  Lemmatizer lemmatizer = Lemmatizer::builtin().value();
  auto [form, upos, xpos, lemma] = GENERATE(table<std::string, Upos, std::string, std::string>({
      {"talks", Upos::noun, "NNS", "talk"},
      {"met", Upos::verb, "VBD", "meet"},
      {"was", Upos::aux, "VBD", "be"},
      {"Was", Upos::aux, "VBD", "be"},
      {"'s", Upos::aux, "VBZ", "be"},
      {"'s", Upos::part, "POS", "'s"},
      {"n't", Upos::part, "RB", "not"},
      {"n\xE2\x80\x99t", Upos::part, "RB", "not"},
      {"ca", Upos::aux, "MD", "can"},
      {"strikes", Upos::noun, "NNS", "strike"},
      {"ceasefires", Upos::noun, "NNS", "ceasefire"},
      {"Kerry", Upos::propn, "NNP", "Kerry"},
      {"1,000", Upos::num, "CD", "1000"},
      {"fifteen", Upos::num, "CD", "fifteen"},
      {"The", Upos::det, "DT", "the"},
      {"better", Upos::adj, "JJR", "good"},
      {"I", Upos::pron, "PRP", "I"},
      {"him", Upos::pron, "PRP", "he"},
      {"gloobed", Upos::verb, "VBD", "gloob"},
  }));
  CAPTURE(form, xpos);
  CHECK(lemmatizer.lemma(form, upos, xpos) == lemma);
}

TEST_CASE("a malformed exception table fails to load naming the line", "[language][lemmatizer][model]") {
  auto r = Lemmatizer::load("# comment\nwas\tVBD\tbe\nbroken line\n", "lemma_exceptions.tsv");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message == "lemma_exceptions.tsv: line 3: expected form<TAB>XPOS<TAB>lemma");
}
