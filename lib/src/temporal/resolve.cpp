// Value functions of the grammar: each turns a rule's captures and arguments into a TIMEX3
// value, resolving relative expressions against the reference date (the DCT, or in narrative
// mode the last explicit date) in the direction the sentence gives.

#include <array>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

/// Read access to a rule's arguments, resolving captures and `$slot` interpolation.
class Args {
 public:
  Args(const Captures& caps, const std::vector<Arg>& args, ResolveContext& ctx) : caps_(caps), args_(args), ctx_(ctx) {}

  std::optional<double> num(std::string_view key) const {
    const Arg* a = find(key);
    if (!a) return std::nullopt;
    if (a->from_slot) {
      const Capture* c = capture(a->value);
      if (!c) return std::nullopt;
      return a->negate ? -c->number : c->number;
    }
    char* end = nullptr;
    const double v = std::strtod(a->value.c_str(), &end);
    if (end == a->value.c_str() || *end != '\0') return std::nullopt;
    return v;
  }

  std::optional<int> integer(std::string_view key) const {
    const auto v = num(key);
    if (!v) return std::nullopt;
    return static_cast<int>(std::lround(*v));
  }

  std::optional<std::string> str(std::string_view key) const {
    const Arg* a = find(key);
    if (!a) return std::nullopt;
    if (a->from_slot) {
      const Capture* c = capture(a->value);
      if (!c) return std::nullopt;
      return c->text.empty() ? fmt::format("{}", static_cast<long long>(c->number)) : std::string(c->text);
    }
    return interpolate(a->value);
  }

  bool has(std::string_view key) const {
    const Arg* a = find(key);
    return a && (!a->from_slot || capture(a->value));
  }

  Mod mod() const {
    const auto s = str("mod");
    if (!s) return Mod::none;
    return parse_mod(*s).value_or(Mod::none);
  }

  ResolveContext& ctx() const { return ctx_; }

 private:
  const Arg* find(std::string_view key) const {
    for (const Arg& a : args_)
      if (a.key == key) return &a;
    return nullptr;
  }
  const Capture* capture(std::string_view slot) const {
    for (const Capture& c : caps_)
      if (c.slot == slot) return &c;
    return nullptr;
  }
  std::string interpolate(std::string_view s) const {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '$') { out += s[i]; continue; }
      std::size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      const std::string_view name = s.substr(i + 1, j - i - 1);
      if (name == "0") {
        for (char c : ctx_.first_word) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      } else if (const Capture* c = capture(name)) {
        out += c->text.empty() ? fmt::format("{}", static_cast<long long>(c->number)) : c->text;
      }
      i = j - 1;
    }
    return out;
  }
  const Captures& caps_;
  const std::vector<Arg>& args_;
  ResolveContext& ctx_;
};

std::optional<Unit> unit_of(std::string_view code) {
  struct Code {
    std::string_view code;
    Unit unit;
  };
  static constexpr std::array<Code, 12> kCodes{{{"S", Unit::second}, {"MIN", Unit::minute}, {"H", Unit::hour},
                                                {"D", Unit::day}, {"W", Unit::week}, {"WE", Unit::weekend},
                                                {"M", Unit::month}, {"Q", Unit::quarter}, {"HA", Unit::half},
                                                {"Y", Unit::year}, {"DE", Unit::decade}, {"CE", Unit::century}}};
  for (const auto& c : kCodes)
    if (c.code == code) return c.unit;
  return parse_unit(code);
}

/// The year the arguments name: `y`, or spelled out as hundreds, tens and ones
/// ("nineteen ninety-six": yc=19 yt=90 yo=6).
std::optional<int> year_arg(const Args& a) {
  if (const auto y = a.integer("y")) return y;
  const auto c = a.integer("yc");
  if (!c) return std::nullopt;
  return *c * 100 + a.integer("yt").value_or(0) + a.integer("yo").value_or(0);
}

