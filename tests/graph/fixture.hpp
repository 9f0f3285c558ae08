#pragma once
// Test helpers: the seed-corpus fixture and small hand-built mentions.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "chronicle/events/serialize.hpp"
#include "chronicle/graph/event_graph.hpp"

namespace chronicle::testing {

inline const events::Corpus& seed_corpus() {
  static const events::Corpus corpus = [] {
    auto c = events::read_corpus(CHRONICLE_SOURCE_DIR "/tests/graph/fixtures/seed_corpus.json");
    if (!c) throw std::runtime_error(c.error().message);
    return *std::move(c);
  }();
  return corpus;
}

inline events::TimeAnchor day(const std::string& iso) {
  auto d = events::parse_day(iso);
  return {iso, "day", d, d, "timex", std::nullopt, ""};
}

inline events::TimeAnchor span(const std::string& value, const std::string& granularity, const std::string& first,
                               const std::string& last) {
  return {value, granularity, events::parse_day(first), events::parse_day(last), "timex", std::nullopt, ""};
}

inline events::Mention mention(const std::string& doc, const std::string& lemma, std::optional<events::TimeAnchor> time,
                               std::vector<std::string> actors, const std::string& place = "") {
  events::Mention m;
  m.doc = doc;
  m.trigger_text = m.lemma = lemma;
  m.time = std::move(time);
  m.actors = std::move(actors);
  m.location = place;
  m.sentence_text = doc + " says " + lemma;
  return m;
}

inline events::DocumentAnalysis document(const std::string& id, std::vector<events::Mention> mentions,
                                         std::vector<events::CueRelation> cues = {}) {
  events::DocumentAnalysis a;
  a.doc = id;
  a.dct = date::year{2015} / 12 / 15;
  for (auto& m : mentions) m.doc = id;
  a.mentions = std::move(mentions);
  a.cues = std::move(cues);
  return a;
}

/// The event holding mention `trigger_begin` of `doc`.
inline const graph::Event* event_of(const graph::EventGraph& g, const std::string& doc, std::size_t trigger_begin) {
  for (const auto& e : g.events)
    for (const auto& m : e.mentions)
      if (m.doc == doc && m.trigger.begin == trigger_begin) return &e;
  return nullptr;
}

/// The event whose summary is `summary`, or else the one holding a mention summarized so (the
/// first in timeline order).
inline const graph::Event* event_named(const graph::EventGraph& g, const std::string& summary) {
  for (const auto& e : g.events)
    if (e.summary == summary) return &e;
  for (const auto& e : g.events)
    for (const auto& m : e.mentions)
      if (m.summary == summary) return &e;
  return nullptr;
}

}  // namespace chronicle::testing
