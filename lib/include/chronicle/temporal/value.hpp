#pragma once
// Time values: what a temporal expression means, as TimeML TIMEX3 values.
//
// A `Period` is a calendar period of some granularity (a day, an ISO week, a quarter, a decade,
// a morning...) anchored on the date library's `year_month_day`: it refuses impossible dates
// ("February 30" is never a Period) and shifts by whole periods with calendar arithmetic.
// A `Duration` is an amount of a unit ("P2M", "PXY"), a `TimeValue` is what a TIMEX3 carries:
// a period, a duration, a set (a recurring period, with freq/quant) or a fuzzy reference
// (PRESENT_REF, PAST_REF, FUTURE_REF), plus a modifier.
//
//   using namespace date::literals;
//   auto week = temporal::Period::containing(2015_y / 12 / 15, temporal::Granularity::week);
//   week.shifted(-1).value();                          // "2015-W50"
//   temporal::Period::make_day(2015_y / 2 / 30);       // nullopt: no such day
//   temporal::Duration{2, temporal::Unit::month}.value();  // "P2M"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace chronicle::temporal {

/// How fine a period is, coarsest first.
enum class Granularity { century, decade, year, half, quarter, season, month, week, weekend, day, part_of_day, minute };

/// Units of durations and of relative shifts.
enum class Unit { second, minute, hour, day, week, weekend, month, quarter, half, year, decade, century };

/// TIMEX3 types.
enum class TimexType { date, time, duration, set };

/// TIMEX3 `mod` values; `none` is written as no attribute.
enum class Mod { none, start, mid, end, approx, before, after, on_or_before, on_or_after, less_than, more_than, equal_or_less, equal_or_more };

/// Fuzzy references of TimeML.
enum class Ref { present, past, future };

/// "DATE", "TIME", "DURATION", "SET".
std::string_view to_string(TimexType type);
/// "START", "MID", ..., "" for none.
std::string_view to_string(Mod mod);
/// "PRESENT_REF", "PAST_REF", "FUTURE_REF".
std::string_view to_string(Ref ref);
/// "day", "week", ... as used in JSON output.
std::string_view to_string(Granularity granularity);
/// Parses "START", "mid", "approx"...; nullopt when unknown.
std::optional<Mod> parse_mod(std::string_view text);
/// Parses "day", "weeks", "yr", "D", "W"...; nullopt when unknown.
std::optional<Unit> parse_unit(std::string_view text);
/// The granularity a unit's periods have ("week" -> week); seconds..hours give minute.
Granularity granularity_of(Unit unit);

/// A calendar period of known granularity. Fields finer than the granularity are ignored.
class Period {
 public:
  /// The period of `granularity` containing `day` (for season: meteorological seasons, winter
  /// counted with the year of its December; quarter/half/season/part_of_day use `index`).
  static Period containing(date::year_month_day day, Granularity granularity);
  /// A day, or nullopt when the date does not exist.
  static std::optional<Period> make_day(date::year_month_day day);
  /// Quarter `q` (1-4) of `year`, half `h` (1-2), season 1..4 (spring, summer, fall, winter).
  static std::optional<Period> make_indexed(date::year year, Granularity granularity, int index);
  /// A time of day on `day` (minutes since midnight, < 1440).
  static std::optional<Period> make_time(date::year_month_day day, int minutes);
  /// A part of a day: 1 morning, 2 midday, 3 afternoon, 4 evening, 5 night.
  static std::optional<Period> make_part_of_day(date::year_month_day day, int part);

  /// This period moved by `n` periods of its own granularity.
  Period shifted(int n) const;
  /// This period moved by `n` `unit`s, keeping its granularity.
  Period shifted(int n, Unit unit) const;
  /// The same day(s) with a coarser or finer granularity (e.g. the week of a day).
  Period as(Granularity granularity) const { return containing(first_, granularity); }

  /// The TIMEX3 value: "2015-12-15", "2015-W51", "2015-W51-WE", "2015-Q4", "199", "2015-12-15TMO".
  std::string value() const;
  /// True when the period exists in the calendar.
  bool ok() const { return first_.ok(); }
  /// The period's granularity.
  Granularity granularity() const { return granularity_; }
  /// First day of the period.
  date::year_month_day first_day() const { return first_; }
  /// Last day of the period.
  date::year_month_day last_day() const;
  /// Quarter/half/season/part-of-day index, minutes for minute granularity.
  int index() const { return index_; }
  /// Marks the year as unknown ("XXXX-12-18"); month and day stay.
  Period& unknown_year() { year_known_ = false; return *this; }
  /// False for "XXXX-..." periods.
  bool year_known() const { return year_known_; }

  friend bool operator==(const Period&, const Period&) = default;

 private:
  Period(date::year_month_day first, Granularity granularity, int index)
      : first_(first), granularity_(granularity), index_(index) {}
  date::year_month_day first_;
  Granularity granularity_;
  int index_ = 0;
  bool year_known_ = true;
};

/// An amount of a unit; no amount means "some" (PXY).
struct Duration {
  std::optional<double> amount;
  Unit unit = Unit::day;
  /// "P2M", "PT3H", "PXY", "P10Y" for a decade, "P1.5Y".
  std::string value() const;
};

/// What one TIMEX3 says.
struct TimeValue {
  TimexType type = TimexType::date;
  std::string value;            ///< TIMEX3 value attribute
  Mod mod = Mod::none;
  std::string freq;             ///< SET only, e.g. "1W"
  std::string quant;            ///< SET only, e.g. "EVERY"
  std::optional<Period> period; ///< the period, when the value is one

  /// A DATE (or TIME for finer than a day) value from a period.
  static TimeValue of(const Period& period, Mod mod = Mod::none);
  /// A DURATION value.
  static TimeValue of(const Duration& duration, Mod mod = Mod::none);
  /// A fuzzy reference DATE value.
  static TimeValue of(Ref ref);
};

/// ISO 8601 week: year and week number of `day`.
struct IsoWeek {
  int year;
  unsigned week;
};
/// The ISO week of `day`.
IsoWeek iso_week_of(date::year_month_day day);

}  // namespace chronicle::temporal
