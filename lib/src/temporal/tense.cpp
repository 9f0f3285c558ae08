// The default TenseOracle: the cue nearest to an expression decides its direction. Cues are
// words from the lexicon ("will", "ago", "next", "said"...), "X to" constructions ("is set to",
// "plans to") and past-tense verbs recognised with WordNet's morphology (chronicle::wordnet).

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <span>

#include "chronicle/wordnet/morphology.hpp"
#include "ascii_blocks.hpp"
#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A word's number in its sentence, from the expression's first (0); negative before it.
using Index = std::ptrdiff_t;

/// Whether WordNet's morphology makes `word` a past-tense verb (wordnet::Morphology: the verb has a
/// base form other than itself). Costly: CueOracle remembers the answers (WordVerdicts).
bool past_tense(std::string_view word) {
  if (word.size() < 3) return false;
  const auto& morphology = wordnet::Morphology::installed();
  if (!morphology) return word.size() > 4 && word.ends_with("ed");
  if (word.ends_with("s") || word.ends_with("ing")) return false;
  return morphology->base(word, wordnet::WordClass::verb).has_value();
}

struct Word {
  TextSpan span;
  std::string_view lower;   ///< the word's bytes, lowered (into the text when it has no capitals)
  bool capitalized = false;
  bool clause_break_before = false;   ///< a comma, semicolon, colon, dash or quote since the last word
};

/// A comma, semicolon, colon, quote, bracket or the lead byte of a dash or curly quote (U+20xx):
/// by table, as the gaps between words are read a byte at a time.
constexpr auto kClauseBreaks = [] {
  std::array<bool, 256> breaks{};
  for (const char c : {',', ';', ':', '"', '('}) breaks[static_cast<unsigned char>(c)] = true;
  breaks[0xE2] = true;
  return breaks;
}();
bool breaks_clause(char c) { return kClauseBreaks[static_cast<unsigned char>(c)]; }

/// The words of a sentence (runs of letters, an apostrophe between letters joining them: "don't",
/// "Kerry's"), split outwards from an expression as the cue search asks for them. The search
/// walks out from the expression and nearly always stops within a few words, where splitting and
/// lowering the whole sentence first cost about as much as the search (~3% of tagging
/// te3-silver, 160K words split for 6,570 expressions; about 70K now). Word 0 is the first word
/// ending after `from`; the words before it have negative numbers. A word found leftwards is the
/// one found rightwards: the same letters joined the same way. One alive per thread at a time
/// (its buffers are the thread's).
class SentenceWords {
 public:
  SentenceWords(std::string_view text, TextSpan sentence, std::size_t from)
      : text_(text), ahead_(buffers().ahead), behind_(buffers().behind), lowered_(buffers().lowered) {
    end_ = std::min(sentence.end, text.size());
    begin_ = std::min(sentence.begin, end_);
    const std::size_t at = std::clamp(from, begin_, end_);
    ahead_pos_ = at < end_ && in_word(at) ? word_begin(at) : at;
    behind_end_ = gap_begin(ahead_pos_, first_break_);
    ahead_.clear();
    behind_.clear();
    // the lowered copies of words with capitals go here, never reallocated while viewed
    lowered_.clear();
    lowered_.reserve(end_ - begin_);
  }
  SentenceWords(const SentenceWords&) = delete;
  SentenceWords& operator=(const SentenceWords&) = delete;

  /// Whether the sentence has a word `k` (splitting as far as it).
  bool has(Index k) {
    if (k >= 0) return static_cast<std::size_t>(k) < ahead_.size() || split_ahead_to(k);
    return static_cast<std::size_t>(-k) <= behind_.size() || split_behind_to(k);
  }
  /// Word `k`, once has(k) said it is there (a reference valid until the next has()).
  const Word& operator[](Index k) const {
    return k >= 0 ? ahead_[static_cast<std::size_t>(k)] : behind_[static_cast<std::size_t>(-k - 1)];
  }

 private:
  /// Reused from one expression to the next on this thread: the words ahead of `from` in order,
  /// those behind it from the nearest, and the lowered copies.
  struct Buffers {
    std::vector<Word> ahead, behind;
    std::string lowered;
  };
  static Buffers& buffers() {
    thread_local Buffers buffers;
    return buffers;
  }

