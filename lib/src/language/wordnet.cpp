#include "wordnet.hpp"

namespace chronicle::language::detail {

Result<void> wordnet_init() {
  const auto& morphology = wordnet::Morphology::installed();
  if (!morphology) return tl::unexpected(morphology.error());
  return {};
}

std::optional<std::string> wordnet_base(std::string_view word, WordClass word_class) {
  if (word.empty() || word.size() > 64) return std::nullopt;
  const auto& morphology = wordnet::Morphology::installed();
  if (!morphology) return std::nullopt;
  return morphology->base(word, word_class);
}

}  // namespace chronicle::language::detail
