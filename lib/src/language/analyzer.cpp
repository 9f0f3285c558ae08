#include "chronicle/language/analyzer.hpp"

#include <cctype>

#include "chronicle/language/tokenizer.hpp"

namespace chronicle::language {

Result<Analyzer> Analyzer::builtin() {
  Result<Tagger> tagger = Tagger::builtin();
  if (!tagger) return tl::unexpected(tagger.error());
  Result<Lemmatizer> lemmatizer = Lemmatizer::builtin();
  if (!lemmatizer) return tl::unexpected(lemmatizer.error());
  return Analyzer(std::move(*tagger), std::move(*lemmatizer));
}

std::vector<Word> Analyzer::analyze(std::string_view text, const segment::Sentence& sentence) const {
  if (!sentence.content) return {};
  std::vector<TextSpan> spans = ud_tokenize(text, sentence.tokens);
  return analyze_words(text, spans);
}

std::vector<Word> Analyzer::analyze_words(std::string_view text, std::span<const TextSpan> spans, Lemmas lemmas) const {
  std::vector<std::string_view> forms;
  forms.reserve(spans.size());
  for (TextSpan s : spans) forms.push_back(s.of(text));
  std::vector<PosTag> tags = tagger_.tag(forms);
  std::vector<Word> words;
  words.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (lemmas == Lemmas::no_nouns && tags[i].upos == Upos::noun) {
      std::string lower(forms[i]);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      words.push_back({spans[i], tags[i].upos, tags[i].xpos, std::move(lower)});
      continue;
    }
    words.push_back({spans[i], tags[i].upos, tags[i].xpos, lemmatizer_.lemma(forms[i], tags[i].upos, tags[i].xpos)});
  }
  return words;
}

}  // namespace chronicle::language
