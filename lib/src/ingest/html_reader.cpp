// HTML reader: a news web page in, its headline, publication date, address, outlet and main
// text out. Parsing is lenient, as browsers are: unclosed and stray tags, unquoted attributes
// and bad bytes never fail a page; only empty and binary files do.
//
// Pipeline: tokenize (tags, text runs, script/style contents) -> match elements (an end tag
// closes the nearest open element of its name and everything opened inside it) -> pick the main
// region (the largest <article>, else itemprop=articleBody, else <main>/role=main, else <body>)
// -> read metadata from <meta>, <link>, <title>, <h1>, <time> and JSON-LD -> write the region's
// text, dropping boilerplate elements (script, nav, aside, ads by class name...).
//
// The text holds the main text only; the headline is Document::title and is not prepended, so
// every byte of `text` maps to bytes of the article in the page. Block elements separate
// paragraphs with "\n\n" (<br>, <li>, <tr> with "\n"); whitespace runs (&nbsp; and U+00A0
// included) become one space. Separators map to the tag that caused them, spaces to the
// whitespace they replace, entities to the whole entity. Bytes that are not UTF-8 are read as
// Windows-1252 (how browsers read unlabelled legacy pages), each mapped to its one raw byte.

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "chronicle/core/utf8.hpp"
#include "chronicle/ingest/reader.hpp"
#include "xml_text.hpp"

