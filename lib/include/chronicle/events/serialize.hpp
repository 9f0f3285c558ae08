#pragma once
// DocumentAnalysis and ActorTable as JSON: how analyses are kept in the store and written as
// test fixtures. The shape mirrors the structs field for field; dates are ISO strings ("2015-12-15"),
// spans are {"begin","end"} objects, enums are their TimeML names ("OCCURRENCE", "PAST", "POS").
//
//   std::string json = events::to_json(analysis);
//   Result<DocumentAnalysis> back = events::analysis_from_json(json, "fixture.json");
//
// A corpus fixture is one object {"documents": [analysis...], "actors": [actor...]}.

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "chronicle/events/actor_table.hpp"
#include "chronicle/events/mention.hpp"

namespace chronicle::events {

/// A set of analyses with the actor table resolved over them.
struct Corpus {
  std::vector<DocumentAnalysis> documents;  ///< in document-id order
  ActorTable actors;
};

/// One analysis as a compact JSON object.
std::string to_json(const DocumentAnalysis& analysis);
/// Parses what to_json wrote; `origin` names the source in error messages.
Result<DocumentAnalysis> analysis_from_json(std::string_view json, std::string_view origin);

/// An actor table as a JSON array of {"name","type","aliases","stands_for"}.
std::string to_json(const ActorTable& table);
/// Parses what to_json(ActorTable) wrote.
Result<ActorTable> actors_from_json(std::string_view json, std::string_view origin);

/// A corpus as {"documents": [...], "actors": [...]}, pretty-printed for fixtures.
std::string to_json(const Corpus& corpus);
/// Parses a corpus fixture.
Result<Corpus> corpus_from_json(std::string_view json, std::string_view origin);
/// Reads a corpus fixture file.
Result<Corpus> read_corpus(const std::string& path);

/// "2015-12-15".
std::string format_day(date::sys_days day);
/// Parses "2015-12-15" (refuses impossible dates).
std::optional<date::sys_days> parse_day(std::string_view text);

}  // namespace chronicle::events
