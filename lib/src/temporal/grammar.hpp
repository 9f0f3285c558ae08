#pragma once
// Private to chronicle::temporal: tokens, lexicon, compiled rules and the value functions.
// The pipeline inside the tagger is tokenize -> match rules (grammar.cpp) -> resolve values
// (resolve.cpp) with a direction from the TenseOracle (tense.cpp).

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <date/date.h>

#include "chronicle/core/result.hpp"
#include "chronicle/core/text_span.hpp"
#include "chronicle/temporal/tagger.hpp"
#include "chronicle/temporal/value.hpp"

namespace chronicle::temporal::detail {

/// What a token is made of.
enum class TokenKind : std::uint8_t { word, number, punct, paragraph };

/// One token of the analysis text. `norm` is lowercase ASCII with typographic apostrophes
/// folded to "'"; it may point into the document's lowered copy or into side storage.
struct Token {
  TextSpan span;
  std::string_view norm;
  TokenKind kind = TokenKind::word;
  bool capitalized = false;   ///< first letter uppercase
  bool all_caps = false;      ///< every letter uppercase (and more than one)
  std::uint32_t sentence = 0;
  bool digit = false;         ///< holds a digit (every number token does)
};

/// Tokens of a document: the lowered text and the side storage the views point into.
struct TokenStream {
  std::string lowered;
  std::deque<std::string> extra;
  std::vector<Token> tokens;
  std::vector<TextSpan> sentences;   ///< indexed by Token::sentence
};

/// Tokenizes `text[range]`; sentence ids come from `sentences` when given, else from a simple
/// splitter (terminal punctuation followed by a capital, blank lines).
void tokenize(std::string_view text, TextSpan range, std::span<const TextSpan> sentences, TokenStream& out);

/// Hash for heterogeneous lookup by string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
/// A string-keyed hash map searchable with string_view.
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

/// One value captured by a pattern element. `text` views the grammar's lexicon or the token
/// list's text, so captures live only as long as the match is being resolved.
struct Capture {
  std::string_view slot;
  double number = 0;
  std::string_view text;   ///< lexicon value or the token's text
};

/// Captures of one match, small and ordered.
using Captures = std::vector<Capture>;

/// A lexicon entry: `word` belongs to class `cls` with value `value`.
struct LexEntry {
  int cls = -1;
  std::string value;
  double number = 0;
  bool cap = false;    ///< counts only when capitalized
  bool abbr = false;   ///< may be followed by an abbreviation dot
};

/// A built-in token class parser: appends captures (under `slot`) and returns true on success.
using Builtin = bool (*)(const Token&, std::string_view slot, Captures&);

/// One pattern element.
struct Element {
  std::vector<std::string> words;   ///< literal alternatives; empty for a class
  std::vector<std::uint32_t> word_ids;   ///< WordInfo::id of each of `words` (build_index)
  int cls = -1;                     ///< lexicon class id
  Builtin builtin = nullptr;        ///< built-in class parser
  std::string slot;                 ///< capture name for classes
  bool optional = false;
  bool context = false;             ///< must match, not part of the span
  bool negative = false;            ///< look-ahead / look-behind that must fail
};

/// One argument of a value template.
struct Arg {
  std::string key;
  std::string value;
  bool from_slot = false;
  bool negate = false;
};

/// What a rule computes once it matched.
struct ResolveContext;
using ValueFn = std::optional<TimeValue> (*)(const Captures&, const std::vector<Arg>&, ResolveContext&);

/// A compiled rule.
struct Rule {
  RuleInfo info;
  std::vector<Element> elements;   ///< without look-behind / look-ahead
  std::vector<Element> behind;     ///< negative look-behinds
  std::vector<Element> ahead;      ///< negative look-aheads
  std::vector<Arg> args;
  ValueFn fn = nullptr;            ///< nullptr: `none`, the match produces nothing
  std::string fn_name;
};

/// The lexicon: classes and words.
struct Lexicon {
  StringMap<int> class_ids;
  std::vector<std::string> class_names;
  StringMap<std::vector<LexEntry>> words;