namespace chronicle::ingest {
namespace {

using markup::is_space;

// ---------------------------------------------------------------------------------------------
// Character references

// HTML 4 names of U+00A0..U+00FF, in code point order.
constexpr std::array<std::string_view, 96> kLatin1Entities = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// Other named references common in news pages.
constexpr std::array<std::pair<std::string_view, char32_t>, 45> kOtherEntities = {{
    {"amp", U'&'},         {"lt", U'<'},          {"gt", U'>'},         {"quot", U'"'},        {"apos", U'\''},
    {"OElig", U'\u0152'},  {"oelig", U'\u0153'},  {"Scaron", U'\u0160'}, {"scaron", U'\u0161'}, {"Yuml", U'\u0178'},
    {"fnof", U'\u0192'},   {"circ", U'\u02C6'},   {"tilde", U'\u02DC'}, {"ensp", U'\u2002'},   {"emsp", U'\u2003'},
    {"thinsp", U'\u2009'}, {"zwnj", U'\u200C'},   {"zwj", U'\u200D'},   {"lrm", U'\u200E'},    {"rlm", U'\u200F'},
    {"ndash", U'\u2013'},  {"mdash", U'\u2014'},  {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'},  {"sbquo", U'\u201A'},
    {"ldquo", U'\u201C'},  {"rdquo", U'\u201D'},  {"bdquo", U'\u201E'}, {"dagger", U'\u2020'}, {"Dagger", U'\u2021'},
    {"bull", U'\u2022'},   {"hellip", U'\u2026'}, {"permil", U'\u2030'}, {"prime", U'\u2032'}, {"Prime", U'\u2033'},
    {"lsaquo", U'\u2039'}, {"rsaquo", U'\u203A'}, {"euro", U'\u20AC'},  {"trade", U'\u2122'},  {"larr", U'\u2190'},
    {"rarr", U'\u2192'},   {"minus", U'\u2212'},  {"hyphen", U'\u2010'}, {"dash", U'\u2010'},  {"NewLine", U'\n'},
}};

// Windows-1252 0x80..0x9F (the rest of the byte range is Latin-1); undefined bytes map to
// themselves, as browsers do.
constexpr std::array<char32_t, 32> kCp1252 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t from_cp1252(unsigned char byte) { return byte >= 0x80 && byte < 0xA0 ? kCp1252[byte - 0x80u] : byte; }

std::optional<char32_t> named_entity(std::string_view name) {
  for (std::size_t i = 0; i < kLatin1Entities.size(); ++i)
    if (kLatin1Entities[i] == name) return static_cast<char32_t>(0xA0 + i);
  for (const auto& [entity, cp] : kOtherEntities)
    if (entity == name) return cp;
  return std::nullopt;
}

// The reference starting at in[at] == '&' (before `end`): its code point and raw length.
std::optional<std::pair<char32_t, std::size_t>> entity_at(std::string_view in, std::size_t at, std::size_t end) {
  std::size_t limit = std::min(end, at + 34);
  std::size_t semi = at + 1;
  while (semi < limit && in[semi] != ';' && in[semi] != '&' && !is_space(in[semi]) && in[semi] != '<') ++semi;
  if (semi >= limit || in[semi] != ';') return std::nullopt;
  std::string_view body = in.substr(at + 1, semi - at - 1);
  std::optional<char32_t> cp;
  if (!body.empty() && body[0] == '#') {
    cp = markup::numeric_reference(body);
    if (!cp) cp = U'\uFFFD';
    if (*cp >= 0x80 && *cp < 0xA0) cp = from_cp1252(static_cast<unsigned char>(*cp));
  } else {
    cp = named_entity(body);
  }
  if (!cp) return std::nullopt;
  return std::pair{*cp, semi - at + 1};
}

// Entities decoded, whitespace collapsed, trimmed: for titles and attribute values.
std::string clean_text(std::string_view in) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < in.size();) {
    char32_t cp = 0;
    if (in[i] == '&') {
      if (auto e = entity_at(in, i, in.size())) {
        cp = e->first;
        i += e->second;
      } else {
        cp = U'&';
        ++i;
      }
    } else {
      std::size_t at = i;
      cp = utf8::decode(in, i);
      if (i - at == 1 && static_cast<unsigned char>(in[at]) >= 0x80) cp = from_cp1252(static_cast<unsigned char>(in[at]));
    }
    if (cp < 0x80 && is_space(static_cast<char>(cp))) {
      space = !out.empty();
    } else if (cp == 0xA0) {
      space = !out.empty();
    } else if (cp >= 0x20 && cp != 0xAD && cp != 0xFEFF) {
      if (space) out += ' ';
      space = false;
      utf8::append(out, cp);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens and elements

struct Attribute {
  std::string name;   // lower case
  std::string value;  // as written (decode with clean_text when needed)
};

struct Token {
  enum class Kind { text, start, end, raw_text };
  Kind kind = Kind::text;
  std::size_t begin = 0, end = 0;  // raw bytes: the whole tag, or the text run / element content
  std::string name;                // tags: lower case
  std::vector<Attribute> attributes;
  bool self_closing = false;
  std::size_t close = 0;           // start tags: index of the token ending the element
  bool in_article = false;         // start tags: inside an <article>

  const std::string* attribute(std::string_view key) const {
    for (const Attribute& a : attributes)
      if (a.name == key) return &a.value;
    return nullptr;
  }
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True for the characters that end a tag name.
bool ends_name(char c) { return is_space(c) || c == '/' || c == '>'; }

constexpr std::array<std::string_view, 14> kVoidElements = {"area", "base", "br",   "col",   "embed",  "hr",  "img",
                                                            "input", "link", "meta", "param", "source", "track", "wbr"};
// Elements whose content is not markup.
constexpr std::array<std::string_view, 9> kRawTextElements = {"script", "style",  "noscript", "textarea", "title",
                                                              "xmp",    "iframe", "noembed",  "noframes"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view in) : in_(in) {}
  std::vector<Token> run();

 private:
  void markup();
  void start_tag();
  void end_tag();
  void raw_text(std::string_view name);
  void text(std::size_t from);
  void skip_past(std::string_view close, std::size_t from) {
    std::size_t end = in_.find(close, from);
    pos_ = end == std::string_view::npos ? in_.size() : end + close.size();
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
};

std::vector<Token> Tokenizer::run() {
  while (pos_ < in_.size()) {
    if (in_[pos_] == '<')
      markup();
    else
      text(pos_);
  }
  return std::move(tokens_);
}

void Tokenizer::markup() {
  std::string_view rest = in_.substr(pos_);
  if (rest.starts_with("<!--")) return skip_past("-->", pos_ + 4);
  if (rest.starts_with("<!") || rest.starts_with("<?")) return skip_past(">", pos_ + 2);
  if (rest.size() > 2 && rest[1] == '/' && is_letter(rest[2])) return end_tag();
  if (rest.size() > 1 && is_letter(rest[1])) return start_tag();
  if (rest.starts_with("</")) return skip_past(">", pos_ + 2);  // "</>", "</ 3": ignored, as browsers do
  text(pos_ + 1);                                                 // a lone '<' is text
}

// A text run from pos_, at least up to `from`, until the next '<'.
void Tokenizer::text(std::size_t from) {
  std::size_t end = std::min(in_.find('<', from), in_.size());
  if (!tokens_.empty() && tokens_.back().kind == Token::Kind::text && tokens_.back().end == pos_)
    tokens_.back().end = end;
  else
    tokens_.push_back({Token::Kind::text, pos_, end, {}, {}, false, 0, false});
  pos_ = end;
}

void Tokenizer::start_tag() {
  Token tag{Token::Kind::start, pos_, pos_, {}, {}, false, 0, false};
  std::size_t i = pos_ + 1;
  while (i < in_.size() && !ends_name(in_[i])) ++i;
  tag.name = lowered(in_.substr(pos_ + 1, i - pos_ - 1));
  for (;;) {
    while (i < in_.size() && (is_space(in_[i]) || in_[i] == '/')) ++i;
    if (i >= in_.size() || in_[i] == '>') break;
    std::size_t name_at = i++;  // a name may start with '='
    while (i < in_.size() && !ends_name(in_[i]) && in_[i] != '=') ++i;
    Attribute attr{lowered(in_.substr(name_at, i - name_at)), {}};
    while (i < in_.size() && is_space(in_[i])) ++i;
    if (i < in_.size() && in_[i] == '=') {
      ++i;
      while (i < in_.size() && is_space(in_[i])) ++i;
      char quote = i < in_.size() ? in_[i] : '\0';
      std::size_t value_at = (quote == '"' || quote == '\'') ? ++i : i;
      if (quote == '"' || quote == '\'')
        i = std::min(in_.find(quote, i), in_.size());
      else
        while (i < in_.size() && !is_space(in_[i]) && in_[i] != '>') ++i;
      attr.value = std::string(in_.substr(value_at, i - value_at));
      if (i < in_.size() && (quote == '"' || quote == '\'')) ++i;
    }
    tag.attributes.push_back(std::move(attr));
  }
  tag.self_closing = i > 0 && i < in_.size() && in_[i - 1] == '/';
  pos_ = tag.end = std::min(i + 1, in_.size());
  std::string name = tag.name;
  bool raw = !tag.self_closing && one_of(kRawTextElements, name);
  tokens_.push_back(std::move(tag));
  if (raw) raw_text(name);
}

// The content of a script/style/title... element, up to its end tag (or the end of the file).
void Tokenizer::raw_text(std::string_view name) {
  std::size_t begin = pos_, end = pos_;
  for (;; ++end) {
    end = std::min(in_.find("</", end), in_.size());
    if (end == in_.size()) break;
    std::string_view after = in_.substr(end + 2);
    if (after.size() >= name.size() && iequals(after.substr(0, name.size()), name) &&
        (after.size() == name.size() || ends_name(after[name.size()])))
      break;
  }
  tokens_.push_back({Token::Kind::raw_text, begin, end, std::string(name), {}, false, 0, false});
  pos_ = end;
}

void Tokenizer::end_tag() {
  std::size_t i = pos_ + 2;
  while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>') ++i;
  std::string name = lowered(in_.substr(pos_ + 2, i - pos_ - 2));
  std::size_t end = std::min(in_.find('>', i), in_.size());
  tokens_.push_back({Token::Kind::end, pos_, std::min(end + 1, in_.size()), std::move(name), {}, false, 0, false});
  pos_ = tokens_.back().end;
}

// Sets every start tag's `close` and `in_article`. An end tag closes the nearest open element of
// its name and everything opened inside it; an end tag with no open element is ignored.
void match_elements(std::vector<Token>& tokens) {
  std::vector<std::size_t> open;
  std::unordered_map<std::string, std::size_t> open_count;
  std::size_t articles = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    if (t.kind == Token::Kind::start) {
      t.in_article = articles > 0;
      t.close = i + 1;
      if (t.self_closing || one_of(kVoidElements, t.name)) continue;
      open.push_back(i);
      ++open_count[t.name];
      if (t.name == "article") ++articles;
    } else if (t.kind == Token::Kind::end) {
      auto it = open_count.find(t.name);
      if (it == open_count.end() || it->second == 0) continue;
      for (bool done = false; !done;) {
        Token& inner = tokens[open.back()];
        open.pop_back();
        inner.close = i;
        --open_count[inner.name];
        if (inner.name == "article") --articles;
        done = inner.name == t.name;
      }
    }
  }
  for (std::size_t j : open) tokens[j].close = tokens.size();
}

// ---------------------------------------------------------------------------------------------
// The main region

struct Region {
  std::size_t begin = 0, end = 0;  // tokens [begin, end) hold the main text
  bool is_article = false;         // an article element, not the whole body
};

bool has_word(const std::string* list, std::string_view word) {
  if (list == nullptr) return false;
  std::string_view rest = *list;
  while (!rest.empty()) {
    std::size_t end = 0;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    if (iequals(rest.substr(0, end), word)) return true;
    rest.remove_prefix(end);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
  }
  return false;
}

// The largest <article> if it holds a fifth of the page's text (else it is a teaser card), else
// the largest itemprop=articleBody, <main> / role=main or <body>, else the whole page.
Region main_region(const std::vector<Token>& tokens) {
  std::vector<std::size_t> before(tokens.size() + 1, 0);  // text bytes before each token
  for (std::size_t i = 0; i < tokens.size(); ++i)
    before[i + 1] = before[i] + (tokens[i].kind == Token::Kind::text ? tokens[i].end - tokens[i].begin : 0);
  auto weight = [&](std::size_t i) { return before[tokens[i].close] - before[i + 1]; };
  auto largest = [&](auto&& matches) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (tokens[i].kind == Token::Kind::start && tokens[i].close > i + 1 && matches(tokens[i]) &&
          (!best || weight(i) > weight(*best)))
        best = i;
    return best;
  };
  std::optional<std::size_t> found = largest([](const Token& t) { return t.name == "article"; });
  if (found && weight(*found) * 5 < before.back()) found.reset();
  if (!found) found = largest([](const Token& t) { return has_word(t.attribute("itemprop"), "articleBody"); });
  if (!found)
    found = largest([](const Token& t) { return t.name == "main" || has_word(t.attribute("role"), "main"); });
  if (found) return {*found + 1, tokens[*found].close, true};
  found = largest([](const Token& t) { return t.name == "body"; });
  if (found) return {*found + 1, tokens[*found].close, false};
  return {0, tokens.size(), false};
}

// Elements whose text is not article text.
constexpr std::array<std::string_view, 26> kDroppedElements = {
    "aside",  "audio",  "button",   "canvas", "dialog", "embed",  "footer",   "form",   "head",
    "iframe", "map",    "math",     "nav",    "noembed", "noframes", "noscript", "object", "script",
    "select", "style",  "svg",      "template", "textarea", "title", "video",  "xmp"};
constexpr std::array<std::string_view, 4> kBoilerplateRoles = {"navigation", "complementary", "contentinfo", "search"};
// Class and id words that mark boilerplate (matched as whole words, case-insensitively).
constexpr std::array<std::string_view, 28> kBoilerplateNames = {
    "ad",          "ads",         "advert",         "advertisement", "ad-slot",      "ad-container",
    "breadcrumb",  "breadcrumbs", "comments",       "cookie-banner", "cookie-notice", "newsletter",
    "newsletter-signup", "promo", "related",        "related-articles", "related-content", "share",
    "share-buttons", "sharing",   "sidebar",        "social",        "social-share", "sr-only",
    "subscribe",   "visually-hidden", "more-stories", "recommended"};

bool names_boilerplate(const std::string* list) {
  return list != nullptr && std::any_of(kBoilerplateNames.begin(), kBoilerplateNames.end(),
                                        [&](std::string_view word) { return has_word(list, word); });
}

bool dropped(const Token& t) {
  if (one_of(kDroppedElements, t.name)) return true;
  if (t.name == "header" && !t.in_article) return true;  // the site's banner; an article's header has its headline
  if (t.attribute("hidden") != nullptr) return true;
  if (const std::string* v = t.attribute("aria-hidden"); v != nullptr && iequals(*v, "true")) return true;
  if (const std::string* v = t.attribute("role"); v != nullptr && one_of(kBoilerplateRoles, lowered(*v))) return true;
  return names_boilerplate(t.attribute("class")) || names_boilerplate(t.attribute("id"));
}

// ---------------------------------------------------------------------------------------------
// Metadata

struct PageMeta {
  std::string title, url, source;
  std::optional<date::year_month_day> published;
};

// meta name= values that carry the publication date.
constexpr std::array<std::string_view, 10> kDateMetaNames = {
    "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "sailthru.date",
    "parsely-pub-date", "datepublished", "original-publish-date"};

// "2015-12-15T10:00:00+01:00", "2015/12/15", "20151215" -> the calendar date written.
std::optional<date::year_month_day> date_of(std::string_view value) {
  std::string v = clean_text(value);
  bool compact = v.size() >= 8 && std::all_of(v.begin(), v.begin() + 8, [](char c) { return c >= '0' && c <= '9'; }) &&
                 (v.size() == 8 || !(v[8] >= '0' && v[8] <= '9'));
  if (compact) v = v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2);
  if (v.size() >= 10 && v[4] == '/' && v[7] == '/') v[4] = v[7] = '-';
  auto day = parse_iso_date(std::string_view(v).substr(0, 10));
  if (!day) return std::nullopt;
  return *day;
}

// The string value of the first "key": "value" pair of a JSON text, found without parsing it
// (JSON-LD blocks in the wild are often not valid JSON).
std::optional<std::string_view> json_string_field(std::string_view json, std::string_view key) {
  std::string quoted = fmt::format("\"{}\"", key);
  for (std::size_t at = json.find(quoted); at != std::string_view::npos; at = json.find(quoted, at + 1)) {
    std::size_t i = at + quoted.size();
    while (i < json.size() && is_space(json[i])) ++i;
    if (i >= json.size() || json[i] != ':') continue;
    ++i;
    while (i < json.size() && is_space(json[i])) ++i;
    if (i >= json.size() || json[i] != '"') continue;
    std::size_t end = json.find('"', ++i);
    if (end != std::string_view::npos) return json.substr(i, end - i);
  }
  return std::nullopt;
}

// Collects candidates, best source first wins: og:title > twitter:title > <title> > first <h1>;
// article:published_time > date meta names > JSON-LD datePublished > <time pubdate> > first
// <time datetime> of the article.
class MetaReader {
 public:
  MetaReader(std::string_view in, const std::vector<Token>& tokens, Region region)
      : in_(in), tokens_(tokens), region_(region) {}
  PageMeta run();

