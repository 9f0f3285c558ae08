// TimeML reader: a small non-validating XML tokenizer that strips the tags of a .tml file, keeps
// every element (name, attributes, content span) and maps the remaining text back to file bytes.
//
// What it accepts: the XML declaration and processing instructions, comments, a DOCTYPE (its
// internal subset skipped), CDATA sections, start/end/self-closing tags with single- or
// double-quoted attributes, the five predefined entities and numeric character references.
// What it refuses, with the byte offset: a tag left open at end of file, a mismatched end tag,
// a tag cut off by the end of the file, unknown entities, invalid UTF-8, text outside the root.
//
// One liberty with "character content": sentence-like elements (<s>, TEXT, TITLE, ...) written
// back to back with no whitespace between them ("...2008</s><s>The...", as in the
// actor-timelines articles) get a "\n" inserted between them, mapped to zero bytes at the tag,
// so their words do not run together. Spans of tag contents are unaffected by it.

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chronicle/core/utf8.hpp"
#include "chronicle/ingest/reader.hpp"
#include "chronicle/ingest/timeml.hpp"
#include "xml_text.hpp"

namespace chronicle::ingest {
namespace {

using markup::is_space;

// Elements holding running text of their own; see the note at the top of the file.
constexpr std::array<std::string_view, 20> kBlockElements = {
    "CATEGORY", "DATE_TIME", "DCT",     "DOCID", "DOCNO", "DOCTYPE", "EXTRAINFO", "HEADER", "HEADLINE", "HL",
    "LASTEXTRAINFO", "P",    "SLUG",    "TEXT",  "TITLE", "TRAILER", "TURN",      "p",      "s",        "S"};

bool is_block(std::string_view name) {
  return std::find(kBlockElements.begin(), kBlockElements.end(), name) != kBlockElements.end();
}

bool is_name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
         c == '-' || c == '.' || u >= 0x80;
}

// The five predefined XML entities.
std::optional<char> predefined_entity(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, char>, 5> kTable = {
      {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}}};
  for (const auto& [entity, c] : kTable)
    if (entity == name) return c;
  return std::nullopt;
}

class TimemlParser {
 public:
  TimemlParser(std::string_view path, std::string_view in) : path_(path), in_(in) {}

  Result<TimemlDocument> run();

 private:
  struct Open {
    std::size_t tag;       // index into tags_
    std::size_t raw_at;    // offset of its '<'
  };

  Result<void> markup();
  Result<void> start_tag(std::size_t lt);
  Result<void> end_tag(std::size_t lt);
  Result<void> skip_until(std::size_t lt, std::string_view close, std::string_view what);
  Result<void> skip_doctype(std::size_t lt);
  Result<void> cdata(std::size_t lt);
  Result<void> text_run();
  Result<std::string> decode_entity(std::size_t amp, std::size_t& length) const;
  Result<std::string> attribute_value(std::size_t begin, std::size_t end) const;
  void append(std::string_view decoded, std::size_t raw_begin, std::size_t raw_size, bool copied);
  void mark_block(std::size_t raw_at);
  std::string_view read_name();
  void skip_space() {
    while (pos_ < in_.size() && is_space(in_[pos_])) ++pos_;
  }
  void finish(TimemlDocument& doc);

  std::string_view path_;
  std::string_view in_;
  std::size_t pos_ = 0;
  markup::MappedText out_;
  std::vector<TimemlTag> tags_;
  std::vector<Open> open_;
  std::size_t text_depth_ = 0;           // how many TEXT elements are open
  bool seen_root_ = false;
  bool break_pending_ = false;           // a block tag came since the last character data
  std::size_t break_raw_ = 0;            // where that tag starts
};

