#include "gold.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace chronicle::evaluation::detail {

namespace {

Result<std::vector<std::filesystem::path>> tml_files(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return fail("{}: not a directory", dir.string());
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
  if (ec) return fail("{}: {}", dir.string(), ec.message());
  if (files.empty()) return fail("{}: no .tml files", dir.string());
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::string> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in && !in.eof()) return fail("{}: cannot read", path.string());
  return buffer.str();
}

}  // namespace

Result<void> for_each_gold(const std::filesystem::path& dir,
                           const std::function<void(const std::filesystem::path&, const std::string&,
                                                    const ingest::TimemlDocument&)>& score) {
  auto files = tml_files(dir);
  if (!files) return tl::unexpected(files.error());
  for (const auto& path : *files) {
    auto bytes = read_bytes(path);
    if (!bytes) return tl::unexpected(bytes.error());
    auto tml = ingest::parse_timeml(path.string(), *bytes);
    if (!tml) return tl::unexpected(tml.error());
    score(path, *bytes, *tml);
  }
  return {};
}

}  // namespace chronicle::evaluation::detail