 private:
  enum DateRank { kPublishedTime, kDateMeta, kJsonLd, kTimePubdate, kTimeInArticle, kDateRanks };
  enum TitleRank { kOgTitle, kTwitterTitle, kTitleElement, kFirstH1, kTitleRanks };
  void meta(const Token& t);
  void time(std::size_t i);
  void offer_date(DateRank rank, std::string_view value);
  std::string_view content_of(std::size_t i) const;  // raw text of the raw_text token after i

  std::string_view in_;
  const std::vector<Token>& tokens_;
  Region region_;
  std::array<std::optional<date::year_month_day>, kDateRanks> dates_;
  std::array<std::string, kTitleRanks> titles_;
  std::string canonical_, og_url_, site_name_;
};

std::string_view MetaReader::content_of(std::size_t i) const {
  if (i + 1 >= tokens_.size() || tokens_[i + 1].kind != Token::Kind::raw_text) return {};
  return in_.substr(tokens_[i + 1].begin, tokens_[i + 1].end - tokens_[i + 1].begin);
}

void MetaReader::offer_date(DateRank rank, std::string_view value) {
  if (dates_[rank]) return;
  dates_[rank] = date_of(value);
}

void MetaReader::meta(const Token& t) {
  const std::string* content = t.attribute("content");
  if (content == nullptr) return;
  for (std::string_view key_attr : {"property", "name", "itemprop"}) {
    const std::string* key_value = t.attribute(key_attr);
    if (key_value == nullptr) continue;
    std::string key = lowered(*key_value);
    auto first = [&](std::string& slot) {
      if (slot.empty()) slot = clean_text(*content);
    };
    if (key == "og:title") first(titles_[kOgTitle]);
    if (key == "twitter:title") first(titles_[kTwitterTitle]);
    if (key == "og:url") first(og_url_);
    if (key == "og:site_name") first(site_name_);
    if (key == "article:published_time") offer_date(kPublishedTime, *content);
    if (one_of(kDateMetaNames, key)) offer_date(kDateMeta, *content);
  }
}

void MetaReader::time(std::size_t i) {
  const Token& t = tokens_[i];
  const std::string* when = t.attribute("datetime");
  if (when == nullptr) return;
  if (t.attribute("pubdate") != nullptr || has_word(t.attribute("itemprop"), "datePublished"))
    offer_date(kTimePubdate, *when);
  else if (t.in_article || (region_.is_article && i >= region_.begin && i < region_.end))
    offer_date(kTimeInArticle, *when);
}

PageMeta MetaReader::run() {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.kind != Token::Kind::start) continue;
    if (t.name == "meta") {
      meta(t);
    } else if (t.name == "link" && has_word(t.attribute("rel"), "canonical") && t.attribute("href") && canonical_.empty()) {
      canonical_ = clean_text(*t.attribute("href"));
    } else if (t.name == "title" && titles_[kTitleElement].empty()) {
      titles_[kTitleElement] = clean_text(content_of(i));
    } else if (t.name == "h1" && titles_[kFirstH1].empty()) {
      std::string raw;
      for (std::size_t j = i + 1; j < t.close && j < tokens_.size(); ++j)
        if (tokens_[j].kind == Token::Kind::text) raw += in_.substr(tokens_[j].begin, tokens_[j].end - tokens_[j].begin);
      titles_[kFirstH1] = clean_text(raw);
    } else if (t.name == "script" && t.attribute("type") && lowered(*t.attribute("type")).find("ld+json") != std::string::npos) {
      if (auto published = json_string_field(content_of(i), "datePublished")) offer_date(kJsonLd, *published);
    } else if (t.name == "time") {
      time(i);
    }
  }
  PageMeta meta;
  for (std::string& title : titles_)
    if (meta.title.empty()) meta.title = std::move(title);
  for (const auto& day : dates_)
    if (!meta.published) meta.published = day;
  meta.url = canonical_.empty() ? og_url_ : canonical_;
  meta.source = site_name_;
  return meta;
}

