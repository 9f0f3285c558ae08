#include <catch2/catch.hpp>

#include "chronicle/ingest/dct_inference.hpp"
#include "chronicle/ingest/document.hpp"

using namespace chronicle::ingest;

TEST_CASE("publication dates are inferred from datelines and dated captions", "[ingest][dct]") {
  auto [text, expected, evidence] = GENERATE(table<std::string, std::string, std::string>({
      {"MOSCOW, Dec 15 (Reuters) - Kerry met Putin. The 2015 talks went on.", "2015-12-15", "MOSCOW, Dec 15"},
      {"WASHINGTON (AP) Dec. 15, 2015 - Officials said.", "2015-12-15", "WASHINGTON (AP) Dec. 15, 2015"},
      {"BEIRUT, Lebanon, March 3, 2014 — Fighting resumed.", "2014-03-03", "BEIRUT, Lebanon, March 3, 2014"},
      {"Talks went on. Photo: Kerry and Putin in Moscow Tuesday, Dec. 15, 2015. More.", "2015-12-15",
       "Tuesday, Dec. 15, 2015"},
      {"Published: 15 December 2015\nKerry went.", "2015-12-15", "Published: 15 December 2015"},
      {"Seen Monday, Dec. 14, 2015, and Tuesday, Dec. 15, 2015.", "2015-12-15", "Tuesday, Dec. 15, 2015"},
  }));
  CAPTURE(text);
  auto found = infer_dct(text);
  REQUIRE(found);
  CHECK(format_date(found->day) == expected);
  CHECK(found->evidence.of(text) == evidence);
}

TEST_CASE("nothing is inferred without a reliable full date", "[ingest][dct]") {
  auto text = GENERATE(as<std::string>{},
                       "Kerry met Putin on Tuesday.",                     // no date at all
                       "Wednesday, Dec. 15, 2015 was mentioned.",         // weekday disagrees with the date
                       "MOSCOW, Dec 15 (Reuters) - no year anywhere.",    // dateline without any year
                       "The ceasefire of February 30, 2015, Monday.",     // impossible date
                       "US Secretary of State John Kerry said.");
  CAPTURE(text);
  CHECK_FALSE(infer_dct(text));
}
