#include <catch2/catch.hpp>

#include <algorithm>

#include "chronicle/actors/resolver.hpp"
#include "chronicle/events/extractor.hpp"
#include "chronicle/ingest/reader.hpp"
#include "extraction.hpp"

using namespace chronicle;
using testing::analyze_text;
using testing::extractor;
using testing::find;
using testing::has;

namespace {

std::vector<events::DocumentAnalysis> seed_corpus() {
  std::vector<events::DocumentAnalysis> out;
  ingest::read_paths({std::string(CHRONICLE_SOURCE_DIR) + "/corpus/kerry-moscow-2015"}, {}, [&](Result<ingest::Document> doc) {
    REQUIRE(doc);
    out.push_back(extractor().analyze(*doc));
  });
  return out;
}

std::size_t count(const events::DocumentAnalysis& a, const std::string& trigger) {
  return static_cast<std::size_t>(
      std::count_if(a.mentions.begin(), a.mentions.end(), [&](const events::Mention& m) { return m.trigger_text == trigger; }));
}


}  // namespace

TEST_CASE("verbal and nominal triggers get TimeML classes and tenses", "[events][triggers]") {
  auto a = analyze_text("Kerry said the meeting would take place on Friday. Russia launched air strikes.\n");
  const auto* said = find(a, "said");
  REQUIRE(said != nullptr);
  CHECK(said->event_class == events::EventClass::reporting);
  CHECK(said->tense == events::Tense::past);
  const auto* meeting = find(a, "meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->event_class == events::EventClass::occurrence);
  const auto* launched = find(a, "launched");
  REQUIRE(launched != nullptr);
  CHECK(launched->event_class == events::EventClass::aspectual);
  CHECK(find(a, "strikes") != nullptr);
}

TEST_CASE("reported speech keeps both sides: the event on its date, the saying as its source", "[events][speech]") {
  auto a = analyze_text("Lavrov said the meeting would take place on Friday.\n");
  const auto* meeting = find(a, "meeting");
  const auto* said = find(a, "said");
  REQUIRE(meeting != nullptr);
  REQUIRE(said != nullptr);
  REQUIRE(meeting->time);
  CHECK(meeting->time->value == "2015-12-18");
  REQUIRE(meeting->source);
  CHECK(&a.mentions[*meeting->source] == said);
  REQUIRE(said->time);
  CHECK(said->time->rule == "reporting-dct");
  CHECK(said->time->value == "2015-12-15");
}

TEST_CASE("negation and future are read from the verb group", "[events][tense]") {
  auto a = analyze_text("The rebels did not attack the town. The ministers will meet in Vienna.\n");
  const auto* attack = find(a, "attack");
  REQUIRE(attack != nullptr);
  CHECK(attack->polarity == events::Polarity::negative);
  const auto* meet = find(a, "meet");
  REQUIRE(meet != nullptr);
  CHECK(meet->tense == events::Tense::future);
}

TEST_CASE("the seed corpus: talks in Moscow on Tuesday with Kerry, Putin and Lavrov", "[events][seed]") {
  auto corpus = seed_corpus();
  REQUIRE(corpus.size() == 5);
  auto resolver = actors::Resolver::load();
  REQUIRE(resolver);
  events::ActorTable table = resolver->resolve(corpus);

  // 004: "US Secretary of State John Kerry and his Russian counterpart Sergei Lavrov began talks in
  //       Moscow on Tuesday"
  const auto& doc4 = corpus[4];
  const auto* talks = find(doc4, "talks");
  REQUIRE(talks != nullptr);
  REQUIRE(talks->time);
  CHECK(talks->time->value == "2015-12-15");
  CHECK(talks->location == "Moscow");
  CHECK(has(talks->actors, "John Kerry"));
  CHECK(has(talks->actors, "Sergei Lavrov"));

  // The New York meeting on December 18, and the January 1 ceasefire, come out dated.
  bool ny_meeting = false, ceasefire = false, march_2011 = false;
  for (const auto& a : corpus)
    for (const auto& m : a.mentions) {
      if (!m.time) continue;
      if ((m.lemma == "meeting" || m.lemma == "take") && m.time->value == "2015-12-18") ny_meeting = true;
      if (m.lemma == "ceasefire" && m.time->value == "2016-01-01") ceasefire = true;
      if (m.time->value == "2011-03") march_2011 = true;
    }
  CHECK(ny_meeting);
  CHECK(ceasefire);
  CHECK(march_2011);

  // One canonical actor per person, whatever the spelling.
  for (const char* alias : {"Lavrov", "Sergey Lavrov", "Sergei Lavrov"}) {
    const events::Actor* actor = table.find(alias);
    REQUIRE(actor != nullptr);
    CHECK(actor->name == "Sergei Lavrov");
  }
  for (const char* alias : {"Kerry", "John Kerry"}) {
    const events::Actor* actor = table.find(alias);
    REQUIRE(actor != nullptr);
    CHECK(actor->name == "John Kerry");
  }
  const events::Actor* us = table.find("U.S.");
  REQUIRE(us != nullptr);
  CHECK(us->name == "United States");
}

TEST_CASE("a reported event does not take the time of its reporting", "[events][speech]") {
  auto a = analyze_text("Lavrov announced on Tuesday the meeting of the support group would indeed take place.\n");
  const auto* announced = find(a, "announced");
  const auto* meeting = find(a, "meeting");
  REQUIRE(announced != nullptr);
  REQUIRE(meeting != nullptr);
  REQUIRE(announced->time);
  CHECK(announced->time->value == "2015-12-15");
  CHECK((!meeting->time || meeting->time->value != "2015-12-15"));
}

TEST_CASE("support verbs and nouns fold into the noun that carries the event", "[events][support]") {
  auto a = analyze_text("A follow-up conference is set to take place on Friday in New York. "
                        "Moscow would veto a third round of talks on Syria.\n");
  CHECK(find(a, "take") == nullptr);
  CHECK(find(a, "round") == nullptr);
  const auto* conference = find(a, "conference");
  REQUIRE(conference != nullptr);
  REQUIRE(conference->time);
  CHECK(conference->time->value == "2015-12-18");
  CHECK(find(a, "talks") != nullptr);
  for (const auto& m : a.mentions)
    if (m.source) CHECK(*m.source < a.mentions.size());
}

TEST_CASE("auxiliary and modal have carry no event; possession stays a state", "[events][triggers]") {
  auto a = analyze_text("Patients should not have to travel far. Those plates may have come from Atlanta. "
                        "The company has three plants.\n");
  CHECK(find(a, "have") == nullptr);
  CHECK(find(a, "travel") != nullptr);
  CHECK(find(a, "come") != nullptr);
  const auto* has_plants = find(a, "has");
  REQUIRE(has_plants != nullptr);
  CHECK(has_plants->event_class == events::EventClass::state);
}

TEST_CASE("the end of a calendar period is no event, the end of a war is", "[events][triggers]") {
  auto a = analyze_text("Profit rose in the quarter ended Sept. 30. The company will report results at the end of the "
                        "year. The war ended in 1991.\n");
  CHECK(count(a, "ended") == 1);
  CHECK(find(a, "end") == nullptr);
  CHECK(find(a, "war") != nullptr);
}

TEST_CASE("nouns name events in the number and with the complement the lexicon asks", "[events][nominals]") {
  auto a = analyze_text("The sale of the unit was completed. Sales rose 5%. Its plan to sell the unit failed. "
                        "The board adopted a rights plan. In a statement, the ministry said the talks had ended.\n");
  CHECK(find(a, "sale") != nullptr);   // "sale" happens
  CHECK(find(a, "Sales") == nullptr);  // "sales" is an amount
  CHECK(count(a, "plan") == 1);        // the intention, not the document
  CHECK(find(a, "statement") == nullptr);
  CHECK(find(a, "said") != nullptr);
}

TEST_CASE("verbs of inclusion and modifier participles are no events", "[events][triggers]") {
  auto a = analyze_text("The group includes Russia and Iran. Operating profit fell 5%.\n");
  CHECK(find(a, "includes") == nullptr);
  CHECK(find(a, "Operating") == nullptr);
  CHECK(find(a, "fell") != nullptr);
}

TEST_CASE("WordNet act nouns: zero-derived ones are events, generic and modifier uses are not", "[events][nominals]") {
  auto a = analyze_text("The move surprised investors. Protesters gathered outside an abortion clinic. "
                        "The bill would restrict abortion. After the restructuring, the company sold its plants.\n");
  const auto* move = find(a, "move");
  REQUIRE(move != nullptr);
  CHECK(move->event_class == events::EventClass::occurrence);
  CHECK(find(a, "abortion") == nullptr);
  CHECK(find(a, "restructuring") != nullptr);
}

TEST_CASE("tense, polarity and direction come from the language stage's verb groups", "[events][tense]") {
  auto a = analyze_text("Kerry went into the meeting not knowing the answer. The ministers have met twice. "
                        "The talks are set to begin soon. Lavrov would travel to Vienna.\n");
  const auto* knowing = find(a, "knowing");
  REQUIRE(knowing != nullptr);
  CHECK(knowing->polarity == events::Polarity::negative);
  CHECK(knowing->tense == events::Tense::prespart);
  const auto* met = find(a, "met");
  REQUIRE(met != nullptr);
  CHECK(met->tense == events::Tense::present);  // TimeML: present perfect is PRESENT ...
  REQUIRE(met->time);
  CHECK(met->time->value == "PAST_REF");        // ... and lies in the past
  const auto* begin = find(a, "begin");
  REQUIRE(begin != nullptr);
  CHECK(begin->tense == events::Tense::infinitive);
  REQUIRE(begin->time);
  CHECK(begin->time->value == "FUTURE_REF");
  const auto* travel = find(a, "travel");
  REQUIRE(travel != nullptr);
  REQUIRE(travel->time);
  CHECK(travel->time->value == "FUTURE_REF");  // "would": hypothetical, ahead of the DCT
}
