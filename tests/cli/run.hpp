#pragma once
// Runs the chronicle binary for end-to-end tests and captures what it printed.

#include <string>
#include <vector>

namespace chronicle::test {

/// What a run printed and how it ended.
struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

/// Runs CHRONICLE_BINARY with `args` from the source directory (so corpus/ paths resolve).
Run run_chronicle(const std::vector<std::string>& args);

/// Writes `bytes` to a fresh file under a temporary directory and returns its path.
std::string scratch_file(const std::string& name, const std::string& bytes);

/// The whole content of a file.
std::string read_file(const std::string& path);

}  // namespace chronicle::test
