#pragma once
// Errors as values. An expected failure (a bad file, an unreadable rule) is a Result<T> holding
// an Error whose message names the file, the line or byte offset, and the problem:
//
//   Result<Document> r = read_file("a.txt");
//   if (!r) std::cerr << r.error().message << '\n';   // "a.txt: byte 17: invalid UTF-8"
//
// Exceptions are kept for bugs and broken set-up; the library never calls exit().

#include <string>
#include <utility>

#include <fmt/format.h>
#include <tl/expected.hpp>

namespace chronicle {

/// What went wrong, in words a user can act on.
struct Error {
  std::string message;
};

/// A value or the Error explaining why there is none.
template <class T>
using Result = tl::expected<T, Error>;

/// Builds an unexpected Error from a fmt format string.
template <class... Args>
tl::unexpected<Error> fail(fmt::format_string<Args...> format, Args&&... args) {
  return tl::unexpected<Error>(Error{fmt::format(format, std::forward<Args>(args)...)});
}

}  // namespace chronicle
