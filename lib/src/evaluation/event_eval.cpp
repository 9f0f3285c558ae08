#include "chronicle/evaluation/event_eval.hpp"

#include <cctype>

#include "chronicle/ingest/reader.hpp"
#include "chronicle/ingest/timeml.hpp"
#include "gold.hpp"

namespace chronicle::evaluation {
namespace {

struct GoldEvent {
  TextSpan span;  // original bytes
  std::string event_class;
  std::string tense;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Gold EVENTs of the TEXT element with the class of the event and the tense of its instance.
std::vector<GoldEvent> gold_events(const ingest::TimemlDocument& tml) {
  std::map<std::string, std::string, std::less<>> tense_of;  // eid -> tense
  for (const auto& tag : tml.tags) {
    if (tag.name != "MAKEINSTANCE") continue;
    auto eid = tag.attributes.find("eventID");
    auto tense = tag.attributes.find("tense");
    if (eid != tag.attributes.end() && tense != tag.attributes.end()) tense_of.emplace(eid->second, tense->second);
  }
  std::vector<GoldEvent> gold;
  for (const auto& tag : tml.tags) {
    if (tag.name != "EVENT" || !tag.in_body) continue;
    GoldEvent g{tml.map.to_raw(tag.span), {}, {}};
    if (auto c = tag.attributes.find("class"); c != tag.attributes.end()) g.event_class = c->second;
    if (auto id = tag.attributes.find("eid"); id != tag.attributes.end())
      if (auto t = tense_of.find(id->second); t != tense_of.end()) g.tense = t->second;
    gold.push_back(std::move(g));
  }
  return gold;
}

void score(const std::vector<GoldEvent>& gold, const events::DocumentAnalysis& analysis, std::string_view original,
           EventScores& scores) {
  scores.gold += gold.size();
  scores.system += analysis.mentions.size();
  std::vector<bool> used(analysis.mentions.size(), false);
  for (const GoldEvent& g : gold) {
    std::optional<std::size_t> match;
    for (std::size_t i = 0; i < analysis.mentions.size() && !match; ++i)
      if (!used[i] && analysis.mentions[i].trigger.overlaps(g.span)) match = i;
    if (!match) {
      scores.missed[lower(g.span.of(original))]++;
      continue;
    }
    used[*match] = true;
    const events::Mention& m = analysis.mentions[*match];
    scores.relaxed_matches++;
    if (m.trigger == g.span) scores.strict_matches++;
    if (events::to_string(m.event_class) == g.event_class) scores.class_correct++;
    if (events::to_string(m.tense) == g.tense) scores.tense_correct++;
  }
  for (std::size_t i = 0; i < used.size(); ++i)
    if (!used[i]) scores.spurious[lower(analysis.mentions[i].trigger_text)]++;
}

}  // namespace

void EventScores::finish() {
  using detail::f1;
  using detail::ratio;
  strict_precision = ratio(strict_matches, system);
  strict_recall = ratio(strict_matches, gold);
  strict_f1 = f1(strict_precision, strict_recall);
  relaxed_precision = ratio(relaxed_matches, system);
  relaxed_recall = ratio(relaxed_matches, gold);
  relaxed_f1 = f1(relaxed_precision, relaxed_recall);
  class_accuracy = ratio(class_correct, relaxed_matches);
  class_f1 = relaxed_f1 * class_accuracy;
  tense_accuracy = ratio(tense_correct, relaxed_matches);
  tense_f1 = relaxed_f1 * tense_accuracy;
}

Result<EventScores> evaluate_events(const std::filesystem::path& gold_dir, const events::Extractor& extractor) {
  EventScores scores;
  Result<void> failed;
  auto done = detail::for_each_gold(gold_dir, [&](const std::filesystem::path& path, const std::string& bytes,
                                                  const ingest::TimemlDocument& tml) {
    auto doc = ingest::read_timeml(path.string(), bytes);
    if (!doc) {
      if (failed) failed = tl::unexpected(doc.error());
      return;
    }
    score(gold_events(tml), extractor.analyze(*doc), bytes, scores);
    scores.docs++;
  });
  if (!done) return tl::unexpected(done.error());
  if (!failed) return tl::unexpected(failed.error());
  scores.finish();
  return scores;
}

}  // namespace chronicle::evaluation
