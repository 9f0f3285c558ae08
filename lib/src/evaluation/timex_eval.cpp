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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Gold writes X where the system has digits, at the same granularity ("1989-WXX" / "1989-W33",
/// "199X" / "1995"), or pads the system's value with X components ("1949-XX" / "1949",
/// "199X" / the decade "199").
bool is_placeholder_of(std::string_view gold, std::string_view system) {
  if (gold.find('X') == std::string_view::npos || system.empty()) return false;
  if (gold.size() == system.size()) {
    for (std::size_t i = 0; i < gold.size(); ++i)
      if (gold[i] != system[i] && !(gold[i] == 'X' && is_digit(system[i]))) return false;
    return true;
  }
  if (!gold.starts_with(system)) return false;
  if (!is_digit(system.back())) return false;   // "1989-W" is no value
  const std::string_view padding = gold.substr(system.size());
  return padding.find_first_not_of("-X") == std::string_view::npos;
}

/// Gold writes a one-digit week ("2000-W7", "2000-W7-WE") where ISO 8601 has two ("2000-W07").
bool is_unpadded_week_of(std::string_view gold, std::string_view system) {
  if (gold.size() < 7 || gold.substr(4, 2) != "-W" || !is_digit(gold[6])) return false;
  if (gold.size() > 7 && is_digit(gold[7])) return false;
  std::string padded(gold.substr(0, 6));
  padded += '0';
  padded += gold.substr(6);
  return padded == system;
}

/// A TIMEX3 duration value: "P1W", "PXY", "PT2H" (not "PRESENT_REF" or "PAST_REF").
bool is_duration(std::string_view value) {
  return value.size() >= 2 && value[0] == 'P' && (is_digit(value[1]) || value[1] == 'X' || value[1] == 'T');
}

}  // namespace

std::string context_of(std::string_view text, TextSpan span, std::size_t before) {
  const std::size_t begin = span.begin > before ? span.begin - before : 0;
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

std::string_view to_string(TimexErrorKind kind) {
  constexpr std::array<std::string_view, 6> names{"missed",          "spurious",   "wrong_value",
                                                  "gold_convention", "wrong_type", "span_mismatch"};
  return names[static_cast<std::size_t>(kind)];
}

std::string_view to_string(GoldConvention convention) {
  constexpr std::array<std::string_view, 3> names{"placeholder", "unpadded_week", "duration_on_date"};
  return names[static_cast<std::size_t>(convention)];
}

std::optional<GoldConvention> gold_convention(const TimexAnnotation& gold, const TimexAnnotation& system) {
  if (gold.value == system.value) return std::nullopt;
  if (is_placeholder_of(gold.value, system.value)) return GoldConvention::placeholder;
  if (is_unpadded_week_of(gold.value, system.value)) return GoldConvention::unpadded_week;
  // A DATE or TIME whose gold value is a duration; the system's own duration would be comparable.
  const bool dated = gold.type == "DATE" || gold.type == "TIME";
  if (dated && is_duration(gold.value) && !system.value.empty() && !is_duration(system.value))
    return GoldConvention::duration_on_date;
  return std::nullopt;
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
  value_f1_accepting_gold_conventions = relaxed_f1 * ratio(value_correct + value_gold_convention, relaxed_matches);
}

void score_document(std::string_view doc, std::string_view dct, std::string_view text,
                    const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& system,
                    TimexScores& scores) {
  ++scores.docs;
  scores.gold += gold.size();
  scores.system += system.size();
  std::vector<bool> system_used(system.size(), false);
  auto error = [&](TimexErrorKind kind, const TimexAnnotation* g, const TimexAnnotation* s,
                   std::optional<GoldConvention> convention = std::nullopt) {
    TimexError e{kind, std::string(doc), std::string(dct), std::nullopt, std::nullopt, {}, {}, {}, convention};
    if (g) { e.gold = *g; e.gold_text = std::string(g->span.of(text)); }
    if (s) { e.system = *s; e.system_text = std::string(s->span.of(text)); }
    e.context = context_of(text, g ? g->span : s->span);
    scores.errors.push_back(std::move(e));
  };
  for (const TimexAnnotation& g : gold) {
    // One to one: the first unused system annotation overlapping this gold one, as the TempEval-3
    // toolkit pairs them (its normalizer gives a system TIMEX3 the id of the gold one open where it
    // begins, or the reverse). System annotations never overlap, so an exact one is the first.
    std::size_t match = system.size();
    for (std::size_t k = 0; k < system.size(); ++k)
      if (!system_used[k] && system[k].span.overlaps(g.span)) {
        match = k;
        break;
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
    if (!value_ok) {
      const auto convention = gold_convention(g, s);
      if (convention) ++scores.value_gold_convention;
      error(convention ? TimexErrorKind::gold_convention : TimexErrorKind::wrong_value, &g, &s, convention);
    } else if (!type_ok) error(TimexErrorKind::wrong_type, &g, &s);
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
