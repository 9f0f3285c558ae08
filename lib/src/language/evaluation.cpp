#include "chronicle/language/evaluation.hpp"

#include <string_view>
#include <vector>

namespace chronicle::language {

PosScores evaluate_pos(std::span<const ConlluSentence> gold, const Tagger& tagger, const Lemmatizer& lemmatizer) {
  std::size_t upos = 0;
  std::size_t xpos = 0;
  std::size_t lemma = 0;
  std::size_t tokens = 0;
  std::vector<std::string_view> words;
  std::vector<PosTag> tags;
  for (const ConlluSentence& s : gold) {
    words.clear();
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    tags.resize(words.size());
    tagger.tag(words, tags);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const ConlluWord& g = s.words[i];
      upos += to_string(tags[i].upos) == g.upos ? 1u : 0u;
      xpos += tags[i].xpos == g.xpos ? 1u : 0u;
      lemma += lemmatizer.lemma(g.form, tags[i].upos, tags[i].xpos) == g.lemma ? 1u : 0u;
      ++tokens;
    }
  }
  auto ratio = [&](std::size_t n) { return tokens ? static_cast<double>(n) / static_cast<double>(tokens) : 0.0; };
  return {ratio(upos), ratio(xpos), ratio(lemma), tokens};
}

Result<PosScores> evaluate_pos_file(const std::string& path) {
  Result<std::vector<ConlluSentence>> gold = read_conllu_file(path);
  if (!gold) return tl::unexpected(gold.error());
  Result<Tagger> tagger = Tagger::builtin();
  if (!tagger) return tl::unexpected(tagger.error());
  Result<Lemmatizer> lemmatizer = Lemmatizer::builtin();
  if (!lemmatizer) return tl::unexpected(lemmatizer.error());
  return evaluate_pos(*gold, *tagger, *lemmatizer);
}

}  // namespace chronicle::language
