#include "gazetteer.hpp"

#include "chronicle/core/resources.hpp"

namespace chronicle::resources {
void link_en_actors();
}

namespace chronicle::actors {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find(separator, pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(pos, end - pos);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\r')) piece.remove_suffix(1);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    if (!piece.empty()) parts.emplace_back(piece);
    pos = end + 1;
  }
  return parts;
}

Result<std::vector<std::vector<std::string>>> read_table(std::string_view name, std::size_t min_fields) {
  resources::link_en_actors();
  auto bytes = resources::load(name);
  if (!bytes) return tl::unexpected(bytes.error());
  std::vector<std::vector<std::string>> rows;
  std::string_view text = *bytes;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t field_pos = 0;
    while (field_pos <= line.size()) {
      std::size_t tab = line.find('\t', field_pos);
      if (tab == std::string_view::npos) tab = line.size();
      std::string_view field = line.substr(field_pos, tab - field_pos);
      // A "# ..." field, or a "  # ..." tail on the last field, is a comment.
      if (field.starts_with("#")) break;
      if (auto hash = field.find(" #"); hash != std::string_view::npos) field = field.substr(0, hash);
      while (!field.empty() && (field.back() == ' ' || field.back() == '\r')) field.remove_suffix(1);
      fields.emplace_back(field);
      field_pos = tab + 1;
    }
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    if (fields.empty()) continue;
    if (fields.size() < min_fields)
      return fail("resource {}: line {}: {} fields, {} expected", name, line_no, fields.size(), min_fields);
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace chronicle::actors
