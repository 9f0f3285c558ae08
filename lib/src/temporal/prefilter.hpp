#pragma once
// Private to chronicle::temporal: the prefilter that lets the tagger tokenize and match only the
// parts of a text where the grammar can match.
//
// Every rule has a required element (its anchor) that can only match a token whose text starts
// with one of a known set of lowercase letter runs ("december", "ago", "o" of "o'clock") or that
// contains a digit; a built-in class says more of its digits (<year> four in a run, <clock> a ':',
// <mdy> a '/', <qn> a 'q' before one, <decade> an 's' or apostrophe after one), and only chunks of
// that shape anchor it, so "$5 million" or "3,000 troops" anchor no year or clock rule (a token's
// norm is its lowercased text, a curly apostrophe folded, so its digits and their neighbours lie
// so in its chunk). A match has a bounded number of tokens before and after its anchor and sees
// one token before it and two after, and a whitespace-separated chunk holds at least one token, so
// matching windows of whole chunks reaching that many chunks either side of every anchor finds
// exactly the matches that matching the whole text finds: every match lies inside one window, no
// match crosses a window edge and the matcher is idle at each window's start. The anchor set is built from the grammar at
// load time; a grammar with a rule that has no anchorable element disables the prefilter.
//
// An anchor is weak when another required element of its rule can be looked for too ("this" of
// "this past <period>" needs "past" right after it, the number of "<month> <day>" a month right
// before it): its window opens only when a chunk close enough on that side holds one of that
// element's letter runs (or a digit, or a punctuation word's byte: "&" of "24 & 25"). Any match
// holds both, so the windows still hold every match. A number anchors weakly even when confirmed
// by a very common word ("and" of "April 24 and 25", "a" of "11 a.m."): numbers are commoner still.
// Weak anchors are grouped by what confirms them (at most 64 groups; past them an anchor joins a
// group whose confirmations include all of its own, else it is strong).
//
//   Prefilter filter = Prefilter::build(grammar);
//   std::vector<TextSpan> windows;
//   filter.windows(text, range, windows);   // disjoint, in text order

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/text_span.hpp"

namespace chronicle::temporal::detail {

struct Grammar;
struct Token;
struct TokenStream;
struct WordInfo;

/// Where the grammar can match: windows of a text around anchor tokens.
class Prefilter {
 public:
  /// The anchors of `grammar`'s rules; disabled when some rule has none.
  static Prefilter build(const Grammar& grammar);

  /// False when windows() returns the whole range.
  bool enabled() const { return enabled_; }
  /// Most chunks kept before an anchor.
  std::size_t max_before() const { return max_before_; }
  /// Number of distinct anchor letter runs (for tests).
  std::size_t key_count() const { return key_count_; }
  /// The anchor letter runs, sorted (for tests and tuning).
  std::vector<std::string> keys() const;
  /// The letter runs that anchor only weakly, sorted (for tests and tuning).
  std::vector<std::string> weak_keys() const;

  /// For `token`, whose grammar word is `word` (Grammar::lookup_words): how many tokens before
  /// it a match holding it as its anchor can start (plus one), or -1 when it is no anchor.
  /// Matching need only be tried there. A token the grammar does not know can only anchor through
  /// a digit: every anchor element matches grammar words or numbers.
  int reach_before(const Token& token, const WordInfo* word) const;
  /// For each of `tokens`, whose grammar words are `words`, whether some anchor's reach_before()
  /// covers it, so that a match may start there: 1 or 0 in `out`.
  void match_starts(const std::vector<Token>& tokens, std::span<const WordInfo* const> words,
                    std::vector<std::uint8_t>& out) const;

  /// The windows of `text[range]` that can hold matches, in text order, disjoint; each starts at
  /// the start of a chunk (or range.begin) and ends at the end of one.
  void windows(std::string_view text, TextSpan range, std::vector<TextSpan>& out) const;

