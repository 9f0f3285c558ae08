#pragma once
// The store: analysed documents in one SQLite file, so the corpus stage can rerun without
// re-reading and re-analysing every article.
//
// A document is kept with its original text (user-facing offsets index it; TimeML export needs
// it), its analysis as JSON (chronicle/events/serialize.hpp) and a content hash. A build writes
// in one transaction: a build killed half-way leaves the store as it was. The schema is
// versioned with PRAGMA user_version; a store written by a newer Chronicle is refused.
//
//   auto store = store::Store::open("chronicle.db", store::Store::Mode::write);
//   auto tx = store->begin();
//   if (store->hash_of(doc.id) != hash) store->put({analysis, text, hash});
//   tx->commit();

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/events/mention.hpp"

struct sqlite3;

namespace chronicle::store {

/// One document as the store keeps it.
struct StoredDocument {
  events::DocumentAnalysis analysis;
  std::string text;  ///< the original bytes mention offsets index
  std::string hash;  ///< content_hash() of what the analysis was made from
};

/// A hex digest of `bytes` and `salt` (publication date, analyzer version): equal digests mean
/// the stored analysis is still current.
std::string content_hash(std::string_view bytes, std::string_view salt);

class Store;

/// An open write transaction; rolled back unless committed.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  /// Makes every change since begin() durable.
  Result<bool> commit();

 private:
  friend class Store;
  explicit Transaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

/// A Chronicle SQLite store.
class Store {
 public:
  /// read: the file must exist; write: created when missing.
  enum class Mode { read, write };
  /// The schema version this build writes and reads (PRAGMA user_version).
  static constexpr int kSchemaVersion = 1;

  /// Opens (and for write, creates or checks) the store at `path`.
  static Result<Store> open(const std::string& path, Mode mode);

  Store(Store&&) noexcept = default;
  Store& operator=(Store&&) noexcept = default;
  ~Store();

  /// Starts the one write transaction of a build.
  Result<Transaction> begin();
  /// The hash stored for document `id`, or nullopt when the store does not have it.
  Result<std::optional<std::string>> hash_of(const std::string& id);
  /// Inserts or replaces a document.
  Result<bool> put(const StoredDocument& document);
  /// Every stored document, in id order. With `unreadable`, a document whose analysis cannot be read is
  /// skipped and its error collected there; without it, it fails the whole load.
  Result<std::vector<StoredDocument>> load(std::vector<Error>* unreadable = nullptr);
  /// Number of documents.
  Result<std::size_t> size();
  /// The file this store lives in.
  const std::string& path() const { return path_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Store(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  Result<bool> prepare_schema(Mode mode);
  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

}  // namespace chronicle::store
