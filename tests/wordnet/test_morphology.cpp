// chronicle::wordnet::Morphology must answer exactly what WordNet's library answers: morphstr
// (first call) on every exception-list entry, a spread of inflections of index lemmas in all
// four word classes, hyphenated words, phrasal verbs and random near-words.

#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <wn.h>

#include "chronicle/wordnet/morphology.hpp"

using chronicle::wordnet::Morphology;
using chronicle::wordnet::SortedFile;
using chronicle::wordnet::WordClass;

namespace {

constexpr const char* kNames[] = {"", "noun", "verb", "adj", "adv"};

/// What morphology may be asked of `word_class`: the inflected forms and lemmas of its exception
/// list, every 50th index lemma with suffixes of every rule, hyphenated and phrasal forms, and
/// random letter strings.
std::vector<std::string> probe_words(int word_class) {
  std::set<std::string> words;
  const std::string dir = chronicle::wordnet::search_dir();
  std::ifstream exc(dir + "/" + kNames[word_class] + ".exc");
  for (std::string line; std::getline(exc, line);) {
    std::size_t space = line.find(' ');
    words.insert(line.substr(0, space));
    if (space != std::string::npos) words.insert(line.substr(space + 1, line.find(' ', space + 1) - space - 1));
  }
  std::ifstream index(dir + "/index." + kNames[word_class]);
  std::size_t n = 0;
  std::string previous;
  for (std::string line; std::getline(index, line);) {
    if (line.empty() || line[0] == ' ') continue;
    const std::string lemma = line.substr(0, line.find(' '));
    if (n++ % 50 != 0) continue;
    words.insert(lemma);
    for (const char* suffix : {"s", "es", "ies", "ed", "d", "ing", "er", "est", "ful", "sful", "men"})
      words.insert(lemma + suffix);
    if (lemma.size() > 2) words.insert(lemma.substr(0, lemma.size() - 1) + "ies");
    if (!previous.empty()) words.insert(previous + "s-" + lemma + "s");   // hyphenated
    previous = lemma;
  }
  for (const char* w : {"passers-by", "mothers-in-law", "ran_out_of", "gives up", "looked_up_to", "ran_away_with_it",
                        "went_into_meetings", "spoonsful", "ss", "is", "was", "men", "women", "-", "a-", "-a", "a--b",
                        "_", "A(B)", "Talked", "met", "said", "geese", "better", "best", "ful", "x_y"})
    words.insert(w);
  std::mt19937 rng(static_cast<unsigned>(word_class));
  for (int k = 0; k < 2000; ++k) {
    std::string w;
    const std::size_t len = 2 + rng() % 9;
    for (std::size_t i = 0; i < len; ++i) w += static_cast<char>('a' + rng() % 26);
    static const char* const kEnds[] = {"", "s", "ed", "ing", "er", "es"};
    words.insert(w + kEnds[k % 6]);
  }
  return {words.begin(), words.end()};
}

}  // namespace

TEST_CASE("WordNet's morphology in memory answers as morphstr does", "[wordnet]") {
  if (wninit() != 0) {
    WARN("WordNet is not installed");
    return;
  }
  const auto& morphology = Morphology::installed();
  REQUIRE(morphology);
  for (int c = 1; c <= 4; ++c) {
    const std::vector<std::string> words = probe_words(c);
    REQUIRE(words.size() > 1000);
    std::size_t bases = 0, mismatches = 0;
    for (const std::string& word : words) {
      std::string buffer = word;
      const char* expected = morphstr(buffer.data(), c);
      const std::optional<std::string> got = morphology->base(word, static_cast<WordClass>(c));
      bases += expected != nullptr;
      if ((expected == nullptr) != !got || (got && *got != expected)) {
        ++mismatches;
        INFO("class " << kNames[c] << ", word '" << word << "': morphstr " << (expected ? expected : "(null)")
                      << ", in memory " << got.value_or("(none)"));
        CHECK(false);
        if (mismatches > 20) FAIL("too many mismatches");
      }
    }
    INFO("class " << kNames[c]);
    CHECK(bases > (c == 4 ? 5u : 1000u));   // the sample holds many inflected forms, not only lemmas
  }
}

TEST_CASE("base forms", "[wordnet]") {
  const auto& morphology = Morphology::installed();
  if (!morphology) {
    WARN("WordNet is not installed");
    return;
  }
  CHECK(morphology->base("met", WordClass::verb) == "meet");
  CHECK(morphology->base("talked", WordClass::verb) == "talk");
  CHECK_FALSE(morphology->base("talk", WordClass::verb));
  CHECK(morphology->base("geese", WordClass::noun) == "goose");
  CHECK(morphology->base("passers-by", WordClass::noun) == "passer-by");
  CHECK(morphology->base("gave_up", WordClass::verb) == "give_up");
  CHECK(morphology->base("better", WordClass::adjective) == "good");
  CHECK_FALSE(morphology->base(std::string(300, 'a') + "ed", WordClass::verb));   // longer than WordNet's buffers
  CHECK(morphology->defined("new_york", WordClass::noun));
  CHECK(morphology->defined("new-york", WordClass::noun));
  CHECK_FALSE(morphology->defined("", WordClass::noun));
}

TEST_CASE("a sorted file's key filter refuses only what the search would miss", "[wordnet]") {
  // Sorted and not, a key twice, an empty line, a line of one field, no newline at the end: the
  // filter may only skip the searches that find nothing.
  const std::string bytes =
      GENERATE(as<std::string>{}, "abide abode\nbear bore\nbeat beat\nbid bade\nbid bid\nbind bound",
               "\nate eat\ncame come\nwent go\nmet meet\ngone\nsaid say\n", "went go\nate eat\nzz z\nbe is\nwent goes\n\nx");
  const SortedFile plain(bytes), filtered(bytes, /*key_filter=*/true);
  std::set<std::string> keys = {"", "a", "z", "zzz", "wen", "wentt", "bi", "bindd", "x", "xx", "go", " ", "went go"};
  for (std::size_t line = 0; line < bytes.size(); line = bytes.find('\n', line) + 1) {
    const std::string field = bytes.substr(line, bytes.find_first_of(" \n", line) - line);
    keys.insert(field);
    keys.insert(field + "s");
    if (!field.empty()) keys.insert(field.substr(0, field.size() - 1));
    if (bytes.find('\n', line) == std::string::npos) break;
  }
  std::size_t found = 0;
  for (const std::string& key : keys) {
    CAPTURE(bytes, key);
    CHECK(filtered.find(key) == plain.find(key));
    found += plain.find(key).has_value();
  }
  CHECK(found >= 3);   // not only misses compared
}

TEST_CASE("a missing dictionary is an error naming the file", "[wordnet]") {
  auto missing = Morphology::load("/nonexistent/wordnet");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("/nonexistent/wordnet/index.noun") != std::string::npos);
}