/// The quarter earnings comparisons refer to: the last one named by its number ("the third
/// quarter"), never a derived one ("a year ago" -> 2014-Q3), which would shift a second
/// comparison by another year.
const std::optional<Period>& quarter_context(const ResolveContext& ctx) { return ctx.last_quarter; }

Direction direction(const Args& a) {
  return a.ctx().direction ? a.ctx().direction() : Direction::unknown;
}

std::optional<TimeValue> with_mod(std::optional<Period> p, Mod mod) {
  if (!p || !p->ok()) return std::nullopt;
  return TimeValue::of(*p, mod);
}

/// A value for a relative expression when there is nothing to resolve it against.
std::optional<TimeValue> unresolved(Granularity g, Mod mod) {
  TimeValue v;
  v.mod = mod;
  switch (g) {
    case Granularity::century:
    case Granularity::decade:
    case Granularity::year: v.value = "XXXX"; break;
    case Granularity::half: v.value = "XXXX-HX"; break;
    case Granularity::quarter: v.value = "XXXX-QX"; break;
    case Granularity::season:
    case Granularity::month: v.value = "XXXX-XX"; break;
    case Granularity::week: v.value = "XXXX-WXX"; break;
    case Granularity::weekend: v.value = "XXXX-WXX-WE"; break;
    default: v.value = "XXXX-XX-XX"; break;
  }
  return v;
}

/// Picks among the dates `make(y)` for the years around the reference the one the direction
/// asks for: the latest on or before it (past), the earliest on or after it (future), or the
/// nearest (unknown; ties go to the past).
template <class F>
std::optional<year_month_day> pick_year(const year_month_day& ref, Direction dir, F make, bool strict = false) {
  const int y = static_cast<int>(ref.year());
  std::optional<year_month_day> past, future;
  for (int c = y - 1; c <= y + 1; ++c) {
    const std::optional<year_month_day> d = make(c);
    if (!d || !d->ok()) continue;
    if (sys_days{*d} <= sys_days{ref}) past = *d;
    if (sys_days{*d} >= sys_days{ref} && !future) future = *d;
  }
  // The sentence's direction wins unless the other candidate is far nearer ("Nov. 20" in a
  // past-tense sentence written on Nov. 2 is still the coming one).
  constexpr long kFarther = 4;
  const long back = past ? (sys_days{ref} - sys_days{*past}).count() : 0;
  const long ahead = future ? (sys_days{*future} - sys_days{ref}).count() : 0;
  if (strict && dir == Direction::past && past) return past;
  if (strict && dir == Direction::future && future) return future;
  if (dir == Direction::past && past && (!future || back <= kFarther * ahead)) return past;
  if (dir == Direction::future && future && (!past || ahead <= kFarther * back)) return future;
  if (!past) return future;
  if (!future) return past;
  return ahead < back ? future : past;
}

// --- value functions ---------------------------------------------------------------------------

std::optional<TimeValue> fn_date(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto y = year_arg(a);
  const auto m = a.integer("m");
  const auto d = a.integer("d");
  const Mod mod = a.mod();
  if (m && (*m < 1 || *m > 12)) return std::nullopt;
  if (y) {
    if (m && d) return with_mod(Period::make_day(date::year{*y} / *m / *d), mod);
    if (m) return with_mod(Period::containing(date::year{*y} / *m / 1, Granularity::month), mod);
    return with_mod(Period::containing(date::year{*y} / 1 / 1, Granularity::year), mod);
  }
  if (!m || !d) return std::nullopt;
  const auto md = date::month{static_cast<unsigned>(*m)} / date::day{static_cast<unsigned>(*d)};
  if (!md.ok()) return std::nullopt;   // "February 30"
  if (!ctx.reference) {
    auto p = Period::make_day(date::year{2000} / md);
    if (!p) return std::nullopt;
    p->unknown_year();
    return with_mod(p, mod);
  }
  // "last Oct. 23", "next March 1": the word fixes the side of the reference, however near
  // the other side is.
  const int n = a.integer("n").value_or(0);
  const Direction dir = n < 0 ? Direction::past : n > 0 ? Direction::future : direction(a);
  const auto day = pick_year(*ctx.reference, dir, [&](int year) -> std::optional<year_month_day> {
    return date::year{year} / md;
  }, n != 0);
  if (!day) return std::nullopt;
  const std::optional<Period> p = Period::make_day(*day);
  // "the week of March 6": the week around the day.
  if (p && a.str("as") == "W") return with_mod(p->as(Granularity::week), mod);
  return with_mod(p, mod);
}