  /// Whether text_[i] belongs to a word: a letter, or an apostrophe between two.
  bool in_word(std::size_t i) const {
    return is_letter(text_[i]) ||
           (text_[i] == '\'' && i > begin_ && i + 1 < end_ && is_letter(text_[i - 1]) && is_letter(text_[i + 1]));
  }
  /// The start of the word ending at (or holding) `i`: back over letters and the apostrophes
  /// joining them.
  std::size_t word_begin(std::size_t i) const {
    while (true) {
      i = letter_run_begin(i);
      if (i >= begin_ + 2 && text_[i - 1] == '\'' && is_letter(text_[i - 2])) { --i; continue; }
      return i;
    }
  }
  /// The start of the run of letters ending at `i`, eight bytes at a time where it can.
  std::size_t letter_run_begin(std::size_t i) const {
    if constexpr (kAsciiBlocks)
      for (; i >= begin_ + 8; i -= 8) {
        // letters at the block's end: its last bytes, the number's high ones
        const std::uint64_t others = ~letter_bytes(load_block(text_.data() + i - 8)) & kByteHighs;
        if (const auto n = static_cast<std::size_t>(std::countl_zero(others)) / 8; n < 8) return i - n;
      }
    while (i > begin_ && is_letter(text_[i - 1])) --i;
    return i;
  }
  /// The start of the run of non-letters ending at `i`; `clause_break` says whether it holds a
  /// comma, a quote...
  std::size_t gap_begin(std::size_t i, bool& clause_break) const {
    clause_break = false;
    for (; i > begin_ && !is_letter(text_[i - 1]); --i) clause_break |= breaks_clause(text_[i - 1]);
    return i;
  }

  /// Adds the word text_[begin, end) to `words`, viewing the text itself unless it has capitals.
  void add(std::vector<Word>& words, std::size_t begin, std::size_t end, bool clause_break) {
    Word& w = words.emplace_back();
    w.span = {begin, end};
    w.capitalized = text_[begin] >= 'A' && text_[begin] <= 'Z';
    w.clause_break_before = clause_break;
    w.lower = text_.substr(begin, end - begin);
    if (kAsciiBlocks && end - begin <= 8 && begin + 8 <= text_.size()) {
      // most words: one block, lowered at once when it holds capitals
      const std::uint64_t block = load_block(text_.data() + begin);
      const std::uint64_t upper = first_bytes(upper_bytes(block), end - begin);
      if (!upper) return;
      const std::uint64_t lower = block | upper >> 2;   // 0x80 >> 2: the case bit
      const std::size_t at = lowered_.size();
      lowered_.append(reinterpret_cast<const char*>(&lower), end - begin);
      w.lower = std::string_view(lowered_).substr(at);
    } else if (std::any_of(w.lower.begin(), w.lower.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      const std::size_t at = lowered_.size();
      for (const char c : w.lower) lowered_ += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      w.lower = std::string_view(lowered_).substr(at);
    }
  }

  // (out of line: has() is asked some forty times per expression, nearly always of a word split)
  [[gnu::noinline]] bool split_ahead_to(Index k) {
    while (ahead_.size() <= static_cast<std::size_t>(k)) {
      std::size_t i = ahead_pos_;
      bool clause_break = ahead_.empty() && first_break_;   // word 0's gap began behind `from`
      for (; i < end_ && !is_letter(text_[i]); ++i) clause_break |= breaks_clause(text_[i]);
      if (i >= end_) return false;
      std::size_t j = letter_run_end(text_, i, end_);
      while (j + 1 < end_ && text_[j] == '\'' && is_letter(text_[j + 1])) j = letter_run_end(text_, j + 1, end_);
      add(ahead_, i, j, clause_break);
      ahead_pos_ = j;
    }
    return true;
  }

  [[gnu::noinline]] bool split_behind_to(Index k) {
    while (behind_.size() < static_cast<std::size_t>(-k)) {
      if (behind_end_ <= begin_) return false;
      const std::size_t begin = word_begin(behind_end_);
      bool clause_break = false;
      const std::size_t gap = gap_begin(begin, clause_break);
      add(behind_, begin, behind_end_, clause_break);
      behind_end_ = gap;
    }
    return true;
  }

  std::string_view text_;
  std::vector<Word>& ahead_;
  std::vector<Word>& behind_;
  std::string& lowered_;
  std::size_t begin_ = 0, end_ = 0;   ///< the sentence, within the text
  std::size_t ahead_pos_ = 0;         ///< where the words ahead go on
  std::size_t behind_end_ = 0;        ///< the end of the next word behind, or begin_ when none
  bool first_break_ = false;          ///< a clause break between word -1 and `from`
};

/// What the cue tables say of a word: a single-word cue's side, a future before "to", put off.
struct CueEntry {
  Direction direction = Direction::unknown;
  bool before_to = false;
  bool defer = false;
};

/// The words one thread has met in the cue search, each with its cue table entry and whether it
/// is a past-tense verb (asked of WordNet when first needed): one hash and one probe per word
/// met, where the cue table and then a past-tense cache each took theirs (together ~1.5% of
/// tagging te3-silver). The entry is that of the last oracle that asked (oracles may have other
/// tables), the past tense everyone's. Open addressing; the words' bytes back to back. (Not a
/// WordTable: its WordInfo per word makes a table several times larger, and tagging te3-silver
/// with one here measured 5% slower.)
class WordVerdicts {
 public:
  struct Verdict {
    CueEntry entry;
    signed char past = -1;      ///< -1 until asked: past_tense(word)
    std::uint32_t oracle = 0;   ///< whose entry (CueOracle's id)
  };

