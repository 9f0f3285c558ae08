// Time values: periods of every granularity, calendar arithmetic, TIMEX3 value strings.

#include <catch2/catch.hpp>

#include "chronicle/temporal/value.hpp"

using namespace chronicle::temporal;
using namespace date::literals;

TEST_CASE("periods render as TIMEX3 values at their granularity", "[temporal][value]") {
  auto [granularity, expected] = GENERATE(table<Granularity, std::string>({
      {Granularity::century, "20"},
      {Granularity::decade, "201"},
      {Granularity::year, "2015"},
      {Granularity::half, "2015-H2"},
      {Granularity::quarter, "2015-Q4"},
      {Granularity::season, "2015-WI"},
      {Granularity::month, "2015-12"},
      {Granularity::week, "2015-W51"},
      {Granularity::weekend, "2015-W51-WE"},
      {Granularity::day, "2015-12-15"},
  }));
  CHECK(Period::containing(2015_y / 12 / 15, granularity).value() == expected);
}

TEST_CASE("periods shift by whole periods with calendar arithmetic", "[temporal][value]") {
  const auto week = Period::containing(2015_y / 12 / 15, Granularity::week);
  CHECK(week.shifted(-1).value() == "2015-W50");
  CHECK(week.shifted(3).value() == "2016-W01");   // 2015 has 53 ISO weeks
  CHECK(Period::containing(2015_y / 12 / 15, Granularity::quarter).shifted(1).value() == "2016-Q1");
  CHECK(Period::containing(2015_y / 1 / 15, Granularity::quarter).shifted(-1).value() == "2014-Q4");
  CHECK(Period::containing(2015_y / 1 / 31, Granularity::day).shifted(1, Unit::month).value() == "2015-02-28");
  CHECK(Period::containing(2016_y / 2 / 29, Granularity::day).shifted(-1, Unit::year).value() == "2015-02-28");
  CHECK(Period::containing(2015_y / 12 / 15, Granularity::day).last_day() == 2015_y / 12 / 15);
  CHECK(Period::containing(2015_y / 12 / 15, Granularity::month).last_day() == 2015_y / 12 / 31);
}

TEST_CASE("impossible dates are not periods", "[temporal][value]") {
  CHECK_FALSE(Period::make_day(2015_y / 2 / 30));
  CHECK_FALSE(Period::make_day(2015_y / 13 / 1));
  CHECK(Period::make_day(2016_y / 2 / 29));
  CHECK_FALSE(Period::make_indexed(2015_y, Granularity::quarter, 5));
  CHECK_FALSE(Period::make_time(2015_y / 12 / 15, 24 * 60));
}

TEST_CASE("durations, times and parts of day have TimeML values", "[temporal][value]") {
  CHECK(Duration{2, Unit::month}.value() == "P2M");
  CHECK(Duration{std::nullopt, Unit::year}.value() == "PXY");
  CHECK(Duration{1, Unit::decade}.value() == "P10Y");
  CHECK(Duration{3, Unit::hour}.value() == "PT3H");
  CHECK(Duration{2.5, Unit::year}.value() == "P2Y6M");
  CHECK(Period::make_time(2015_y / 12 / 15, 15 * 60 + 30)->value() == "2015-12-15T15:30");
  CHECK(Period::make_part_of_day(2015_y / 12 / 15, 1)->value() == "2015-12-15TMO");
  CHECK(TimeValue::of(Ref::past).value == "PAST_REF");
  CHECK(TimeValue::of(*Period::make_time(2015_y / 12 / 15, 60)).type == TimexType::time);
  CHECK(TimeValue::of(*Period::make_part_of_day(2015_y / 12 / 15, 5)).type == TimexType::time);
  CHECK(TimeValue::of(*Period::make_day(2015_y / 12 / 15)).type == TimexType::date);
  CHECK(Period::containing(2015_y / 12 / 15, Granularity::day).unknown_year().value() == "XXXX-12-15");
}

TEST_CASE("a fractional duration is written in whole units and the next smaller one", "[temporal][value]") {
  auto [amount, unit, expected] = GENERATE(table<double, Unit, std::string>({
      {2.5, Unit::year, "P2Y6M"},        // "2 1/2 years"
      {0.5, Unit::year, "P6M"},          // "half a year"
      {5.5, Unit::hour, "PT5H30M"},      // "5 1/2 hours"
      {1.5, Unit::minute, "PT1M30S"},    // "a minute and a half"
      {2.5, Unit::day, "P2DT12H"},       // "two and a half days"
      {0.5, Unit::hour, "PT30M"},        // "half an hour"
      {1.5, Unit::week, "P1.5W"},        // no whole number of days: as it is
      {1.5, Unit::month, "P1.5M"},       // months have no fixed number of days
  }));
  CAPTURE(amount);
  CHECK(Duration{amount, unit}.value() == expected);
}

TEST_CASE("mods and units parse from their TimeML names", "[temporal][value]") {
  CHECK(parse_mod("START") == Mod::start);
  CHECK(parse_mod("more_than") == Mod::more_than);
  CHECK_FALSE(parse_mod("SOMETIMES"));
  CHECK(to_string(Mod::equal_or_less) == "EQUAL_OR_LESS");
  CHECK(parse_unit("weeks") == Unit::week);
}

TEST_CASE("value digits are zero-padded, and years outside 0..9999 still render", "[temporal][value]") {
  CHECK(Period::containing(date::year{5} / 3 / 7, Granularity::day).value() == "0005-03-07");
  CHECK(Period::containing(date::year{850} / 1 / 1, Granularity::century).value() == "08");
  CHECK(Period::containing(date::year{1905} / 1 / 1, Granularity::decade).value() == "190");
  CHECK(Period::containing(date::year{10500} / 1 / 1, Granularity::year).value() == "10500");
  CHECK(Period::containing(date::year{-5} / 1 / 1, Granularity::year).value() == "-005");
  CHECK(Period::containing(2015_y / 1 / 2, Granularity::week).value() == "2015-W01");
  CHECK(Period::make_time(2015_y / 12 / 15, 9 * 60 + 5)->value() == "2015-12-15T09:05");
  CHECK(Period::make_indexed(2015_y, Granularity::half, 1)->value() == "2015-H1");
}
