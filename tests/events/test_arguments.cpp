// Arguments, support folding and time attachment on sentences written for the rule they test.
#include "extraction.hpp"

using namespace chronicle;

using testing::analyze_text;
using testing::find;
using testing::has;

TEST_CASE("a support verb far from its subject still folds into it", "[events][support]") {
  auto a = analyze_text(
      "The minister also confirmed that the next meeting of the International Syrian Support Group (ISSG) "
      "would be held on Friday in New York.\n");
  CHECK(find(a, "held") == nullptr);
  const auto* meeting = find(a, "meeting");
  REQUIRE(meeting != nullptr);
  REQUIRE(meeting->time);
  CHECK(meeting->time->value == "2015-12-18");
  CHECK(meeting->location == "New York");
}

TEST_CASE("a hosting verb folds into the event it holds", "[events][support]") {
  auto a = analyze_text("Kerry and Lavrov want to hold the next round of talks on Friday in Geneva.\n");
  CHECK(find(a, "hold") == nullptr);
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  REQUIRE(talks->time);
  CHECK(talks->time->value == "2015-12-18");
  CHECK(has(talks->actors, "Kerry"));
  CHECK(talks->location == "Geneva");
}

TEST_CASE("what talks are about is no participant", "[events][arguments]") {
  auto a = analyze_text("Kerry began talks with Lavrov on Syria in Moscow on Tuesday.\n");
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  CHECK(has(talks->actors, "Kerry"));
  CHECK(has(talks->actors, "Lavrov"));
  CHECK_FALSE(has(talks->actors, "Syria"));
  CHECK(talks->location == "Moscow");
  // Beginning talks is the talks, on Tuesday.
  CHECK(find(a, "began") == nullptr);
  REQUIRE(talks->time);
  CHECK(talks->time->value == "2015-12-15");
}

TEST_CASE("the subject of a verb rejecting an event takes no part in it", "[events][arguments]") {
  auto a = analyze_text("Moscow would veto a third round of talks on Friday.\n");
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  CHECK_FALSE(has(talks->actors, "Moscow"));
}

TEST_CASE("a time expression next to a noun trigger dates the noun, not the verb", "[events][time]") {
  auto a = analyze_text(
      "Kerry's visit follows a meeting last week in Riyadh. "
      "The talks will also delve deeper into details of a planned January 1 ceasefire, as well as Monday's "
      "comments.\n");
  const auto* meeting = find(a, "meeting");
  REQUIRE(meeting != nullptr);
  REQUIRE(meeting->time);
  CHECK(meeting->time->value == "2015-W50");
  const auto* follows = find(a, "follows");
  if (follows && follows->time) CHECK(follows->time->value != "2015-W50");
  const auto* ceasefire = find(a, "ceasefire");
  REQUIRE(ceasefire != nullptr);
  REQUIRE(ceasefire->time);
  CHECK(ceasefire->time->value == "2016-01-01");
  const auto* delve = find(a, "delve");
  if (delve && delve->time) CHECK((delve->time->value != "2016-01-01" && delve->time->value != "2015-12-14"));
  const auto* talks = find(a, "talks");
  if (talks && talks->time) CHECK((talks->time->value != "2016-01-01" && talks->time->value != "2015-12-14"));
}

TEST_CASE("an event a few words after its governing verb takes the verb's time", "[events][time]") {
  auto a = analyze_text("After spending last week at climate talks in Paris, Kerry arrived in Moscow.\n");
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  REQUIRE(talks->time);
  CHECK(talks->time->value == "2015-W50");
}

TEST_CASE("role nouns in argument position are kept for the resolver, titles before names are not", "[events][roles]") {
  auto a = analyze_text(
      "Russian President Vladimir Putin spoke on Monday. Even as the United States envoy and the Kremlin leader were "
      "meeting Tuesday, the rebels attacked. The minister held talks with the Russian foreign minister.\n");
  const auto* meeting = find(a, "meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->roles == std::vector<std::string>{"United States envoy", "Kremlin leader"});
  CHECK_FALSE(has(meeting->actors, "United States"));
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  CHECK(has(talks->roles, "minister"));
  CHECK(has(talks->roles, "Russian foreign minister"));
  for (const auto& m : a.mentions) CHECK_FALSE(has(m.roles, "Russian President"));
  bool putin_titled = false;
  for (const auto& am : a.actor_mentions) putin_titled = putin_titled || (am.name == "Vladimir Putin" && am.title == "Russian President");
  CHECK(putin_titled);
}

TEST_CASE("names inside a noun's phrase are not subjects; clause openers are no such phrase", "[events][arguments]") {
  auto a = analyze_text(
      "Kerry and the United Nations envoy for Syria, Staffan de Mistura, want to hold talks. "
      "The next meeting of world powers on Syria would take place in New York City. "
      "Many people have died since Syria's conflict erupted.\n");
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  CHECK(has(talks->actors, "Staffan de Mistura"));
  CHECK_FALSE(has(talks->actors, "Syria"));
  const auto* meeting = find(a, "meeting");
  REQUIRE(meeting != nullptr);
  CHECK_FALSE(has(meeting->actors, "Syria"));
  CHECK(meeting->location == "New York City");
  const auto* erupted = find(a, "erupted");
  REQUIRE(erupted != nullptr);
  CHECK(has(erupted->actors, "Syria"));
}

TEST_CASE("a journey's destination is its place and its origin no actor", "[events][arguments]") {
  auto a = analyze_text("Kerry travels to Moscow from Paris. His visit to Moscow follows talks in Riyadh.\n");
  const auto* travels = find(a, "travels");
  REQUIRE(travels != nullptr);
  CHECK(travels->location == "Moscow");
  CHECK_FALSE(has(travels->actors, "Paris"));
  const auto* visit = find(a, "visit");
  REQUIRE(visit != nullptr);
  CHECK(visit->location == "Moscow");
}

TEST_CASE("a support noun folds into the event after its 'of', an opening verb into a meeting", "[events][support]") {
  auto a = analyze_text("Diplomats will hold a third round of talks on Syria in Vienna on Friday.\n");
  CHECK(find(a, "round") == nullptr);
  const auto* talks = find(a, "talks");
  REQUIRE(talks != nullptr);
  REQUIRE(talks->time);
  CHECK(talks->time->value == "2015-12-18");

  auto b = analyze_text("Kerry began talks with Lavrov in Moscow on Tuesday.\n");
  CHECK(find(b, "began") == nullptr);
  const auto* began = find(b, "talks");
  REQUIRE(began != nullptr);
  CHECK(has(began->actors, "Kerry"));
}