// ---------------------------------------------------------------------------------------------
// The text

enum class Sep { none, space, line, paragraph };

constexpr std::array<std::pair<std::string_view, Sep>, 40> kSeparators = {{
    {"address", Sep::paragraph}, {"article", Sep::paragraph}, {"aside", Sep::paragraph},
    {"blockquote", Sep::paragraph}, {"body", Sep::paragraph}, {"br", Sep::line},
    {"caption", Sep::paragraph}, {"center", Sep::paragraph}, {"dd", Sep::line},
    {"details", Sep::paragraph}, {"div", Sep::paragraph}, {"dl", Sep::paragraph},
    {"dt", Sep::line}, {"fieldset", Sep::paragraph}, {"figcaption", Sep::paragraph},
    {"figure", Sep::paragraph}, {"footer", Sep::paragraph}, {"form", Sep::paragraph},
    {"h1", Sep::paragraph}, {"h2", Sep::paragraph}, {"h3", Sep::paragraph},
    {"h4", Sep::paragraph}, {"h5", Sep::paragraph}, {"h6", Sep::paragraph},
    {"header", Sep::paragraph}, {"hr", Sep::paragraph}, {"li", Sep::line},
    {"main", Sep::paragraph}, {"nav", Sep::paragraph}, {"ol", Sep::paragraph},
    {"option", Sep::line}, {"p", Sep::paragraph}, {"pre", Sep::paragraph},
    {"section", Sep::paragraph}, {"summary", Sep::paragraph}, {"table", Sep::paragraph},
    {"td", Sep::space}, {"th", Sep::space}, {"tr", Sep::line}, {"ul", Sep::paragraph},
}};

