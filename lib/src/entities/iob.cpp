#include "chronicle/entities/iob.hpp"

#include <fstream>
#include <sstream>

namespace chronicle::entities {

namespace {

// "B-PER" stays, "I-MISC" and anything unknown become "O".
std::string known_tag(std::string_view tag) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return "O";
  for (std::string_view type : kEntityTypes)
    if (tag.substr(2) == type) return std::string(tag);
  return "O";
}

std::vector<std::string_view> split(std::string_view line, bool tabs_only) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    bool sep = i == line.size() || line[i] == '\t' || (!tabs_only && line[i] == ' ');
    if (!sep) continue;
    if (tabs_only || i > start) fields.push_back(line.substr(start, i - start));
    start = i + 1;
  }
  return fields;
}

}  // namespace

std::vector<std::string> iob1_to_iob2(const std::vector<std::string>& tags) {
  std::vector<std::string> out(tags);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (tags[i].size() < 2 || tags[i][0] != 'I') continue;
    std::string_view type = std::string_view(tags[i]).substr(2);
    bool continues = i > 0 && tags[i - 1].size() > 2 && std::string_view(tags[i - 1]).substr(2) == type;
    if (!continues) out[i] = "B-" + std::string(type);
  }
  return out;
}

Result<std::vector<TaggedSentence>> parse_iob(std::string_view text, IobFormat format, std::string_view name) {
  std::vector<TaggedSentence> sentences;
  TaggedSentence current;
  auto flush = [&] {
    if (current.words.empty()) return;
    if (format == IobFormat::conll_iob1) current.tags = iob1_to_iob2(current.tags);
    for (std::string& t : current.tags) t = known_tag(t);
    sentences.push_back(std::move(current));
    current = {};
  };
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
      continue;
    }
    if (format == IobFormat::iob2) {
      if (line.front() == '#') continue;
      auto fields = split(line, true);
      if (fields.size() < 3) return fail("{}: line {}: expected index<TAB>token<TAB>tag", name, line_no);
      current.words.emplace_back(fields[1]);
      current.tags.emplace_back(fields[2]);
    } else {
      auto fields = split(line, false);
      if (fields.size() < 2) return fail("{}: line {}: expected token and tag", name, line_no);
      if (fields[0] == "-DOCSTART-") continue;
      current.words.emplace_back(fields.front());
      current.tags.emplace_back(fields.back());
    }
  }
  flush();
  return sentences;
}

Result<std::vector<TaggedSentence>> read_iob_file(const std::string& path, IobFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot open file", path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_iob(buffer.str(), format, path);
}

}  // namespace chronicle::entities
