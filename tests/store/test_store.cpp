#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include "chronicle/store/store.hpp"
#include "fixture.hpp"

using namespace chronicle;
using store::Store;

namespace {

// A fresh path under the temp directory, removed when the test ends.
struct TempStore {
  std::string path;
  explicit TempStore(const std::string& name)
      : path((std::filesystem::temp_directory_path() / (std::to_string(getpid()) + "_" + name)).string()) {
    std::filesystem::remove(path);
  }
  ~TempStore() { std::filesystem::remove(path); }
};

store::StoredDocument stored(const events::DocumentAnalysis& a) {
  std::string text = "text of " + a.doc;
  return {a, text, store::content_hash(text, "2015-12-15")};
}

void exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("the store keeps analyses and texts, and the graph built from it is the same", "[store]") {
  TempStore tmp("chronicle_test_roundtrip.db");
  const auto& corpus = testing::seed_corpus();
  {
    auto s = Store::open(tmp.path, Store::Mode::write);
    REQUIRE(s);
    auto tx = s->begin();
    REQUIRE(tx);
    for (const auto& a : corpus.documents) REQUIRE(s->put(stored(a)));
    REQUIRE(tx->commit());
  }
  auto s = Store::open(tmp.path, Store::Mode::read);
  REQUIRE(s);
  auto docs = s->load();
  REQUIRE(docs);
  REQUIRE(docs->size() == corpus.documents.size());
  std::vector<events::DocumentAnalysis> analyses;
  for (auto& d : *docs) analyses.push_back(d.analysis);
  CHECK((*docs)[0].text == "text of " + corpus.documents[0].doc);
  auto before = graph::build(corpus.documents, corpus.actors), after = graph::build(analyses, corpus.actors);
  REQUIRE(before.events.size() == after.events.size());
  for (std::size_t i = 0; i < before.events.size(); ++i) CHECK(before.events[i].summary == after.events[i].summary);
}

TEST_CASE("a document's hash says whether it must be analysed again", "[store]") {
  TempStore tmp("chronicle_test_hash.db");
  auto s = Store::open(tmp.path, Store::Mode::write);
  REQUIRE(s);
  auto doc = stored(testing::seed_corpus().documents[0]);
  CHECK(s->hash_of(doc.analysis.doc).value() == std::nullopt);
  REQUIRE(s->put(doc));
  CHECK(s->hash_of(doc.analysis.doc).value() == doc.hash);
  CHECK(store::content_hash("a", "x") != store::content_hash("b", "x"));
  CHECK(store::content_hash("a", "x") != store::content_hash("a", "y"));  // another --dct or analyzer
  doc.hash = store::content_hash("edited", "2015-12-15");
  REQUIRE(s->put(doc));  // replaced, not duplicated
  CHECK(s->size().value() == 1);
  CHECK(s->hash_of(doc.analysis.doc).value() == doc.hash);
}

TEST_CASE("a build that never commits leaves the store as it was", "[store]") {
  TempStore tmp("chronicle_test_rollback.db");
  const auto& docs = testing::seed_corpus().documents;
  {
    auto s = Store::open(tmp.path, Store::Mode::write);
    auto tx = s->begin();
    REQUIRE(s->put(stored(docs[0])));
    REQUIRE(tx->commit());
  }
  {
    auto s = Store::open(tmp.path, Store::Mode::write);
    auto tx = s->begin();
    REQUIRE(s->put(stored(docs[1])));
    REQUIRE(s->put(stored(docs[2])));
    // killed here: the transaction is dropped without commit
  }
  auto s = Store::open(tmp.path, Store::Mode::read);
  REQUIRE(s);
  CHECK(s->size().value() == 1);
}

TEST_CASE("a store from a newer chronicle is refused with a clear message", "[store]") {
  TempStore tmp("chronicle_test_newer.db");
  { REQUIRE(Store::open(tmp.path, Store::Mode::write)); }
  exec(tmp.path, "PRAGMA user_version = 99");
  for (auto mode : {Store::Mode::read, Store::Mode::write}) {
    auto s = Store::open(tmp.path, mode);
    REQUIRE_FALSE(s);
    CHECK_THAT(s.error().message, Catch::Contains(tmp.path) && Catch::Contains("version 99") && Catch::Contains("newer"));
  }
}

TEST_CASE("a database that is not a chronicle store, or no file at all, is an error", "[store]") {
  TempStore tmp("chronicle_test_foreign.db");
  exec(tmp.path, "CREATE TABLE birds (name TEXT)");
  auto s = Store::open(tmp.path, Store::Mode::write);
  REQUIRE_FALSE(s);
  CHECK_THAT(s.error().message, Catch::Contains("not a chronicle store"));
  TempStore missing("chronicle_test_missing.db");
  auto m = Store::open(missing.path, Store::Mode::read);
  REQUIRE_FALSE(m);
  CHECK_THAT(m.error().message, Catch::Contains("no such store") && Catch::Contains("chronicle build"));
  CHECK_FALSE(std::filesystem::exists(missing.path));
}

// Writes the seed fixture as a store for trying the CLI by hand:
//   test_store "[.fixture-store]" && chronicle timeline --store /tmp/chronicle_seed_fixture.db
TEST_CASE("write the seed fixture as a store", "[.fixture-store]") {
  const char* env = std::getenv("CHRONICLE_FIXTURE_STORE");
  std::string path = env ? env : (std::filesystem::temp_directory_path() / "chronicle_seed_fixture.db").string();
  std::filesystem::remove(path);
  std::ifstream in(CHRONICLE_SOURCE_DIR "/tests/graph/fixtures/seed_corpus.json");
  auto fixture = nlohmann::json::parse(in);
  auto s = Store::open(path, Store::Mode::write);
  REQUIRE(s);
  auto tx = s->begin();
  const auto& docs = testing::seed_corpus().documents;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string text = fixture["documents"][i]["text"];
    REQUIRE(s->put({docs[i], text, store::content_hash(text, "fixture")}));
  }
  REQUIRE(tx->commit());
}

TEST_CASE("a stored analysis that cannot be read is skipped with its error; the rest still loads", "[store]") {
  TempStore tmp("chronicle_test_unreadable.db");
  const auto& docs = testing::seed_corpus().documents;
  {
    auto s = Store::open(tmp.path, Store::Mode::write);
    REQUIRE(s);
    auto t = s->begin();
    REQUIRE(t);
    for (const auto& a : docs) REQUIRE(s->put(stored(a)));
    REQUIRE(t->commit());
  }
  exec(tmp.path, ("UPDATE documents SET analysis = '{\"doc\": 5' WHERE id = '" + docs[0].doc + "'").c_str());
  auto s = Store::open(tmp.path, Store::Mode::read);
  REQUIRE(s);
  CHECK_FALSE(s->load());  // without a place for errors, one bad document fails the load
  std::vector<Error> unreadable;
  auto loaded = s->load(&unreadable);
  REQUIRE(loaded);
  CHECK(loaded->size() == docs.size() - 1);
  REQUIRE(unreadable.size() == 1);
  CHECK_THAT(unreadable[0].message, Catch::Contains(docs[0].doc));
}
