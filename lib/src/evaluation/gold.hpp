#pragma once
// What the TempEval-3 scorers share: the gold files of a directory and the measures.
// Private to chronicle::evaluation.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::evaluation::detail {

/// a / b, or 0 when b is 0.
inline double ratio(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }

/// The harmonic mean of precision and recall, or 0.
inline double f1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

/// Every .tml file under `dir`, recursively, in path order; an error when there is none.
Result<std::vector<std::filesystem::path>> tml_files(const std::filesystem::path& dir);

/// The bytes of `path`.
Result<std::string> read_bytes(const std::filesystem::path& path);

}  // namespace chronicle::evaluation::detail