  /// The number of `word`'s verdict, its entry `make_entry(word)` when new or when another
  /// oracle than `oracle` made it; npos when the table is full (kMaxWords: an unbounded text must
  /// not grow it without end).
  template <class MakeEntry>
  std::size_t find_or_add(std::string_view word, std::uint32_t oracle, MakeEntry make_entry) {
    if (slots_.empty()) slots_.assign(kFirstSlots, {});
    const std::uint64_t h = hash(word);
    const auto tag = static_cast<std::uint32_t>(h >> 32) | 1;   // never 0: a free slot's
    std::size_t slot = h & (slots_.size() - 1);
    for (; slots_[slot].tag != 0; slot = (slot + 1) & (slots_.size() - 1))
      if (slots_[slot].tag == tag && word_of(slots_[slot].index) == word) {
        Verdict& v = verdicts_[slots_[slot].index];
        if (v.oracle != oracle) v = {make_entry(word), v.past, oracle};
        return slots_[slot].index;
      }
    if (verdicts_.size() >= kMaxWords) return npos;
    const std::size_t index = verdicts_.size();
    verdicts_.push_back({make_entry(word), -1, oracle});
    bytes_.append(word);
    ends_.push_back(bytes_.size());
    hashes_.push_back(h);
    slots_[slot] = {tag, static_cast<std::uint32_t>(index)};
    if (verdicts_.size() * 2 > slots_.size()) grow();   // load at most one half
    return index;
  }
  Verdict& operator[](std::size_t index) { return verdicts_[index]; }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  static constexpr std::size_t kFirstSlots = 1024;
  static constexpr std::size_t kMaxWords = 100000;
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t index = 0;
  };

  static std::uint64_t hash(std::string_view word) {   // FNV-1a
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return h;
  }
  std::string_view word_of(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(bytes_).substr(begin, ends_[index] - begin);
  }
  void grow() {
    slots_.assign(slots_.size() * 2, {});
    for (std::size_t index = 0; index < hashes_.size(); ++index) {
      std::size_t slot = hashes_[index] & (slots_.size() - 1);
      while (slots_[slot].tag != 0) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = {static_cast<std::uint32_t>(hashes_[index] >> 32) | 1, static_cast<std::uint32_t>(index)};
    }
  }

  std::vector<Slot> slots_;
  std::vector<Verdict> verdicts_;
  std::vector<std::size_t> ends_;       ///< by index: where the word's bytes end in bytes_
  std::vector<std::uint64_t> hashes_;   ///< by index: the word's hash, for grow()
  std::string bytes_;
};

class CueOracle final : public TenseOracle {
 public:
  explicit CueOracle(CueTables tables) {
    // The three tables merged into one, so a word of the sentence costs one probe.
    const auto entry = [&](const std::string& word) -> Entry& {
      if (const WordInfo* known = table_.find(word)) return entries_[known->id];
      WordInfo info;
      info.id = static_cast<std::uint32_t>(table_.size());
      table_.insert(word, std::move(info));
      return entries_.emplace_back();
    };
    for (const auto& [word, direction] : tables.words) entry(word).direction = direction;
    for (const auto& [word, yes] : tables.before_to) entry(word).before_to = yes;
    for (const auto& [word, yes] : tables.defer) entry(word).defer = yes;
  }

