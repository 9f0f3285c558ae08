// The prefilter is an optimisation only: tagging with it must give exactly what tagging the whole
// text gives, and the sentences found lazily must be the tokenizer's, also when found only part
// way. Checked on the corpus, on TempEval-3 silver articles when present, and on texts mutated to
// hit window and sentence edges.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/ranges.h>

#include "../../lib/src/temporal/grammar.hpp"
#include "../../lib/src/temporal/prefilter.hpp"
#include "chronicle/core/resources.hpp"
#include "chronicle/temporal/tagger.hpp"

namespace fs = std::filesystem;
using namespace chronicle;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Texts of the corpus and of up to `te3` TempEval-3 silver files.
std::vector<std::string> texts(std::size_t te3) {
  std::vector<std::string> out;
  const fs::path root(CHRONICLE_SOURCE_DIR);
  for (const auto& e : fs::recursive_directory_iterator(root / "corpus"))
    if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(read(e.path()));
  const fs::path silver = root / ".." / "shared" / "data" / "timeml" / "te3-silver";
  std::vector<fs::path> files;
  if (fs::exists(silver))
    for (const auto& e : fs::recursive_directory_iterator(silver))
      if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (std::size_t k = 0; k < files.size() && k < te3; ++k) out.push_back(read(files[k]));
  return out;
}

/// `text` with random edits at sentence and token edges: case flips, newlines, quotes, dots.
std::string mutate(const std::string& text, std::mt19937& rng) {
  static const std::string kInserts[] = {"\n\n", ". ", ".\" ", "\n", " '", ") ", "U.S. ", " 12 ", "Dec. ", "’s "};
  std::string out;
  std::uniform_int_distribution<int> pick(0, 40);
  for (char c : text) {
    const int r = pick(rng);
    if (r == 0) out += kInserts[rng() % std::size(kInserts)];
    if (r == 1 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (r == 2 && c == ' ') continue;
    out += c;
  }
  return out;
}

std::string dump(const std::vector<temporal::Timex>& timexes) {
  std::string s;
  for (const auto& t : timexes)
    s += fmt::format("{}-{} {} {} {} {}\n", t.span.begin, t.span.end, temporal::to_string(t.value.type), t.value.value,
                     temporal::to_string(t.value.mod), t.rule);
  return s;
}

/// A SentenceFinder asked for growing positions has, each time, a prefix of split_sentences(),
/// holding every sentence that begins at or before the position, and one at least.
void check_found_incrementally(const std::string& text, const std::vector<TextSpan>& all) {
  std::mt19937 rng(static_cast<unsigned>(text.size()));
  temporal::detail::SentenceFinder finder(text, {0, text.size()});
  for (std::size_t pos = 0; pos <= text.size() + 1; pos += 1 + rng() % 64) {
    CAPTURE(pos);
    finder.find_past(pos);
    const std::vector<TextSpan>& found = finder.sentences();
    REQUIRE(found.size() <= all.size());
    REQUIRE(std::equal(found.begin(), found.end(), all.begin()));
    REQUIRE(found.empty() == all.empty());
    const auto begun = [&](const std::vector<TextSpan>& s) {
      return std::count_if(s.begin(), s.end(), [&](const TextSpan& t) { return t.begin <= pos; });
    };
    REQUIRE(begun(found) == begun(all));
  }
}

void check_same(const std::string& text, std::optional<date::year_month_day> dct) {
  const temporal::Tagger& tagger = temporal::default_tagger();
  temporal::TagOptions with, without;
  with.dct = without.dct = dct;
  without.prefilter = false;
  const TextSpan range{0, text.size()};
  REQUIRE(dump(tagger.tag(text, range, with)) == dump(tagger.tag(text, range, without)));
  temporal::detail::TokenStream ts;
  temporal::detail::tokenize(text, range, {}, ts);
  std::vector<TextSpan> lazy;
  temporal::detail::split_sentences(text, range, lazy);
  REQUIRE(lazy == ts.sentences);
  check_found_incrementally(text, lazy);
}

/// The prefilter of the embedded grammar, built once for the cases that look at its anchors.
const temporal::detail::Prefilter& embedded_prefilter() {
  static const temporal::detail::Prefilter filter = [] {
    auto grammar =
        temporal::detail::compile(*resources::load("en/temporal/rules.tsv"), *resources::load("en/temporal/lexicon.tsv"));
    REQUIRE(grammar);
    return temporal::detail::Prefilter::build(*grammar);
  }();
  return filter;
}

}  // namespace