Sep separator_of(std::string_view name) {
  for (const auto& [tag, sep] : kSeparators)
    if (tag == name) return sep;
  return Sep::none;
}

// Code points written as a space, and ones dropped altogether.
bool is_space_code_point(char32_t cp) {
  return (cp < 0x80 && is_space(static_cast<char>(cp))) || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}
bool is_invisible(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || cp == 0xAD || cp == 0x200B || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
}

// Writes the main text: whitespace collapsed, separators between blocks, each piece mapped.
class TextWriter {
 public:
  explicit TextWriter(std::string_view in) : in_(in) {}

  /// Asks for at least `sep` before the next content; it stands for raw[begin, end).
  void separate(Sep sep, std::size_t begin, std::size_t end) {
    if (sep <= pending_) return;
    pending_ = sep;
    sep_begin_ = begin;
    sep_end_ = end;
  }
  /// A <br>: two in a row make a paragraph break.
  void line_break(std::size_t begin, std::size_t end) { separate(++breaks_ >= 2 ? Sep::paragraph : Sep::line, begin, end); }
  void text_run(std::size_t begin, std::size_t end);
  markup::MappedText take() && { return std::move(out_); }

 private:
  void code_point(char32_t cp, std::size_t raw_begin, std::size_t raw_size, bool copied);
  void flush();