  Direction direction(std::string_view text, TextSpan sentence, TextSpan expression) const override {
    // Word 0 is the expression's first word (the first ending after its start); words 0 to
    // e_last - 1 overlap it. None may: it lies between words, word 0 the one after it.
    SentenceWords words(text, sentence, expression.begin);
    Index e_last = 0;
    while (words.has(e_last) && words[e_last].span.begin < expression.end) ++e_last;
    // After the expression, only its own clause counts: in "talks on Friday, saying he would
    // not negotiate" the participle clause says nothing about Friday. The clause's end is found
    // as far as the search goes.
    const bool opening = !words.has(-2);   // see opens_clause()
    Index clause_end = e_last;   // words e_last..clause_end - 1 are in the clause
    bool clause_ended = false;
    const auto in_clause = [&](Index k) {
      for (; !clause_ended && clause_end <= k; ++clause_end)
        if (!words.has(clause_end) ||
            (words[clause_end].clause_break_before && !opens_clause(opening, e_last, clause_end))) {
          clause_ended = true;
          break;
        }
      return k < clause_end;
    };
    // and before it, where its clause begins (for "until" and "by": rarely asked)
    std::optional<Index> clause_begin;
    const auto begin_of_clause = [&] {
      if (!clause_begin) {
        Index k = 0;
        if (words.has(0))
          while (words.has(k - 1) && !words[k].clause_break_before) --k;
        clause_begin = k;
      }
      return *clause_begin;
    };
    const auto cue_at = [&](Index k) {
      if (words[k].lower == "until" || words[k].lower == "till") {
        in_clause(std::numeric_limits<Index>::max());
        return until(text, words, k, begin_of_clause(), clause_end);
      }
      if (k == -1 && (words[k].lower == "by" || words[k].lower == "through"))
        return deadline(text, words, k, begin_of_clause());
      return cue(words, k);
    };
    // The nearest cue decides; at equal distance the one before the expression.
    for (Index distance = 1;; ++distance) {
      const Index after = e_last + distance - 1;
      const bool before = words.has(-distance);
      if (!before && !in_clause(after)) break;
      if (before)
        if (const Direction d = cue_at(-distance); d != Direction::unknown)
          return d == Direction::past ? time_clause(text, words, -distance).value_or(d) : d;
      if (in_clause(after))
        if (const Direction d = cue_at(after); d != Direction::unknown) return d;
    }
    return Direction::unknown;
  }

 private:
  /// An expression that opens the sentence ("In January, the company sold ...") belongs to the
  /// clause after its comma: `opening` when at most one word comes before it.
  static bool opens_clause(bool opening, Index e_last, Index k) { return opening && k == e_last; }

  /// "until Friday" ends a state, and the verb just before it says on which side: one told in
  /// the simple past ended before ("the strike lasted until January", "stayed in the city until
  /// March"), and so did one in a clause of the pluperfect ("Until Thursday, they had not called
  /// Kopp a suspect"). Otherwise ahead: a state that holds now or will hold ("runs until Friday",
  /// "were to continue until Thursday", "might not be finalised until April"), what was put off
  /// ("postponed until Tuesday", "was put off until Thursday") and deadlines ("gave the
  /// government until Friday", "had until midnight").
  Direction until(std::string_view text, SentenceWords& words, Index at, Index clause_begin, Index clause_end) const {
    static constexpr std::string_view kAhead[] = {"be", "been", "being", "to", "is", "are", "am", "will", "would",
                                                  "can", "could", "may", "might", "must", "should", "shall",
                                                  "give", "gave", "given", "gives", "has", "have", "had"};
    constexpr Index kReach = 6;   // words back from "until" to its verb
    if (const auto d = governor(text, words, at, clause_begin, kReach, kAhead, /*skip_amount_to=*/false)) return *d;
    for (Index k = at + 1; k < clause_end && words.has(k); ++k) {
      const std::string_view next = words.has(k + 1) ? words[k + 1].lower : std::string_view{};
      if ((words[k].lower == "had" || words[k].lower == "hadn't") && next != "until" && next != "till" && next != "to")
        return Direction::past;
    }
    return Direction::future;
  }