TEST_CASE("prefiltered tagging equals tagging the whole text", "[temporal][prefilter]") {
  const std::vector<std::string> all = texts(300);
  REQUIRE(!all.empty());
  std::mt19937 rng(42);
  for (const std::string& text : all) {
    check_same(text, date::year{2015} / 12 / 15);
    check_same(text, std::nullopt);   // narrative mode: anchors move with the text
    check_same(mutate(text, rng), date::year{2015} / 12 / 15);
  }
}

TEST_CASE("prefilter edge cases give the same tags", "[temporal][prefilter]") {
  const std::string cases[] = {
      "",
      "   ",
      "Friday",
      "He said on Friday.",
      "The meeting will take place on Friday, officials said.\n\nIt ended Dec. 15, 2015.",
      "talks last week . \"The ceasefire\" begins January 1 . ' next year '",
      "in the first quarter of 2015 profits rose. The quarter before, they fell. Later the quarter ended.",
      "x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x 1990s",
      "2015-12-15\n\n\n12/15/2015 3:30pm o'clock U.S. a.m. p.m. 'till the '90s",
      "Sept.\n\n\"Monday’s\" meeting… «Tuesday» — Wednesday.\t\tTwo years ago; since 2014!Now?",
      "Mr. Smith of Flint, Mich. Friday said Roe vs. Wade. He lives in the U.S. The talks end Dec. 15. "
      "John F. Kennedy met him Jan. Then Sen. Smith left. Vitamin C. The end.",
      // weak anchors, confirmed after them, before them, across lines, or not at all
      "this past week, this past\n\nFriday, up to\nthree days, up to 30 seconds, no more than 5 years ago",
      "two or three weeks, 2 or 3 weeks later, one day, some weeks, more than a year, the end of May 2015",
      "at 6 a.m. EST, Dec. 15 and 10:30 p.m. (0330 GMT) on Friday; 4 in the morning; 7 pm ET Monday",
      "this is more or less up to no one. 1990s or 2000? 15 of them, the 15th of December",
      // digit shapes and their confirmations
      "Q3 2015 q4, (Q1) 2Q 90s ’90s 1990’s '80s 1980's 12/15 15/12/2015 3:30 3: :30 11:45pm 2015-12-15 20151215",
      "$5 million, 3,000 troops, 10 percent, 11 a.m., 11am, 11 pm EST, April 24 and 25, 24 & 25, 24 &25, May 3&4",
      "at 5\n\np.m. on 6 and\n7 July; 8 or 9 of them; 10 and 11 percent; and 12",
  };
  for (const std::string& text : cases) {
    CAPTURE(text);
    check_same(text, date::year{2015} / 12 / 15);
    check_same(text, std::nullopt);
  }
}

TEST_CASE("the tense cue's sentences go on after abbreviations that end none", "[temporal][prefilter]") {
  auto [text, expected] = GENERATE(table<std::string, std::size_t>({
      {"Mr. Smith left on Friday.", 1},
      {"It was Roe vs. Wade again on Friday.", 1},
      {"The plant near Flint, Mich. Chrysler closed on Friday.", 1},
      {"The plant is in Flint, Mich. The union struck on Friday.", 2},
      {"The report reached President George W. Bush on Friday.", 1},
      {"The talks end Dec. 15 in Vienna.", 1},
      {"Exxon Corp. Chairman Lee Raymond spoke. He left.", 2},
      {"They met on Friday. The talks ended.", 2},
  }));
  CAPTURE(text);
  std::vector<TextSpan> sentences;
  temporal::detail::split_sentences(text, {0, text.size()}, sentences);
  CHECK(sentences.size() == expected);
  temporal::detail::TokenStream ts;
  temporal::detail::tokenize(text, {0, text.size()}, {}, ts);
  CHECK(ts.sentences == sentences);
}

