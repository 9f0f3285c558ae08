#include "wordnet.hpp"

#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <wn.h>

namespace chronicle::language::detail {
namespace {

constexpr std::size_t kMaxCache = 200'000;

struct State {
  std::mutex mutex;
  bool tried = false;
  bool ready = false;
  std::unordered_map<std::string, std::optional<std::string>> cache;  // key: class digit + word
};

State& state() {
  static State s;
  return s;
}

std::string_view search_dir() {
  const char* env = std::getenv("WNSEARCHDIR");
  return env != nullptr ? std::string_view(env) : std::string_view("/usr/share/wordnet");
}

}  // namespace

Result<void> wordnet_init() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (!s.tried) {
    s.tried = true;
    s.ready = wninit() == 0;
  }
  if (!s.ready) return fail("WordNet: cannot open the database under {} (install wordnet-base or set WNSEARCHDIR)", search_dir());
  return {};
}

std::optional<std::string> wordnet_base(std::string_view word, WordClass word_class) {
  if (word.empty() || word.size() > 64 || word.find('\0') != std::string_view::npos) return std::nullopt;
  State& s = state();
  std::string key;
  key.reserve(word.size() + 1);
  key.push_back(static_cast<char>('0' + static_cast<int>(word_class)));
  key.append(word);
  std::lock_guard lock(s.mutex);
  if (!s.ready) return std::nullopt;
  if (auto it = s.cache.find(key); it != s.cache.end()) return it->second;
  std::vector<char> buffer(word.begin(), word.end());
  buffer.push_back('\0');
  std::optional<std::string> base;
  if (const char* r = morphstr(buffer.data(), static_cast<int>(word_class))) base = std::string(r);
  if (s.cache.size() >= kMaxCache) s.cache.clear();
  s.cache.emplace(std::move(key), base);
  return base;
}

}  // namespace chronicle::language::detail