 private:
  /// Chunks a window keeps before and after an anchor: the most any rule anchored there needs.
  struct Margins {
    std::size_t before = 0, after = 0;
    bool used = false;
    Margins max(const Margins& o) const { return {std::max(before, o.before), std::max(after, o.after), true}; }
  };
  /// What a letter run is to windows(): an anchor of some rules (`strong`), a weak anchor of others
  /// (`weak`, in group `group`: one bit), and the confirmation of the weak anchors of groups `confirms`.
  struct KeyInfo {
    Margins strong, weak;
    std::uint64_t group = 0, confirms = 0;
  };
  /// The weak anchors of a group: the chunks before and after one in which a confirmation counts,
  /// and the margins of a window once confirmed.
  struct Group {
    std::size_t before = 0, after = 0;
    Margins margins;
  };
  static constexpr std::size_t kMaxGroups = 64;
  /// What windows() needs to know of a chunk that holds a key, a digit or a confirming byte.
  struct Chunk {
    bool anchor = false;
    Margins margins;                          ///< of the rules it anchors, when `anchor`
    std::uint64_t confirms = 0, weak = 0;     ///< the groups it confirms, and is a weak anchor of
  };
  /// What windows() remembers of the chunks seen, for skip_plain().
  struct Seen {
    std::size_t* starts;                ///< of the last chunks: chunk n's at starts[n & mask]
    std::size_t mask;
    std::size_t* confirmed_until;       ///< per group, 1 + the last chunk that confirmed it (0: none)
    std::uint64_t waiting;              ///< groups whose weak anchors wait for a confirmation after them
  };
  /// Where skip_plain() stopped: at the text's end, at a chunk that is not plain (the letter run,
  /// digit or confirming byte at `i` makes it so) or at the end of chunk `last`, plain.
  struct Stop {
    std::size_t i;            ///< where the scan stopped
    std::size_t chunk;        ///< the number of its chunk, whose start is in the ring
    std::size_t chunk_end;    ///< the end of the last chunk before (or where the scan began)
    enum Why { kEnd, kNotPlain, kLast } why;
  };
  /// Goes over the plain chunks from `i` (the end of chunk `chunk` - 1, or the range's start) in
  /// text[..end), numbering them from `chunk` and noting each in `seen`: chunks of letter runs that
  /// are no key and of punctuation (most chunks), or of keys and bytes that only confirm groups
  /// none waits for (what they confirm is noted too).
  Stop skip_plain(std::string_view text, std::size_t i, std::size_t end, std::size_t chunk, std::size_t last,
                  const Seen& seen) const;
  /// Scans the chunk at `start` of text[..end) into `chunk` from `i` on (the bytes before `i` hold
  /// no key, digit or confirming byte; `i` is no space); returns the chunk's end.
  std::size_t scan_chunk(std::string_view text, std::size_t start, std::size_t i, std::size_t end,
                         Chunk& chunk) const;

  /// What the letter run of `size` letters at `run` whose head (head_of) is `head` is to
  /// windows(), or nullptr when nothing.
  const KeyInfo* find(std::uint64_t head, const char* run, std::size_t size) const;
  /// What `run`, a run of ASCII letters in any case, is to windows(), or nullptr when nothing.
  const KeyInfo* find_run(std::string_view run) const;
  int letters_reach(std::string_view norm) const;   ///< reach_before through the letter run, or -1
  void insert(std::string_view key, const KeyInfo& info);