TEST_CASE("prefilter skips text without anchors", "[temporal][prefilter]") {
  auto grammar = temporal::detail::compile("wd\t<weekday>\tweekday\tFriday\tx\n", "weekday\tfriday\t5\n");
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  std::string text;
  for (int k = 0; k < 200; ++k) text += "nothing to see here. ";
  text += "Then on Friday it happened.";
  for (int k = 0; k < 200; ++k) text += " more words";
  std::vector<TextSpan> windows;
  filter.windows(text, {0, text.size()}, windows);
  REQUIRE(windows.size() == 1);
  CHECK(windows[0].size() < 200);
  CHECK(std::string_view(text).substr(windows[0].begin, windows[0].size()).find("Friday") != std::string_view::npos);
}

TEST_CASE("the embedded grammar has a prefilter", "[temporal][prefilter]") {
  const temporal::detail::Prefilter& filter = embedded_prefilter();
  REQUIRE(filter.enabled());
  const auto keys = filter.keys();
  CHECK(std::find(keys.begin(), keys.end(), "the") == keys.end());
  if (std::getenv("CHRONICLE_PRINT_ANCHORS")) fmt::print("{}\n", fmt::join(keys, " "));
}

// Anchor keys view the grammar's own words; a word written with capitals gets a lowered copy, as
// the text's letter runs are lowered. Very common and common words (looked up by their first eight
// letters as a number) make poor anchors: a rarer element anchors the rule.

TEST_CASE("prefilter keys are the grammar's words lowered, the rarest of each rule", "[temporal][prefilter]") {
  const auto [rules, lexicon, expected] = GENERATE(table<std::string, std::string, std::vector<std::string>>({
      {"wd\t<weekday>\tnone\tex\t-\n", "weekday\tFriday\t5\nweekday\twednesday\t3\n", {"friday", "wednesday"}},
      {"x\tXmas|Yule the\tnone\tex\t-\n", "", {"xmas", "yule"}},
      {"w\tthe while\tnone\tex\t-\n", "", {"while"}},
      {"s\tsaid while\tnone\tex\t-\n", "", {"while"}},
      {"t\tthe thereafter\tnone\tex\t-\n", "", {"thereafter"}},
      {"m\tmay mayday\tnone\tex\t-\n", "", {"mayday"}},
  }));
  CAPTURE(rules, lexicon);
  auto grammar = temporal::detail::compile(rules, lexicon);
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  CHECK(filter.keys() == expected);
}

TEST_CASE("prefilter finds anchor letter runs in any case, length and position", "[temporal][prefilter]") {
  // Letter runs are cut a block at a time and looked up by their first eight letters (lowered
  // from the block) and their length: runs that share those or their first and last letter with
  // a key, or that hold a key with one letter more, are no anchor; a key in capitals, glued to
  // digits or punctuation still is.
  auto grammar = temporal::detail::compile("wd\t<weekday>\tweekday\tFriday\tx\n",
                                           "weekday\tfriday\t5\nweekday\twednesday\t3\nweekday\tthanksgiving\t4\n");
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  const auto [word, anchor] = GENERATE(table<std::string, bool>({
      {"friday", true},
      {"FRIDAY", true},
      {"fxiday", false},          // the shape of "friday", another word
      {"fridays", false},
      {"xfriday", false},
      {"WEDNESDAY", true},
      {"wednesdax", false},
      {"(Thanksgiving),", true},
      {"Thanksgivings", false},
      {"12thanksgiving", true},
      {"friday's", true},
      {"ab-Friday-cd", true},
  }));
  for (std::size_t pad = 0; pad < 9; ++pad) {
    const std::string text = std::string(pad, 'x') + " some words " + word + " and more words after it";
    CAPTURE(text);
    std::vector<TextSpan> windows;
    filter.windows(text, {0, text.size()}, windows);
    CHECK(windows.empty() == !anchor);
    if (anchor) {
      REQUIRE(windows.size() == 1);
      CHECK(std::string_view(text).substr(windows[0].begin, windows[0].size()).find(word) != std::string_view::npos);
    }
  }
}