std::optional<TimeValue> fn_month(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto m = a.integer("m");
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  const Mod mod = a.mod();
  if (const auto y = year_arg(a))
    return with_mod(Period::containing(date::year{*y} / *m / 1, Granularity::month), mod);
  if (!ctx.reference) return unresolved(Granularity::month, mod);
  const year_month_day ref = *ctx.reference;
  const int ry = static_cast<int>(ref.year());
  const int rm = static_cast<int>(static_cast<unsigned>(ref.month()));
  int year = ry;
  if (const auto yrel = a.integer("yrel")) {
    year = ry + *yrel;
  } else if (const auto n = a.integer("n"); n && *n != 0) {
    year = *n < 0 ? (*m < rm ? ry : ry - 1) : (*m > rm ? ry : ry + 1);
  } else {
    // As for days: the sentence's direction, unless the other side is far nearer; without
    // a direction, the nearer occurrence ("worth $130 million in October", written in
    // January, is the October just past), news reporting mostly on the past: a past month
    // up to twice as far back still wins.
    const int back = (rm - *m + 12) % 12, ahead = (*m - rm + 12) % 12;
    const Direction dir = direction(a);
    if (dir == Direction::past && back <= 4 * ahead) year = *m <= rm ? ry : ry - 1;
    else if (dir == Direction::past) year = *m >= rm ? ry : ry + 1;
    else if (dir == Direction::future && ahead <= 4 * back) year = *m >= rm ? ry : ry + 1;
    else if (dir == Direction::future) year = *m <= rm ? ry : ry - 1;
    else if (back <= 2 * ahead) year = *m <= rm ? ry : ry - 1;
    else year = *m >= rm ? ry : ry + 1;
  }
  return with_mod(Period::containing(date::year{year} / *m / 1, Granularity::month), mod);
}

std::optional<Period> apply_part(const Period& day, const Args& a) {
  if (const auto part = a.integer("part")) return Period::make_part_of_day(day.first_day(), *part);
  return day;
}

/// How many periods `n` moves from the reference's. On a Sunday the week just finished is the
/// reference's own ISO week (Monday to Saturday), and the one starting tomorrow is "this week" to
/// a sentence looking ahead: "Clinton last week", written on Sunday, March 22, is March 16-21.
int week_shift(const Args& a, Granularity g, const year_month_day& ref) {
  const int n = a.integer("n").value_or(0);
  if (g != Granularity::week || date::weekday{sys_days{ref}} != date::Sunday) return n;
  if (n == -1) return 0;
  if (n == 0 && direction(a) == Direction::future) return 1;
  return n;
}

std::optional<TimeValue> fn_rel(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto unit = unit_of(a.str("unit").value_or("D"));
  if (!unit) return std::nullopt;
  const Granularity g = granularity_of(*unit);
  const Mod mod = a.mod();
  if (!ctx.reference) return unresolved(g, mod);
  if (*unit == Unit::year && quarter_context(ctx) && a.has("quarterly"))
    return with_mod(quarter_context(ctx)->shifted(4 * a.integer("n").value_or(0)), mod);
  const Period p = Period::containing(*ctx.reference, g).shifted(week_shift(a, g, *ctx.reference));
  if (g == Granularity::day) return with_mod(apply_part(p, a), mod);
  return with_mod(p, mod);
}