  std::string_view in_;
  markup::MappedText out_;
  Sep pending_ = Sep::none;
  std::size_t sep_begin_ = 0, sep_end_ = 0;
  int breaks_ = 0;
};

void TextWriter::flush() {
  if (pending_ != Sep::none && !out_.text.empty()) {
    std::string_view sep = pending_ == Sep::space ? " " : pending_ == Sep::line ? "\n" : "\n\n";
    out_.put(sep, sep_begin_, sep_end_ - sep_begin_);
  }
  pending_ = Sep::none;
  breaks_ = 0;
}

void TextWriter::code_point(char32_t cp, std::size_t raw_begin, std::size_t raw_size, bool copied) {
  if (is_space_code_point(cp)) return separate(Sep::space, raw_begin, raw_begin + raw_size);
  if (is_invisible(cp)) return;
  flush();
  if (copied) return out_.copy(in_.substr(raw_begin, raw_size), raw_begin);
  std::string decoded;
  utf8::append(decoded, cp);
  out_.put(decoded, raw_begin, raw_size);
}

void TextWriter::text_run(std::size_t begin, std::size_t end) {
  auto plain = [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != '&' && c != 0x7F && !(c & 0x80); };
  for (std::size_t i = begin; i < end;) {
    auto c = static_cast<unsigned char>(in_[i]);
    if (plain(in_[i])) {
      std::size_t j = i + 1;
      while (j < end && plain(in_[j])) ++j;
      flush();
      out_.copy(in_.substr(i, j - i), i);
      i = j;
    } else if (is_space(in_[i])) {
      std::size_t j = i + 1;
      while (j < end && is_space(in_[j])) ++j;
      separate(Sep::space, i, j);
      i = j;
    } else if (c == '&') {
      auto entity = entity_at(in_, i, end);
      if (entity) code_point(entity->first, i, entity->second, false);
      else code_point(U'&', i, 1, true);
      i += entity ? entity->second : 1;
    } else if (c >= 0x80) {
      std::size_t j = i;
      char32_t cp = utf8::decode(in_.substr(0, end), j);
      if (j - i == 1) code_point(from_cp1252(c), i, 1, false);  // not UTF-8: read as Windows-1252
      else code_point(cp, i, j - i, true);
      i = j;
    } else {
      ++i;  // control character
    }
  }
}

