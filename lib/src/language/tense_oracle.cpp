// PosTenseOracle: analyse the sentence (cached per thread), read the noun phrase's modifier, then
// the rules on the governing verb group's construction (kRules), then the group's own direction,
// and leave the rest to the cue oracle.

#include "chronicle/language/tense_oracle.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <optional>
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

std::string lowercase(std::string_view form) {
  std::string lower(form);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return lower;
}

/// "until", "till": the expression after them ends a state.
bool until_word(std::string_view form) {
  return form == "until" || form == "Until" || form == "till" || form == "Till";
}

/// The finite group of `g`'s clause nearest before word `first` ("has given" for "to sign" in
/// "has given them until Tuesday to sign"): `g` itself when finite, nullptr when none.
const VerbGroup* finite_before(const VerbGroups& groups, const VerbGroup& g, std::size_t first) {
  if (g.finite) return &g;
  const VerbGroup* best = nullptr;
  for (const VerbGroup& h : groups.groups)
    if (h.finite && h.clause == g.clause && h.head < first) best = &h;
  return best;
}

/// What the rules below look at: the analysed sentence, the group governing the expression and
/// the expression's first word.
struct Reading {
  std::string_view text;
  const std::vector<Word>& words;
  const VerbGroups& groups;
  const VerbGroup& g;
  std::size_t first;
  TextSpan expression;
};

/// "has scheduled a news conference Thursday", "planned a demonstration on Saturday": what is
/// scheduled lies ahead whatever the tense of the scheduling.
std::optional<TimeDirection> scheduled_object(const Reading& r) {
  if (r.g.head < r.first && scheduling_verb(r.words[r.g.head].lemma)) return TimeDirection::future;
  return std::nullopt;
}

/// "he is meeting Putin on Thursday": the present progressive of an arrangement.
std::optional<TimeDirection> arrangement(const Reading& r) {
  if (r.g.direction == TimeDirection::present && r.g.aspect == Aspect::progressive) return TimeDirection::future;
  return std::nullopt;
}

/// Whether an infinitive follows the expression: the deadline of "until Tuesday to sign".
bool infinitive_after(const Reading& r) {
  std::size_t k = r.first;
  while (k < r.words.size() && r.words[k].span.begin < r.expression.end) ++k;
  return k + 1 < r.words.size() && r.words[k].xpos == "TO" && r.words[k + 1].xpos == "VB";
}

/// "the offer runs until Friday", "has given the relatives until Tuesday to sign": the end of a
/// state that holds at the time of speaking, or a deadline set now, lies ahead. A perfect tells
/// of a state that ended ("has been kept secret until Tuesday, when", "had not called him a
/// suspect until Thursday").
std::optional<TimeDirection> end_of_present_state(const Reading& r) {
  if (r.first == 0 || r.first >= r.words.size() || !until_word(r.words[r.first - 1].span.of(r.text)))
    return std::nullopt;
  const VerbGroup* finite = finite_before(r.groups, r.g, r.first);
  if (!finite || finite->tense != Tense::present) return std::nullopt;
  if (finite->aspect == Aspect::none || finite->aspect == Aspect::progressive || infinitive_after(r))
    return TimeDirection::future;
  return std::nullopt;
}

/// "has extended Control Data $90 million in loans through January", "postponed the vote until
/// Tuesday": the end a term was moved to lies ahead of the moving, whatever its tense.
std::optional<TimeDirection> extended_term(const Reading& r) {
  if (r.first == 0 || r.first >= r.words.size() || r.g.head >= r.first) return std::nullopt;
  const std::string before = lowercase(r.words[r.first - 1].span.of(r.text));
  if (before != "until" && before != "till" && before != "through" && before != "by") return std::nullopt;
  constexpr std::array<std::string_view, 6> kMoves{"extend", "postpone", "delay", "defer", "adjourn", "reschedule"};
  const std::string_view lemma = r.words[r.g.head].lemma;
  if (std::find(kMoves.begin(), kMoves.end(), lemma) == kMoves.end()) return std::nullopt;
  return TimeDirection::future;
}

