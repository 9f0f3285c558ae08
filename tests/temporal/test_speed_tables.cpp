// The tables that make tagging fast must answer exactly what the slow paths answer. (WordNet's
// morphology in memory is checked against the library in tests/wordnet.)

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "../../lib/src/temporal/grammar.hpp"
#include "../../lib/src/temporal/prefilter.hpp"

using namespace chronicle::temporal::detail;

// The matcher's first-token table and gates (a required element after leading literals is checked
// before searching) must not change what matches: rules with optional and required literal
// prefixes, classes that take an abbreviation dot, look-behinds, and over-long lexicon words.

namespace {

const std::string kLongWord(40, 'z');

/// The rule and the matched text of the best match at token `i` of `text`, or "-".
std::string match_at(const Grammar& g, const std::string& text, std::size_t i = 0) {
  TokenStream ts;
  tokenize(text, {0, text.size()}, {}, ts);
  const auto m = g.match_at(ts.tokens, i);
  if (!m) return "-";
  const chronicle::TextSpan span{ts.tokens[m->first].span.begin, ts.tokens[m->last - 1].span.end};
  return m->rule->info.name + ": " + std::string(span.of(text));
}

}  // namespace

TEST_CASE("the matcher's word table and gates find the same matches as a plain search", "[temporal][grammar]") {
  const std::string lexicon = "month\tmay\t5\nmonth\tdec\t12\tabbr\nmonth\t" + kLongWord + "\t1\n";
  const std::string rules =
      "fiscal\tthe? fiscal <month>\tnone\tex\t-\n"
      "year\tthe year <year>\tnone\tex\t-\n"
      "day\t!after the day\tnone\tex\t-\n"
      "md\t<month> <day>\tnone\tex\t-\n"
      "long\tthe " + kLongWord + "\tnone\tex\t-\n"
      "ctx\t[on] the? <month>\tnone\tex\t-\n";
  auto g = compile(rules, lexicon);
  REQUIRE(g);
  const auto [text, i, expected] = GENERATE(table<std::string, std::size_t, std::string>({
      {"the fiscal May", 0, "fiscal: the fiscal May"},
      {"fiscal May", 0, "fiscal: fiscal May"},
      {"The Fiscal MAY", 0, "fiscal: The Fiscal MAY"},
      {"the fiscal June", 0, "-"},
      {"the the fiscal May", 0, "-"},
      {"the the fiscal May", 1, "fiscal: the fiscal May"},
      {"the year 1999", 0, "year: the year 1999"},
      {"the year ninety", 0, "-"},
      {"the year", 0, "-"},
      {"the day", 0, "day: the day"},
      {"after the day", 1, "-"},
      {"Dec. 5", 0, "md: Dec. 5"},
      {"Dec 5", 0, "md: Dec 5"},
      {"on the May", 0, "ctx: the May"},
      {"on May", 0, "ctx: May"},
      {"the " + kLongWord, 0, "long: the " + kLongWord},        // a literal of any length
      {kLongWord + " 5", 0, "-"},                              // a lexicon word over 32 letters is no class member
  }));
  CAPTURE(text, i);
  CHECK(match_at(*g, text, i) == expected);
}

// Candidate rules are gathered by the token after the first (Grammar::by_next): a rule whose gate
// lies one token on is only tried when that token is one of its gate's words, a word of its gate's
// class, or a token holding a digit for a built-in class. Gates after a lexicon class sit one token
// on, or two after an abbreviation ("Dec. 5").