TEST_CASE("prefilter finds keys of any length up to the range's end", "[temporal][prefilter]") {
  // A run is cut sixteen bytes at a time where the range holds as many, else eight, else a byte at
  // a time, and a key longer than eight letters is compared past its head: keys and near misses of
  // every length from one to past sixteen, at every distance from the range's end, and cut by it.
  const std::vector<std::string> keys = {"q", "fr", "thursday", "wednesday", "fifteenletterss", "sixteenletterzzz",
                                         "seventeenletterzz", "supercalifragilistic"};
  std::string lexicon;
  for (const std::string& key : keys) lexicon += "weekday\t" + key + "\t5\n";
  auto grammar = temporal::detail::compile("wd\t<weekday>\tweekday\tFriday\tx\n", lexicon);
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  REQUIRE(filter.keys() == [&] {
    auto sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }());
  std::vector<TextSpan> windows;
  const auto opens = [&](const std::string& text, std::size_t end) {
    filter.windows(text, {0, end}, windows);
    return !windows.empty();
  };
  const std::string tail = ", and then some more words to follow";
  for (const std::string& key : keys) {
    std::string changed_last = key, changed_head = key;
    changed_last.back() = changed_last.back() == 'z' ? 'y' : 'z';
    changed_head.front() = changed_head.front() == 'z' ? 'y' : 'z';
    for (std::size_t k = 0; k <= 18; ++k) {
      const std::string after = tail.substr(0, k);
      CAPTURE(key, after);
      CHECK(opens("so " + key + after, 3 + key.size() + k));
      const std::string capital = static_cast<char>(key[0] - 32) + key.substr(1);
      CHECK(opens("so " + capital + after, 3 + key.size() + k));
      CHECK(!opens("so " + key + "x" + after, 4 + key.size() + k));
      CHECK(!opens("so " + changed_last + after, 3 + key.size() + k));
      CHECK(!opens("so " + changed_head + after, 3 + key.size() + k));
      if (key.size() > 1) CHECK(!opens("so " + key.substr(0, key.size() - 1) + after, 2 + key.size() + k));
      // the range's end cuts the run: a key up to it, more letters past it
      const std::string longer = "so " + key + "xxxxxxxxxxxxxxxxxxxx";
      CHECK(opens(longer, 3 + key.size()));
      if (key.size() > 2) CHECK(!opens(longer, 2 + key.size()));
    }
  }
}

TEST_CASE("common words anchor only with a word that completes their rule near them", "[temporal][prefilter]") {
  // "this" needs "past" in the next chunk, "more" needs "same" or "each" in the chunk before, and
  // a number needs "this" after it; "fortnight" anchors alone.
  auto grammar = temporal::detail::compile(
      "tp\tthis past\tnone\tx\tx\nsm\tsame|each more\tnone\tx\tx\n"
      "yt\t<year> this\tnone\tx\tx\nfn\tfortnight\tnone\tx\tx\n",
      "");
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  CHECK(filter.weak_keys() == std::vector<std::string>{"more", "this"});
  CHECK(filter.keys() == std::vector<std::string>{"fortnight", "more", "this"});
  const auto [text, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"", {}},
      {"this", {}},
      {"past this and this and more each and 2015 and this 2015", {}},
      {"so this past", {"so this past"}},
      {"THIS\n\nPast, then", {"THIS\n\nPast, then"}},
      {"this  x past", {}},
      {"each more", {"each more"}},
      {"each\nmore", {"each\nmore"}},
      {"more each", {}},
      {"each x more", {}},                        // a chunk too far back
      {"each2015 more", {"each2015 more"}},       // confirmed in a chunk that also holds a number
      {"in 2015 this way", {"in 2015 this way"}},
      {"in 2015 that way", {}},
      {"a fortnight", {"a fortnight"}},
      {"this past then many words later each more", {"this past then many", "later each more"}},
  }));
  CAPTURE(text);
  std::vector<TextSpan> windows;
  filter.windows(text, {0, text.size()}, windows);
  std::vector<std::string> got;
  for (const TextSpan& w : windows) got.push_back(text.substr(w.begin, w.size()));
  CHECK(got == expected);
}

