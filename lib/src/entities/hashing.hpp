#pragma once
// Feature and phrase hashing shared by training and recognition. A feature is the 32-bit hash of
// its template id and its strings; training and run time must hash identically, so every change
// here needs a retrained model (bump kFeatureSetVersion in model.hpp).

#include <cstdint>
#include <string_view>
#include <vector>

namespace chronicle::entities::detail {

/// FNV-1a, 64 bits, fed piece by piece; finish() mixes and folds to 32 bits (never 0).
class Hasher {
 public:
  explicit Hasher(std::uint32_t template_id) { byte(static_cast<std::uint8_t>(template_id)); byte(0xfe); }
  Hasher& add(std::string_view s) {
    for (char c : s) byte(static_cast<std::uint8_t>(c));
    byte(0x1f);
    return *this;
  }
  Hasher& add(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<std::uint8_t>(v >> (8 * i)));
    return *this;
  }
  std::uint64_t value64() const { return mix(h_); }
  std::uint32_t finish() const {
    std::uint64_t m = mix(h_);
    auto h = static_cast<std::uint32_t>(m ^ (m >> 32));
    return h == 0 ? 1u : h;
  }

 private:
  void byte(std::uint8_t b) { h_ = (h_ ^ b) * 0x100000001b3ULL; }
  static std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

/// A 64-bit finalizer (murmur3's): spreads every input bit over the output.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/// A feature: template `id` over up to three hashed or small values, folded to 32 bits, never 0.
inline std::uint32_t feature(std::uint32_t id, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t x = mix64(id * 0x9e3779b97f4a7c15ULL ^ a);
  x = mix64(x ^ (b * 0xc2b2ae3d27d4eb4fULL + 0x165667b19e3779f9ULL));
  if (c != 0) x = mix64(x ^ (c * 0x27d4eb2f165667c5ULL));
  auto h = static_cast<std::uint32_t>(x ^ (x >> 32));
  return h == 0 ? 1u : h;
}

/// Open-addressing map from non-zero integer keys to small values; built once, read often.
template <class Key, class Value>
class FlatMap {
 public:
  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    keys_.assign(cap, 0);
    values_.assign(cap, Value{});
    mask_ = cap - 1;
    size_ = 0;
  }
  /// Inserts or returns the existing slot's value for `key` (key != 0).
  Value& operator[](Key key) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    std::size_t i = slot(key);
    if (keys_[i] == 0) {
      keys_[i] = key;
      ++size_;
    }
    return values_[i];
  }
  const Value* find(Key key) const {
    if (keys_.empty()) return nullptr;
    for (std::size_t i = static_cast<std::size_t>(key) & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  std::size_t size() const { return size_; }

 private:
  std::size_t slot(Key key) const {
    std::size_t i = static_cast<std::size_t>(key) & mask_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    return i;
  }
  void grow() {
    std::vector<Key> old_keys = std::move(keys_);
    std::vector<Value> old_values = std::move(values_);
    reserve(old_keys.empty() ? 8 : old_keys.size());
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) (*this)[old_keys[i]] = old_values[i];
  }
  std::vector<Key> keys_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace chronicle::entities::detail
