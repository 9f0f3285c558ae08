#include "chronicle/temporal/value.hpp"

#include <array>
#include <cmath>
#include <utility>

#include <date/iso_week.h>
#include <fmt/compile.h>
#include <fmt/format.h>

namespace chronicle::temporal {
namespace {

using date::days;
using date::months;
using date::sys_days;
using date::year_month_day;
using date::years;

constexpr std::array<std::string_view, 13> kMods{
    "", "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"};
constexpr std::array<std::string_view, 12> kGranularities{
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "day",
    "part_of_day", "minute"};
constexpr std::array<int, 5> kPowersOfTen{1, 10, 100, 1000, 10000};
constexpr std::array<std::string_view, 4> kSeasons{"SP", "SU", "FA", "WI"};
constexpr std::array<std::string_view, 5> kParts{"MO", "MI", "AF", "EV", "NI"};

struct UnitName {
  std::string_view name;
  Unit unit;
};
constexpr std::array<UnitName, 40> kUnitNames{{
    {"second", Unit::second}, {"seconds", Unit::second}, {"sec", Unit::second}, {"S", Unit::second},
    {"minute", Unit::minute}, {"minutes", Unit::minute}, {"min", Unit::minute}, {"MIN", Unit::minute},
    {"hour", Unit::hour}, {"hours", Unit::hour}, {"hr", Unit::hour}, {"H", Unit::hour},
    {"day", Unit::day}, {"days", Unit::day}, {"D", Unit::day},
    {"week", Unit::week}, {"weeks", Unit::week}, {"W", Unit::week},
    {"weekend", Unit::weekend}, {"weekends", Unit::weekend}, {"WE", Unit::weekend},
    {"month", Unit::month}, {"months", Unit::month}, {"M", Unit::month},
    {"quarter", Unit::quarter}, {"quarters", Unit::quarter}, {"Q", Unit::quarter},
    {"half", Unit::half}, {"halves", Unit::half},
    {"year", Unit::year}, {"years", Unit::year}, {"yr", Unit::year}, {"Y", Unit::year},
    {"decade", Unit::decade}, {"decades", Unit::decade}, {"DE", Unit::decade},
    {"century", Unit::century}, {"centuries", Unit::century}, {"CE", Unit::century},
    {"fortnight", Unit::week}}};

int year_of(const year_month_day& d) { return static_cast<int>(d.year()); }
unsigned month_of(const year_month_day& d) { return static_cast<unsigned>(d.month()); }

/// Floor division, so that year -5 belongs to decade -1.
int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/// A fractional amount as whole units and a whole number of the next smaller unit, the way
/// TimeML writes it ("2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S),
/// when the fraction comes out whole in that unit; nullopt otherwise ("1.5 weeks" stays P1.5W).
std::optional<std::string> whole_and_smaller(double n, Unit u) {
  struct Step {
    Unit unit;
    double factor;
    std::string_view whole;   ///< "P" + this + the whole amount + its designator
    char whole_letter;
    std::string_view part;    ///< between the whole amount and the part ("T" between date and time)
    char part_letter;
  };
  static constexpr std::array<Step, 4> kSteps{{{Unit::year, 12, "", 'Y', "", 'M'},
                                               {Unit::day, 24, "", 'D', "T", 'H'},
                                               {Unit::hour, 60, "T", 'H', "", 'M'},
                                               {Unit::minute, 60, "T", 'M', "", 'S'}}};
  for (const Step& step : kSteps) {
    if (step.unit != u) continue;
    const double whole = std::floor(n);
    const double part = (n - whole) * step.factor;
    if (whole < 0 || part != std::floor(part)) return std::nullopt;
    const auto p = static_cast<long long>(part);
    if (whole == 0) return fmt::format("P{}{}{}", step.whole.empty() ? step.part : step.whole, p, step.part_letter);
    return fmt::format("P{}{}{}{}{}{}", step.whole, static_cast<long long>(whole), step.whole_letter, step.part, p,
                       step.part_letter);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(TimexType type) {
  constexpr std::array<std::string_view, 4> names{"DATE", "TIME", "DURATION", "SET"};
  return names[static_cast<std::size_t>(type)];
}
std::string_view to_string(Mod mod) { return kMods[static_cast<std::size_t>(mod)]; }
std::string_view to_string(Ref ref) {
  constexpr std::array<std::string_view, 3> names{"PRESENT_REF", "PAST_REF", "FUTURE_REF"};
  return names[static_cast<std::size_t>(ref)];
}
std::string_view to_string(Granularity granularity) { return kGranularities[static_cast<std::size_t>(granularity)]; }

std::optional<Mod> parse_mod(std::string_view text) {
  for (std::size_t i = 1; i < kMods.size(); ++i) {
    if (kMods[i].size() != text.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < text.size() && same; ++k)
      same = (text[k] & ~0x20) == kMods[i][k] || text[k] == kMods[i][k];
    if (same) return static_cast<Mod>(i);
  }
  return std::nullopt;
}

std::optional<Unit> parse_unit(std::string_view text) {
  for (const auto& u : kUnitNames)
    if (u.name == text) return u.unit;
  return std::nullopt;
}

Granularity granularity_of(Unit unit) {
  switch (unit) {
    case Unit::second:
    case Unit::minute:
    case Unit::hour: return Granularity::minute;
    case Unit::day: return Granularity::day;
    case Unit::week: return Granularity::week;
    case Unit::weekend: return Granularity::weekend;
    case Unit::month: return Granularity::month;
    case Unit::quarter: return Granularity::quarter;
    case Unit::half: return Granularity::half;
    case Unit::year: return Granularity::year;
    case Unit::decade: return Granularity::decade;
    case Unit::century: return Granularity::century;
  }
  return Granularity::day;
}

IsoWeek iso_week_of(year_month_day day) {
  iso_week::year_weeknum_weekday w{sys_days{day}};
  return {static_cast<int>(w.year()), static_cast<unsigned>(w.weeknum())};
}

Period Period::containing(year_month_day day, Granularity g) {
  const int y = year_of(day);
  const unsigned m = month_of(day);
  switch (g) {
    case Granularity::century: {
      const int c = floor_div(y, 100) * 100;
      return {date::year{c} / 1 / 1, g, 0};
    }
    case Granularity::decade: {
      const int d = floor_div(y, 10) * 10;
      return {date::year{d} / 1 / 1, g, 0};
    }
    case Granularity::year: return {day.year() / 1 / 1, g, 0};
    case Granularity::half: {
      const int h = m <= 6 ? 1 : 2;
      return {day.year() / date::month{h == 1 ? 1u : 7u} / 1, g, h};
    }
    case Granularity::quarter: {
      const int q = static_cast<int>((m - 1) / 3 + 1);
      return {day.year() / date::month{static_cast<unsigned>(q - 1) * 3 + 1} / 1, g, q};
    }
    case Granularity::season: {
      // Meteorological seasons; December belongs to the winter of its own year.
      const int s = m == 12 || m <= 2 ? 4 : static_cast<int>((m - 3) / 3 + 1);
      const int sy = m <= 2 ? y - 1 : y;
      return {date::year{sy} / date::month{s == 4 ? 12u : static_cast<unsigned>(s - 1) * 3 + 3} / 1, g, s};
    }
    case Granularity::month: return {day.year() / day.month() / 1, g, 0};
    case Granularity::week: {
      const sys_days sd{day};
      const date::weekday wd{sd};
      const sys_days monday = sd - days{(wd.c_encoding() + 6) % 7};
      return {year_month_day{monday}, g, 0};
    }
    case Granularity::weekend: {
      const sys_days sd{day};
      const date::weekday wd{sd};
      const sys_days saturday = sd - days{(wd.c_encoding() + 6) % 7} + days{5};
      return {year_month_day{saturday}, g, 0};
    }
    case Granularity::day: return {day, g, 0};
    case Granularity::part_of_day: return {day, g, 1};
    case Granularity::minute: return {day, g, 0};
  }
  return {day, Granularity::day, 0};
}

std::optional<Period> Period::make_day(year_month_day day) {
  if (!day.ok()) return std::nullopt;
  return Period{day, Granularity::day, 0};
}

std::optional<Period> Period::make_indexed(date::year year, Granularity g, int index) {
  if (!year.ok()) return std::nullopt;
  switch (g) {
    case Granularity::quarter:
      if (index < 1 || index > 4) return std::nullopt;
      return Period{year / date::month{static_cast<unsigned>(index - 1) * 3 + 1} / 1, g, index};
    case Granularity::half:
      if (index < 1 || index > 2) return std::nullopt;
      return Period{year / date::month{index == 1 ? 1u : 7u} / 1, g, index};
    case Granularity::season:
      if (index < 1 || index > 4) return std::nullopt;
      return Period{year / date::month{index == 4 ? 12u : static_cast<unsigned>(index - 1) * 3 + 3} / 1, g, index};
    default: return std::nullopt;
  }
}

std::optional<Period> Period::make_time(year_month_day day, int minutes) {
  if (!day.ok() || minutes < 0 || minutes >= 24 * 60) return std::nullopt;
  return Period{day, Granularity::minute, minutes};
}

std::optional<Period> Period::make_part_of_day(year_month_day day, int part) {
  if (!day.ok() || part < 1 || part > 5) return std::nullopt;
  return Period{day, Granularity::part_of_day, part};
}

Period Period::shifted(int n) const {
  Period p = *this;
  switch (granularity_) {
    case Granularity::century: p.first_ = first_ + years{100 * n}; break;
    case Granularity::decade: p.first_ = first_ + years{10 * n}; break;
    case Granularity::year: p.first_ = first_ + years{n}; break;
    case Granularity::half:
    case Granularity::quarter:
    case Granularity::season: {
      const int per_year = granularity_ == Granularity::half ? 2 : 4;
      const int step = 12 / per_year;
      const int zero_based = index_ - 1 + n;
      const int year_shift = floor_div(zero_based, per_year);
      p.index_ = zero_based - year_shift * per_year + 1;
      p.first_ = first_ + months{step * n};
      break;
    }
    case Granularity::month: p.first_ = first_ + months{n}; break;
    case Granularity::week:
    case Granularity::weekend: p.first_ = year_month_day{sys_days{first_} + days{7 * n}}; break;
    case Granularity::day:
    case Granularity::part_of_day:
    case Granularity::minute: p.first_ = year_month_day{sys_days{first_} + days{n}}; break;
  }
  return p;
}

Period Period::shifted(int n, Unit unit) const {
  // Shift the first day by the unit, then re-derive this granularity's period around it.
  year_month_day d = first_;
  switch (unit) {
    case Unit::second:
    case Unit::minute:
    case Unit::hour: return *this;
    case Unit::day: d = year_month_day{sys_days{first_} + days{n}}; break;
    case Unit::week:
    case Unit::weekend: d = year_month_day{sys_days{first_} + days{7 * n}}; break;
    case Unit::month: d = first_ + months{n}; break;
    case Unit::quarter: d = first_ + months{3 * n}; break;
    case Unit::half: d = first_ + months{6 * n}; break;
    case Unit::year: d = first_ + years{n}; break;
    case Unit::decade: d = first_ + years{10 * n}; break;
    case Unit::century: d = first_ + years{100 * n}; break;
  }
  if (!d.ok()) d = d.year() / d.month() / date::last;  // Jan 31 + 1 month -> Feb 28/29
  if (granularity_ == Granularity::part_of_day || granularity_ == Granularity::minute) {
    Period p = *this;
    p.first_ = d;
    return p;
  }
  Period p = containing(d, granularity_);
  p.year_known_ = year_known_;
  return p;
}

year_month_day Period::last_day() const {
  switch (granularity_) {
    case Granularity::century: return year_month_day{sys_days{first_ + years{100}} - days{1}};
    case Granularity::decade: return year_month_day{sys_days{first_ + years{10}} - days{1}};
    case Granularity::year: return year_month_day{sys_days{first_ + years{1}} - days{1}};
    case Granularity::half: return year_month_day{sys_days{first_ + months{6}} - days{1}};
    case Granularity::quarter:
    case Granularity::season: return year_month_day{sys_days{first_ + months{3}} - days{1}};
    case Granularity::month: return year_month_day{sys_days{first_ + months{1}} - days{1}};
    case Granularity::week: return year_month_day{sys_days{first_} + days{6}};
    case Granularity::weekend: return year_month_day{sys_days{first_} + days{1}};
    case Granularity::day:
    case Granularity::part_of_day:
    case Granularity::minute: return first_;
  }
  return first_;
}

std::string Period::value() const {
  // Written digit by digit: a value is made for every expression found, and fmt's padded
  // integers cost several times more. Years outside 0..9999 (never a TIMEX3 date: the tagger
  // turns them into PAST_REF/FUTURE_REF) still go through fmt.
  const int y = year_of(first_);
  std::string out;
  const auto digits = [&out](int n, int width) {
    if (n < 0 || n >= kPowersOfTen[static_cast<std::size_t>(width)]) {
      out += fmt::format("{:0{}d}", n, width);
      return;
    }
    char text[4];
    for (int k = width; k-- > 0; n /= 10) text[k] = static_cast<char>('0' + n % 10);
    out.append(text, static_cast<std::size_t>(width));
  };
  const auto year = [&](int value) {
    if (year_known_) digits(value, 4);
    else out += "XXXX";
  };
  const int m = static_cast<int>(month_of(first_));
  const int d = static_cast<int>(static_cast<unsigned>(first_.day()));
  const auto day = [&] {
    year(y);
    out += '-';
    digits(m, 2);
    out += '-';
    digits(d, 2);
  };
  switch (granularity_) {
    case Granularity::century:
      if (year_known_) digits(floor_div(y, 100), 2);
      else out += "XX";
      break;
    case Granularity::decade:
      if (year_known_) digits(floor_div(y, 10), 3);
      else out += "XXX";
      break;
    case Granularity::year: year(y); break;
    case Granularity::half:
    case Granularity::quarter:
      year(y);
      out += granularity_ == Granularity::half ? "-H" : "-Q";
      out += fmt::format_int(index_).str();
      break;
    case Granularity::season:
      year(y);
      out += '-';
      out += kSeasons[static_cast<std::size_t>(index_ - 1)];
      break;
    case Granularity::month:
      year(y);
      out += '-';
      digits(m, 2);
      break;
    case Granularity::week:
    case Granularity::weekend: {
      const IsoWeek w = iso_week_of(first_);
      year(w.year);
      out += "-W";
      digits(static_cast<int>(w.week), 2);
      if (granularity_ == Granularity::weekend) out += "-WE";
      break;
    }
    case Granularity::day: day(); break;
    case Granularity::part_of_day:
      day();
      out += 'T';
      out += kParts[static_cast<std::size_t>(index_ - 1)];
      break;
    case Granularity::minute:
      day();
      out += 'T';
      digits(index_ / 60, 2);
      out += ':';
      digits(index_ % 60, 2);
      break;
  }
  return out;
}

std::string Duration::value() const {
  double n = amount.value_or(0);
  Unit u = unit;
  if (u == Unit::decade) { n *= 10; u = Unit::year; }
  if (u == Unit::century) { n *= 100; u = Unit::year; }
  if (u == Unit::quarter) { n *= 3; u = Unit::month; }
  if (u == Unit::half) { n *= 6; u = Unit::month; }
  if (u == Unit::weekend) { n *= 2; u = Unit::day; }
  std::string_view letter;
  bool time = false;
  switch (u) {
    case Unit::second: letter = "S"; time = true; break;
    case Unit::minute: letter = "M"; time = true; break;
    case Unit::hour: letter = "H"; time = true; break;
    case Unit::day: letter = "D"; break;
    case Unit::week: letter = "W"; break;
    case Unit::month: letter = "M"; break;
    default: letter = "Y"; break;
  }
  std::string number;
  if (!amount) number = "X";
  else if (n == std::floor(n)) number = fmt::format(FMT_COMPILE("{}"), static_cast<long long>(n));
  else if (const auto mixed = whole_and_smaller(n, u)) return *mixed;
  else number = fmt::format("{}", n);
  return fmt::format(FMT_COMPILE("P{}{}{}"), time ? "T" : "", number, letter);
}

TimeValue TimeValue::of(const Period& period, Mod mod) {
  TimeValue v;
  // TimeML: anything finer than a day is a TIME, clock times and parts of day ("this morning",
  // "Friday night": 2015-12-15TMO) alike.
  const Granularity g = period.granularity();
  v.type = g == Granularity::minute || g == Granularity::part_of_day ? TimexType::time : TimexType::date;
  v.value = period.value();
  v.mod = mod;
  v.period = period;
  return v;
}

TimeValue TimeValue::of(const Duration& duration, Mod mod) {
  TimeValue v;
  v.type = TimexType::duration;
  v.value = duration.value();
  v.mod = mod;
  return v;
}

TimeValue TimeValue::of(Ref ref) {
  TimeValue v;
  v.value = std::string(to_string(ref));
  return v;
}

}  // namespace chronicle::temporal
