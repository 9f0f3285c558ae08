#pragma once
// Universal POS tags (https://universaldependencies.org/u/pos/), the coarse word classes every
// later stage reads: events look for VERB and NOUN triggers, tense reads AUX and the Penn tag.
//
//   Upos u = parse_upos("PROPN").value();   // Upos::propn
//   std::string_view name = to_string(u);   // "PROPN"

#include <cstdint>
#include <optional>
#include <string_view>

namespace chronicle::language {

/// The 17 UPOS tags, in the order of the UD documentation.
enum class Upos : std::uint8_t {
  adj, adp, adv, aux, cconj, det, intj, noun, num, part, pron, propn, punct, sconj, sym, verb, x
};

/// Number of UPOS tags.
inline constexpr std::size_t kUposCount = 17;

/// The UD spelling of `tag` ("PROPN").
std::string_view to_string(Upos tag);

/// The tag spelled `name` in UD ("PROPN"), or nullopt.
std::optional<Upos> parse_upos(std::string_view name);

}  // namespace chronicle::language