  /// "by February", "through January" (the expression their object: a deadline or the end of a
  /// term, never the agent of "by") lie on the side of the verb they hang on: ahead of an
  /// infinitive or a modal ("a program to pay down the loan by February"), of what is put off or
  /// extended ("has extended loans through January"), else on the side its tense says.
  Direction deadline(std::string_view text, SentenceWords& words, Index at, Index clause_begin) const {
    static constexpr std::string_view kAhead[] = {"to",     "be",  "will", "would", "shall",
                                                  "must",   "can", "may",  "might", "should"};
    // words back to the verb: "to pay down $5 billion of a $6 billion bridge loan by"
    constexpr Index kReach = 9;
    return governor(text, words, at, clause_begin, kReach, kAhead, /*skip_amount_to=*/true).value_or(Direction::unknown);
  }

  /// The side of the verb that the phrase at word `at` ("until X", "by X") hangs on, looking back
  /// at most `reach` words within its clause: ahead of what is put off and of the words `ahead`
  /// (modals, "be", an infinitive's "to"), else the side of the first cue; nullopt when none
  /// speaks. With `skip_amount_to`, a "to" before an amount is passed over: "rose to $5 by March",
  /// "up to $90 million" hold no infinitive.
  std::optional<Direction> governor(std::string_view text, SentenceWords& words, Index at, Index clause_begin,
                                    Index reach, std::span<const std::string_view> ahead, bool skip_amount_to) const {
    for (Index k = at - 1; k >= clause_begin && at - k <= reach; --k) {
      const std::string_view w = words[k].lower;
      if (skip_amount_to && w == "to" && amount_after(text, words, k)) continue;
      if (lookup(w).defer || std::find(ahead.begin(), ahead.end(), w) != ahead.end()) return Direction::future;
      if (const Direction d = cue(words, k); d != Direction::unknown) return d;
    }
    return std::nullopt;
  }

  /// Whether a number comes between word `k` and the next word.
  static bool amount_after(std::string_view text, SentenceWords& words, Index k) {
    const std::size_t end = words.has(k + 1) ? words[k + 1].span.begin : text.size();
    for (std::size_t i = words[k].span.end; i < end && i < text.size(); ++i)
      if (text[i] >= '0' && text[i] <= '9') return true;
    return false;
  }

  /// "institutions were likely to buy as soon as trading opened Monday": a clause of time tells its
  /// event in the tense of the clause it hangs on shifted back, so the past verb `k` heading one
  /// lies ahead when the verb before the subordinator does.
  std::optional<Direction> time_clause(std::string_view text, SentenceWords& words, Index k) const {
    static constexpr std::string_view kSubordinators[] = {"when", "once", "after", "before"};
    constexpr Index kSubject = 4;   // words between the subordinator and its verb, and one
    constexpr Index kReach = 8;     // words back from the subordinator to the verb it hangs on
    std::optional<Index> sub;
    for (Index j = k - 1; words.has(j) && k - j <= kSubject; --j) {
      const std::string_view w = words[j].lower;
      if (std::find(std::begin(kSubordinators), std::end(kSubordinators), w) != std::end(kSubordinators)) sub = j;
      else if (w == "as" && words.has(j - 2) && words[j - 1].lower == "soon" && words[j - 2].lower == "as") sub = j - 2;
      if (sub || words[j].clause_break_before) break;
    }
    if (!sub) return std::nullopt;
    for (Index j = *sub - 1; words.has(j) && *sub - j <= kReach; --j) {
      // "lower-than-expected earnings": a word of a hyphenated compound is no verb
      const TextSpan w = words[j].span;
      if ((w.begin > 0 && text[w.begin - 1] == '-') || (w.end < text.size() && text[w.end] == '-')) continue;
      if (const Direction d = cue(words, j); d != Direction::unknown)
        return d == Direction::future ? std::optional(Direction::future) : std::nullopt;
      if (words[j].clause_break_before) break;
    }
    return std::nullopt;
  }

  /// A forward cue word ("planning", "due", "set to").
  bool forward(SentenceWords& words, Index k) const {
    const Entry& e = lookup(words[k].lower);
    if (e.before_to && words.has(k + 1) && words[k + 1].lower == "to") return true;
    return e.direction == Direction::future;
  }

  /// A verb group speaks through its main verb: "were planning to" is a plan, forward like
  /// "planning"; but the pluperfect "had been due to" tells of a plan whose time has passed.
  std::optional<Direction> verb_group(SentenceWords& words, Index k) const {
    const std::string_view w = words[k].lower;
    // (each word asked only when the one before it says so: the words are split as asked)
    if (words.has(k - 1) && words[k - 1].lower == "been" && words.has(k - 2) && words[k - 2].lower == "had" &&
        forward(words, k))
      return Direction::past;
    if ((w == "was" || w == "were") && words.has(k + 1) && forward(words, k + 1)) return Direction::future;
    return std::nullopt;
  }