std::optional<year_month_day> resolve_weekday(const year_month_day& ref, int d, int n, Direction dir) {
  if (d < 1 || d > 7) return std::nullopt;
  const int wr = static_cast<int>(date::weekday{sys_days{ref}}.iso_encoding());
  const int back = (wr - d + 7) % 7;
  const int ahead = (d - wr + 7) % 7;
  int shift = 0;
  if (n < 0) shift = -(back == 0 ? 7 : back);
  else if (n > 0) shift = ahead == 0 ? 7 : ahead;
  else if (back == 0) shift = 0;
  else if (dir == Direction::past) shift = -back;
  else if (dir == Direction::future) shift = ahead;
  else shift = -back;   // news: a bare weekday without cues is the past one
  return year_month_day{sys_days{ref} + days{shift}};
}

std::optional<TimeValue> fn_weekday(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto d = a.integer("d");
  if (!d) return std::nullopt;
  const Mod mod = a.mod();
  if (!ctx.reference) {
    TimeValue v;
    v.value = fmt::format("XXXX-WXX-{}", *d);
    v.mod = mod;
    return v;
  }
  const int n = a.integer("n").value_or(0);
  Direction dir = Direction::unknown;
  if (n == 0) {
    const std::string forced = a.str("dir").value_or("");
    dir = forced == "past" ? Direction::past : forced == "future" ? Direction::future : direction(a);
  }
  // `anchored`: "the previous Friday" is the one before the last day the text named.
  year_month_day base = a.has("anchored") && ctx.last_day ? *ctx.last_day : *ctx.reference;
  // Narrative mode: the reference is the last date the text wrote out, itself in the writer's
  // past, so the tense says nothing of which side of it a weekday lies on. Once the story has
  // moved on from it ("Two days later ..."), a bare weekday is the nearest on or after the day
  // it reached: "On Monday, protests began".
  if (ctx.narrative && n == 0 && !a.has("dir") && !a.has("anchored") && ctx.last_day &&
      sys_days{*ctx.last_day} > sys_days{*ctx.reference}) {
    base = *ctx.last_day;
    dir = Direction::future;
  }
  auto day = resolve_weekday(base, *d, n, dir);
  if (!day) return std::nullopt;
  // `shift`: "the day before last Tuesday's hearing".
  day = year_month_day{sys_days{*day} + days{a.integer("shift").value_or(0)}};
  return with_mod(apply_part(*Period::make_day(*day), a), mod);
}

std::optional<TimeValue> fn_offset(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  auto unit = unit_of(a.str("unit").value_or("D"));
  if (!unit) return std::nullopt;
  const Mod mod = a.mod();
  const auto n = a.num("n");
  if (!n) {
    const auto raw = a.str("n").value_or("");
    return TimeValue::of(!raw.empty() && raw.front() == '-' ? Ref::past : Ref::future);
  }
  int amount = static_cast<int>(std::lround(*n));
  // "in two weeks" points forward only from the present: in a past-tense sentence ("his second
  // letter in two weeks was published") it is how long something took.
  if (a.has("past_duration") && amount > 0 && direction(a) == Direction::past)
    return TimeValue::of(Duration{*n, *unit}, mod);
  // "two days later" counts from an event the text told of, not from the publication date: a
  // date only in narrative mode, where the reference is the last date the text gave.
  if (a.has("from_event") && !ctx.narrative) return TimeValue::of(Duration{*n, *unit}, mod);
  // Earnings news: "a year earlier" next to a quarter is that quarter a year before.
  if (*unit == Unit::year && quarter_context(ctx) && a.has("quarterly"))
    return with_mod(quarter_context(ctx)->shifted(4 * amount), mod);
  if (*unit == Unit::decade) { amount *= 10; unit = Unit::year; }
  if (*unit == Unit::century) { amount *= 100; unit = Unit::year; }
  if (*unit == Unit::second || *unit == Unit::minute || *unit == Unit::hour) unit = Unit::day, amount = 0;
  const Granularity g = granularity_of(*unit);
  if (!ctx.reference) return unresolved(g, mod);
  const Period base = Period::containing(*ctx.reference, g);
  return with_mod(base.shifted(amount), mod);
}

