#pragma once
// Small text helpers of chronicle::events. Private.

#include <cctype>
#include <string>
#include <string_view>

namespace chronicle::events::detail {

/// `s` with ASCII letters lower-cased (triggers, cues and function words are ASCII).
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace chronicle::events::detail