TEST_CASE("the embedded grammar's common words need a neighbour that completes a rule", "[temporal][prefilter]") {
  const temporal::detail::Prefilter& filter = embedded_prefilter();
  const auto weak = filter.weak_keys();
  for (const char* word : {"this", "up", "or", "more", "no", "one", "than", "some"}) {
    CAPTURE(word);
    CHECK(std::find(weak.begin(), weak.end(), word) != weak.end());
  }
  std::vector<TextSpan> windows;
  const std::string plain = "He said this is more or most up to no one, and some of them left.";
  filter.windows(plain, {0, plain.size()}, windows);
  CHECK(windows.empty());
  const std::string dated = "He said this past week that up to three days were lost.";
  filter.windows(dated, {0, dated.size()}, windows);
  CHECK(!windows.empty());
}

TEST_CASE("every strong anchor of the embedded grammar is found in its table", "[temporal][prefilter]") {
  // The keys lie apart from the hash slots, which hold their index: all of the grammar's keys,
  // collisions and probe chains included, must still be found, and a near miss of each must not.
  const temporal::detail::Prefilter& filter = embedded_prefilter();
  const auto keys = filter.keys();
  const auto weak = filter.weak_keys();
  REQUIRE(keys.size() > 100);
  std::size_t strong = 0;
  std::vector<TextSpan> windows;
  for (const std::string& key : keys) {
    if (std::binary_search(weak.begin(), weak.end(), key)) continue;
    ++strong;
    CAPTURE(key);
    const std::string text = "zz " + key + " zz";
    filter.windows(text, {0, text.size()}, windows);
    CHECK(windows.size() == 1);
    const std::string longer = "zz " + key + "qq zz";
    filter.windows(longer, {0, longer.size()}, windows);
    CHECK(windows.empty());
  }
  CHECK(strong > 100);
}

TEST_CASE("a number opens a window only in a shape its rules can match", "[temporal][prefilter]") {
  // <year> needs four digits in a run, <clock> a ':', <mdy> a '/', <qn> a 'q' right before a digit,
  // <decade> an 's' or apostrophe after one; <hour> needs "am" or "pm" ("a.m.") in its chunk or the
  // next, <day> "and" or '&' in its chunk or the one before (a punctuation byte confirms too).
  auto grammar = temporal::detail::compile(
      "yr\t<year>\tnone\tx\tx\nck\t<clock>\tnone\tx\tx\nus\t<mdy>\tnone\tx\tx\nqq\t<qn>\tnone\tx\tx\n"
      "dc\t<decade>\tnone\tx\tx\nam\t<hour> <ampm>\tnone\tx\tx\nad\t[and|&] <day>\tnone\tx\tx\n",
      "ampm\tam\tam\nampm\ta.m.\tam\nampm\tpm\tpm\n");
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  const auto [text, opens] = GENERATE(table<std::string, bool>({
      {"$5 million, 3,000 troops, 10 percent, 12.5 then 123", false},
      {"x in 2015 y", true},
      {"x in 201 5 y", false},
      {"x 3:30 y", true},
      {"x 12/15 y", true},
      {"x Q3 y", true},
      {"x 3Q y", false},
      {"x the ’90s y", true},
      {"x 90 s y", false},
      {"x 11 a.m. y", true},
      {"x 11pm y", true},
      {"x 11 then pm", false},
      {"x 24 and 25 y", true},
      {"x 24 &25 y", true},
      {"x and then 25 y", false},
      {"x & 25 y", true},
      {"x & then 25 y", false},
      {"x 25 and y", false},
  }));
  CAPTURE(text);
  std::vector<TextSpan> windows;
  filter.windows(text, {0, text.size()}, windows);
  CHECK(windows.empty() == !opens);
}

