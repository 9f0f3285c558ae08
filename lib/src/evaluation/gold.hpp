#pragma once
// What the TempEval-3 scorers share: the gold files of a directory and the measures.
// Private to chronicle::evaluation.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/ingest/timeml.hpp"

namespace chronicle::evaluation::detail {

/// a / b, or 0 when b is 0.
inline double ratio(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }

/// The harmonic mean of precision and recall, or 0.
inline double f1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

/// Calls `score(path, bytes, parsed)` for every .tml file under `dir`, recursively, in path order.
/// An error when there is none, or when one cannot be read or parsed.
Result<void> for_each_gold(const std::filesystem::path& dir,
                           const std::function<void(const std::filesystem::path&, const std::string&,
                                                    const ingest::TimemlDocument&)>& score);

}  // namespace chronicle::evaluation::detail
