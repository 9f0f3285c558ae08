#include <catch2/catch.hpp>

#include "chronicle/actors/resolver.hpp"

using namespace chronicle;
using chronicle::actors::Resolver;

namespace {

const Resolver& resolver() {
  static const Resolver r = [] {
    auto loaded = Resolver::load();
    REQUIRE(loaded);
    return *loaded;
  }();
  return r;
}

events::DocumentAnalysis doc_with(std::string id, std::vector<std::pair<std::string, std::string>> names,
                                  std::vector<std::string> mention_actors) {
  events::DocumentAnalysis a;
  a.doc = std::move(id);
  for (auto& [name, type] : names) a.actor_mentions.push_back({name, type, {}, {}});
  events::Mention m;
  m.doc = a.doc;
  m.actors = std::move(mention_actors);
  a.mentions.push_back(m);
  return a;
}

}  // namespace

TEST_CASE("single names normalize: titles, possessives, countries, demonyms, organizations", "[actors][normalize]") {
  auto [surface, type, name, resolved_type] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {"Secretary of State John Kerry", "PER", "John Kerry", "PER"},
      {"US Secretary of State John Kerry", "PER", "John Kerry", "PER"},
      {"Russian Foreign Ministry spokeswoman Maria Zakharova", "PER", "Maria Zakharova", "PER"},
      {"Mr. Kerry", "PER", "Kerry", "PER"},
      {"Kerry’s", "PER", "Kerry", "PER"},
      {"his Russian counterpart Sergei Lavrov", "", "Sergei Lavrov", "PER"},
      {"U.S.", "LOC", "United States", "LOC"},
      {"USA", "", "United States", "LOC"},
      {"the United States", "LOC", "United States", "LOC"},
      {"Russian Federation", "LOC", "Russia", "LOC"},
      {"Russian", "", "Russia", "LOC"},
      {"Syrian Arab Republic", "LOC", "Syria", "LOC"},
      {"Daesh", "ORG", "Islamic State", "ORG"},
      {"the UN Security Council", "ORG", "UN Security Council", "ORG"},
      {"NATO", "ORG", "North Atlantic Treaty Organization", "ORG"},
      {"the Kremlin", "ORG", "Kremlin", "ORG"},
  }));
  CAPTURE(surface);
  auto n = resolver().normalize(surface, type);
  CHECK(n.name == name);
  CHECK(n.type == resolved_type);
}

TEST_CASE("short forms of large cities come from GeoNames and name one place", "[actors][places]") {
  CHECK(resolver().normalize("NY", "LOC").name == "New York City");
  CHECK(resolver().normalize("NYC", "").name == "New York City");
  CHECK(resolver().normalize("New York", "LOC").name == "New York City");
  CHECK(resolver().normalize("New York City", "LOC").name == "New York City");
  CHECK(resolver().normalize("LA", "LOC").name == "Los Angeles");
  // Never a country ("Mexico City" gives no "Mexico"), never a person's name.
  CHECK(resolver().normalize("Mexico", "LOC").name == "Mexico");
  CHECK(resolver().normalize("Ho Chi Minh", "PER").name == "Ho Chi Minh");
}

TEST_CASE("an organization written with a demonym or its country is one actor", "[actors][resolve]") {
  CHECK(resolver().group_key("International Syrian Support Group") == resolver().group_key("International Syria Support Group"));
  CHECK(resolver().group_key("Syrian") != resolver().group_key("Syria"));  // one word stays itself
  std::vector<events::DocumentAnalysis> corpus{
      doc_with("a", {{"International Syrian Support Group", "ORG"}}, {"International Syrian Support Group"}),
      doc_with("b", {{"International Syria Support Group", "ORG"}, {"ISSG", "ORG"}}, {"ISSG"}),
  };
  events::ActorTable table = resolver().resolve(corpus);
  CHECK(corpus[0].mentions[0].actors == corpus[1].mentions[0].actors);
}

TEST_CASE("a role noun names the person of the article whose titles and country fit it", "[actors][roles]") {
  auto titled = [](events::DocumentAnalysis a, std::vector<std::pair<std::string, std::string>> people) {
    for (auto& [name, title] : people) a.actor_mentions.push_back({name, "PER", {}, title});
    return a;
  };
  // Titles seen in one article tell who the people of another are.
  events::DocumentAnalysis profiles = titled(doc_with("a", {}, {}), {{"Vladimir Putin", "Russian President"},
                                                                      {"John Kerry", "US Secretary of State"},
                                                                      {"Sergei Lavrov", "Foreign Minister"},
                                                                      {"Ash Carter", "Defense Secretary"}});
  events::DocumentAnalysis article = titled(doc_with("b", {}, {}), {{"Kerry", ""}, {"Putin", ""}, {"Carter", ""}});
  article.mentions[0].roles = {"United States envoy", "Kremlin leader"};
  events::DocumentAnalysis other = titled(doc_with("c", {}, {}), {{"Lavrov", ""}, {"Kerry", ""}});
  other.mentions[0].roles = {"minister"};
  events::DocumentAnalysis nobody = doc_with("d", {}, {});
  nobody.mentions[0].roles = {"German chancellor"};
  std::vector<events::DocumentAnalysis> corpus{profiles, article, other, nobody};
  resolver().resolve(corpus);
  CHECK(corpus[1].mentions[0].actors == std::vector<std::string>{"John Kerry", "Vladimir Putin"});
  CHECK(corpus[2].mentions[0].actors == std::vector<std::string>{"Sergei Lavrov"});
  // Nobody in the article fits: the country the phrase names stands in.
  CHECK(corpus[3].mentions[0].actors == std::vector<std::string>{"Germany"});
}

