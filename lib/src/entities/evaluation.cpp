#include "chronicle/entities/evaluation.hpp"

#include <algorithm>

namespace chronicle::entities {

double EntityCounts::precision() const {
  return predicted == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(predicted);
}
double EntityCounts::recall() const {
  return gold == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(gold);
}
double EntityCounts::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

std::vector<Chunk> chunks(const std::vector<std::string>& tags) {
  std::vector<Chunk> out;
  auto type_of = [](const std::string& t) { return t.size() > 2 ? t.substr(2) : std::string(); };
  for (std::size_t i = 0; i < tags.size();) {
    const std::string& t = tags[i];
    if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I')) {
      ++i;
      continue;
    }
    std::string type = type_of(t);
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j].size() > 2 && tags[j][0] == 'I' && type_of(tags[j]) == type) ++j;
    out.push_back(Chunk{i, j, type});
    i = j;
  }
  return out;
}

void add_sentence(EntityScores& scores, const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  std::vector<Chunk> g = chunks(gold), p = chunks(predicted);
  scores.sentences += 1;
  scores.tokens += gold.size();
  for (const Chunk& c : g) {
    scores.overall.gold++;
    scores.by_type[c.type].gold++;
  }
  for (const Chunk& c : p) {
    scores.overall.predicted++;
    scores.by_type[c.type].predicted++;
    if (std::find(g.begin(), g.end(), c) != g.end()) {
      scores.overall.correct++;
      scores.by_type[c.type].correct++;
    }
  }
}

EntityScores evaluate(const Recognizer& recognizer, const std::vector<TaggedSentence>& gold) {
  EntityScores scores;
  for (const TaggedSentence& s : gold) add_sentence(scores, s.tags, recognizer.recognize_tokens(s.words));
  return scores;
}

}  // namespace chronicle::entities
