// PosTenseOracle: analyse the sentence (cached per thread), read the noun phrase's modifier or
// the governing verb group, and leave the rest to the cue oracle.

#include "chronicle/language/tense_oracle.hpp"

#include <atomic>
#include <stdexcept>

#include "chronicle/language/tokenizer.hpp"
#include "chronicle/segment/segmenter.hpp"

namespace chronicle::language {
namespace {

/// Sentences longer than this are analysed in a window around the expression.
constexpr std::size_t kMaxSentence = 2000;

/// The last sentence one thread analysed.
struct Cache {
  std::uint64_t owner = 0;
  std::size_t begin = 0;
  std::string bytes;
  std::vector<Word> words;
  VerbGroups groups;
};

std::atomic<std::uint64_t> next_id{1};


/// `sentence`, or a window of it around `expression` cut at spaces when the sentence is huge.
TextSpan window(std::string_view text, TextSpan sentence, TextSpan expression) {
  sentence.end = std::min(sentence.end, text.size());
  if (sentence.size() <= kMaxSentence) return sentence;
  std::size_t begin = expression.begin > sentence.begin + kMaxSentence / 2 ? expression.begin - kMaxSentence / 2
                                                                           : sentence.begin;
  std::size_t end = std::min(sentence.end, std::max(expression.end, begin) + kMaxSentence / 2);
  while (begin > sentence.begin && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
  while (end < sentence.end && text[end] != ' ' && text[end] != '\n') ++end;
  return {begin, end};
}

}  // namespace

PosTenseOracle::PosTenseOracle(Analyzer analyzer, const temporal::TenseOracle* fallback)
    : analyzer_(std::move(analyzer)), fallback_(fallback ? fallback : &temporal::cue_tense_oracle()), id_(next_id++) {}

Result<PosTenseOracle> PosTenseOracle::builtin() {
  Result<Analyzer> analyzer = Analyzer::builtin();
  if (!analyzer) return tl::unexpected(analyzer.error());
  return PosTenseOracle(std::move(*analyzer));
}

TimeDirection PosTenseOracle::group_direction(std::string_view text, TextSpan sentence, TextSpan expression) const {
  thread_local Cache cache;
  const TextSpan range = window(text, sentence, expression);
  const std::string_view bytes = range.of(text);
  if (cache.owner != id_ || cache.begin != range.begin || cache.bytes != bytes) {
    const std::vector<segment::Token> tokens = segment::tokenize(text, range);
    const std::vector<TextSpan> spans = ud_tokenize(text, tokens);
    cache.owner = id_;
    cache.begin = range.begin;
    cache.bytes.assign(bytes);
    cache.words = analyzer_.analyze_words(text, spans);
    cache.groups = verb_groups(cache.words, text);
  }
  const std::vector<Word>& words = cache.words;
  std::size_t first = 0;
  while (first < words.size() && words[first].span.end <= expression.begin) ++first;
  if (const TimeDirection d = noun_modifier_direction(words, first, text); d != TimeDirection::unknown) return d;
  const VerbGroup* g = governing_group(cache.groups, words, expression);
  if (!g) return TimeDirection::unknown;
  // "has scheduled a news conference Thursday", "planned a demonstration on Saturday": what is
  // scheduled lies ahead whatever the tense of the scheduling.
  if (g->head < first && scheduling_verb(words[g->head].lemma)) return TimeDirection::future;
  if (g->direction == TimeDirection::present && g->aspect == Aspect::progressive) return TimeDirection::future;
  // "On Friday, the government planned to pay": a fronted adverbial dates the plan, not the payment
  if (g->direction == TimeDirection::hypothetical && g->tense == Tense::past && g->modality.ends_with(" to") &&
      words[g->first].span.begin >= expression.end && first < words.size() &&
      cache.groups.clause_of[first] != g->clause)
    return TimeDirection::past;
  // "could" is the past of "can" as often as a hypothetical: the cues decide
  if (g->direction == TimeDirection::hypothetical && g->modality == "could") return TimeDirection::unknown;
  return g->direction;
}

temporal::Direction PosTenseOracle::direction(std::string_view text, TextSpan sentence, TextSpan expression) const {
  switch (group_direction(text, sentence, expression)) {
    case TimeDirection::past: return temporal::Direction::past;
    case TimeDirection::future:
    case TimeDirection::hypothetical: return temporal::Direction::future;
    case TimeDirection::present:
    case TimeDirection::unknown: break;
  }
  return fallback_->direction(text, sentence, expression);
}

const PosTenseOracle& pos_tense_oracle() {
  static const PosTenseOracle oracle = [] {
    Result<PosTenseOracle> built = PosTenseOracle::builtin();
    if (!built) throw std::runtime_error("chronicle: language models: " + built.error().message);
    return std::move(*built);
  }();
  return oracle;
}

}  // namespace chronicle::language