  int class_id(std::string_view name);                        ///< creates when new
  int find_class(std::string_view name) const;                ///< -1 when unknown
  const std::vector<LexEntry>* lookup(std::string_view word) const;
  bool in_class(std::string_view word, std::string_view cls) const;
};

/// A match of a rule over tokens [first, last).
struct Match {
  std::size_t first = 0, last = 0;        ///< span tokens
  std::size_t consumed_end = 0;           ///< tokens consumed including context
  std::size_t consumed_begin = 0;
  const Rule* rule = nullptr;
  Captures captures;
};

/// What the matcher needs to know of one word of the grammar (a literal or a lexicon word).
struct WordInfo {
  std::uint32_t id = 0;                   ///< its index in the WordTable
  std::vector<LexEntry> lex;              ///< its lexicon entries (Lexicon::lookup)
  std::vector<std::uint32_t> rules;       ///< rules that can start at it, ascending
  std::vector<std::uint32_t> rules_num;   ///< the same with the rules starting with a built-in class
};

/// The grammar's words, looked up by a token's norm in one probe sequence (open addressing).
class WordTable {
 public:
  /// Adds `word` (not yet present) with `info`, whose id becomes the word's index.
  void insert(std::string_view word, WordInfo info);
  /// The word's info, or nullptr when the grammar does not know it.
  const WordInfo* find(std::string_view word) const;
  /// find(), inline where it is defined (grammar.cpp): Grammar::lookup_words looks up every token
  /// of a window, and a call each cost about a tenth of it.
  const WordInfo* find_inline(std::string_view word) const;
  /// Number of words (their ids are 0 to size() - 1).
  std::size_t size() const { return words_.size(); }
  /// Calls `f(word, info)` for every word, in no particular order.
  template <class F>
  void for_each(F f) const;

 private:
  /// The hash of `word`, whose head() is `first`.
  static std::uint32_t hash(std::string_view word, std::uint64_t first);
  /// The `n` (at most 8) bytes at `p` as one number, equal for equal bytes only (given `n`).
  static std::uint64_t load(const char* p, std::size_t n);
  /// The first eight bytes of `word` (all of most words) as one number: load(), at most 8 bytes.
  static std::uint64_t head(std::string_view word);
  /// A slot tells its key from a word by two numbers: the key's length and head. A key longer
  /// than eight bytes (rare) compares the rest in keys_. (A string compare, a call to memcmp on
  /// every hit, made a lookup a fifth dearer.)
  struct Slot {
    std::uint64_t head = 0;
    std::uint32_t size = 0;   ///< the key's length; 0 marks a free slot (no grammar word is empty)
    std::uint32_t info = 0;   ///< index into words_
  };
  std::vector<Slot> slots_;
  std::vector<std::string> keys_;        ///< beside slots_: the key, "" in a free slot
  std::vector<WordInfo> words_;
  std::uint32_t mask_ = 0;
};

template <class F>
void WordTable::for_each(F f) const {
  for (std::size_t slot = 0; slot < keys_.size(); ++slot)
    if (!keys_[slot].empty()) f(std::string_view(keys_[slot]), words_[slots_[slot].info]);
}

/// The WordInfo of each token of a token list (nullptr: a word the grammar does not know).
using WordInfos = std::span<const WordInfo* const>;

/// Rule lists under 64-bit keys, all in one open-addressing table (Grammar::by_next).
class RuleIndex {
 public:
  /// Room for `entries` add() calls.
  void reserve(std::size_t entries) {
    rules_.reserve(entries);
    added_.reserve(entries);   // at most one key per entry; pages never written cost nothing
  }
  /// Adds `rule` under `key`: the rules of one key are added one after the other, ascending.
  /// (Added where they are found, not gathered first in a list of (key, rule) pairs: 16 bytes an
  /// entry, about 40K entries, all in fresh pages at start-up.)
  void add(std::uint64_t key, std::uint32_t rule) {
    const auto at = static_cast<std::uint32_t>(rules_.size());
    if (added_.empty() || added_.back().key != key + 1) added_.push_back({key + 1, at, at});
    rules_.push_back(rule);
    ++added_.back().end;
  }
  /// Builds the table over the keys added; find() answers only after it.
  void finish();
  /// The rules under `key`, ascending; empty when none.
  std::span<const std::uint32_t> find(std::uint64_t key) const;

