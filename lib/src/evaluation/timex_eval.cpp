#include "chronicle/evaluation/timex_eval.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "chronicle/ingest/document.hpp"
#include "chronicle/ingest/timeml.hpp"
#include "gold.hpp"

namespace chronicle::evaluation {
namespace {

using detail::f1;
using detail::ratio;

/// The line around `span`, at most ~60 bytes each side, newlines folded.
std::string context_of(std::string_view text, TextSpan span) {
  const std::size_t begin = span.begin > 60 ? span.begin - 60 : 0;
  const std::size_t end = std::min(text.size(), span.end + 60);
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (i == span.begin) out += "[[";
    const char c = text[i];
    out += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
    if (i + 1 == span.end) out += "]]";
  }
  return out;
}

}  // namespace

std::string_view to_string(TimexErrorKind kind) {
  constexpr std::array<std::string_view, 5> names{"missed", "spurious", "wrong_value", "wrong_type", "span_mismatch"};
  return names[static_cast<std::size_t>(kind)];
}

void TimexScores::finish() {
  strict_precision = ratio(strict_matches, system);
  strict_recall = ratio(strict_matches, gold);
  strict_f1 = f1(strict_precision, strict_recall);
  relaxed_precision = ratio(relaxed_matches, system);
  relaxed_recall = ratio(relaxed_matches, gold);
  relaxed_f1 = f1(relaxed_precision, relaxed_recall);
  type_accuracy = ratio(type_correct, relaxed_matches);
  value_accuracy = ratio(value_correct, relaxed_matches);
  type_f1 = relaxed_f1 * type_accuracy;
  value_f1 = relaxed_f1 * value_accuracy;
}

void score_document(std::string_view doc, std::string_view dct, std::string_view text,
                    const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& system,
                    TimexScores& scores) {
  ++scores.docs;
  scores.gold += gold.size();
  scores.system += system.size();
  std::vector<bool> system_used(system.size(), false);
  auto error = [&](TimexErrorKind kind, const TimexAnnotation* g, const TimexAnnotation* s) {
    TimexError e{kind, std::string(doc), std::string(dct), std::nullopt, std::nullopt, {}, {}, {}};
    if (g) { e.gold = *g; e.gold_text = std::string(g->span.of(text)); }
    if (s) { e.system = *s; e.system_text = std::string(s->span.of(text)); }
    e.context = context_of(text, g ? g->span : s->span);
    scores.errors.push_back(std::move(e));
  };
  for (const TimexAnnotation& g : gold) {
    // One to one: the first unused system annotation overlapping this gold one.
    std::size_t match = system.size();
    for (std::size_t k = 0; k < system.size(); ++k)
      if (!system_used[k] && system[k].span.overlaps(g.span)) {
        match = k;
        if (system[k].span == g.span) break;
      }
    if (match == system.size()) {
      error(TimexErrorKind::missed, &g, nullptr);
      continue;
    }
    system_used[match] = true;
    const TimexAnnotation& s = system[match];
    ++scores.relaxed_matches;
    const bool strict = s.span == g.span;
    if (strict) ++scores.strict_matches;
    const bool type_ok = s.type == g.type;
    const bool value_ok = s.value == g.value;
    if (type_ok) ++scores.type_correct;
    if (value_ok) ++scores.value_correct;
    if (!value_ok) error(TimexErrorKind::wrong_value, &g, &s);
    else if (!type_ok) error(TimexErrorKind::wrong_type, &g, &s);
    else if (!strict) error(TimexErrorKind::span_mismatch, &g, &s);
  }
  for (std::size_t k = 0; k < system.size(); ++k)
    if (!system_used[k]) error(TimexErrorKind::spurious, nullptr, &system[k]);
}

Result<TimexScores> evaluate_timex(const std::filesystem::path& gold_dir, const temporal::Tagger& tagger,
                                   const temporal::TenseOracle* oracle) {
  TimexScores scores;
  auto done = detail::for_each_gold(gold_dir, [&](const std::filesystem::path& path, const std::string&,
                                                  const ingest::TimemlDocument& tml) {
    std::vector<TimexAnnotation> gold;
    for (const ingest::TimemlTag& tag : tml.tags) {
      if (tag.name != "TIMEX3" || !tag.in_body || tag.span.empty()) continue;
      const auto fn = tag.attributes.find("functionInDocument");
      if (fn != tag.attributes.end() && fn->second == "CREATION_TIME") continue;
      const auto type = tag.attributes.find("type");
      const auto value = tag.attributes.find("value");
      gold.push_back({tag.span, type == tag.attributes.end() ? "" : type->second,
                      value == tag.attributes.end() ? "" : value->second, {}});
    }
    temporal::TagOptions options;
    options.dct = tml.dct;
    options.oracle = oracle;
    std::vector<TimexAnnotation> system;
    for (const temporal::Timex& t : tagger.tag(tml.text, tml.body, options))
      system.push_back({t.span, std::string(to_string(t.value.type)), t.value.value, t.rule});
    const std::string dct = tml.dct ? ingest::format_date(*tml.dct) : std::string("none");
    score_document(path.stem().string(), dct, tml.text, gold, system, scores);
  });
  if (!done) return tl::unexpected(done.error());
  scores.finish();
  return scores;
}

}  // namespace chronicle::evaluation
