#pragma once
// Builds lib/resources/en/entities/gazetteer.tsv from Debian data at training time, so the
// recognizer needs neither WordNet nor GeoNames files at run time.

#include <string>

#include "chronicle/core/result.hpp"

namespace chronicle::train_entities {

/// Where the gazetteer's sources live.
struct GazetteerSources {
  std::string actors_dir;   ///< lib/resources/en/actors: countries.tsv, titles.tsv, organizations.tsv
  std::string cities_dir;   ///< /usr/share/libtimezonemap/ui: cities15000.txt, admin1Codes.txt (GeoNames)
  std::string wordnet_dir;  ///< /usr/share/wordnet: data.noun
  long min_population = 50000;
};

/// The gazetteer.tsv text (`kind<TAB>phrase` lines, sorted, with a header) and a summary line.
struct BuiltGazetteer {
  std::string tsv;
  std::string summary;
};

/// Reads every source and builds the gazetteer; errors name the file and line.
Result<BuiltGazetteer> build_gazetteer(const GazetteerSources& sources);

}  // namespace chronicle::train_entities