std::optional<TimeValue> fn_anchored(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  if (const auto unit = unit_of(a.str("unit").value_or("D")); unit && *unit != Unit::day) {
    // "the following year", "that month": the period of the last date the text wrote out in
    // full, else of the reference date.
    const Granularity g = granularity_of(*unit);
    std::optional<year_month_day> base = ctx.reference;
    if (ctx.last_explicit && ctx.last_explicit->granularity() >= g) base = ctx.last_explicit->first_day();
    // "In March, ... The following month": a month named without its year anchors month steps.
    if (g == Granularity::month && ctx.last_month) base = ctx.last_month->first_day();
    if (!base) return unresolved(g, a.mod());
    return with_mod(Period::containing(*base, g).shifted(a.integer("n").value_or(0)), a.mod());
  }
  const auto anchor = ctx.last_day ? ctx.last_day : ctx.reference;
  if (!anchor) return unresolved(Granularity::day, Mod::none);
  return with_mod(Period::make_day(*anchor)->shifted(a.integer("n").value_or(0)), a.mod());
}

std::optional<TimeValue> fn_weekend(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  if (!ctx.reference) return unresolved(Granularity::weekend, a.mod());
  const Period this_weekend = Period::containing(*ctx.reference, Granularity::weekend);
  if (const auto n = a.integer("n"); n && *n != 0) return with_mod(this_weekend.shifted(*n), a.mod());
  if (sys_days{*ctx.reference} >= sys_days{this_weekend.first_day()}) return with_mod(this_weekend, a.mod());
  const int wd = static_cast<int>(date::weekday{sys_days{*ctx.reference}}.iso_encoding());
  Direction dir = direction(a);
  if (dir == Direction::unknown) dir = wd <= 3 ? Direction::past : Direction::future;
  return with_mod(dir == Direction::past ? this_weekend.shifted(-1) : this_weekend, a.mod());
}

/// Quarter, half or season `index` of the year the arguments and direction say.
std::optional<TimeValue> indexed(const Args& a, Granularity g, std::string_view key) {
  const auto index = a.integer(key);
  if (!index) return std::nullopt;
  const Mod mod = a.mod();
  if (const auto y = year_arg(a)) return with_mod(Period::make_indexed(date::year{*y}, g, *index), mod);
  if (!a.ctx().reference) return unresolved(g, mod);
  const Period current = Period::containing(*a.ctx().reference, g);
  int year = static_cast<int>(current.first_day().year());
  if (const auto yrel = a.integer("yrel")) {
    year = static_cast<int>(a.ctx().reference->year()) + *yrel;
  } else if (const auto n = a.integer("n")) {
    if (*n < 0 && *index >= current.index()) --year;
    if (*n > 0 && *index <= current.index()) ++year;
  } else if (direction(a) == Direction::past && *index > current.index()) {
    --year;
  } else if (g == Granularity::season && direction(a) == Direction::future && *index < current.index()) {
    // "in the spring", written in February (the winter of the year before), lies ahead; a
    // quarter is not: "expects to report a third-quarter loss" in October reports the one past.
    ++year;
  }
  return with_mod(Period::make_indexed(date::year{year}, g, *index), mod);
}

std::optional<TimeValue> fn_quarter(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  return indexed(Args(c, args, ctx), Granularity::quarter, "q");
}
std::optional<TimeValue> fn_half(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  return indexed(Args(c, args, ctx), Granularity::half, "h");
}
std::optional<TimeValue> fn_season(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  return indexed(Args(c, args, ctx), Granularity::season, "s");
}

