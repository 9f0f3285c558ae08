// The tagger: tokenize, match the grammar leftmost-longest, resolve each match's value with the
// document's reference date and the sentence's direction, keep the narrative anchors current.

#include "chronicle/temporal/tagger.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "chronicle/core/resources.hpp"
#include "chronicle/segment/segmenter.hpp"
#include "grammar.hpp"
#include "prefilter.hpp"

namespace chronicle::resources {
void link_en_temporal();
}

namespace chronicle::temporal {

struct Tagger::Impl {
  detail::Grammar grammar;
  detail::Prefilter prefilter;
  std::unique_ptr<TenseOracle> oracle;
};

namespace {

detail::CueTables cue_tables(const detail::Lexicon& lexicon) {
  detail::CueTables tables;
  const int cue = lexicon.find_class("cue");
  const int cue_to = lexicon.find_class("cue_to");
  const int cue_defer = lexicon.find_class("cue_defer");
  for (const auto& [word, entries] : lexicon.words)
    for (const detail::LexEntry& e : entries) {
      if (e.cls == cue) tables.words[word] = e.value == "future" ? Direction::future : Direction::past;
      if (e.cls == cue_to) tables.before_to[word] = true;
      if (e.cls == cue_defer) tables.defer[word] = true;
    }
  return tables;
}

bool explicit_year(const detail::Captures& captures) {
  for (const detail::Capture& c : captures)
    if (c.slot == "year" || c.slot == "yy") return true;
  return false;
}

/// A reporting period longer than a quarter: "the nine months" (P9M), "the year" (P1Y), "the
/// first half". In its sentence "a year earlier" compares that period, not the quarter.
bool longer_than_quarter(const TimeValue& v) {
  if (v.period) return v.period->granularity() == Granularity::half;
  if (v.type != TimexType::duration || v.value.size() < 3 || v.value[0] != 'P') return false;
  int n = 0;
  const char* end = v.value.data() + v.value.size() - 1;
  const auto [last, ec] = std::from_chars(v.value.data() + 1, end, n);
  if (ec != std::errc{} || last != end) return false;
  return (*end == 'M' && n >= 6) || (*end == 'Y' && n >= 1);
}

/// A clock time that names no day ("4 in the morning", "at 10 p.m."): its day is the reference's.
bool dayless_time(const detail::Rule& rule, const detail::Captures& captures, const TimeValue& value) {
  if (rule.fn_name != "time" || !value.period || value.period->granularity() != Granularity::minute) return false;
  return std::none_of(captures.begin(), captures.end(), [](const detail::Capture& c) {
    return c.slot == "weekday" || c.slot == "month" || c.slot == "day";
  });
}

/// Whether `between` is an opening bracket and spaces only: "4 in the morning (4 a.m. EDT Thursday)".
bool opens_restatement(std::string_view between) {
  bool bracket = false;
  for (char c : between) {
    if (c == '(' && !bracket) bracket = true;
    else if (c != ' ' && c != '\t' && c != '\n') return false;
  }
  return bracket;
}

bool has_arg(const detail::Rule& rule, std::string_view key) {
  return std::any_of(rule.args.begin(), rule.args.end(), [&](const detail::Arg& a) { return a.key == key; });
}

bool is_quarterly(const detail::Rule& rule) { return has_arg(rule, "quarterly"); }

/// "Ma Jun", "Wang Jun": a month's short form without its dot right after a capitalized word is a
/// given name (a rule's `name_guard`), unless that word is one that opens sentences ("In Jun",
/// "Since Jan"). A day or a year after it would have made a longer date match.
bool given_name(std::string_view text, const std::vector<detail::Token>& tokens, detail::WordInfos words,
                const detail::Match& m) {
  if (m.last != m.first + 1 || m.first == 0 || !words[m.first]) return false;
  const auto& lex = words[m.first]->lex;
  if (std::none_of(lex.begin(), lex.end(), [](const detail::LexEntry& e) { return e.abbr; })) return false;
  const detail::Token& name = tokens[m.first - 1];
  if (name.kind != detail::TokenKind::word || !name.capitalized || name.all_caps || name.norm.size() < 2) return false;
  if (words[m.first - 1] && !words[m.first - 1]->lex.empty()) return false;   // "Friday Jun": a grammar word
  return !segment::is_sentence_starter(name.span.of(text));
}

/// One tagging pass over a document: the resolution context and sentence lookup that carry over
/// from one token window to the next.
class Pass {
 public:
  Pass(const Tagger::Impl& impl, std::string_view text, TextSpan range, const TagOptions& options,
       std::vector<Timex>& out)
      : impl_(impl), text_(text), oracle_(options.oracle ? *options.oracle : *impl.oracle), out_(out),
        range_(range), asked_(range.begin), finder_begin_(range.begin), finder_(text, range) {
    ctx_.reference = options.dct;
    ctx_.narrative = !options.dct;
    // Set once (a capture of `this` is stored without a heap allocation): the value functions
    // ask through it for the direction of the match being resolved.
    ctx_.direction = [this] { return current_direction(); };
  }
  Pass(const Pass&) = delete;
  Pass& operator=(const Pass&) = delete;