TEST_CASE("the embedded grammar opens no window at a number that is no date or time", "[temporal][prefilter]") {
  const temporal::detail::Prefilter& filter = embedded_prefilter();
  std::vector<TextSpan> windows;
  const std::string plain = "He paid $5 million for 3,000 shares in the company, officials told reporters.";
  filter.windows(plain, {0, plain.size()}, windows);
  CHECK(windows.empty());
  const std::string dated = "He paid $5 million at 11 a.m. for 3,000 shares.";
  filter.windows(dated, {0, dated.size()}, windows);
  CHECK(!windows.empty());
}

TEST_CASE("past the last group a weak anchor joins a group whose confirmations hold its own", "[temporal][prefilter]") {
  // 64 rules fill the groups, each anchored on "x.." and confirmed by "y.." or "z.." after it; then
  // "late" is confirmed by "yaa" alone, which group 0 holds, and "lone" by "qq", which none holds.
  std::string rules;
  for (int k = 0; k < 64; ++k) {
    const std::string id{static_cast<char>('a' + k / 26), static_cast<char>('a' + k % 26)};
    rules += "r" + id + "\tx" + id + " y" + id + "|z" + id + "\tnone\tx\tx\n";
  }
  rules += "late\tlate yaa\tnone\tx\tx\nlone\tlone qq\tnone\tx\tx\n";
  auto grammar = temporal::detail::compile(rules, "");
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  const auto weak = filter.weak_keys();
  CHECK(std::binary_search(weak.begin(), weak.end(), "late"));
  CHECK(std::binary_search(weak.begin(), weak.end(), "xcl"));   // the 64th rule
  CHECK(!std::binary_search(weak.begin(), weak.end(), "lone"));
  const auto [text, opens] = GENERATE(table<std::string, bool>({
      {"so late then", false},
      {"so late yaa then", true},
      {"so lone then", true},
      {"so xcl ycl then", true},
      {"so xcl then", false},
  }));
  CAPTURE(text);
  std::vector<TextSpan> windows;
  filter.windows(text, {0, text.size()}, windows);
  CHECK(windows.empty() == !opens);
}

TEST_CASE("a match may be tried where some anchor's reach covers the token, and nowhere else", "[temporal][prefilter]") {
  // match_starts() finds these in one walk back over the tokens: it must mark exactly the tokens
  // that the reach of some anchor at or after them covers.
  const auto grammar =
      temporal::detail::compile(*resources::load("en/temporal/rules.tsv"), *resources::load("en/temporal/lexicon.tsv"));
  REQUIRE(grammar);
  const auto filter = temporal::detail::Prefilter::build(*grammar);
  REQUIRE(filter.enabled());
  std::vector<std::string> samples = {
      "He said on Friday that three days ago, the week before last, prices rose 5 percent in May 2015.",
      "nothing in this sentence names a time at all",
      "Friday",
      "",
      "a b c d e f g h i j k l m n o p q r s t u v w x y z 1990 the next day"};
  for (std::string& text : texts(0)) samples.push_back(std::move(text));
  std::size_t marked = 0, unmarked = 0;
  for (const std::string& text : samples) {
    CAPTURE(text.substr(0, 80));
    temporal::detail::TokenStream ts;
    temporal::detail::tokenize(text, {0, text.size()}, {}, ts);
    std::vector<const temporal::detail::WordInfo*> words;
    grammar->lookup_words(ts.tokens, words);
    std::vector<std::uint8_t> starts;
    filter.match_starts(ts.tokens, words, starts);
    std::vector<std::uint8_t> expected(ts.tokens.size(), 0);
    for (std::size_t a = 0; a < ts.tokens.size(); ++a) {
      const int reach = filter.reach_before(ts.tokens[a], words[a]);
      if (reach < 0) continue;
      for (std::size_t k = a - std::min(a, static_cast<std::size_t>(reach)); k <= a; ++k) expected[k] = 1;
    }
    CHECK(starts == expected);
    marked += static_cast<std::size_t>(std::count(starts.begin(), starts.end(), 1));
    unmarked += static_cast<std::size_t>(std::count(starts.begin(), starts.end(), 0));
  }
  CHECK(marked > 0);
  CHECK(unmarked > 0);
}
