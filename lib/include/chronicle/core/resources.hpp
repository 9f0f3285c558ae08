#pragma once
// Resources: rules, lexicons and models compiled into the binary (see cmake/ChronicleEmbed.cmake),
// overridable at run time by a directory while developing rules.
//
//   chronicle::resources::set_override_dir("lib/resources");   // optional, e.g. --resources DIR
//   Result<std::string_view> rules = chronicle::resources::load("en/temporal/dates.tsv");

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::resources {

/// One embedded file; a table of them ends with {nullptr, {}}.
struct Entry {
  const char* name;
  std::string_view bytes;
};

/// Called by generated code at static-initialization time; returns true.
bool register_entries(const Entry* entries);

/// Files under `dir` take precedence over the embedded ones from now on ("" turns this off).
void set_override_dir(std::string dir);

/// The bytes of resource `name` ("en/temporal/dates.tsv"): from the override directory when
/// it holds that file, else embedded. The view stays valid for the life of the process.
Result<std::string_view> load(std::string_view name);

/// Names of every embedded resource starting with `prefix`, sorted.
std::vector<std::string> list(std::string_view prefix);

}  // namespace chronicle::resources
