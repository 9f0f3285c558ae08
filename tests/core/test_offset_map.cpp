#include <catch2/catch.hpp>

#include "chronicle/core/offset_map.hpp"

using chronicle::OffsetMap;
using chronicle::TextSpan;

TEST_CASE("an empty offset map is the identity", "[core][offsets]") {
  OffsetMap m;
  CHECK(m.identity());
  CHECK(m.to_raw(TextSpan{3, 9}) == TextSpan{3, 9});
}

TEST_CASE("copied runs map byte for byte and decoded entities map as a whole", "[core][offsets]") {
  // raw:  "<p>A &amp; B</p>"   text: "A & B"
  //        0123456789012345
  OffsetMap m;
  m.add(0, 3, 2, 2);  // "A " <- raw[3,5)
  m.add(2, 5, 1, 5);  // "&"  <- "&amp;" raw[5,10)
  m.add(3, 10, 2, 2); // " B" <- raw[10,12)
  CHECK(m.to_raw(TextSpan{0, 1}) == TextSpan{3, 4});    // "A"
  CHECK(m.to_raw(TextSpan{2, 3}) == TextSpan{5, 10});   // "&" -> "&amp;"
  CHECK(m.to_raw(TextSpan{0, 5}) == TextSpan{3, 12});   // all of it
  CHECK(m.to_raw(TextSpan{4, 5}) == TextSpan{11, 12});  // "B"
  CHECK(m.to_raw(TextSpan{2, 2}).begin == 5);
}

TEST_CASE("adjacent copies merge into one piece and gaps in the raw bytes are skipped", "[core][offsets]") {
  // raw: "ab<b>cd</b>"  text: "abcd"
  OffsetMap m;
  m.add(0, 0, 2, 2);
  m.add(2, 5, 2, 2);
  CHECK(m.to_raw(TextSpan{1, 3}) == TextSpan{1, 6});
  CHECK(m.to_raw(TextSpan{2, 4}) == TextSpan{5, 7});
  CHECK(m.to_raw(TextSpan{0, 2}) == TextSpan{0, 2});
}

TEST_CASE("an empty span maps to an empty span, even where two pieces meet", "[core][offsets]") {
  // raw: "ab<x/>cd" text: "abcd"; an empty element between "ab" and "cd".
  OffsetMap m;
  m.add(0, 0, 2, 2);
  m.add(2, 6, 2, 2);
  TextSpan empty = m.to_raw(TextSpan{2, 2});
  CHECK(empty.begin == empty.end);
  CHECK(empty.begin == 2);
}