  /// Sentences come from the tokenizer (Token::sentence is set) instead of being found lazily.
  void use_sentences(const std::vector<TextSpan>& sentences) { given_ = &sentences; }

  /// Matches the grammar over `tokens`, leftmost-longest, resolving each match's value. With
  /// `anchors`, matching is tried only where a match can reach an anchor token.
  void match(const std::vector<detail::Token>& tokens, const detail::Prefilter* anchors = nullptr);

 private:
  /// The sentence of the match being resolved, looked up when first needed.
  std::uint32_t current_sentence() {
    if (!current_.sentence) current_.sentence = sentence_of(*current_.first);
    return *current_.sentence;
  }

  /// The direction of the match being resolved, asked of the oracle when first needed.
  Direction current_direction() {
    if (!current_.direction) {
      const std::uint32_t id = current_sentence();   // (found that far by sentence_of)
      const std::vector<TextSpan>& s = given_ ? *given_ : finder_.sentences();
      const std::size_t index = id - (given_ ? 0 : first_id_);
      current_.direction = oracle_.direction(text_, index < s.size() ? s[index] : current_.span, current_.span);
    }
    return *current_.direction;
  }

  /// The sentence of token `t`: its number in the given sentences, or an id of the finder's
  /// (first_id_ and its number there), which stays unique when the finder starts again.
  std::uint32_t sentence_of(const detail::Token& t) {
    if (given_) return t.sentence;
    skip_paragraphs(t.span.begin);
    finder_.find_past(t.span.begin);
    const std::vector<TextSpan>& s = finder_.sentences();
    const auto it = std::upper_bound(s.begin(), s.end(), t.span.begin,
                                     [](std::size_t pos, const TextSpan& sentence) { return pos < sentence.begin; });
    return first_id_ + (it == s.begin() ? 0 : static_cast<std::uint32_t>(it - s.begin() - 1));
  }

  /// A paragraph break ends the sentence before it whatever came earlier, and a finder started
  /// after it finds the same sentences from there on (detail::paragraph_start()): when one lies
  /// between the last position asked and `pos`, the finder starts again after the last such,
  /// instead of finding every sentence of the paragraphs between two expressions' (te3-silver:
  /// 31,122 finder steps for 6,570 directions before, 8,776 now).
  void skip_paragraphs(std::size_t pos) {
    if (pos <= asked_) {
      // positions are asked in text order; were one asked before the finder's start, start over
      if (pos < finder_begin_) restart(range_.begin);
      return;
    }
    const std::size_t paragraph = detail::paragraph_start(text_, asked_, pos);
    asked_ = pos;
    if (paragraph != std::string_view::npos) restart(paragraph);
  }
  void restart(std::size_t begin) {
    first_id_ += static_cast<std::uint32_t>(finder_.sentences().size());
    finder_ = detail::SentenceFinder(text_, {begin, range_.end});
    finder_begin_ = begin;
  }

  /// The day of the last expression found, when it ends right before `next` (spaces between).
  std::optional<date::year_month_day> adjacent_day(const detail::Token& next) const {
    if (out_.empty() || !out_.back().value.period || !out_.back().value.period->year_known() ||
        out_.back().value.period->granularity() != Granularity::day)
      return std::nullopt;
    const std::size_t end = out_.back().span.end;
    if (next.span.begin < end) return std::nullopt;
    const std::string_view between = text_.substr(end, next.span.begin - end);
    if (between.find_first_not_of(" \t\n") != std::string_view::npos) return std::nullopt;
    return out_.back().value.period->first_day();
  }

