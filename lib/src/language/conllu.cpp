#include "chronicle/language/conllu.hpp"

#include <array>
#include <fstream>
#include <sstream>

namespace chronicle::language {
namespace {

constexpr std::size_t kColumns = 10;

// Splits `line` at tabs into `out`; returns the number of fields seen (may exceed kColumns).
std::size_t split_tabs(std::string_view line, std::array<std::string_view, kColumns>& out) {
  std::size_t n = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    std::string_view field = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (n < kColumns) out[n] = field;
    ++n;
    if (tab == std::string_view::npos) return n;
    start = tab + 1;
  }
}

bool is_plain_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

Result<std::vector<ConlluSentence>> parse_conllu(std::string_view text, std::string_view name) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!current.words.empty()) sentences.push_back(std::move(current));
      current = {};
      continue;
    }
    if (line.front() == '#') continue;
    std::array<std::string_view, kColumns> f;
    std::size_t n = split_tabs(line, f);
    if (n != kColumns)
      return fail("{}: line {}: expected {} tab-separated columns, found {}", name, line_number, kColumns, n);
    if (!is_plain_id(f[0])) {
      if (f[0].find_first_of("-.") != std::string_view::npos) continue;  // multiword token or empty node
      return fail("{}: line {}: bad word id \"{}\"", name, line_number, f[0]);
    }
    current.words.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4])});
  }
  if (!current.words.empty()) sentences.push_back(std::move(current));
  return sentences;
}

Result<std::vector<ConlluSentence>> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot open file", path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_conllu(buf.str(), path);
}

}  // namespace chronicle::language