std::optional<TimeValue> fn_quarter_latest(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  // `named`: the quarter the report named ("the quarter", "the latest period"); with a year,
  // that quarter of the year ("the 1988 period").
  std::optional<Period> named;
  if (a.has("named")) named = quarter_context(ctx);
  if (const auto y = year_arg(a)) {
    if (named) return with_mod(Period::make_indexed(date::year{*y}, Granularity::quarter, named->index()), a.mod());
    return with_mod(Period::containing(date::year{*y} / 1 / 1, Granularity::year), a.mod());
  }
  if (named) return with_mod(named, a.mod());
  if (!ctx.reference) return unresolved(Granularity::quarter, a.mod());
  return with_mod(Period::containing(*ctx.reference, Granularity::quarter).shifted(a.integer("n").value_or(-1)), a.mod());
}

std::optional<TimeValue> fn_decade(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto y = a.integer("y");
  if (!y) return std::nullopt;
  return with_mod(Period::containing(date::year{*y} / 1 / 1, Granularity::decade), a.mod());
}

std::optional<TimeValue> fn_century(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto n = a.integer("c");
  if (!n || *n < 1 || *n > 30) return std::nullopt;
  return with_mod(Period::containing(date::year{(*n - 1) * 100} / 1 / 1, Granularity::century), a.mod());
}

std::optional<TimeValue> fn_time(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  std::optional<int> minutes = a.integer("clock");
  if (!minutes) {
    const auto hours = a.integer("h");
    if (!hours) return std::nullopt;
    minutes = *hours * 60;
  }
  const std::string ampm = a.str("ampm").value_or("");
  if (!ampm.empty() && (*minutes < 60 || *minutes >= 13 * 60)) {
    if (*minutes >= 13 * 60) return std::nullopt;   // "15 p.m."
  }
  if (ampm == "pm" && *minutes < 12 * 60) *minutes += 12 * 60;
  if (ampm == "am" && *minutes >= 12 * 60) *minutes -= 12 * 60;
  int day_shift = 0;
  if (*minutes == 24 * 60) { *minutes = 0; day_shift = 1; }
  if (*minutes > 24 * 60) return std::nullopt;
  if (!ctx.reference) {
    TimeValue v;
    v.type = TimexType::time;
    v.value = fmt::format("XXXX-XX-XXT{:02d}:{:02d}", *minutes / 60, *minutes % 60);
    return v;
  }
  year_month_day day = *ctx.reference;
  if (a.has("m") && a.has("md")) {
    std::vector<Arg> date_args;
    for (const Arg& arg : args) {
      if (arg.key == "m" || arg.key == "y") date_args.push_back(arg);
      if (arg.key == "md") date_args.push_back({"d", arg.value, arg.from_slot, arg.negate});
    }
    const auto date = fn_date(c, date_args, ctx);
    if (!date || !date->period) return std::nullopt;
    day = date->period->first_day();
  } else if (const auto d = a.integer("d")) {
    const auto resolved = resolve_weekday(day, *d, 0, direction(a));
    if (!resolved) return std::nullopt;
    day = *resolved;
  }
  day = year_month_day{sys_days{day} + days{day_shift}};
  return with_mod(Period::make_time(day, *minutes), a.mod());
}

std::optional<TimeValue> fn_dur(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto unit = unit_of(a.str("unit").value_or(""));
  if (!unit) return std::nullopt;
  Duration d;
  d.unit = *unit;
  if (auto n = a.num("n")) {
    *n += a.num("ones").value_or(0);   // "twenty-four hours": tens and ones
    if (*n <= 0 || *n > 10000) return std::nullopt;
    if (a.has("half")) *n += 0.5;
    d.amount = *n;
  }
  return TimeValue::of(d, a.mod());
}

