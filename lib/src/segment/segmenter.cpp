// Segmentation: lines -> blocks -> units -> sentences.
//
// A block is a run of non-blank lines; a blank line always ends a sentence. Inside a block each
// newline is either hard (ends a sentence, the next line starts a paragraph) or soft (plain white
// space). Web text usually puts one paragraph per line, with a headline line that has no final
// punctuation, so newlines are hard — unless the next line starts in lower case after a line with
// no terminal mark. A block that looks hard-wrapped (at least three lines, all short, most ending
// mid-sentence) is prose: its newlines are soft except before an indented line or after a short
// line (a headline, a paragraph's last line). Boilerplate lines always stand alone.
// A unit is a maximal run of lines joined by soft newlines; sentence_ends() splits it.
#include <algorithm>

#include "chars.hpp"
#include "chronicle/segment/segmenter.hpp"
#include "lexicon.hpp"
#include "tokenizer.hpp"

namespace chronicle::segment {
namespace {

using detail::Case;
using detail::CharClass;

constexpr std::size_t kMaxWrappedLine = 120;  // bytes; wrapped text is set at 60-80 columns
constexpr std::size_t kMinWrappedLine = 40;

struct Line {
  TextSpan span;          // trimmed of white space
  bool indented = false;  // starts with white space
  bool boilerplate = false;
  bool terminal = false;    // ends with . ? ! … or : (closing quotes and brackets aside)
  bool lower_start = false; // starts with a lower-case letter
};

bool ends_with_terminal(std::string_view s) {
  while (!s.empty()) {
    std::size_t lead = s.size() - 1;
    while (lead > 0 && s.size() - lead < 4 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
    char32_t cp = detail::char_at(s, lead).cp;
    if (cp == '.' || cp == ':' || cp == U'\u2026' || detail::is_strong_terminal(cp)) return true;
    if (!(detail::is_closing(cp) || cp == '"' || cp == '\'')) return false;
    s = s.substr(0, lead);
  }
  return false;
}

std::vector<Line> lines_of(std::string_view text, TextSpan range) {
  std::vector<Line> lines;
  std::size_t pos = range.begin;
  while (pos < range.end) {
    // Lines end at \n, \r\n or an old Mac \r; two memchr scans beat find_first_of's byte loop.
    std::size_t end = std::min(text.find('\n', pos), range.end);
    end = std::min(text.substr(0, end).find('\r', pos), end);
    std::size_t next = end + (end + 1 < range.end && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
    Line line;
    line.span = detail::trim(text, TextSpan{pos, end});
    line.indented = line.span.begin > pos;
    if (!line.span.empty()) {
      std::string_view s = line.span.of(text);
      detail::Char first = detail::char_at(s, 0);
      line.lower_start = first.cls == CharClass::letter && first.letter_case == Case::lower;
      line.terminal = ends_with_terminal(s);
      line.boilerplate = is_boilerplate_line(s);
    }
    lines.push_back(line);
    pos = next;
  }
  return lines;
}

// Hard-wrapped prose: >= 3 content lines, none long, most of those before the last near full
// width (a list of short items is not prose) and ending mid-sentence.
bool looks_wrapped(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
  std::size_t count = 0;
  std::size_t open = 0;
  std::size_t wide = 0;
  std::size_t last_content = last;
  for (std::size_t k = first; k < last; ++k)
    if (!lines[k].boilerplate) last_content = k;
  for (std::size_t k = first; k < last; ++k) {
    if (lines[k].boilerplate) continue;
    if (lines[k].span.size() > kMaxWrappedLine) return false;
    ++count;
    if (k == last_content) continue;
    if (!lines[k].terminal) ++open;
    if (lines[k].span.size() >= kMinWrappedLine) ++wide;
  }
  std::size_t before_last = count - (count > 0 ? 1 : 0);
  return count >= 3 && open >= 2 && 2 * open >= before_last && 3 * wide >= 2 * before_last;
}

class Segmenter {
 public:
  Segmenter(std::string_view text, const detail::Lexicon& lex) : text_(text), lex_(lex) {}

  std::vector<Sentence> run(TextSpan range) {
    std::vector<Line> lines = lines_of(text_, range);
    std::size_t k = 0;
    while (k < lines.size()) {
      if (lines[k].span.empty()) {
        ++k;
        continue;
      }
      std::size_t last = k;
      while (last < lines.size() && !lines[last].span.empty()) ++last;
      block(lines, k, last);
      k = last;
    }
    return std::move(out_);
  }

 private:
  void block(const std::vector<Line>& lines, std::size_t first, std::size_t last) {
    bool wrapped = looks_wrapped(lines, first, last);
    std::size_t longest = 0;
    for (std::size_t k = first; k < last; ++k) longest = std::max(longest, lines[k].span.size());
    std::size_t k = first;
    while (k < last) {
      if (lines[k].boilerplate) {
        unit(lines[k].span, false);
        ++k;
        continue;
      }
      std::size_t end = k + 1;
      while (end < last && !lines[end].boilerplate && soft(lines[end - 1], lines[end], wrapped, longest)) ++end;
      unit(TextSpan{lines[k].span.begin, lines[end - 1].span.end}, true);
      k = end;
    }
  }

  // Whether the newline between `prev` and `next` is plain white space.
  static bool soft(const Line& prev, const Line& next, bool wrapped, std::size_t longest) {
    if (next.lower_start && !prev.terminal) return true;
    if (!wrapped) return false;
    if (next.indented && !prev.indented) return false;
    bool short_line = prev.span.size() * 5 < longest * 3;
    return !(short_line && !next.lower_start);
  }

  void unit(TextSpan span, bool content) {
    tokens_.clear();
    detail::tokenize_into(text_, span, lex_, tokens_);
    if (tokens_.empty()) return;
    ends_.clear();
    if (content)
      detail::sentence_ends(text_, tokens_, lex_, ends_);
    else
      ends_.push_back(tokens_.size());
    std::size_t begin = 0;
    for (std::size_t end : ends_) {
      Sentence s;
      s.span = TextSpan{tokens_[begin].span.begin, tokens_[end - 1].span.end};
      s.content = content;
      s.paragraph_start = begin == 0;
      s.tokens.assign(tokens_.begin() + static_cast<std::ptrdiff_t>(begin),
                      tokens_.begin() + static_cast<std::ptrdiff_t>(end));
      out_.push_back(std::move(s));
      begin = end;
    }
  }

  std::string_view text_;
  const detail::Lexicon& lex_;
  std::vector<Sentence> out_;
  std::vector<Token> tokens_;     // scratch, reused across units
  std::vector<std::size_t> ends_; // scratch
};

TextSpan clamp(std::string_view text, TextSpan range) {
  range.end = std::min(range.end, text.size());
  range.begin = std::min(range.begin, range.end);
  return range;
}

}  // namespace

std::vector<Sentence> segment(std::string_view text, TextSpan range) {
  range = clamp(text, range);
  if (range.empty()) return {};
  return Segmenter(text, detail::lexicon()).run(range);
}

std::vector<Token> tokenize(std::string_view text, TextSpan range) {
  range = clamp(text, range);
  std::vector<Token> tokens;
  if (!range.empty()) detail::tokenize_into(text, range, detail::lexicon(), tokens);
  return tokens;
}

AbbreviationEnd abbreviation_end(std::string_view word) {
  switch (detail::lexicon().abbreviation(word)) {
    case detail::AbbrevClass::none: return AbbreviationEnd::none;
    case detail::AbbrevClass::title:
    case detail::AbbrevClass::number:
    case detail::AbbrevClass::never_final: return AbbreviationEnd::never;
    default: return AbbreviationEnd::maybe;
  }
}

bool is_sentence_starter(std::string_view word) { return detail::lexicon().is_sentence_starter(word); }

}  // namespace chronicle::segment
