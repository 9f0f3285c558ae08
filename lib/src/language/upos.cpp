#include "chronicle/language/upos.hpp"

#include <array>

namespace chronicle::language {
namespace {

constexpr std::array<std::string_view, kUposCount> kNames = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

}  // namespace

std::string_view to_string(Upos tag) { return kNames[static_cast<std::size_t>(tag)]; }

std::optional<Upos> parse_upos(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Upos>(i);
  return std::nullopt;
}

}  // namespace chronicle::language
