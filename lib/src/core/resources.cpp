#include "chronicle/core/resources.hpp"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace chronicle::resources {
namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::string_view, std::less<>> embedded;
  std::string override_dir;
  std::map<std::string, std::string, std::less<>> loaded;  // override files, kept alive
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

bool register_entries(const Entry* entries) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  for (const Entry* e = entries; e->name != nullptr; ++e) r.embedded[e->name] = e->bytes;
  return true;
}

void set_override_dir(std::string dir) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.override_dir = std::move(dir);
}

Result<std::string_view> load(std::string_view name) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  if (!r.override_dir.empty()) {
    if (auto it = r.loaded.find(name); it != r.loaded.end()) return std::string_view(it->second);
    std::string path = r.override_dir + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream buf;
      buf << in.rdbuf();
      auto [it, inserted] = r.loaded.emplace(std::string(name), buf.str());
      return std::string_view(it->second);
    }
  }
  if (auto it = r.embedded.find(name); it != r.embedded.end()) return it->second;
  return fail("resource {}: not embedded in this binary{}", name,
              r.override_dir.empty() ? "" : " and not found under " + r.override_dir);
}

std::vector<std::string> list(std::string_view prefix) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const auto& [name, bytes] : r.embedded)
    if (std::string_view(name).substr(0, prefix.size()) == prefix) names.push_back(name);
  return names;
}

}  // namespace chronicle::resources
