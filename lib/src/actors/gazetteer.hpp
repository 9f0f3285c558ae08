#pragma once
// Reading the actor gazetteers: tab-separated lines, '#' comments (whole-line, or a trailing
// "\t# ..." column). Private to chronicle::actors.

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::actors {

/// The fields of every data line of resource `name`, comments dropped; an error names the
/// resource and line when a line has fewer than `min_fields` fields.
Result<std::vector<std::vector<std::string>>> read_table(std::string_view name, std::size_t min_fields);

/// Splits `text` at `separator`, dropping empty pieces.
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace chronicle::actors