TEST_CASE("rules gathered by the next token match as a plain search does", "[temporal][grammar]") {
  const std::string lexicon =
      "num\ttwo\t2\nunit\tdays\tD\nunit\tweeks\tW\nmonth\tdec\t12\tabbr\nmonth\tmay\t5\nmod\tearly\tSTART\n";
  const std::string rules =
      "ago\t<num> <unit> ago\tnone\tex\t-\n"
      "md\t<month> <day>\tnone\tex\t-\n"
      "in_year\tin <year>\tnone\tex\t-\n"
      "quarter\tthe <qn>\tnone\tex\t-\n"
      "mod_year\tthe? <mod> <year>\tnone\tex\t-\n"
      "the_num\tthe? <num> <unit>\tnone\tex\t-\n"
      "year_word\tthe year\tnone\tex\t-\n";
  auto g = compile(rules, lexicon);
  REQUIRE(g);
  const auto [text, i, expected] = GENERATE(table<std::string, std::size_t, std::string>({
      {"5 days ago", 0, "ago: 5 days ago"},           // a number, then a word of the gate's class
      {"two weeks ago", 0, "ago: two weeks ago"},      // a class word first
      {"5 apples ago", 0, "-"},
      {"two", 0, "-"},                                 // no next token
      {"Dec. 5", 0, "md: Dec. 5"},                     // the gate two tokens on, after the dot
      {"Dec 5", 0, "md: Dec 5"},
      {"May\n\n5", 0, "-"},                            // a paragraph break is no gate
      {"in 1999", 0, "in_year: in 1999"},              // a digit key
      {"in May", 0, "-"},
      {"the q3", 0, "quarter: the q3"},                // a word holding a digit
      {"the qx", 0, "-"},
      {"the early 1990", 0, "mod_year: the early 1990"},
      {"early 1990", 0, "mod_year: early 1990"},       // the optional first absent: the gate is the first token
      {"the 5 days", 0, "the_num: the 5 days"},
      {"the two days", 0, "the_num: the two days"},
      {"two days", 0, "the_num: two days"},
      {"the year", 0, "year_word: the year"},
      {"the years", 0, "-"},
  }));
  CAPTURE(text, i);
  CHECK(match_at(*g, text, i) == expected);
}

// Before a rule is searched, its required elements after the first are looked for on their own
// (RuleHead::checks) at every token a match could put them: after optional elements, after a
// lexicon word and its abbreviation dot. A check that says no where the search would say yes
// loses a match: lexicon entries that count only capitalized, paragraph breaks and the end of the
// tokens must be judged as the search judges them.

TEST_CASE("rules whose later elements are checked first match as a plain search does", "[temporal][grammar]") {
  const std::string lexicon =
      "num\ttwo\t2\nunit\tdays\tD\nmonth\tdec\t12\tabbr\nmonth\tmay\t5\nname\tmay\tMay\tcap\n";
  const std::string rules =
      "ago\t<num> <unit> ago\tnone\tex\t-\n"
      "mdy\t<month> <day> ,? <year>\tnone\tex\t-\n"
      "met\tmet with <name> twice\tnone\tex\t-\n"
      "span\tfrom <year> to <year>\tnone\tex\t-\n"
      "fiscal\tthe? fiscal year? <year> results\tnone\tex\t-\n";
  auto g = compile(rules, lexicon);
  REQUIRE(g);
  const auto [text, i, expected] = GENERATE(table<std::string, std::size_t, std::string>({
      {"5 days ago", 0, "ago: 5 days ago"},
      {"two days ago", 0, "ago: two days ago"},
      {"5 days later", 0, "-"},
      {"5 days", 0, "-"},                                  // the last element past the tokens
      {"5 days\n\nago", 0, "-"},                          // a paragraph break between
      {"Dec. 5, 1999", 0, "mdy: Dec. 5, 1999"},            // the year four tokens on
      {"Dec 5 1999", 0, "mdy: Dec 5 1999"},                // ...or two
      {"May 5, 1999", 0, "mdy: May 5, 1999"},
      {"Dec. 5, May", 0, "-"},
      {"met with May twice", 0, "met: met with May twice"},
      {"met with may twice", 0, "-"},                      // a capitalized-only entry, lowercase
      {"met with May once", 0, "-"},
      {"from 1999 to 2001", 0, "span: from 1999 to 2001"},
      {"from 1999 to 20", 0, "-"},
      {"the fiscal year 1999 results", 0, "fiscal: the fiscal year 1999 results"},
      {"fiscal 1999 results", 0, "fiscal: fiscal 1999 results"},
      {"the fiscal year results", 0, "-"},
      {"the fiscal 1999 result", 0, "-"},
  }));
  CAPTURE(text, i);
  CHECK(match_at(*g, text, i) == expected);
}