markup::MappedText write_text(std::string_view in, const std::vector<Token>& tokens, Region region) {
  TextWriter writer(in);
  for (std::size_t i = region.begin; i < region.end;) {
    const Token& t = tokens[i];
    if (t.kind == Token::Kind::text) {
      writer.text_run(t.begin, t.end);
    } else if (t.kind != Token::Kind::raw_text) {
      if (t.name == "br")
        writer.line_break(t.begin, t.end);
      else
        writer.separate(separator_of(t.name), t.begin, t.end);
      if (t.kind == Token::Kind::start && dropped(t)) {
        i = std::max(i + 1, t.close);
        continue;
      }
    }
    ++i;
  }
  return std::move(writer).take();
}

}  // namespace

Result<Document> read_html(std::string path, std::string bytes) {
  if (std::all_of(bytes.begin(), bytes.end(), is_space)) return fail("{}: empty file", path);
  if (utf8::looks_binary(bytes))
    return fail("{}: byte {}: NUL byte: a binary file, not HTML", path, bytes.find('\0'));
  std::vector<Token> tokens = Tokenizer(bytes).run();
  match_elements(tokens);
  Region region = main_region(tokens);
  PageMeta meta = MetaReader(bytes, tokens, region).run();
  markup::MappedText text = write_text(bytes, tokens, region);

  Document doc;
  doc.id = std::filesystem::path(path).stem().string();
  doc.title = std::move(meta.title);
  doc.url = std::move(meta.url);
  doc.source = std::move(meta.source);
  if (meta.published) {
    doc.dct = meta.published;
    doc.dct_source = DctSource::metadata;
  }
  doc.path = std::move(path);
  doc.format = Format::html;
  doc.text = std::move(text.text);
  doc.map = std::move(text.map);
  doc.body = {0, doc.text.size()};
  doc.raw = std::move(bytes);
  return doc;
}

}  // namespace chronicle::ingest
