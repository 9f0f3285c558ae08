// The SQLite store. Schema version 1:
//
//   documents(id TEXT PRIMARY KEY, path, dct, hash, text, analysis JSON, updated)
//
// Every statement's failure becomes an Error naming the store file and SQLite's message.

#include "chronicle/store/store.hpp"

#include <sqlite3.h>

#include <filesystem>

#include <fmt/format.h>

#include "chronicle/events/serialize.hpp"

namespace chronicle::store {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE documents (
  id       TEXT PRIMARY KEY,
  path     TEXT NOT NULL,
  dct      TEXT,
  hash     TEXT NOT NULL,
  text     TEXT NOT NULL,
  analysis TEXT NOT NULL,
  updated  TEXT NOT NULL DEFAULT (datetime('now'))
);
PRAGMA user_version = 1;
)";

// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  explicit operator bool() const { return stmt_ != nullptr; }
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  std::string column(int index) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))) : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

tl::unexpected<Error> sqlite_error(sqlite3* db, const std::string& path, std::string_view what) {
  return fail("{}: {}: {}", path, what, db ? sqlite3_errmsg(db) : "out of memory");
}

Result<int> user_version(sqlite3* db, const std::string& path) {
  Statement s(db, "PRAGMA user_version");
  if (!s || sqlite3_step(s.get()) != SQLITE_ROW) return sqlite_error(db, path, "reading the schema version");
  return sqlite3_column_int(s.get(), 0);
}

Result<int> table_count(sqlite3* db, const std::string& path) {
  Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  if (!s || sqlite3_step(s.get()) != SQLITE_ROW) return sqlite_error(db, path, "not a SQLite database");
  return sqlite3_column_int(s.get(), 0);
}

}  // namespace

std::string content_hash(std::string_view bytes, std::string_view salt) {
  // FNV-1a, 64 bits, over salt and bytes: enough to notice an edited article, not a security hash.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](std::string_view part) {
    for (char c : part) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  };
  mix(salt);
  mix(std::string_view("\0", 1));
  mix(bytes);
  return fmt::format("{:016x}-{}", h, bytes.size());
}

void Store::Closer::operator()(sqlite3* db) const { sqlite3_close(db); }

Store::~Store() = default;

Result<Store> Store::open(const std::string& path, Mode mode) {
  std::error_code ec;
  if (mode == Mode::read && !std::filesystem::exists(path, ec))
    return fail("{}: no such store (run `chronicle build --store {} PATH...` first)", path, path);
  // Readers open read-write when they can: a build killed mid-way leaves a hot journal that
  // only a writable connection can roll back. A read-only file is still readable.
  sqlite3* raw = nullptr;
  int flags = mode == Mode::read ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK && mode == Mode::read) {
    sqlite3_close(raw);
    raw = nullptr;
    rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  }
  Store store(path, raw);
  if (rc != SQLITE_OK) return sqlite_error(raw, path, "cannot open the store");
  sqlite3_busy_timeout(raw, 5000);
  if (auto ok = store.prepare_schema(mode); !ok) return tl::unexpected(ok.error());
  return store;
}

Result<bool> Store::prepare_schema(Mode mode) {
  sqlite3* db = db_.get();
  auto version = user_version(db, path_);
  if (!version) return tl::unexpected(version.error());
  if (*version > kSchemaVersion)
    return fail("{}: store schema version {} is newer than this chronicle understands ({}); use a newer chronicle",
                path_, *version, kSchemaVersion);
  if (*version == kSchemaVersion) return true;
  auto tables = table_count(db, path_);
  if (!tables) return tl::unexpected(tables.error());
  if (*tables > 0) return fail("{}: not a chronicle store (it has tables but no chronicle schema version)", path_);
  if (mode == Mode::read) return fail("{}: the store is empty (run `chronicle build` first)", path_);
  char* message = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return fail("{}: creating the schema: {}", path_, text);
  }
  return true;
}

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Transaction::~Transaction() {
  if (db_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Result<bool> Transaction::commit() {
  if (!db_) return fail("commit: no open transaction");
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("commit: {}", sqlite3_errmsg(db_));
  db_ = nullptr;
  return true;
}

Result<Transaction> Store::begin() {
  if (sqlite3_exec(db_.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return sqlite_error(db_.get(), path_, "starting a transaction");
  return Transaction(db_.get());
}

Result<std::optional<std::string>> Store::hash_of(const std::string& id) {
  Statement s(db_.get(), "SELECT hash FROM documents WHERE id = ?1");
  if (!s) return sqlite_error(db_.get(), path_, "looking up a document");
  s.bind(1, id);
  int rc = sqlite3_step(s.get());
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return sqlite_error(db_.get(), path_, "looking up " + id);
  return std::optional<std::string>(s.column(0));
}

Result<bool> Store::put(const StoredDocument& d) {
  Statement s(db_.get(),
              "INSERT OR REPLACE INTO documents (id, path, dct, hash, text, analysis, updated) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, datetime('now'))");
  if (!s) return sqlite_error(db_.get(), path_, "storing a document");
  s.bind(1, d.analysis.doc);
  s.bind(2, d.analysis.path);
  if (d.analysis.dct) s.bind(3, events::format_day(date::sys_days(*d.analysis.dct)));
  s.bind(4, d.hash);
  s.bind(5, d.text);
  std::string json = events::to_json(d.analysis);
  s.bind(6, json);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return sqlite_error(db_.get(), path_, "storing " + d.analysis.doc);
  return true;
}

Result<std::vector<StoredDocument>> Store::load(std::vector<Error>* unreadable) {
  Statement s(db_.get(), "SELECT id, hash, text, analysis FROM documents ORDER BY id");
  if (!s) return sqlite_error(db_.get(), path_, "reading documents");
  std::vector<StoredDocument> out;
  int rc = 0;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    std::string id = s.column(0);
    auto analysis = events::analysis_from_json(s.column(3), fmt::format("{}: document {}", path_, id));
    if (!analysis && unreadable != nullptr) {
      unreadable->push_back(analysis.error());  // skip it, read the rest
      continue;
    }
    if (!analysis) return tl::unexpected(analysis.error());
    out.push_back({*std::move(analysis), s.column(2), s.column(1)});
  }
  if (rc != SQLITE_DONE) return sqlite_error(db_.get(), path_, "reading documents");
  return out;
}

Result<std::size_t> Store::size() {
  Statement s(db_.get(), "SELECT count(*) FROM documents");
  if (!s || sqlite3_step(s.get()) != SQLITE_ROW) return sqlite_error(db_.get(), path_, "counting documents");
  return static_cast<std::size_t>(sqlite3_column_int64(s.get(), 0));
}

}  // namespace chronicle::store