  const Tagger::Impl& impl_;
  std::string_view text_;
  const TenseOracle& oracle_;
  std::vector<Timex>& out_;
  detail::ResolveContext ctx_;
  const std::vector<TextSpan>* given_ = nullptr;
  TextSpan range_;
  std::size_t asked_;                 ///< the last position whose sentence was asked (range_.begin first)
  std::size_t finder_begin_;          ///< where finder_ started (range_.begin, or a paragraph's start)
  std::uint32_t first_id_ = 0;        ///< the id of finder_'s first sentence
  detail::SentenceFinder finder_;   ///< found as far as the last sentence asked for
  std::vector<std::uint8_t> try_;   ///< bytes: std::vector<bool>'s bit access cost 1% of tagging
  std::vector<const detail::WordInfo*> words_;   ///< the grammar word of each token (Grammar::lookup_words)
  std::optional<std::uint32_t> longer_period_sentence_;   ///< last sentence naming a longer_than_quarter() period
  std::optional<std::size_t> dayless_;   ///< index in out_ of the expression before, when a dayless_time()
  /// The match being resolved: its first token and span; its sentence and direction once asked.
  struct Current {
    const detail::Token* first = nullptr;
    TextSpan span;
    std::optional<std::uint32_t> sentence;
    std::optional<Direction> direction;
  } current_;
};

void Pass::match(const std::vector<detail::Token>& tokens, const detail::Prefilter* anchors) {
  impl_.grammar.lookup_words(tokens, words_);
  // try_[i]: some anchor token lies close enough after token i for a match from i to reach it
  if (anchors) anchors->match_starts(tokens, words_, try_);
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (anchors && !try_[i]) { ++i; continue; }
    std::optional<detail::Match> m = impl_.grammar.match_at(tokens, words_, i);
    if (!m) { ++i; continue; }
    const detail::Rule& rule = *m->rule;
    // A trailing context is looked at, not taken: "the Media Indonesia daily Monday" leaves Monday.
    i = rule.elements.back().context ? m->last : m->consumed_end;
    if (!rule.fn) continue;
    if (has_arg(rule, "name_guard") && given_name(text_, tokens, words_, *m)) continue;
    const TextSpan span{tokens[m->first].span.begin, tokens[m->last - 1].span.end};
    const detail::Token& first = tokens[m->first];
    // The sentence and the direction are only looked up when a value needs them.
    current_ = {&first, span, std::nullopt, std::nullopt};
    ctx_.first_word = first.norm;
    ctx_.adjacent_day = rule.fn_name == "and_day" ? adjacent_day(tokens[m->consumed_begin]) : std::nullopt;
    // "For the nine months, net rose from a year earlier": no quarter to compare in this sentence.
    std::optional<Period> quarter;
    if (ctx_.last_quarter && longer_period_sentence_ && is_quarterly(rule) &&
        *longer_period_sentence_ == current_sentence())
      quarter = std::exchange(ctx_.last_quarter, std::nullopt);
    std::optional<TimeValue> value = rule.fn(m->captures, rule.args, ctx_);
    if (quarter) ctx_.last_quarter = quarter;
    if (!value) {
      // "between 11 am and 4 pm": no day before the number, so the number is left to other rules
      if (rule.fn_name == "and_day") i = m->consumed_begin + 1;
      continue;
    }
    if (longer_than_quarter(*value)) longer_period_sentence_ = current_sentence();
    // "about 4,000 years ago": a calendar year outside 1..9999 has no TIMEX3 date value; the
    // expression still says which side of the reference it lies on.
    if (value->period && value->period->year_known()) {
      const int year = static_cast<int>(value->period->first_day().year());
      if (year < 1 || year > 9999) value = TimeValue::of(year < 1 ? Ref::past : Ref::future);
    }
    if (value->period && value->period->year_known()) {
      const Granularity g = value->period->granularity();
      if (g == Granularity::day || g == Granularity::part_of_day || g == Granularity::minute)
        ctx_.last_day = value->period->first_day();
      if (ctx_.narrative && rule.fn_name == "date" && explicit_year(m->captures))
        ctx_.reference = value->period->first_day();
    }
    // A time that named no day takes the day its bracketed restatement names.
    if (dayless_ && value->period && value->period->year_known() &&
        value->period->granularity() >= Granularity::day &&
        opens_restatement(text_.substr(out_[*dayless_].span.end, span.begin - out_[*dayless_].span.end))) {
      TimeValue& earlier = out_[*dayless_].value;
      if (const auto rebased = Period::make_time(value->period->first_day(), earlier.period->index()))
        earlier = TimeValue::of(*rebased, earlier.mod);
    }
    dayless_.reset();
    if (dayless_time(rule, m->captures, *value)) dayless_ = out_.size();
    out_.push_back({span, std::move(*value), rule.info.name});
  }
}

}  // namespace