Result<TimemlDocument> TimemlParser::run() {
  if (auto bad = utf8::find_invalid(in_)) return fail("{}: byte {}: invalid UTF-8", path_, *bad);
  if (in_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a byte order mark
  while (pos_ < in_.size()) {
    Result<void> step = in_[pos_] == '<' ? markup() : text_run();
    if (!step) return tl::unexpected(step.error());
  }
  if (!open_.empty())
    return fail("{}: byte {}: <{}> is never closed", path_, open_.back().raw_at, tags_[open_.back().tag].name);
  if (!seen_root_) return fail("{}: no TimeML element found", path_);
  TimemlDocument doc;
  finish(doc);
  return doc;
}

Result<void> TimemlParser::markup() {
  std::size_t lt = pos_;
  std::string_view rest = in_.substr(lt);
  if (rest.starts_with("<!--")) return skip_until(lt, "-->", "comment");
  if (rest.starts_with("<![CDATA[")) return cdata(lt);
  if (rest.starts_with("<!")) return skip_doctype(lt);
  if (rest.starts_with("<?")) return skip_until(lt, "?>", "processing instruction");
  if (rest.starts_with("</")) return end_tag(lt);
  return start_tag(lt);
}

Result<void> TimemlParser::skip_until(std::size_t lt, std::string_view close, std::string_view what) {
  std::size_t end = in_.find(close, lt + 2);
  if (end == std::string_view::npos) return fail("{}: byte {}: {} is never closed", path_, lt, what);
  pos_ = end + close.size();
  return {};
}

Result<void> TimemlParser::skip_doctype(std::size_t lt) {
  int brackets = 0;
  for (std::size_t i = lt + 2; i < in_.size(); ++i) {
    if (in_[i] == '[') ++brackets;
    if (in_[i] == ']') --brackets;
    if (in_[i] == '>' && brackets <= 0) {
      pos_ = i + 1;
      return {};
    }
  }
  return fail("{}: byte {}: <!...> declaration is never closed", path_, lt);
}

Result<void> TimemlParser::cdata(std::size_t lt) {
  constexpr std::string_view kOpen = "<![CDATA[";
  std::size_t begin = lt + kOpen.size();
  std::size_t end = in_.find("]]>", begin);
  if (end == std::string_view::npos) return fail("{}: byte {}: CDATA section is never closed", path_, lt);
  if (open_.empty()) return fail("{}: byte {}: CDATA outside the root element", path_, lt);
  append(in_.substr(begin, end - begin), begin, end - begin, true);
  pos_ = end + 3;
  return {};
}

std::string_view TimemlParser::read_name() {
  std::size_t begin = pos_;
  while (pos_ < in_.size() && is_name_char(in_[pos_])) ++pos_;
  return in_.substr(begin, pos_ - begin);
}

Result<void> TimemlParser::start_tag(std::size_t lt) {
  pos_ = lt + 1;
  std::string_view name = read_name();
  if (name.empty()) return fail("{}: byte {}: '<' does not start a tag (write &lt; in text)", path_, lt);
  TimemlTag tag;
  tag.name = std::string(name);
  bool empty_element = false;
  for (;;) {
    skip_space();
    if (pos_ >= in_.size()) return fail("{}: byte {}: tag <{}> is cut off by the end of the file", path_, lt, name);
    if (in_[pos_] == '>' || in_.substr(pos_).starts_with("/>")) {
      empty_element = in_[pos_] == '/';
      pos_ += empty_element ? 2 : 1;
      break;
    }
    std::size_t attr_at = pos_;
    std::string_view attr = read_name();
    skip_space();
    if (attr.empty() || pos_ >= in_.size() || in_[pos_] != '=')
      return fail("{}: byte {}: malformed attribute in tag <{}>", path_, attr_at, name);
    ++pos_;
    skip_space();
    char quote = pos_ < in_.size() ? in_[pos_] : '\0';
    std::size_t close = (quote == '"' || quote == '\'') ? in_.find(quote, pos_ + 1) : std::string_view::npos;
    if (close == std::string_view::npos)
      return fail("{}: byte {}: attribute {} in tag <{}> has no quoted value", path_, attr_at, attr, name);
    auto value = attribute_value(pos_ + 1, close);
    if (!value) return tl::unexpected(value.error());
    tag.attributes.emplace(std::string(attr), std::move(*value));
    pos_ = close + 1;
  }
  if (open_.empty() && seen_root_) return fail("{}: byte {}: a second root element <{}>", path_, lt, name);
  seen_root_ = true;
  if (is_block(tag.name)) mark_block(lt);
  tag.in_body = text_depth_ > 0;
  tag.span = {out_.text.size(), out_.text.size()};
  tags_.push_back(std::move(tag));
  if (!empty_element) {
    open_.push_back({tags_.size() - 1, lt});
    if (tags_.back().name == "TEXT") ++text_depth_;
  }
  return {};
}

Result<void> TimemlParser::end_tag(std::size_t lt) {
  pos_ = lt + 2;
  std::string_view name = read_name();
  skip_space();
  if (pos_ >= in_.size() || in_[pos_] != '>')
    return fail("{}: byte {}: end tag </{}> is not closed with '>'", path_, lt, name);
  ++pos_;
  if (open_.empty()) return fail("{}: byte {}: </{}> closes no open element", path_, lt, name);
  Open top = open_.back();
  TimemlTag& tag = tags_[top.tag];
  if (tag.name != name)
    return fail("{}: byte {}: </{}> does not match <{}> opened at byte {}", path_, lt, name, tag.name, top.raw_at);
  open_.pop_back();
  tag.span.end = out_.text.size();
  if (tag.name == "TEXT") --text_depth_;
  if (is_block(tag.name)) mark_block(lt);
  return {};
}

void TimemlParser::mark_block(std::size_t raw_at) {
  if (break_pending_) return;
  break_pending_ = true;
  break_raw_ = raw_at;
}

// Character data up to the next '<', entities decoded.
Result<void> TimemlParser::text_run() {
  std::size_t end = std::min(in_.find('<', pos_), in_.size());
  if (open_.empty()) {
    for (std::size_t i = pos_; i < end; ++i)
      if (!is_space(in_[i])) return fail("{}: byte {}: text outside the root element", path_, i);
    pos_ = end;
    return {};
  }
  while (pos_ < end) {
    std::size_t amp = std::min(in_.find('&', pos_), end);
    if (amp > pos_) append(in_.substr(pos_, amp - pos_), pos_, amp - pos_, true);
    pos_ = amp;
    if (pos_ == end) break;
    std::size_t length = 0;
    auto decoded = decode_entity(amp, length);
    if (!decoded) return tl::unexpected(decoded.error());
    append(*decoded, amp, length, false);
    pos_ = amp + length;
  }
  return {};
}

// The entity starting at `amp`, decoded; `length` receives its raw length ("&amp;" = 5).
Result<std::string> TimemlParser::decode_entity(std::size_t amp, std::size_t& length) const {
  std::size_t semi = in_.find(';', amp + 1);
  if (semi == std::string_view::npos || semi - amp > 12)
    return fail("{}: byte {}: '&' does not start an entity (write &amp;)", path_, amp);
  std::string_view body = in_.substr(amp + 1, semi - amp - 1);
  length = semi - amp + 1;
  if (auto c = predefined_entity(body)) return std::string(1, *c);
  if (auto cp = markup::numeric_reference(body)) {
    std::string s;
    utf8::append(s, *cp);
    return s;
  }
  return fail("{}: byte {}: unknown entity &{};", path_, amp, body);
}

Result<std::string> TimemlParser::attribute_value(std::size_t begin, std::size_t end) const {
  std::string value;
  for (std::size_t i = begin; i < end;) {
    std::size_t amp = std::min(in_.find('&', i), end);
    value += in_.substr(i, amp - i);
    if ((i = amp) == end) break;
    std::size_t length = 0;
    auto decoded = decode_entity(i, length);
    if (!decoded || i + length > end) return fail("{}: byte {}: bad entity in attribute value", path_, i);
    value += *decoded;
    i += length;
  }
  return value;
}

// Appends character data, first inserting the pending block separator when both sides of it
// would otherwise touch.
void TimemlParser::append(std::string_view decoded, std::size_t raw_begin, std::size_t raw_size, bool copied) {
  if (decoded.empty()) return;
  if (break_pending_) {
    break_pending_ = false;
    std::string& text = out_.text;
    if (!text.empty() && !is_space(text.back()) && !is_space(decoded.front())) {
      std::size_t at = text.size();
      out_.put("\n", break_raw_, 0);
      // Elements opened since the last character data start after the separator.
      for (auto it = open_.rbegin(); it != open_.rend() && tags_[it->tag].span.begin == at; ++it)
        tags_[it->tag].span.begin = at + 1;
    }
  }
  if (copied)
    out_.copy(decoded, raw_begin);
  else
    out_.put(decoded, raw_begin, raw_size);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// `s` trimmed, with every whitespace run made one space (titles span lines in TimeBank).
std::string collapsed(std::string_view s) {
  std::string out;
  for (char c : trimmed(s)) {
    if (!is_space(c))
      out += c;
    else if (out.back() != ' ')
      out += ' ';
  }
  return out;
}

void TimemlParser::finish(TimemlDocument& doc) {
  doc.text = std::move(out_.text);
  doc.map = std::move(out_.map);
  doc.body = {0, doc.text.size()};
  bool have_body = false, have_dct = false, have_id = false;
  for (const TimemlTag& tag : tags_) {
    if (tag.name == "TEXT" && !have_body) {
      doc.body = tag.span;
      have_body = true;
    } else if (tag.name == "DOCID" && !have_id) {
      doc.doc_id = std::string(trimmed(tag.span.of(doc.text)));
      have_id = true;
    } else if (tag.name == "TIMEX3" && !have_dct) {
      auto function = tag.attributes.find("functionInDocument");
      auto value = tag.attributes.find("value");
      if (function == tag.attributes.end() || function->second != "CREATION_TIME" || value == tag.attributes.end())
        continue;
      have_dct = true;
      if (auto day = parse_iso_date(value->second)) doc.dct = *day;
    }
  }
  doc.tags = std::move(tags_);
}

// TITLE or HEADLINE; else an EXTRAINFO written on one line that is not the DOCID's catalogue
// entry (the actor-timelines articles keep their headline there; TimeBank keeps wire metadata).
std::string title_of(const TimemlDocument& tml) {
  auto first = [&](std::string_view name) {
    return std::find_if(tml.tags.begin(), tml.tags.end(), [&](const TimemlTag& t) { return t.name == name; });
  };
  for (std::string_view name : {"TITLE", "HEADLINE"})
    if (auto it = first(name); it != tml.tags.end()) return collapsed(it->span.of(tml.text));
  auto extra = first("EXTRAINFO");
  if (extra == tml.tags.end()) return {};
  std::string_view content = trimmed(extra->span.of(tml.text));
  bool catalogue = !tml.doc_id.empty() && content.find(tml.doc_id) != std::string_view::npos;
  if (catalogue || content.find('\n') != std::string_view::npos) return {};
  return std::string(content);
}

}  // namespace

Result<TimemlDocument> parse_timeml(std::string_view path, std::string_view bytes) {
  return TimemlParser(path, bytes).run();
}

Result<Document> read_timeml(std::string path, std::string bytes) {
  if (bytes.empty()) return fail("{}: empty file", path);
  if (utf8::looks_binary(bytes)) return fail("{}: binary file, not TimeML", path);
  auto tml = parse_timeml(path, bytes);
  if (!tml) return tl::unexpected(tml.error());
  Document doc;
  doc.id = std::filesystem::path(path).stem().string();
  doc.title = title_of(*tml);
  if (tml->dct) {
    doc.dct = tml->dct;
    doc.dct_source = DctSource::metadata;
  }
  doc.path = std::move(path);
  doc.format = Format::timeml;
  doc.text = std::move(tml->text);
  doc.body = tml->body;
  doc.map = std::move(tml->map);
  doc.raw = std::move(bytes);
  return doc;
}

}  // namespace chronicle::ingest
