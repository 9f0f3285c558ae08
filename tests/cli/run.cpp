#include "run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chronicle::test {
namespace {

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string scratch_file(const std::string& name, const std::string& bytes) {
  auto dir = std::filesystem::temp_directory_path() / ("chronicle_cli_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

Run run_chronicle(const std::vector<std::string>& args) {
  std::string out_path = scratch_file("stdout", "");
  std::string err_path = scratch_file("stderr", "");
  std::string command = "cd " + quote(CHRONICLE_SOURCE_DIR) + " && " + quote(CHRONICLE_BINARY);
  for (const auto& a : args) command += " " + quote(a);
  command += " >" + quote(out_path) + " 2>" + quote(err_path) + " </dev/null";
  int raw = std::system(command.c_str());
  Run run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(out_path);
  run.err = read_file(err_path);
  return run;
}

}  // namespace chronicle::test