TEST_CASE("transliteration variants fold to one key", "[actors][fold]") {
  CHECK(Resolver::fold("Sergei Lavrov") == Resolver::fold("Sergey Lavrov"));
  CHECK(Resolver::fold("Dmitri Peskov") == Resolver::fold("Dmitry Peskov"));
  CHECK(Resolver::fold("Dmitriy Peskov") == Resolver::fold("Dmitry Peskov"));
  CHECK(Resolver::fold("Maria Zakharova") == Resolver::fold("Maria Zaharova"));
  CHECK(Resolver::fold("Bashar al-Assad") == Resolver::fold("Bashar Assad"));
  CHECK(Resolver::fold("John Kerry") != Resolver::fold("John Kelly"));
}

TEST_CASE("across a corpus, surname, full name, titles and spellings are one actor", "[actors][resolve]") {
  std::vector<events::DocumentAnalysis> corpus{
      doc_with("a", {{"Secretary of State John Kerry", "PER"}, {"Sergei Lavrov", "PER"}, {"U.S.", "LOC"}},
               {"Secretary of State John Kerry", "Sergei Lavrov"}),
      doc_with("b", {{"Kerry", "PER"}, {"Sergey Lavrov", "PER"}, {"the United States", "LOC"}, {"Mr Kerry", "PER"}},
               {"Kerry", "Mr Kerry", "Sergey Lavrov", "the United States"}),
      doc_with("c", {{"Lavrov", "PER"}, {"USA", "LOC"}, {"International Syria Support Group", "ORG"}, {"ISSG", "ORG"}},
               {"Lavrov", "ISSG", "USA"}),
  };
  events::ActorTable table = resolver().resolve(corpus);

  CHECK(corpus[0].mentions[0].actors == std::vector<std::string>{"John Kerry", "Sergei Lavrov"});
  CHECK(corpus[1].mentions[0].actors == std::vector<std::string>{"John Kerry", "Sergei Lavrov", "United States"});
  CHECK(corpus[2].mentions[0].actors ==
        std::vector<std::string>{"Sergei Lavrov", "International Syria Support Group", "United States"});

  for (const char* alias : {"Lavrov", "Sergey Lavrov", "Sergei Lavrov", "sergei lavrov"}) {
    CAPTURE(alias);
    const events::Actor* actor = table.find(alias);
    REQUIRE(actor != nullptr);
    CHECK(actor->name == "Sergei Lavrov");
  }
  REQUIRE(table.find("US") != nullptr);
  CHECK(table.find("US")->name == "United States");
  REQUIRE(table.find("ISSG") != nullptr);
  CHECK(table.find("ISSG")->name == "International Syria Support Group");
}

TEST_CASE("metonymy is a visible link, not a merge", "[actors][resolve]") {
  std::vector<events::DocumentAnalysis> corpus{
      doc_with("a", {{"the Kremlin", "ORG"}, {"Russia", "LOC"}, {"Moscow", "LOC"}}, {"the Kremlin", "Russia", "Moscow"})};
  events::ActorTable table = resolver().resolve(corpus);
  CHECK(corpus[0].mentions[0].actors == std::vector<std::string>{"Kremlin", "Russia", "Moscow"});
  REQUIRE(table.find("the Kremlin") != nullptr);
  CHECK(table.find("the Kremlin")->stands_for == "Russia");
  CHECK(table.find("Moscow")->stands_for == "Russia");
  CHECK(table.find("Russia")->stands_for.empty());
}

TEST_CASE("an ambiguous surname goes to the more frequent full name", "[actors][resolve]") {
  std::vector<events::DocumentAnalysis> corpus{
      doc_with("a", {{"Ash Carter", "PER"}, {"Ash Carter", "PER"}, {"Jimmy Carter", "PER"}, {"Carter", "PER"}}, {"Carter"})};
  resolver().resolve(corpus);
  CHECK(corpus[0].mentions[0].actors == std::vector<std::string>{"Ash Carter"});
}