/// "On Friday, the government planned to pay": a fronted adverbial dates the plan, not the payment.
std::optional<TimeDirection> fronted_plan(const Reading& r) {
  const VerbGroup& g = r.g;
  if (g.direction == TimeDirection::hypothetical && g.tense == Tense::past && g.modality.ends_with(" to") &&
      r.words[g.first].span.begin >= r.expression.end && r.first < r.words.size() &&
      r.groups.clause_of[r.first] != g.clause)
    return TimeDirection::past;
  return std::nullopt;
}

/// "could" is the past of "can" as often as a hypothetical: the cues decide.
std::optional<TimeDirection> could(const Reading& r) {
  if (r.g.direction == TimeDirection::hypothetical && r.g.modality == "could") return TimeDirection::unknown;
  return std::nullopt;
}

/// "is part of the program to pay down the loan by February", "is to leave Monday": an infinitive
/// is not yet done at the time of the group it hangs on, and when that is the present it lies
/// ahead.
std::optional<TimeDirection> infinitive_of_present(const Reading& r) {
  const VerbGroup& g = r.g;
  if (g.finite || g.direction != TimeDirection::present || r.words[g.first].xpos != "TO") return std::nullopt;
  // "the second team in 50 years to reach the final": what comes before an infinitive is no adjunct of it
  if (g.head >= r.first) return std::nullopt;
  return TimeDirection::future;
}

/// Whether word `k` opens a clause of time ("when", "once", "after", "as soon as"), whose tense
/// follows the clause it hangs on; "as" alone gives a reason or a manner ("as he said on Friday").
bool temporal_subordinator(const Reading& r, std::size_t k) {
  constexpr std::array<std::string_view, 7> kWords{"when", "whenever", "once", "after", "before", "until", "till"};
  const Word& w = r.words[k];
  if (w.upos != Upos::sconj && w.xpos != "WRB") return false;
  const std::string form = lowercase(w.span.of(r.text));
  if (form == "as") return k > 0 && lowercase(r.words[k - 1].span.of(r.text)) == "soon";
  return std::find(kWords.begin(), kWords.end(), form) != kWords.end();
}

/// "institutions were likely to buy as soon as trading opened Monday", "would be signed when Kerry
/// arrived on Friday": a clause of time says its event with the tense of the clause it hangs on
/// shifted back, so it lies ahead when that one does.
std::optional<TimeDirection> clause_of_time(const Reading& r) {
  const std::size_t clause = r.g.clause;
  if (clause == 0) return std::nullopt;
  std::size_t start = r.g.first;
  while (start > 0 && r.groups.clause_of[start - 1] == clause) --start;
  if (!temporal_subordinator(r, start)) return std::nullopt;
  const VerbGroup* main = nullptr;
  for (const VerbGroup& h : r.groups.groups)
    if (h.finite && h.clause + 1 == clause && h.head < start) main = &h;
  if (main && (main->direction == TimeDirection::future || main->direction == TimeDirection::hypothetical) &&
      main->modality != "could")
    return TimeDirection::future;
  return std::nullopt;
}

/// The rules in order; the first that speaks decides, else the governing group's direction.
constexpr std::array<std::optional<TimeDirection> (*)(const Reading&), 8> kRules{
    scheduled_object, arrangement, end_of_present_state, extended_term, fronted_plan, could, infinitive_of_present,
    clause_of_time};

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
    cache.words = analyzer_.analyze_words(text, spans, Analyzer::Lemmas::no_nouns);
    cache.groups = verb_groups(cache.words, text);
  }
  std::size_t first = 0;
  while (first < cache.words.size() && cache.words[first].span.end <= expression.begin) ++first;
  if (const TimeDirection d = noun_modifier_direction(cache.words, first, text); d != TimeDirection::unknown) return d;
  const VerbGroup* g = governing_group(cache.groups, cache.words, expression);
  if (!g) return TimeDirection::unknown;
  const Reading r{text, cache.words, cache.groups, *g, first, expression};
  for (const auto rule : kRules)
    if (const std::optional<TimeDirection> d = rule(r)) return *d;
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
