// The Kerry-in-Moscow seed articles (written 2015-12-15): every expression a careful reader would
// resolve, pinned. The sentences are quoted from corpus/kerry-moscow-2015; the [.slow] sweep runs
// over the whole articles when they are present.

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "chronicle/temporal/tagger.hpp"

using namespace chronicle;
using namespace chronicle::temporal;
using namespace date::literals;

namespace {

TagOptions seed_options() {
  TagOptions options;
  options.dct = 2015_y / 12 / 15;
  return options;
}

/// The value given to `expression` inside `text`, or "(none)".
std::string value_of(const std::string& text, const std::string& expression) {
  for (const Timex& t : default_tagger().tag(text, TextSpan{0, text.size()}, seed_options()))
    if (t.span.of(text) == expression) return t.value.value;
  return "(none)";
}

}  // namespace

TEST_CASE("seed articles: every date resolves as a careful reader would", "[temporal][seed]") {
  auto [sentence, expression, expected] = GENERATE(table<std::string, std::string, std::string>({
      {"On Tuesday Secretary of State John Kerry went into meetings with Russian President Vladimir Putin.",
       "Tuesday", "2015-12-15"},
      {"not knowing whether Moscow would veto a third round of global talks on Syria on Friday.", "Friday", "2015-12-18"},
      {"A follow-up conference is set to take place on Friday in NY.", "Friday", "2015-12-18"},
      {"The minister also confirmed that the next meeting of the International Syrian Support Group (ISSG) would be "
       "held on Friday in NY.", "Friday", "2015-12-18"},
      {"Kerry and the United Nations envoy for Syria, Staffan de Mistura, want to hold the next round of ISSG talks "
       "on Friday in NY.", "Friday", "2015-12-18"},
      {"Assad himself appeared to cast doubt on the very idea of peace talks on Friday, saying he would not negotiate "
       "with armed groups.", "Friday", "2015-12-11"},
      {"MOSCOW, Tuesday, Dec. 15, 2015 (AP) Kerry arrived.", "Tuesday, Dec. 15, 2015", "2015-12-15"},
      {"Kerry wants the group to meet in New York on December 18.", "December 18", "2015-12-18"},
      {"Both sides backed a planned January 1 ceasefire.", "January 1", "2016-01-01"},
      {"The envoys met in Vienna last week.", "last week", "2015-W50"},
      {"Russia has been bombing Syria since September 2014, officials said.", "September 2014", "2014-09"},
      {"The uprising began in March 2011.", "March 2011", "2011-03"},
      {"Lavrov dismissed Monday's comments by the Saudi foreign minister.", "Monday", "2015-12-14"},
      {"Earlier this month, Russian officials listed the groups.", "Earlier this month", "2015-12"},
      {"This week, Russian officials listed a number opposition groups.", "This week", "2015-W51"},
      {"\"On that route there are still questions which today we need to look at\", Mr Lavrov said.", "today",
       "2015-12-15"},
      {"Putin likely spent a couple of months preparing.", "a couple of months", "P2M"},
  }));
  CAPTURE(sentence);
  CHECK(value_of(sentence, expression) == expected);
}

TEST_CASE("seed articles on disk resolve their key expressions", "[temporal][seed][.slow]") {
  const std::string dir = std::string(CHRONICLE_SOURCE_DIR) + "/../shared/seeds/";
  std::ifstream in(dir + "004_fa1156a0877fd16a.txt", std::ios::binary);
  if (!in) SUCCEED("seed articles not present");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.empty()) return;
  CHECK(value_of(text, "December 18") == "2015-12-18");
  CHECK(value_of(text, "January 1") == "2016-01-01");
  CHECK(value_of(text, "last week") == "2015-W50");
  CHECK(value_of(text, "Tuesday, Dec. 15, 2015") == "2015-12-15");
  CHECK(value_of(text, "Monday") == "2015-12-14");
}
