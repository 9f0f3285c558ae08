#include "chronicle/language/analyzer.hpp"

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

std::vector<Word> Analyzer::analyze_words(std::string_view text, std::span<const TextSpan> spans) const {
  std::vector<std::string_view> forms;
  forms.reserve(spans.size());
  for (TextSpan s : spans) forms.push_back(s.of(text));
  std::vector<PosTag> tags = tagger_.tag(forms);
  std::vector<Word> words;
  words.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i)
    words.push_back({spans[i], tags[i].upos, tags[i].xpos, lemmatizer_.lemma(forms[i], tags[i].upos, tags[i].xpos)});
  return words;
}

}  // namespace chronicle::language
