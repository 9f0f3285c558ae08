// `chronicle build` / `timeline` / `query` / `export` against a real store, end to end.

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = 0;
  std::string out;  // stdout and stderr together
};

Run run(const std::string& args) {
  std::string command = std::string(CHRONICLE_BINARY) + " " + args + " 2>&1";
  Run r;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
  r.status = pclose(pipe);
  return r;
}

struct TempDir {
  fs::path path;
  // One directory per test: ctest runs the tests of this file in parallel.
  explicit TempDir(const std::string& name) : path(fs::temp_directory_path() / ("chronicle_build_cli_" + name + "_" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path / "docs");
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / "docs" / name) << text; }
};

}  // namespace

TEST_CASE("build stores new documents, skips unchanged ones and re-analyses changed ones", "[store][cli]") {
  TempDir dir("incremental");
  dir.write("a.txt", "---\nid: a\ndate: 2015-12-15\n---\nKerry met Lavrov in Moscow on Tuesday.\n");
  dir.write("b.txt", "---\nid: b\ndate: 2015-12-15\n---\nThe ISSG meets in New York on Friday.\n");
  std::string store = (dir.path / "c.db").string(), docs = (dir.path / "docs").string();
  Run first = run("build --no-progress --store " + store + " " + docs);
  CHECK(first.status == 0);
  CHECK_THAT(first.out, Catch::Contains("2 new, 0 changed, 0 unchanged"));
  Run again = run("build --store " + store + " " + docs);
  CHECK_THAT(again.out, Catch::Contains("0 new, 0 changed, 2 unchanged"));
  dir.write("b.txt", "---\nid: b\ndate: 2015-12-15\n---\nThe ISSG meets in New York on Saturday.\n");
  dir.write("c.txt", "---\nid: c\ndate: 2015-12-16\n---\nA third article.\n");
  Run third = run("build --store " + store + " " + docs);
  CHECK_THAT(third.out, Catch::Contains("1 new, 1 changed, 1 unchanged") && Catch::Contains("(3 in the store)"));
  Run json = run("timeline --format json --store " + store);
  CHECK(json.status == 0);
  CHECK_THAT(json.out, Catch::Contains("\"events\"") && Catch::Contains("\"relations\"") && Catch::Contains("\"conflicts\""));
}

TEST_CASE("corpus commands explain a missing, foreign or newer store and exit non-zero", "[store][cli]") {
  TempDir dir("errors");
  std::string missing = (dir.path / "missing.db").string();
  Run r = run("timeline --store " + missing);
  CHECK(r.status != 0);
  CHECK_THAT(r.out, Catch::Contains("missing.db") && Catch::Contains("chronicle build"));
  CHECK_FALSE(fs::exists(missing));

  std::string newer = (dir.path / "newer.db").string();
  REQUIRE(run("build --store " + newer + " " + (dir.path / "docs").string()).status == 0);
  sqlite3* db = nullptr;
  sqlite3_open(newer.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 7", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  for (const char* command : {"timeline", "export --format dot", "build"}) {
    Run n = run(std::string(command) + " --store " + newer + (std::string(command) == "build" ? " " + (dir.path / "docs").string() : ""));
    CHECK(n.status != 0);
    CHECK_THAT(n.out, Catch::Contains("version 7") && Catch::Contains("newer"));
  }
}

TEST_CASE("store and paths exclude each other, query needs an actor, bad dates are refused", "[store][cli]") {
  TempDir dir("options");
  CHECK(run("timeline --store x.db " + dir.path.string()).status != 0);
  CHECK(run("query --store x.db").status != 0);
  Run bad = run("timeline --from 2015-02-30 " + (dir.path / "docs").string());
  CHECK(bad.status != 0);
  CHECK_THAT(bad.out, Catch::Contains("--from 2015-02-30"));
}

TEST_CASE("a build killed mid-way leaves the store as it was, and readers still open it", "[store][cli]") {
  TempDir dir("killed");
  dir.write("a.txt", "---\nid: a\ndate: 2015-12-15\n---\nKerry met Lavrov in Moscow on Tuesday.\n");
  std::string store = (dir.path / "k.db").string();
  REQUIRE(run("build --store " + store + " " + (dir.path / "docs").string()).status == 0);
  // Simulate the kill: an uncommitted transaction whose process dies leaves a hot journal.
  pid_t child = fork();
  if (child == 0) {
    sqlite3* db = nullptr;
    sqlite3_open(store.c_str(), &db);
    // A small cache makes SQLite spill the half-written pages to the file, as a long build does.
    sqlite3_exec(db, "PRAGMA cache_size = 10; BEGIN IMMEDIATE; DELETE FROM documents; "
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                     "INSERT INTO documents (id, path, hash, text, analysis) "
                     "SELECT 'half' || i, '', '', hex(randomblob(2000)), '{}' FROM n;",
                 nullptr, nullptr, nullptr);
    _exit(0);  // no COMMIT, no close
  }
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(fs::exists(store + "-journal"));  // the hot journal of the unfinished build
  Run r = run("timeline --format json --store " + store);
  CHECK(r.status == 0);
  Run again = run("build --store " + store + " " + (dir.path / "docs").string());
  CHECK_THAT(again.out, Catch::Contains("0 new, 0 changed, 1 unchanged") && Catch::Contains("(1 in the store)"));
}
