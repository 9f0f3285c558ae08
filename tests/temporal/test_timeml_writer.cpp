// TimeML output of the tagger: the text as it was, TIMEX3 tags around the expressions.

#include <catch2/catch.hpp>

#include "chronicle/temporal/timeml_writer.hpp"

using namespace chronicle;
using namespace chronicle::temporal;
using namespace date::literals;

namespace {

Timex timex_at(std::string_view text, std::string_view what, std::string value) {
  const std::size_t at = text.find(what);
  REQUIRE(at != std::string_view::npos);
  Timex t;
  t.span = {at, at + what.size()};
  t.value.value = std::move(value);
  return t;
}

std::string text_element(const std::string& tml) {
  const std::size_t open = tml.find("<TEXT>");
  const std::size_t close = tml.find("</TEXT>");
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  return tml.substr(open + 6, close - open - 6);
}

}  // namespace

TEST_CASE("TimeML text escapes only what XML requires, so quotes and > stay as in the source", "[temporal][timeml]") {
  // The TempEval-3 toolkit compares the raw TEXT with the gold file's, where quotes are literal;
  // an &quot; there stops its normalizer.
  const std::string text = "\n\"We meet Tuesday,\" said AT&T; shares > 5% <up> ]]> \"Dec. 15\".\n";
  const std::vector<Timex> found = {timex_at(text, "Tuesday", "1998-03-10"), timex_at(text, "Dec. 15", "1998-12-15")};
  const std::string tml = write_timeml(text, found, {"wire", 1998_y / 3 / 6});
  CHECK(text_element(tml) ==
        "\n\"We meet <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-03-10\">Tuesday</TIMEX3>,\" said AT&amp;T; "
        "shares > 5% &lt;up> ]]&gt; \"<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-12-15\">Dec. 15</TIMEX3>\".\n");
}

TEST_CASE("TimeML output carries the DCT as TIMEX3 t0 directly inside DCT", "[temporal][timeml]") {
  // The toolkit renames the DCT's tid with a pattern that needs <DCT><TIMEX3 adjacent, and skips t0.
  const std::string tml = write_timeml("\nOn Monday.\n", {}, {"doc \"1\"", 2015_y / 12 / 15});
  CHECK(tml.find("<DOCID>doc &quot;1&quot;</DOCID>") != std::string::npos);
  CHECK(tml.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2015-12-15\" temporalFunction=\"false\" "
                 "functionInDocument=\"CREATION_TIME\">2015-12-15</TIMEX3></DCT>") != std::string::npos);
  CHECK(text_element(tml) == "\nOn Monday.\n");
}
