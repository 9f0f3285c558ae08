#include <catch2/catch.hpp>

#include "chronicle/events/actor_table.hpp"
#include "chronicle/events/mention.hpp"

using chronicle::events::Actor;
using chronicle::events::ActorTable;

namespace {

ActorTable seed_table() {
  ActorTable t;
  t.add({"John Kerry", "PER", {"Kerry", "Mr. Kerry", "Secretary of State John Kerry"}, ""});
  t.add({"Sergei Lavrov", "PER", {"Sergey Lavrov", "Lavrov"}, ""});
  t.add({"United States", "LOC", {"U.S.", "USA", "the United States"}, ""});
  t.add({"Vladimir Putin", "PER", {"Putin"}, ""});
  return t;
}

}  // namespace

TEST_CASE("key() ignores case, dots, extra spaces and a leading 'the'", "[events][actors]") {
  auto [name, key] = GENERATE(table<std::string, std::string>({
      {"U.S.", "us"},
      {"  Sergey   Lavrov ", "sergey lavrov"},
      {"The United States", "united states"},
      {"Mr. Kerry", "mr kerry"},
      {"al-Assad", "al assad"},
  }));
  CHECK(ActorTable::key(name) == key);
}

TEST_CASE("find() answers every alias with the same actor", "[events][actors]") {
  ActorTable t = seed_table();
  for (const char* alias : {"Lavrov", "Sergey Lavrov", "Sergei Lavrov", "sergei  lavrov", "LAVROV"}) {
    const Actor* a = t.find(alias);
    REQUIRE(a != nullptr);
    CHECK(a->name == "Sergei Lavrov");
  }
  for (const char* alias : {"US", "U.S.", "usa", "the United States", "United States"}) {
    const Actor* a = t.find(alias);
    REQUIRE(a != nullptr);
    CHECK(a->name == "United States");
  }
  CHECK(t.find("Lavrof") == nullptr);
  CHECK(t.find("") == nullptr);
}

TEST_CASE("add_alias() makes a new name findable", "[events][actors]") {
  ActorTable t = seed_table();
  CHECK(t.find("Mr Lavrov") == nullptr);
  t.add_alias(1, "Mr Lavrov");
  REQUIRE(t.find("Mr. Lavrov") != nullptr);
  CHECK(t.find("Mr. Lavrov")->name == "Sergei Lavrov");
  CHECK(t.actors()[1].aliases.back() == "Mr Lavrov");
}

TEST_CASE("closest() suggests the nearest known actors, best first, and nothing absurd", "[events][actors]") {
  ActorTable t = seed_table();
  auto lavrof = t.closest("Lavrof", 3);
  REQUIRE_FALSE(lavrof.empty());
  CHECK(lavrof.front() == "Sergei Lavrov");
  auto kery = t.closest("Jon Kery", 2);
  REQUIRE_FALSE(kery.empty());
  CHECK(kery.front() == "John Kerry");
  CHECK(t.closest("Angela Merkel", 3).empty());
  CHECK(t.closest("Putn", 1) == std::vector<std::string>{"Vladimir Putin"});
}

TEST_CASE("enumerations print their TimeML names", "[events][model]") {
  using namespace chronicle::events;
  CHECK(to_string(EventClass::occurrence) == "OCCURRENCE");
  CHECK(to_string(EventClass::i_action) == "I_ACTION");
  CHECK(to_string(EventClass::perception) == "PERCEPTION");
  CHECK(to_string(Tense::future) == "FUTURE");
  CHECK(to_string(Tense::none) == "NONE");
  CHECK(to_string(Polarity::negative) == "NEG");
}