TEST_CASE("a rule's checks are its later required elements, cheapest first, where a match puts them", "[temporal][grammar]") {
  const std::string lexicon = "unit\tdays\tD\nmonth\tdec\t12\tabbr\n";
  const std::string rules =
      "ago\t<num> <unit> ago\tnone\tex\t-\n"
      "mdy\tthe? <month> <day> ,? <year>\tnone\tex\t-\n";
  auto g = compile(rules, lexicon);
  REQUIRE(g);
  REQUIRE(g->heads.size() == 2);
  const auto checks_of = [&](std::size_t r) {
    const RuleHead& head = g->heads[r];
    return std::vector<Check>(g->checks.begin() + head.checks, g->checks.begin() + head.checks + head.check_count);
  };
  // "<num> <unit> ago": the literal two tokens on before the class one token on
  const auto ago = checks_of(0);
  REQUIRE(ago.size() == 2);
  CHECK(ago[0].id_count == 1);
  CHECK(g->check_ids[ago[0].ids] == g->words.find("ago")->id);
  CHECK((ago[0].from == 2 && ago[0].to == 2));
  CHECK(ago[1].cls == g->lexicon.find_class("unit"));
  CHECK((ago[1].from == 1 && ago[1].to == 1));
  // "the? <month> <day> ,? <year>": the month itself (the first required element), then the
  // day after "the" and "Dec ." or neither, the year with or without the comma too
  const auto mdy = checks_of(1);
  REQUIRE(mdy.size() == 3);
  CHECK(mdy[0].cls == g->lexicon.find_class("month"));
  CHECK((mdy[0].from == 0 && mdy[0].to == 1));
  CHECK(mdy[1].builtin == find_builtin("day"));
  CHECK((mdy[1].from == 1 && mdy[1].to == 3));
  CHECK(mdy[2].builtin == find_builtin("year"));
  CHECK((mdy[2].from == 2 && mdy[2].to == 5));
}

// Built-in classes open rules only at number tokens and at two-letter words ("q3"): a two-letter
// word without a digit takes those rules only when some built-in class matches such words.

TEST_CASE("two-letter words open built-in class rules only when a class can match them", "[temporal][grammar]") {
  const std::string rules =
      "quarter\t<qn> <year>\tnone\tex\t-\n"
      "in_n\tin? <num> days\tnone\tex\t-\n";
  auto digits_only = compile(rules, "");
  REQUIRE(digits_only);
  CHECK_FALSE(digits_only->builtin_opens_words);
  CHECK(match_at(*digits_only, "Q3 2015") == "quarter: Q3 2015");
  CHECK(match_at(*digits_only, "in 5 days") == "in_n: in 5 days");
  CHECK(match_at(*digits_only, "of 5 days") == "-");
  CHECK(match_at(*digits_only, "of 5 days", 1) == "in_n: 5 days");
  auto words_too = compile(rules + "said\t<capword> said\tnone\tex\t-\n", "");
  REQUIRE(words_too);
  CHECK(words_too->builtin_opens_words);
  CHECK(match_at(*words_too, "Al said") == "said: Al said");
  CHECK(match_at(*words_too, "Q3 2015") == "quarter: Q3 2015");
}

// build_next_index groups each candidate list's rules by the keys of their gates (a counting sort
// over the keys): every key of a first word must give exactly the rules gated on it, ascending,
// whether the key is a literal, a class word or the digit key, and however the rules interleave.

TEST_CASE("by_next gives a first word's rules under each key of their gates, ascending", "[temporal][grammar]") {
  const std::string lexicon = "unit\tdays\tD\nunit\tweeks\tW\n";
  const std::string rules =
      "a\tthe <unit> ago\tnone\tex\t-\n"
      "b\tthe year\tnone\tex\t-\n"
      "c\tthe <year>\tnone\tex\t-\n"
      "d\tthe <unit>\tnone\tex\t-\n"
      "e\tthe days|year\tnone\tex\t-\n"
      "f\tthe <unit> <year>\tnone\tex\t-\n";
  auto g = compile(rules, lexicon);
  REQUIRE(g);
  const std::uint64_t list = std::uint64_t{2 * g->words.find("the")->id} << 32;
  const auto rules_under = [&](std::uint32_t key) {
    const auto found = g->by_next.find(list | key);
    return std::vector<std::uint32_t>(found.begin(), found.end());
  };
  CHECK(g->open_rules[list >> 32].empty());
  CHECK(rules_under(g->words.find("days")->id) == std::vector<std::uint32_t>{0, 3, 4, 5});
  CHECK(rules_under(g->words.find("weeks")->id) == std::vector<std::uint32_t>{0, 3, 5});
  CHECK(rules_under(g->words.find("year")->id) == std::vector<std::uint32_t>{1, 4});
  CHECK(rules_under(Grammar::kDigitKey) == std::vector<std::uint32_t>{2});
  CHECK(rules_under(g->words.find("ago")->id).empty());
}

// Start-up sorts words by order_prefix() first, their first eight bytes as a number: it must never
// put two words in the other order than the words themselves, at any length, with any bytes.

