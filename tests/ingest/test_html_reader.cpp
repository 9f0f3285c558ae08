#include <fstream>
#include <sstream>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "chronicle/ingest/reader.hpp"

using namespace chronicle;
using namespace chronicle::ingest;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string fixture_path(const std::string& name) { return std::string(CHRONICLE_TEST_DIR) + "/fixtures/html/" + name; }

Document read_fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto doc = read_html(fixture_path(name), bytes.str());
  REQUIRE(doc);
  return std::move(*doc);
}

Document read_page(const std::string& html) {
  auto doc = read_html("page.html", html);
  REQUIRE(doc);
  return std::move(*doc);
}

// The raw bytes the first occurrence of `needle` in the text came from.
std::string_view raw_of(const Document& doc, std::string_view needle) {
  std::size_t at = doc.text.find(needle);
  REQUIRE(at != std::string::npos);
  return doc.to_raw({at, at + needle.size()}).of(doc.original());
}

// Every text offset maps inside the page, begin <= end, both never going backwards.
void check_map_is_sane(const Document& doc) {
  std::size_t last_begin = 0, last_end = 0;
  for (std::size_t i = 0; i <= doc.text.size(); ++i) {
    std::size_t begin = doc.map.begin_to_raw(i), end = doc.map.end_to_raw(i);
    REQUIRE(begin >= last_begin);
    REQUIRE(end >= last_end);
    REQUIRE(end <= doc.raw.size());
    if (i < doc.text.size()) REQUIRE(begin <= doc.map.end_to_raw(i + 1));
    last_begin = begin;
    last_end = end;
  }
}

}  // namespace

TEST_CASE("a news page gives its title, date, address and outlet from metadata", "[ingest][html]") {
  Document doc = read_fixture("kerry_moscow.html");
  CHECK(doc.id == "kerry_moscow");
  CHECK(doc.format == Format::html);
  CHECK(doc.title == "Kerry arrives in Moscow for Syria talks & a meeting with Putin");  // og:title over <title>
  CHECK(doc.url == "https://ledger.example.com/world/kerry-moscow");                     // canonical over og:url
  CHECK(doc.source == "The Daily Ledger");
  // article:published_time wins over JSON-LD (2015-12-14 in UTC) and is read as the local date.
  CHECK(doc.dct == date::year{2015} / 12 / 15);
  CHECK(doc.dct_source == DctSource::metadata);
}

TEST_CASE("the main text is the article, without scripts, navigation, ads or asides", "[ingest][html]") {
  Document doc = read_fixture("kerry_moscow.html");
  CHECK(doc.text ==
        "Kerry arrives in Moscow for Syria talks\n\n"
        "By Anna Petrova \u00B7 Dec. 15, 2015\n\n"
        "MOSCOW \u2014 U.S. Secretary of State John Kerry arrived in Moscow on Tuesday for talks with Russian "
        "Foreign Minister Sergei Lavrov and President Vladimir Putin.\n\n"
        "Kerry at Vnukovo airport.\n\n"
        "The meeting of the International Syria Support Group is planned for December 18 in New York, "
        "Kerry\u2019s spokesman said. \u201CWe\u2019re hopeful,\u201D he added\u2026\n\n"
        "Talks with Lavrov will follow the meeting with Putin.\nBoth sides call it constructive.");
  CHECK(doc.body == TextSpan{0, doc.text.size()});
  for (const char* boilerplate : {"dataLayer", "not text", "Politics", "Advertisement", "trackParagraph", "Related",
                                  "Share on", "Most read", "Subscribe", "2015 The Daily Ledger"})
    CHECK_THAT(doc.text, !Contains(boilerplate));
}

