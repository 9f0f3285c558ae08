// Publication-date inference. Three kinds of evidence, strongest first:
//   1. a dateline opening the text: "MOSCOW, Dec 15 (Reuters) -", "WASHINGTON (AP) Dec. 15, 2015 -"
//   2. a "Published"/"Updated"/"Posted" line with a full date
//   3. a full date whose weekday agrees with it: "Moscow Tuesday, Dec. 15, 2015"; the latest wins,
//      since an article is published on or after the days it reports.
// A dateline without a year borrows the latest year written in the text; with no year at all
// nothing is inferred.

#include <array>
#include <cctype>

#include "chronicle/ingest/dct_inference.hpp"

namespace chronicle::ingest {
namespace {

struct Name {
  std::string_view text;
  unsigned value;
};

constexpr std::array<Name, 24> kMonths{{{"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
                                        {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
                                        {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
                                        {"jan", 1},       {"feb", 2},      {"mar", 3},       {"apr", 4},
                                        {"jun", 6},       {"jul", 7},      {"aug", 8},       {"sep", 9},
                                        {"sept", 9},      {"oct", 10},     {"nov", 11},      {"dec", 12}}};

constexpr std::array<Name, 14> kWeekdays{{{"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3},
                                          {"thursday", 4}, {"friday", 5}, {"saturday", 6}, {"sun", 0},
                                          {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}}};

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// A cursor over the text that reads words, numbers and separators.
class Scanner {
 public:
  Scanner(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
  std::size_t pos() const { return pos_; }

  void skip_spaces() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  bool eat(char c) {
    skip_spaces();
    if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
    return false;
  }
  std::string word() {
    skip_spaces();
    std::string w;
    while (pos_ < text_.size() && is_alpha(text_[pos_]))
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(text_[pos_++])));
    return w;
  }
  // A number of 1 to max_digits digits not followed by another digit, or -1.
  int number(std::size_t max_digits) {
    skip_spaces();
    std::size_t start = pos_;
    int value = 0;
    while (pos_ < text_.size() && is_digit(text_[pos_]) && pos_ - start < max_digits) value = value * 10 + (text_[pos_++] - '0');
    if (pos_ == start || (pos_ < text_.size() && is_digit(text_[pos_]))) return pos_ = start, -1;
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

template <std::size_t N>
int lookup(const std::array<Name, N>& names, std::string_view word) {
  for (const Name& n : names)
    if (n.text == word) return static_cast<int>(n.value);
  return -1;
}

// "Dec. 15, 2015" / "December 15 2015" / "15 December 2015" at `pos`; year -1 when absent.
struct Found {
  int year = -1, month = -1, day = -1;
  int weekday = -1;
  std::size_t begin = 0, end = 0;
};

std::optional<Found> month_day_year(std::string_view text, std::size_t pos) {
  Scanner s(text, pos);
  Found f;
  f.begin = pos;
  std::string w = s.word();
  if (int m = lookup(kMonths, w); m > 0) {
    s.eat('.');
    f.month = m;
    f.day = s.number(2);
    if (f.day < 1) return std::nullopt;
    std::size_t after_day = s.pos();
    s.eat(',');
    f.year = s.number(4);
    f.end = f.year > 0 ? s.pos() : after_day;
  } else if (w.empty()) {
    f.day = s.number(2);
    if (f.day < 1) return std::nullopt;
    f.month = lookup(kMonths, s.word());
    if (f.month < 1) return std::nullopt;
    s.eat('.');
    std::size_t after_month = s.pos();
    s.eat(',');
    f.year = s.number(4);
    f.end = f.year > 0 ? s.pos() : after_month;
  } else {
    return std::nullopt;
  }
  return f;
}

std::optional<date::year_month_day> to_day(const Found& f) {
  if (f.year < 1000 || f.year > 2999) return std::nullopt;
  date::year_month_day d{date::year{f.year}, date::month{static_cast<unsigned>(f.month)}, date::day{static_cast<unsigned>(f.day)}};
  if (!d.ok()) return std::nullopt;
  return d;
}

// The latest plausible year (1900-2099) written anywhere in the text, or -1.
int latest_year(std::string_view text) {
  int best = -1;
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((i > 0 && is_digit(text[i - 1])) || (i + 4 < text.size() && is_digit(text[i + 4]))) continue;
    if (!(text[i] == '1' && text[i + 1] == '9') && !(text[i] == '2' && text[i + 1] == '0')) continue;
    if (!is_digit(text[i + 2]) || !is_digit(text[i + 3])) continue;
    int y = (text[i] - '0') * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    best = std::max(best, y);
  }
  return best;
}

// 1. A dateline: an upper-case place at the start of the first content line, a comma or an
//    agency in brackets, then a date, then a dash or an agency.
std::optional<InferredDate> dateline(std::string_view text) {
  std::size_t pos = text.find_first_not_of(" \t\r\n");
  if (pos == std::string_view::npos) return std::nullopt;
  std::size_t line_end = std::min(text.find('\n', pos), text.size());
  std::size_t i = pos;
  while (i < line_end && (std::isupper(static_cast<unsigned char>(text[i])) || text[i] == ' ' || text[i] == '.' || text[i] == '-' || text[i] == '\''))
    ++i;
  if (i - pos < 3) return std::nullopt;
  Scanner s(text, i);
  if (!s.eat(',') && !s.eat('(')) return std::nullopt;
  // A region or country after the place: "BEIRUT, Lebanon, March 3, 2014".
  if (text[s.pos() - 1] == ',') {
    Scanner region = s;
    std::string word = region.word();
    if (!word.empty() && lookup(kMonths, word) < 0 && lookup(kWeekdays, word) < 0 && region.eat(',')) s = region;
  }
  // Optional agency in brackets before the date: "WASHINGTON (AP) Dec. 15 -"
  if (text[s.pos() - 1] == '(') {
    std::size_t close = text.find(')', s.pos());
    if (close == std::string_view::npos || close > line_end) return std::nullopt;
    s = Scanner(text, close + 1);
    s.eat(',');
    s.eat('-');
  }
  s.skip_spaces();
  Scanner w = s;
  std::string maybe_weekday = w.word();
  if (lookup(kWeekdays, maybe_weekday) >= 0) {
    w.eat('.');
    w.eat(',');
    s = w;
    s.skip_spaces();
  }
  auto f = month_day_year(text, s.pos());
  if (!f || f->end > line_end) return std::nullopt;
  if (f->year < 0) f->year = latest_year(text);
  auto day = to_day(*f);
  if (!day) return std::nullopt;
  return InferredDate{*day, {pos, f->end}};
}

// 2 and 3: full dates with a "Published" cue or a matching weekday before them.
std::optional<InferredDate> stated_date(std::string_view text) {
  std::optional<InferredDate> published, latest_weekday;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_alpha(text[i]) || (i > 0 && is_alpha(text[i - 1]))) continue;
    Scanner s(text, i);
    std::string w = s.word();
    std::size_t word_end = s.pos();
    int weekday = lookup(kWeekdays, w);
    bool cue = w == "published" || w == "updated" || w == "posted";
    if (weekday < 0 && !cue) continue;
    s.eat('.');
    s.eat(',');
    s.eat(':');
    if (cue) {
      Scanner on = s;
      if (on.word() == "on") s = on;
    }
    s.skip_spaces();
    auto f = month_day_year(text, s.pos());
    if (!f) continue;
    auto day = f->year > 0 ? to_day(*f) : std::nullopt;
    if (!day) continue;
    InferredDate found{*day, {i, f->end}};
    if (cue && !published) published = found;
    if (weekday >= 0 && date::weekday{date::sys_days{*day}}.c_encoding() == static_cast<unsigned>(weekday) &&
        (!latest_weekday || latest_weekday->day < *day))
      latest_weekday = found;
    i = word_end;
  }
  return published ? published : latest_weekday;
}

}  // namespace

std::optional<InferredDate> infer_dct(std::string_view text) {
  if (auto d = dateline(text)) return d;
  return stated_date(text);
}

}  // namespace chronicle::ingest