TEST_CASE("order_prefix orders words as the words do", "[temporal][grammar]") {
  const std::vector<std::string> words = {"",         "a",         "a\x01",   "aa",       "ab",        "abcdefgh",
                                          "abcdefgha", "abcdefghb", "abcdefgi", "b",        "\x7f",     "\x80",
                                          "\xff",     "zzzzzzzzz", "may",      "mayday",   "thereafter", "there"};
  for (const std::string& a : words)
    for (const std::string& b : words) {
      CAPTURE(a, b);
      if (order_prefix(a) < order_prefix(b)) CHECK(a < b);
      if (a.size() <= 8 && b.size() <= 8) CHECK((order_prefix(a) == order_prefix(b)) == (a == b));
    }
}

// by_next's rule lists are added a rule at a time, each key's together, and the table is built
// once at the end: every key must then give exactly its rules, in order, whatever its neighbours
// in the hash table, and a key never added none.

TEST_CASE("the rule index gives each key exactly the rules added under it", "[temporal][grammar]") {
  RuleIndex index;
  CHECK(index.find(7).empty());   // before any add
  index.reserve(10);
  std::vector<std::pair<std::uint64_t, std::vector<std::uint32_t>>> expected;
  for (std::uint64_t list = 0; list < 300; ++list)
    for (const std::uint64_t next : {std::uint64_t{0}, std::uint64_t{5}, std::uint64_t{Grammar::kDigitKey}}) {
      const std::uint64_t key = list << 32 | next;
      std::vector<std::uint32_t> rules;
      for (std::uint32_t r = 0; r <= (list + next) % 4; ++r) rules.push_back(r * 3 + static_cast<std::uint32_t>(list % 7));
      for (const std::uint32_t r : rules) index.add(key, r);
      expected.emplace_back(key, std::move(rules));
    }
  index.finish();
  for (const auto& [key, rules] : expected) {
    CAPTURE(key);
    const auto found = index.find(key);
    CHECK(std::vector<std::uint32_t>(found.begin(), found.end()) == rules);
  }
  CHECK(index.find(std::uint64_t{300} << 32).empty());
  CHECK(index.find(1).empty());
  CHECK(index.find(std::uint64_t{5} << 32 | 6).empty());
}

// The word table hashes a word a block of eight bytes at a time (two overlapping reads for most
// words): every length up to a few blocks must find exactly its own word, not one that differs in
// a single byte, whichever byte that is.

TEST_CASE("the word table finds each word of every length and no near miss", "[temporal][grammar]") {
  WordTable table;
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= 20; ++n) {
    std::string w;
    for (std::size_t k = 0; k < n; ++k) w += static_cast<char>('a' + (k * 7 + n) % 26);
    words.push_back(w);
    table.insert(w, WordInfo{});
  }
  for (const std::string& w : words) {
    CAPTURE(w);
    const WordInfo* found = table.find(w);
    REQUIRE(found != nullptr);
    CHECK(words[found->id] == w);
    for (std::size_t k = 0; k < w.size(); ++k) {
      std::string near = w;
      near[k] = near[k] == 'z' ? 'y' : 'z';
      CAPTURE(near);
      if (std::find(words.begin(), words.end(), near) == words.end()) CHECK(table.find(near) == nullptr);
    }
    CHECK(table.find(std::string_view(w).substr(1)) != found);
  }
  CHECK(table.find("") == nullptr);
}

// The tokenizer classifies a word's bytes a block of eight at a time: its end, its capitals and
// its digits must come out the same wherever they fall in a block, and past it.