TEST_CASE("decoded entities and collapsed whitespace map back into the raw HTML", "[ingest][html]") {
  Document doc = read_fixture("kerry_moscow.html");
  check_map_is_sane(doc);
  CHECK(doc.original() == doc.raw);
  CHECK(raw_of(doc, "MOSCOW \u2014 U.S.") == "MOSCOW &mdash; U.S.");
  CHECK(raw_of(doc, "Kerry\u2019s spokesman") == "Kerry&rsquo;s spokesman");
  CHECK(raw_of(doc, "\u201CWe\u2019re hopeful,\u201D") == "&ldquo;We&#8217;re hopeful,&rdquo;");
  CHECK(raw_of(doc, "added\u2026") == "added&hellip;");
  CHECK(raw_of(doc, "Lavrov and") == "Lavrov&nbsp;and");                      // &nbsp; is a space
  CHECK(raw_of(doc, "talks with") == "talks\n         with");                 // a line break collapsed
  CHECK(raw_of(doc, "follow the meeting") == "follow</em> the meeting");      // inline tags dropped
  // A paragraph break stands for the tag that made it.
  std::size_t para = doc.text.find("Putin.\n\nKerry at");
  CHECK(doc.to_raw({para + 6, para + 8}).of(doc.raw) == "</p>");
}

TEST_CASE("JSON-LD gives the date when no meta element does; articleBody is the main text", "[ingest][html]") {
  Document doc = read_fixture("ceasefire_jsonld.html");
  CHECK(doc.title == "UN Security Council backs Syria peace plan - World Wire");  // <title>
  CHECK(doc.url == "https://worldwire.example.org/2015/12/18/syria-plan");       // og:url
  CHECK(doc.source.empty());
  CHECK(doc.dct == date::year{2015} / 12 / 18);
  CHECK(doc.dct_source == DctSource::metadata);
  CHECK_THAT(doc.text, StartsWith("UNITED NATIONS (World Wire) -- The U.N. Security Council on Friday unanimously "
                                  "endorsed a plan for a ceasefire in Syria starting January 1.\n\nThe resolution"));
  CHECK_THAT(doc.text, Contains("early January.\n\nVotes 15\u20130"));
  CHECK_THAT(doc.text, !Contains("Home"));
  CHECK_THAT(doc.text, !Contains("comment"));
  check_map_is_sane(doc);
}

TEST_CASE("broken HTML is read leniently", "[ingest][html]") {
  Document doc = read_fixture("broken.html");
  CHECK(doc.title == "Broken page");
  CHECK(doc.dct == date::year{2015} / 12 / 16);  // <time datetime> inside the article
  CHECK(doc.text ==
        "Dateline: Wednesday\n\n"
        "Kerry said 3 < 4 & that was \"it\".\n\n"
        "Caf\u00E9 au lait costs \u20AC 3. Stray end tags.\n\n"
        "first item\nsecond item\n\n"
        "Unclosed bold and italic");
  // Bytes that are not UTF-8 are read as Windows-1252, each from its one byte.
  CHECK(raw_of(doc, "Caf\u00E9") == "Caf\xE9");
  CHECK(raw_of(doc, "\u20AC") == "\x80");
  check_map_is_sane(doc);
}

TEST_CASE("the publication date comes from any of the usual sources", "[ingest][html]") {
  auto [head, body, day] = GENERATE(table<std::string, std::string, date::year_month_day>({
      {R"(<meta property="article:published_time" content="2015-12-15T10:00:00Z">)", "", date::year{2015} / 12 / 15},
      {R"(<meta name="date" content="2015-12-14">)", "", date::year{2015} / 12 / 14},
      {R"(<meta name="pubdate" content="20151213">)", "", date::year{2015} / 12 / 13},
      {R"(<meta name="PublishDate" content="2015/12/12">)", "", date::year{2015} / 12 / 12},
      {R"(<META NAME="DC.date.issued" CONTENT="2015-12-11">)", "", date::year{2015} / 12 / 11},
      {R"(<meta name="dc.date" content="2015-12-10">)", "", date::year{2015} / 12 / 10},
      {R"(<meta name="sailthru.date" content="2015-12-09 08:15:00">)", "", date::year{2015} / 12 / 9},
      {R"(<meta name="parsely-pub-date" content="2015-12-08T08:15:00Z">)", "", date::year{2015} / 12 / 8},
      {R"(<meta itemprop="datePublished" content="2015-12-07">)", "", date::year{2015} / 12 / 7},
      {R"(<script type="application/ld+json">[{"@graph": [{"datePublished":"2015-12-06"}]}]</script>)", "",
       date::year{2015} / 12 / 6},
      {"", R"(<p>Sidebar <time datetime="2015-01-01">old</time></p><p><time pubdate datetime="2015-12-05">Dec 5</time></p>)",
       date::year{2015} / 12 / 5},
      {"", R"(<article><time datetime='2015-12-04T23:59'>Friday</time> text</article>)", date::year{2015} / 12 / 4},
      // An impossible date is passed over for the next source.
      {R"(<meta property="article:published_time" content="2015-02-30"><meta name="date" content="2015-12-03">)", "",
       date::year{2015} / 12 / 3},
  }));
  Document doc = read_page("<html><head>" + head + "</head><body>" + body + "<p>Text.</p></body></html>");
  CHECK(doc.dct == day);
  CHECK(doc.dct_source == DctSource::metadata);
}