 private:
  static std::uint64_t slot_of(std::uint64_t key);
  struct Slot {
    std::uint64_t key = 0;                 ///< key + 1; 0 marks a free slot
    std::uint32_t begin = 0, end = 0;      ///< the key's range of rules_
  };
  std::vector<Slot> added_;   ///< the keys added, in order, until finish()
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> rules_;
  std::uint64_t mask_ = 0;
};

/// A required element of a rule that any match has at a token `from`..`to` after its first,
/// looked for on its own (match_element's verdict, without captures) before the rule is searched.
struct Check {
  Builtin builtin = nullptr;             ///< the element's parts...
  int cls = -1;
  std::uint32_t ids = 0, id_count = 0;   ///< ...its literals: Grammar::check_ids range
  std::uint8_t from = 0, to = 0;
};

/// What match_at checks of a candidate rule before searching it, packed beside the other rules'
/// (the rules themselves lie far apart in memory): its opening built-in class and its required
/// elements after the first. Five in six rules searched used to fail on one of those ("3 years"
/// for "<num> <unit> ago"), and a search costs several checks.
struct RuleHead {
  Builtin opener = nullptr;          ///< the required first element's built-in class, if it is one
  std::uint32_t checks = 0, check_count = 0;   ///< Grammar::checks range, cheapest first; the gate among them
};

/// Rules and lexicon with the first-token index.
struct Grammar {
  Lexicon lexicon;
  std::vector<Rule> rules;
  std::vector<RuleInfo> infos;
  StringMap<std::vector<std::uint32_t>> by_word;   ///< first literal
  std::vector<std::vector<std::uint32_t>> by_class;                        ///< first lexicon class
  std::vector<std::uint32_t> by_builtin;                                   ///< first built-in class
  /// Whether a rule can open with a built-in class that matches words without a digit (<capword>).
  /// When none can, a two-letter word takes `by_builtin` only when it holds a digit ("q3"):
  /// every other built-in class needs one, and "in", "of", "on" opened dozens of number rules.
  bool builtin_opens_words = false;
  WordTable words;   ///< by_word and by_class merged per word, with the lexicon entries
  std::vector<RuleHead> heads;          ///< beside rules
  std::vector<Check> checks;            ///< RuleHead::checks
  std::vector<std::uint32_t> check_ids; ///< word ids of the checks' literals (Check::ids)
  /// The candidate lists of match_at (a WordInfo's `rules` is list 2 * id, its `rules_num`
  /// 2 * id + 1, `by_builtin` the last), each split by the token after the first:
  /// `open_rules[list]` holds the rules whose gate that token alone cannot rule out,
  /// `by_next[list << 32 | key]` the others, under each key of a next token their gate can
  /// match: its WordInfo id, or kDigitKey for a token holding a digit (build_next_index).
  std::vector<std::vector<std::uint32_t>> open_rules;
  RuleIndex by_next;
  static constexpr std::uint32_t kDigitKey = 0xFFFFFFFFu;

  /// The WordInfo of each of `tokens`, looked up once for all the matches tried over them.
  void lookup_words(const std::vector<Token>& tokens, std::vector<const WordInfo*>& out) const;
  /// The best (longest, then earliest rule) match starting at token `i`, if any; `words` are
  /// lookup_words(tokens).
  std::optional<Match> match_at(const std::vector<Token>& tokens, WordInfos words, std::size_t i) const;
  /// The same, looking the words up first (for tests and single matches).
  std::optional<Match> match_at(const std::vector<Token>& tokens, std::size_t i) const;
};

/// The first eight bytes of `s` as a number that orders as the strings do (byte 0 highest, 0 past
/// the end): where it differs it decides, so sorting words by it first compares strings only
/// between words sharing their first eight bytes.
constexpr std::uint64_t order_prefix(std::string_view s) {
  std::uint64_t prefix = 0;
  for (std::size_t k = 0; k < 8; ++k)
    prefix = prefix << 8 | (k < s.size() ? static_cast<unsigned char>(s[k]) : 0u);
  return prefix;
}

/// Parses the lexicon and rules files.
Result<Grammar> compile(std::string_view rules, std::string_view lexicon);

/// Looks up a built-in class by name.
Builtin find_builtin(std::string_view name);

/// Whether built-in class `b` only matches a token holding a digit ("2015", "q3", "'90s").
bool needs_digit(Builtin b);

/// Looks up a value function by name.
ValueFn find_value_fn(std::string_view name);

/// What value functions know about the document.
struct ResolveContext {
  std::optional<date::year_month_day> reference;   ///< DCT, or the narrative anchor
  bool narrative = false;                           ///< no DCT: reference moves with the text
  std::optional<date::year_month_day> last_day;    ///< last day-precise date mentioned
  std::optional<Period> recent_quarter;            ///< a quarter named in this or the last sentence
  std::optional<Period> last_quarter;              ///< the last quarter named anywhere before
  std::optional<Period> last_explicit;             ///< the last date written with its year
  std::optional<Period> last_month;                ///< the month of the last date naming its month
  /// The day the expression just before this match named, when nothing but spaces lie between
  /// them ("April 24" in "April 24 and 25"); set only for rules of value function `and_day`.
  std::optional<date::year_month_day> adjacent_day;
  std::function<Direction()> direction;             ///< lazily asks the oracle
  std::string_view first_word;                      ///< the match's first token, for `$0`
};

/// Cue classes for the default oracle, read from the lexicon.
struct CueTables {
  StringMap<Direction> words;       ///< single-word cues
  StringMap<bool> before_to;        ///< "set", "due": future before "to"
  StringMap<bool> defer;            ///< "postponed", "adjourned": ahead before "until" even when past
};

/// The default oracle built from `tables`.
std::unique_ptr<TenseOracle> make_cue_oracle(CueTables tables);

}  // namespace chronicle::temporal::detail
