#pragma once
// Small text helpers for token features: ASCII lowercasing, possessive stripping, word shapes.
// Non-ASCII letters are kept as they are (lowercasing) or shown as 'u' (shapes): news names are
// mostly ASCII and ICU would cost more than it brings here.

#include <cstdint>
#include <string>
#include <string_view>

namespace chronicle::entities::detail {

/// `word` without a trailing "'s" or "’s" (unless that is all there is).
std::string_view strip_possessive(std::string_view word);

/// ASCII-lowercased `word` into `out` (replacing its contents).
void lower_ascii(std::string_view word, std::string& out);

/// Shape of `word` ("Kerry" -> "Xxxxx", "U.S." -> "X.X.", "2015" -> "dddd"), at most 12 chars,
/// and its short form with runs collapsed ("Xx", "X.X.", "d").
void word_shapes(std::string_view word, std::string& shape, std::string& short_shape);

/// Coarse capitalization classes.
enum CapClass : std::uint32_t {
  kLower = 0,    ///< starts with a lowercase letter
  kInitCap = 1,  ///< "Kerry"
  kAllCaps = 2,  ///< "NATO", "U.S."
  kMixed = 3,    ///< "iPhone"
  kDigits = 4,   ///< no letters, some digits
  kPunct = 5,    ///< no letters, no digits
  kOther = 6,    ///< starts with a non-ASCII character
};

/// The capitalization class of `word`.
CapClass cap_class(std::string_view word);

}  // namespace chronicle::entities::detail