  /// "the group is to meet on Friday", "were to meet Wednesday", "made it difficult for Sun to
  /// meet demand into the summer": a forward verb in the infinitive ("to meet", "to plan") is
  /// ahead of the verb it hangs on, so that verb's tense decides: a present or forward one puts it
  /// ahead, a past one behind.
  std::optional<Direction> forward_infinitive(SentenceWords& words, Index k) const {
    if (!words.has(k - 1) || words[k - 1].lower != "to" || words[k].clause_break_before ||
        words[k - 1].clause_break_before || !words.has(k - 2))
      return std::nullopt;
    static constexpr std::string_view kPresent[] = {"is", "are", "am", "be", "'s"};
    constexpr Index kReach = 6;   // words back from "to" to the verb it hangs on
    // "were to meet Wednesday": an arrangement, ahead in the past as in the present
    if (words[k - 2].lower == "was" || words[k - 2].lower == "were") return Direction::future;
    for (Index j = k - 2; words.has(j) && k - 1 - j <= kReach; --j) {
      if (std::find(std::begin(kPresent), std::end(kPresent), words[j].lower) != std::end(kPresent))
        return Direction::future;
      if (const Direction d = cue(words, j); d != Direction::unknown) return d;
      if (words[j].clause_break_before) break;
    }
    return Direction::future;
  }

  Direction cue(SentenceWords& words, Index k) const {
    if (const auto group = verb_group(words, k)) return *group;
    const std::string_view w = words[k].lower;
    // "began as previously planned Saturday night": a plan kept says nothing of which side it lies on
    if ((w == "planned" || w == "scheduled") && words.has(k - 1) &&
        (words[k - 1].lower == "as" || words[k - 1].lower == "previously"))
      return Direction::unknown;
    WordVerdicts& verdicts = CueOracle::verdicts();
    const std::size_t known = verdicts.find_or_add(w, id_, [&](std::string_view word) { return lookup(word); });
    const Entry e = known == WordVerdicts::npos ? lookup(w) : verdicts[known].entry;
    if (e.before_to && words.has(k + 1) && words[k + 1].lower == "to") return Direction::future;
    if (e.direction == Direction::future) {
      if (const auto infinitive = forward_infinitive(words, k)) return *infinitive;
      return Direction::future;
    }
    if (w.ends_with("'ll")) return Direction::future;
    const bool first = !words.has(k - 1);
    if (!first) {
      // "be held", "to be signed", "will be decided": a participle after an auxiliary is no past
      const std::string_view before = words[k - 1].lower;
      if (before == "be" || before == "been" || before == "being" || before == "to") return Direction::unknown;
    }
    if (e.direction != Direction::unknown) return e.direction;
    if (words[k].capitalized && !first) return Direction::unknown;   // a name, not a verb
    if (known == WordVerdicts::npos) return past_tense(w) ? Direction::past : Direction::unknown;
    // (by number: the searches above may have added words since, moving the verdicts)
    WordVerdicts::Verdict& verdict = verdicts[known];
    if (verdict.past < 0) verdict.past = past_tense(w) ? 1 : 0;
    return verdict.past ? Direction::past : Direction::unknown;
  }

  using Entry = CueEntry;
  const Entry& lookup(std::string_view word) const {
    static const Entry kNone;
    const WordInfo* known = table_.find(word);
    return known ? entries_[known->id] : kNone;
  }

  /// This thread's verdicts on words (shared by the oracles: their entries are told apart by id_).
  static WordVerdicts& verdicts() {
    thread_local WordVerdicts cache;
    return cache;
  }
  static std::uint32_t next_id() {
    static std::atomic<std::uint32_t> last{0};
    return ++last;
  }

  WordTable table_;
  std::vector<Entry> entries_;   ///< by WordInfo::id in table_
  const std::uint32_t id_ = next_id();   ///< never 0, not reused (an address may be)
};

}  // namespace

std::unique_ptr<TenseOracle> make_cue_oracle(CueTables tables) { return std::make_unique<CueOracle>(std::move(tables)); }

}  // namespace chronicle::temporal::detail