TEST_CASE("a page without dates or titles in metadata has none, or its first h1", "[ingest][html]") {
  Document doc = read_page("<body><p>Posted <time datetime=\"2015-12-01\">once</time></p><h1>The &quot;Headline&quot;</h1>"
                           "<p>Text</p></body>");
  CHECK_FALSE(doc.dct);  // a <time> outside any article is not the publication date
  CHECK(doc.dct_source == DctSource::none);
  CHECK(doc.title == "The \"Headline\"");
}

TEST_CASE("block elements separate paragraphs and lines, inline ones do not", "[ingest][html]") {
  auto [html, text] = GENERATE(table<std::string, std::string>({
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<div>One<div>Two</div></div>Three", "One\n\nTwo\n\nThree"},
      {"One<br>Two<br/><br>Three", "One\nTwo\n\nThree"},
      {"<ul><li>a</li><li>b</li></ul>", "a\nb"},
      {"<h2>Head</h2>Text <b>bold</b><i>it</i> end", "Head\n\nText boldit end"},
      {"  lots \n\t of   <span> space </span> ", "lots of space"},
      {"<p>a&nbsp;&nbsp;b&shy;c&#8203;d</p>", "a bcd"},
      {"<p>&#150;&#x2014;&unknown; &amp</p>", "\u2013\u2014&unknown; &amp"},
      {"<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>", "1 2\n3"},
  }));
  Document doc = read_page("<body>" + html + "</body>");
  CHECK(doc.text == text);
  check_map_is_sane(doc);
}

TEST_CASE("boilerplate is dropped by element, role, class and hidden state", "[ingest][html]") {
  Document doc = read_page(
      "<body><header>Site</header><nav>Menu</nav><p>Keep one.</p><div role=\"navigation\">Links</div>"
      "<div class=\"story ad\">Buy</div><div id=\"comments\">Hi</div><p hidden>Hidden</p>"
      "<span aria-hidden=\"true\">Icon</span><script>var x = '</p>';</script><style>p{}</style>"
      "<noscript>Enable JS</noscript><template>T</template><p class=\"advert-free\">Keep two.</p>"
      "<footer>Foot</footer></body>");
  CHECK(doc.text == "Keep one.\n\nKeep two.");
}

TEST_CASE("a small teaser <article> does not take over the page", "[ingest][html]") {
  std::string long_text(400, 'x');
  Document doc = read_page("<body><p>" + long_text + "</p><article>Teaser</article></body>");
  CHECK(doc.text == long_text + "\n\nTeaser");
}

TEST_CASE("empty and binary files are errors naming the file", "[ingest][html]") {
  CHECK(read_html("e.html", "").error().message == "e.html: empty file");
  CHECK(read_html("e.html", " \n\t").error().message == "e.html: empty file");
  CHECK(read_html("b.html", std::string("<html>\0\0\x7f", 9)).error().message ==
        "b.html: byte 6: NUL byte: a binary file, not HTML");
}

TEST_CASE("markup cut off at the end of the file is not an error", "[ingest][html]") {
  for (std::string html : {"<p>Text <a href=\"x", "<p>Text <!-- comment", "<p>Text <script>var a", "<p>Text</", "<p>Text <"}) {
    auto doc = read_html("cut.html", html);
    REQUIRE(doc);
    CHECK_THAT(doc->text, StartsWith("Text"));
  }
}