/// Normalizes "P1H" to "PT1H", "P1DE" to "P10Y": SET values built from unit codes. A quarter
/// stays one ("every quarter" is P1Q): a set recurs with the calendar's quarters, not any 3 months.
std::string normalize_set_value(const std::string& v) {
  if (v.size() < 3 || v[0] != 'P') return v;
  std::size_t i = 1;
  while (i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.')) ++i;
  if (i == 1) return v;
  const auto unit = unit_of(std::string_view(v).substr(i));
  if (!unit || *unit == Unit::quarter) return v;
  return Duration{std::strtod(v.c_str() + 1, nullptr), *unit}.value();
}

std::optional<TimeValue> fn_set(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  TimeValue t;
  t.type = TimexType::set;
  if (const auto m = a.integer("m")) {   // "each July": XXXX-07
    if (*m < 1 || *m > 12) return std::nullopt;
    t.value = fmt::format("XXXX-{:02d}", *m);
  } else {
    const auto v = a.str("v");
    if (!v || v->empty()) return std::nullopt;
    t.value = normalize_set_value(*v);
  }
  t.quant = a.str("quant").value_or("");
  t.freq = a.str("freq").value_or("");
  return t;
}

std::optional<TimeValue> fn_ref(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto v = a.str("v").value_or("PRESENT_REF");
  if (v == "PAST_REF") return TimeValue::of(Ref::past);
  if (v == "FUTURE_REF") return TimeValue::of(Ref::future);
  return TimeValue::of(Ref::present);
}

/// "25" in "April 24 and 25": a later day of the month of the day named just before.
std::optional<TimeValue> fn_and_day(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto d = a.integer("d");
  if (!d || *d < 1 || !ctx.adjacent_day) return std::nullopt;
  const year_month_day day = ctx.adjacent_day->year() / ctx.adjacent_day->month() / date::day{static_cast<unsigned>(*d)};
  if (!day.ok() || sys_days{day} <= sys_days{*ctx.adjacent_day}) return std::nullopt;
  return with_mod(Period::make_day(day), a.mod());
}

/// The date of holiday `name` ("12-25", "thanksgiving", "easter", "labor", "election" ...) in `year`.
std::optional<year_month_day> holiday_in(std::string_view name, int year) {
  using namespace date;
  const date::year y{year};
  if (name.size() == 5 && name[2] == '-') {
    const unsigned m = static_cast<unsigned>((name[0] - '0') * 10 + (name[1] - '0'));
    const unsigned d = static_cast<unsigned>((name[3] - '0') * 10 + (name[4] - '0'));
    return y / date::month{m} / date::day{d};
  }
  if (name == "thanksgiving") return year_month_day{sys_days{y / November / Thursday[4]}};
  if (name == "labor") return year_month_day{sys_days{y / September / Monday[1]}};
  if (name == "memorial") return year_month_day{sys_days{y / May / Monday[last]}};
  // US Election Day: the Tuesday after the first Monday of November
  if (name == "election") return year_month_day{sys_days{y / November / Monday[1]} + days{1}};
  if (name == "mlk") return year_month_day{sys_days{y / January / Monday[3]}};
  if (name == "presidents") return year_month_day{sys_days{y / February / Monday[3]}};
  if (name == "columbus") return year_month_day{sys_days{y / October / Monday[2]}};
  if (name == "mothers") return year_month_day{sys_days{y / May / Sunday[2]}};
  if (name == "fathers") return year_month_day{sys_days{y / June / Sunday[3]}};
  if (name == "good_friday") {
    const auto easter = holiday_in("easter", year);
    return easter ? std::optional{year_month_day{sys_days{*easter} - days{2}}} : std::nullopt;
  }
  if (name == "easter") {   // anonymous Gregorian computus
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return y / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
  }
  return std::nullopt;
}

std::optional<TimeValue> fn_holiday(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  const Args a(c, args, ctx);
  const auto h = a.str("h");
  if (!h) return std::nullopt;
  if (const auto y = a.integer("y")) {
    const auto d = holiday_in(*h, *y);
    return d ? with_mod(Period::make_day(*d), a.mod()) : std::nullopt;
  }
  if (!ctx.reference) {
    if (const auto d = holiday_in(*h, 2000)) {
      auto p = Period::make_day(*d);
      if (p && h->size() == 5) return with_mod(p->unknown_year(), a.mod());
    }
    return unresolved(Granularity::day, a.mod());
  }
  const auto day = pick_year(*ctx.reference, direction(a), [&](int year) { return holiday_in(*h, year); });
  if (!day) return std::nullopt;
  // "Easter week": the week around the holiday.
  if (a.str("as") == "W") return with_mod(Period::containing(*day, Granularity::week), a.mod());
  return with_mod(Period::make_day(*day), a.mod());
}

/// Runs value function `F` and remembers what later anaphoric expressions anchor on: the last
/// quarter named by its number, and the last date written with its year.
template <ValueFn F>
std::optional<TimeValue> tracked(const Captures& c, const std::vector<Arg>& args, ResolveContext& ctx) {
  std::optional<TimeValue> v = F(c, args, ctx);
  if (!v || !v->period || !v->period->year_known()) return v;
  const Args a(c, args, ctx);
  // Reports compare a quarter that is over; one still running or to come ("the fourth quarter"
  // in October, "the third quarter of 1990") is a forecast. "This year's third quarter" is the
  // reported one; "last year's" is itself the comparison.
  const bool over = !ctx.reference || sys_days{v->period->last_day()} < sys_days{*ctx.reference};
  const bool this_year = a.integer("yrel").value_or(0) == 0;
  // A report names its quarter first; an earlier quarter of the same year named after it is a
  // contrast ("net rose in the third quarter ... after a flat second quarter"), not the report's.
  // A fiscal quarter counts on the company's own calendar: it starts a new report.
  const bool earlier_than_named = ctx.last_quarter && !a.has("fiscal") &&
                                  v->period->granularity() == Granularity::quarter &&
                                  sys_days{v->period->last_day()} < sys_days{ctx.last_quarter->first_day()} &&
                                  v->period->first_day().year() == ctx.last_quarter->first_day().year();
  if (v->period->granularity() == Granularity::quarter && a.has("q") && this_year && !a.has("n") && over &&
      !earlier_than_named)
    ctx.last_quarter = v->period;
  if (year_arg(a)) ctx.last_explicit = v->period;
  if (a.has("m") && (v->period->granularity() == Granularity::month || v->period->granularity() == Granularity::day))
    ctx.last_month = Period::containing(v->period->first_day(), Granularity::month);
  return v;
}

struct FnName {
  std::string_view name;
  ValueFn fn;
};
constexpr FnName kValueFns[] = {
    {"date", tracked<fn_date>}, {"month", tracked<fn_month>}, {"rel", tracked<fn_rel>},
    {"weekday", tracked<fn_weekday>}, {"offset", tracked<fn_offset>}, {"anchored", tracked<fn_anchored>},
    {"weekend", tracked<fn_weekend>}, {"quarter", tracked<fn_quarter>}, {"half", tracked<fn_half>},
    {"season", tracked<fn_season>}, {"quarter_latest", tracked<fn_quarter_latest>}, {"decade", tracked<fn_decade>},
    {"century", tracked<fn_century>}, {"time", tracked<fn_time>}, {"dur", fn_dur}, {"set", fn_set},
    {"ref", fn_ref}, {"holiday", tracked<fn_holiday>}, {"and_day", fn_and_day}};

}  // namespace

ValueFn find_value_fn(std::string_view name) {
  for (const auto& f : kValueFns)
    if (f.name == name) return f.fn;
  return nullptr;
}

}  // namespace chronicle::temporal::detail