  bool enabled_ = false;
  static constexpr std::size_t kShapes = 6;   ///< the bits of a DigitShape mask (prefilter.cpp)
  /// Per digit shape: for chunks of that shape, the margins of rules anchored on it unconditionally
  /// (unused when none), the groups the chunk confirms and those it is a weak anchor of.
  std::array<Margins, kShapes> digits_{};
  std::array<std::uint64_t, kShapes> digits_confirm_{}, digits_weak_{};
  /// Per byte: the groups a chunk holding that (punctuation) byte confirms ("&" of "April 24 & 25").
  std::array<std::uint64_t, 256> symbol_confirms_{};
  /// Per byte, its class to windows() (prefilter.cpp's ByteClass): a byte in symbol_confirms_ has
  /// one of its own, so that a chunk is known to confirm nothing without looking that table up.
  std::array<std::uint8_t, 256> byte_class_{};
  int digits_reach_ = -1;           ///< reach_before of a token holding a digit, -1 if none
  std::array<Group, kMaxGroups> groups_{};
  /// Chunks windows() remembers, back to the farthest window start: a power of two.
  std::size_t history_ = 1;
  std::vector<int> word_reach_;     ///< reach_before's letter-run part per WordInfo::id
  std::size_t max_before_ = 0;
  std::size_t max_key_ = 0;
  std::size_t key_count_ = 0;
  /// A lowercase letter run and what it is. They lie together, apart from the hash slots, so
  /// building the (mostly empty) table is cheap.
  struct Key {
    std::string text;
    KeyInfo info;
  };
  /// A hash slot (open addressing) beside its head in heads_: the key's length and where it is.
  struct Slot {
    std::uint32_t size = 0;    ///< the key's letters
    std::uint32_t index = 0;   ///< in keys_
  };
  std::vector<Key> keys_;      ///< in insertion order
  /// Per hash slot, the head of its key (head_of in prefilter.cpp: its first eight letters as one
  /// number), 0 for a free slot. windows() cuts a letter run's head from the block it found the
  /// run in and looks at its first slot: most runs are no key, and most of those find the slot
  /// free (a quarter of the slots at most are used), with no hashing or lowering letter by letter
  /// and no compare. The heads lie apart from the rest of a slot so that this one look touches
  /// only 8 bytes a slot. Most runs are eight letters or fewer: their head is the whole run.
  std::vector<std::uint64_t> heads_;
  std::vector<Slot> slots_;    ///< beside heads_
  std::size_t mask_ = 0;       ///< slots_.size() - 1, a power of two less one
  int shift_ = 64;             ///< 64 - log2(slots_.size()): a hash's top bits pick the first slot
};

/// Tokenizes `text[range]` like tokenize() without assigning sentences (tokenize.cpp).
void tokenize_window(std::string_view text, TextSpan range, TokenStream& out);

/// The same tokens by the general scan alone, one byte class at a time (tokenize.cpp): the
/// reference the tests hold tokenize_window()'s block-at-a-time word path to.
void tokenize_plain(std::string_view text, TextSpan range, TokenStream& out);

/// The sentences tokenize() would find in `text[range]` without segmenter sentences, computed
/// by tokenizing only around terminal punctuation (tokenize.cpp).
void split_sentences(std::string_view text, TextSpan range, std::vector<TextSpan>& out);

/// split_sentences() found only as far into the text as asked: a tagger needs the sentence of an
/// expression only for its tense cues, and nothing after the last such expression.
///
///   SentenceFinder finder(text, range);
///   finder.find_past(token.span.begin);   // finder.sentences(): every one beginning up to there
class SentenceFinder {
 public:
  SentenceFinder(std::string_view text, TextSpan range);
  /// Finds sentences until the range ends or one begins after `pos` (at least one, unless the range
  /// holds none): then sentences() has, complete, every sentence of split_sentences() that
  /// begins at or before `pos`, and at least its first one.
  void find_past(std::size_t pos);
  /// The sentences found so far: a prefix of split_sentences()'.
  const std::vector<TextSpan>& sentences() const { return found_; }

 private:
  void step();     // one chunk holding a terminal, or one whitespace run with a newline
  void finish();   // the last sentence

  std::string_view text_;
  std::size_t begin_ = 0, end_ = 0;
  std::size_t i_ = 0;                 ///< where the search goes on
  std::size_t sentence_begin_ = 0;    ///< of the sentence not yet closed
  std::size_t paragraph_end_ = 0;     ///< the last paragraph break seen, when any_paragraph_
  bool any_paragraph_ = false;
  bool done_ = false;
  std::vector<TextSpan> found_;
};

/// The start of the last paragraph that begins in (`from`, `pos`] of `text`: the first byte after
/// a run of whitespace holding two newlines (the splitter's paragraph break), or npos. The
/// splitter's sentences from there on do not depend on the text before (a sentence begins there,
/// and a terminal after it is judged by the text after it and by its own chunk), so a
/// SentenceFinder started there finds the same sentences as one started earlier.
std::size_t paragraph_start(std::string_view text, std::size_t from, std::size_t pos);

}  // namespace chronicle::temporal::detail