Result<Tagger> Tagger::from_text(std::string_view rules, std::string_view lexicon) {
  auto grammar = detail::compile(rules, lexicon);
  if (!grammar) return tl::unexpected(grammar.error());
  auto impl = std::make_shared<Impl>();
  impl->grammar = std::move(*grammar);
  impl->prefilter = detail::Prefilter::build(impl->grammar);
  impl->oracle = detail::make_cue_oracle(cue_tables(impl->grammar.lexicon));
  return Tagger(std::move(impl));
}

Result<Tagger> Tagger::load() {
  resources::link_en_temporal();
  auto rules = resources::load("en/temporal/rules.tsv");
  if (!rules) return tl::unexpected(rules.error());
  auto lexicon = resources::load("en/temporal/lexicon.tsv");
  if (!lexicon) return tl::unexpected(lexicon.error());
  return from_text(*rules, *lexicon);
}

std::vector<Timex> Tagger::tag(std::string_view text, TextSpan range, const TagOptions& options) const {
  std::vector<Timex> out;
  Pass pass(*impl_, text, range, options, out);
  // Reused from one document to the next on this thread: a fresh token list's first writes
  // were a large share of tokenizing.
  thread_local detail::TokenStream ts;
  if (!options.prefilter || !impl_->prefilter.enabled()) {
    detail::tokenize(text, range, {}, ts);
    pass.use_sentences(ts.sentences);
    pass.match(ts.tokens);
    return out;
  }
  // Only the windows around anchors can hold matches (prefilter.hpp); sentences are found when
  // a value first needs one.
  thread_local std::vector<TextSpan> windows;
  impl_->prefilter.windows(text, range, windows);
  // Room for one expression a window (most hold one or none): growing the list by doublings,
  // moving every Timex each time, was about 1% of tagging te3-silver.
  out.reserve(windows.size());
  for (const TextSpan& window : windows) {
    detail::tokenize_window(text, window, ts);
    pass.match(ts.tokens, &impl_->prefilter);
  }
  return out;
}

std::vector<Timex> Tagger::tag(std::string_view text, std::span<const segment::Sentence> sentences,
                               const TagOptions& options) const {
  if (sentences.empty()) return {};
  std::vector<TextSpan> spans;
  spans.reserve(sentences.size());
  for (const auto& s : sentences) spans.push_back(s.span);
  detail::TokenStream ts;
  detail::tokenize(text, {spans.front().begin, spans.back().end}, spans, ts);
  std::vector<Timex> out;
  Pass pass(*impl_, text, {spans.front().begin, spans.back().end}, options, out);
  pass.use_sentences(ts.sentences);
  pass.match(ts.tokens);
  return out;
}

const std::vector<RuleInfo>& Tagger::rules() const { return impl_->grammar.infos; }

const Tagger& default_tagger() {
  // Never destroyed: freeing its tables at exit cost each process about a million instructions
  // (a sixth of a millisecond) for memory the exit frees anyway.
  static const Tagger* const tagger = [] {
    auto loaded = Tagger::load();
    if (!loaded) throw std::runtime_error("chronicle: temporal grammar: " + loaded.error().message);
    return new Tagger(std::move(*loaded));
  }();
  return *tagger;
}

const TenseOracle& cue_tense_oracle() {
  static const std::unique_ptr<TenseOracle> oracle = [] {
    resources::link_en_temporal();
    auto lexicon = resources::load("en/temporal/lexicon.tsv");
    detail::Lexicon parsed;
    if (lexicon) {
      auto g = detail::compile("", *lexicon);
      if (g) return detail::make_cue_oracle(cue_tables(g->lexicon));
    }
    return detail::make_cue_oracle({});
  }();
  return *oracle;
}

}  // namespace chronicle::temporal