TEST_CASE("word tokens are cut and flagged the same at every length", "[temporal][grammar]") {
  const auto [word, all_caps, digit] = GENERATE(table<std::string, bool, bool>({
      {"A", false, false},
      {"NATO", true, false},
      {"ABCDEFGH", true, false},
      {"ABCDEFGHI", true, false},
      {"ABCDEFGHIJKLMNOPQ", true, false},
      {"ABCDEFGHIJKLMNOPq", false, false},
      {"aBCDEFGHIJKLMNOPQ", false, false},
      {"ABCDEFGh", false, false},
      {"abcdefgh9", false, true},
      {"abcdefghijklmnop7q", false, true},
      {"Wednesday", false, false},
      {"WEDNESDAY", true, false},
      {"DON'T", true, false},
      {"U.S.", true, false},
      {"ABCDEFG\xC3\x89", true, false},   // a non-ASCII byte ends the word
  }));
  for (const std::string_view before : {"", " ", "xxxxxxx "}) {
    for (const std::string_view after : {"", " ", ",", " tail of the text", "."}) {
      const std::string text = std::string(before) + word + std::string(after);
      TokenStream ts;
      tokenize(text, {0, text.size()}, {}, ts);
      CAPTURE(text);
      const Token* t = nullptr;
      for (const Token& tok : ts.tokens)
        if (tok.span.begin == before.size()) t = &tok;
      REQUIRE(t != nullptr);
      const std::string_view expected = word.ends_with("\xC3\x89") ? std::string_view(word).substr(0, 7) : std::string_view(word);
      CHECK(t->span.of(text) == expected);
      CHECK(t->all_caps == all_caps);
      CHECK(t->digit == digit);
      CHECK(t->capitalized == (word[0] >= 'A' && word[0] <= 'Z'));
      std::string lowered(expected);
      for (char& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      CHECK(t->norm == lowered);
    }
  }
}

TEST_CASE("a cardinal in digits reads the same at every length", "[temporal][grammar]") {
  auto g = compile("n\t<num> days\tnone\tex\t-\n", "");
  REQUIRE(g);
  const auto [number, expected] = GENERATE(table<std::string, std::string>({
      {"2", "n: 2 days"},
      {"1,000", "n: 1,000 days"},
      {"2.5", "n: 2.5 days"},
      {"100001", "-"},                                                      // over the limit
      {"0000000000000000000000000000000000000012", "n: 0000000000000000000000000000000000000012 days"},
      {"0,000,000,000,000,000,000,000,000,000,000,000,012", "n: 0,000,000,000,000,000,000,000,000,000,000,000,012 days"},
      {"1,2a", "-"},
  }));
  CAPTURE(number);
  CHECK(match_at(*g, number + " days") == expected);
}

// Most words are cut and flagged a block at a time, straight from the blocks that class their
// bytes, and a window is lowered sixteen bytes at a time while looking for curly apostrophes: on
// any mix of words, numbers, abbreviations, apostrophes, marks, non-ASCII bytes and line breaks,
// and any window (one that ends inside a word too, the text going on past it), the tokens must be
// those of the general scan, their norms the lowered text with curly apostrophes folded.

TEST_CASE("block-at-a-time words and lowering give the tokens of the general scan", "[temporal][grammar]") {
  const std::vector<std::string> pieces = {
      "a", "I", "on", "US", "May", "NATO", "Monday", "WEDNESDAY", "yesterday", "Thanksgiving",
      "ABCDEFGH", "abcdefghijklmnopq", "x7", "B52s", "1990", "15th", "3:30", "1,000", "2.5",
      "a.m.", "U.S.", "p.m", "Mr.", "Calif.", "o'clock", "don't", "DON'T", "Monday's",
      "Monday\xE2\x80\x99s", "don\xE2\x80\x99t", "\xE2\x80\x99", "\xE2\x80\x9C", "'98", "'s",
      "caf\xC3\xA9", "\xC3\x89T\xC3\x89", ".", ",", "-", "(", ")", "\"", "!", "?", "/", ":",
      " ", " ", " ", "  ", "\n", "\n\n", "\t", " \n \n "};
  std::mt19937 random(20151215);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const std::size_t count = 1 + random() % 60;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    const std::size_t begin = random() % (text.size() + 1);
    const std::size_t end = begin + random() % (text.size() - begin + 1);
    for (const chronicle::TextSpan range : {chronicle::TextSpan{0, text.size()}, chronicle::TextSpan{begin, end}}) {
      CAPTURE(text, range.begin, range.end);
      TokenStream fast, plain;
      tokenize_window(text, range, fast);
      tokenize_plain(text, range, plain);
      REQUIRE(fast.tokens.size() == plain.tokens.size());
      for (std::size_t k = 0; k < fast.tokens.size(); ++k) {
        const Token& a = fast.tokens[k];
        const Token& b = plain.tokens[k];
        CAPTURE(k, std::string(b.span.of(text)));
        CHECK(a.span == b.span);
        CHECK(a.norm == b.norm);
        CHECK(a.kind == b.kind);
        CHECK(a.capitalized == b.capitalized);
        CHECK(a.all_caps == b.all_caps);
        CHECK(a.digit == b.digit);
        // (a window cut inside a curly apostrophe ends its norm there: windows end at spaces)
        std::string lowered = text.substr(a.span.begin, std::min(a.span.end, range.end) - a.span.begin);
        for (char& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        for (std::size_t at; (at = lowered.find("\xE2\x80\x99")) != std::string::npos;) lowered.replace(at, 3, "'");
        CHECK(a.norm == lowered);
      }
    }
  }
}
