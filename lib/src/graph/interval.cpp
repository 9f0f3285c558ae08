// Day intervals of time anchors, and Allen-style relations between them at day granularity.

#include <array>
#include <utility>

#include <fmt/format.h>

#include "chronicle/events/serialize.hpp"
#include "internal.hpp"

namespace chronicle::graph::detail {
namespace {

constexpr std::array<std::pair<std::string_view, int>, 11> kRanks{{{"day", 0},
                                                                   {"time", 0},
                                                                   {"weekend", 1},
                                                                   {"week", 1},
                                                                   {"month", 2},
                                                                   {"quarter", 3},
                                                                   {"season", 3},
                                                                   {"half", 3},
                                                                   {"year", 4},
                                                                   {"decade", 5},
                                                                   {"century", 6}}};

}  // namespace

int granularity_rank(std::string_view granularity) {
  for (const auto& [name, rank] : kRanks)
    if (name == granularity) return rank;
  return -1;
}

std::optional<Interval> interval_of(const std::optional<events::TimeAnchor>& time) {
  if (!time || !time->begin) return std::nullopt;
  // PAST_REF, PRESENT_REF, FUTURE_REF: a side of the publication date, no interval to compare
  // or merge on.
  if (time->value.ends_with("_REF")) return std::nullopt;
  date::sys_days end = time->end ? *time->end : *time->begin;
  if (end < *time->begin) return std::nullopt;
  int rank = granularity_rank(time->granularity);
  if (rank < 0) {  // unknown name: rank by width
    auto days = (end - *time->begin).count();
    rank = days < 1 ? 0 : days < 7 ? 1 : days < 31 ? 2 : days < 92 ? 3 : days < 366 ? 4 : 5;
  }
  return Interval{*time->begin, end, rank};
}

RelationType relate(const Interval& a, const Interval& b) {
  if (a.end < b.begin) return RelationType::before;
  if (b.end < a.begin) return RelationType::after;
  if (a.begin == b.begin && a.end == b.end) return RelationType::simultaneous;
  if (a.begin <= b.begin && b.end <= a.end) return RelationType::includes;
  if (b.begin <= a.begin && a.end <= b.end) return RelationType::is_included;
  return RelationType::overlap;
}

std::string describe(const Interval& i) {
  if (i.begin == i.end) return events::format_day(i.begin);
  return events::format_day(i.begin) + ".." + events::format_day(i.end);
}

std::string describe(const events::TimeAnchor& t) {
  auto i = interval_of(t);
  if (!i) return t.value;
  std::string span = describe(*i);
  return span == t.value ? span : fmt::format("{} ({})", t.value, span);
}

std::string quote(const events::Mention& m) {
  std::string_view text = m.sentence_text;
  std::size_t size = std::min<std::size_t>(text.size(), 240);
  while (size < text.size() && size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;  // whole characters
  std::string cut(text.substr(0, size));
  if (size < text.size()) cut += "…";
  return fmt::format("{}: “{}”", m.doc, cut);
}

}  // namespace chronicle::graph::detail
