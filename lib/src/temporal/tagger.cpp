// The tagger: tokenize, match the grammar leftmost-longest, resolve each match's value with the
// document's reference date and the sentence's direction, keep the narrative anchors current.

#include "chronicle/temporal/tagger.hpp"

#include <stdexcept>

#include "chronicle/core/resources.hpp"
#include "grammar.hpp"

namespace chronicle::resources {
void link_en_temporal();
}

namespace chronicle::temporal {

struct Tagger::Impl {
  detail::Grammar grammar;
  std::unique_ptr<TenseOracle> oracle;
};

namespace {

detail::CueTables cue_tables(const detail::Lexicon& lexicon) {
  detail::CueTables tables;
  const int cue = lexicon.find_class("cue");
  const int cue_to = lexicon.find_class("cue_to");
  for (const auto& [word, entries] : lexicon.words)
    for (const detail::LexEntry& e : entries) {
      if (e.cls == cue) tables.words[word] = e.value == "future" ? Direction::future : Direction::past;
      if (e.cls == cue_to) tables.before_to[word] = true;
    }
  return tables;
}

bool explicit_year(const detail::Captures& captures) {
  for (const detail::Capture& c : captures)
    if (c.slot == "year" || c.slot == "yy") return true;
  return false;
}

void run(const Tagger::Impl& impl, std::string_view text, detail::TokenStream& ts, const TagOptions& options,
         std::vector<Timex>& out) {
  const TenseOracle& oracle = options.oracle ? *options.oracle : *impl.oracle;
  detail::ResolveContext ctx;
  ctx.reference = options.dct;
  ctx.narrative = !options.dct;
  const auto& tokens = ts.tokens;
  std::uint32_t quarter_sentence = 0;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::optional<detail::Match> m = impl.grammar.match_at(tokens, i);
    if (!m) { ++i; continue; }
    i = m->consumed_end;
    const detail::Rule& rule = *m->rule;
    if (!rule.fn) continue;
    const TextSpan span{tokens[m->first].span.begin, tokens[m->last - 1].span.end};
    const std::uint32_t sentence_id = tokens[m->first].sentence;
    const TextSpan sentence = sentence_id < ts.sentences.size() ? ts.sentences[sentence_id] : span;
    std::optional<Direction> direction;
    ctx.direction = [&] {
      if (!direction) direction = oracle.direction(text, sentence, span);
      return *direction;
    };
    ctx.first_word = tokens[m->first].norm;
    if (ctx.recent_quarter && sentence_id > quarter_sentence + 1) ctx.recent_quarter.reset();
    std::optional<TimeValue> value = rule.fn(m->captures, rule.args, ctx);
    if (!value) continue;
    if (value->period && value->period->granularity() == Granularity::quarter) {
      ctx.recent_quarter = value->period;
      quarter_sentence = sentence_id;
    }
    if (value->period && value->period->year_known()) {
      const Granularity g = value->period->granularity();
      if (g == Granularity::day || g == Granularity::part_of_day || g == Granularity::minute)
        ctx.last_day = value->period->first_day();
      if (ctx.narrative && rule.fn_name == "date" && explicit_year(m->captures))
        ctx.reference = value->period->first_day();
    }
    out.push_back({span, std::move(*value), rule.info.name});
  }
}

}  // namespace

Result<Tagger> Tagger::from_text(std::string_view rules, std::string_view lexicon) {
  auto grammar = detail::compile(rules, lexicon);
  if (!grammar) return tl::unexpected(grammar.error());
  auto impl = std::make_shared<Impl>();
  impl->grammar = std::move(*grammar);
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
  detail::TokenStream ts;
  detail::tokenize(text, range, {}, ts);
  std::vector<Timex> out;
  run(*impl_, text, ts, options, out);
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
  run(*impl_, text, ts, options, out);
  return out;
}

const std::vector<RuleInfo>& Tagger::rules() const { return impl_->grammar.infos; }

const Tagger& default_tagger() {
  static const Tagger tagger = [] {
    auto loaded = Tagger::load();
    if (!loaded) throw std::runtime_error("chronicle: temporal grammar: " + loaded.error().message);
    return *loaded;
  }();
  return tagger;
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
