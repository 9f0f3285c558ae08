#pragma once
// What the extraction tests share: one loaded Extractor, text analysed with a fixed publication
// date, and lookups by trigger text.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "chronicle/events/extractor.hpp"
#include "chronicle/ingest/reader.hpp"

namespace chronicle::testing {

inline const events::Extractor& extractor() {
  static const events::Extractor e = [] {
    auto loaded = events::Extractor::load();
    if (!loaded) FAIL(loaded.error().message);
    return *loaded;
  }();
  return e;
}

/// `text` as a document published on `dct`, analysed.
inline events::DocumentAnalysis analyze_text(const std::string& text, const std::string& dct = "2015-12-15") {
  ingest::Document doc = *ingest::read_text("test.txt", text);
  doc.dct = *ingest::parse_iso_date(dct);
  doc.dct_source = ingest::DctSource::option;
  return extractor().analyze(doc);
}

/// The first mention whose trigger is written `trigger`, or nullptr.
inline const events::Mention* find(const events::DocumentAnalysis& a, const std::string& trigger) {
  for (const auto& m : a.mentions)
    if (m.trigger_text == trigger) return &m;
  return nullptr;
}

inline bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace chronicle::testing
