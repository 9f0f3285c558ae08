// The default TenseOracle: the cue nearest to an expression decides its direction. Cues are
// words from the lexicon ("will", "ago", "next", "said"...), "X to" constructions ("is set to",
// "plans to") and past-tense verbs recognised with WordNet's morphology (chronicle::wordnet).

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <span>

#include "chronicle/wordnet/morphology.hpp"
#include "ascii_blocks.hpp"
#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// The end of the run of letters at `i` in `text[..end)`, its capitals lowered on the way in
/// `lowered` (a copy of `text` from `offset` to `end`); eight bytes at a time where it can (a
/// block's other capitals are lowered too: every letter is some word's).
std::size_t letter_run_end(std::string_view text, std::size_t i, std::size_t end, std::string& lowered,
                           std::size_t offset) {
  if constexpr (kAsciiBlocks) {
    while (i + 8 <= end) {
      const std::uint64_t block = load_block(text.data() + i);
      const std::uint64_t lower = block | upper_bytes(block) >> 2;   // 0x80 >> 2: the case bit
      std::memcpy(lowered.data() + (i - offset), &lower, 8);
      const std::size_t n = leading_bytes(letter_bytes(block));
      i += n;
      if (n < 8) return i;
    }
  }
  for (; i < end && is_letter(text[i]); ++i)
    if (text[i] >= 'A' && text[i] <= 'Z') lowered[i - offset] = static_cast<char>(text[i] + 32);
  return i;
}

/// Past-tense verbs by WordNet's morphology (wordnet::Morphology: the verb has a base form other
/// than itself); each thread remembers the words it has asked, in a WordTable (one probe
/// sequence; the unordered_map it replaces was about 2% of tagging te3-silver).
class PastTense {
 public:
  bool operator()(std::string_view word) {
    if (word.size() < 3) return false;
    thread_local WordTable seen;
    thread_local std::vector<bool> past_by_id;   // indexed by the word's WordInfo::id in `seen`
    if (const WordInfo* known = seen.find(word)) return past_by_id[known->id];
    const bool past = compute(word);
    if (seen.size() < 100000) {
      seen.insert(word, WordInfo{});
      past_by_id.push_back(past);
    }
    return past;
  }

 private:
  static bool compute(std::string_view word) {
    const auto& morphology = wordnet::Morphology::installed();
    if (!morphology) return word.size() > 4 && word.ends_with("ed");
    if (word.ends_with("s") || word.ends_with("ing")) return false;
    return morphology->base(word, wordnet::WordClass::verb).has_value();
  }
};

PastTense& past_tense() {
  static PastTense instance;
  return instance;
}

struct Word {
  TextSpan span;
  std::string_view lower;   ///< into the split sentence's lowered copy
  bool capitalized = false;
  bool clause_break_before = false;   ///< a comma, semicolon, colon, dash or quote since the last word
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
    const std::span<const Word> words = sentence_words(text, sentence);
    std::size_t e_first = words.size(), e_last = 0;
    for (std::size_t k = 0; k < words.size(); ++k)
      if (words[k].span.overlaps(expression)) {
        e_first = std::min(e_first, k);
        e_last = k + 1;
      }
    if (e_first == words.size()) {
      // the expression lies between words: place it by offset
      e_first = 0;
      while (e_first < words.size() && words[e_first].span.end <= expression.begin) ++e_first;
      e_last = e_first;
    }
    // After the expression, only its own clause counts: in "talks on Friday, saying he would
    // not negotiate" the participle clause says nothing about Friday.
    std::size_t after_end = words.size();
    for (std::size_t k = e_last; k < words.size(); ++k)
      if (words[k].clause_break_before && !opens_clause(e_first, e_last, k)) { after_end = k; break; }
    std::size_t clause_begin = e_first;
    while (clause_begin > 0 && clause_begin < words.size() && !words[clause_begin].clause_break_before) --clause_begin;
    const auto cue_at = [&](std::size_t k) {
      if (words[k].lower == "until" || words[k].lower == "till") return until(text, words, k, clause_begin, after_end);
      if (k + 1 == e_first && (words[k].lower == "by" || words[k].lower == "through"))
        return deadline(text, words, k, clause_begin);
      return cue(words, k);
    };
    // The nearest cue decides; at equal distance the one before the expression.
    for (std::size_t distance = 1; distance <= e_first || e_last + distance - 1 < after_end; ++distance) {
      if (distance <= e_first)
        if (const Direction d = cue_at(e_first - distance); d != Direction::unknown)
          return d == Direction::past ? time_clause(text, words, e_first - distance).value_or(d) : d;
      if (e_last + distance - 1 < after_end)
        if (const Direction d = cue_at(e_last + distance - 1); d != Direction::unknown) return d;
    }
    return Direction::unknown;
  }

 private:
  /// An expression that opens the sentence ("In January, the company sold ...") belongs to the
  /// clause after its comma.
  static bool opens_clause(std::size_t e_first, std::size_t e_last, std::size_t k) {
    return e_first <= 1 && k == e_last;
  }

  /// "until Friday" ends a state, and the verb just before it says on which side: one told in
  /// the simple past ended before ("the strike lasted until January", "stayed in the city until
  /// March"), and so did one in a clause of the pluperfect ("Until Thursday, they had not called
  /// Kopp a suspect"). Otherwise ahead: a state that holds now or will hold ("runs until Friday",
  /// "were to continue until Thursday", "might not be finalised until April"), what was put off
  /// ("postponed until Tuesday", "was put off until Thursday") and deadlines ("gave the
  /// government until Friday", "had until midnight").
  Direction until(std::string_view text, std::span<const Word> words, std::size_t at, std::size_t clause_begin,
                  std::size_t clause_end) const {
    static constexpr std::string_view kAhead[] = {"be", "been", "being", "to", "is", "are", "am", "will", "would",
                                                  "can", "could", "may", "might", "must", "should", "shall",
                                                  "give", "gave", "given", "gives", "has", "have", "had"};
    constexpr std::size_t kReach = 6;   // words back from "until" to its verb
    if (const auto d = governor(text, words, at, clause_begin, kReach, kAhead, /*skip_amount_to=*/false)) return *d;
    for (std::size_t k = at + 1; k < clause_end && k < words.size(); ++k) {
      const std::string_view next = k + 1 < words.size() ? words[k + 1].lower : std::string_view{};
      if ((words[k].lower == "had" || words[k].lower == "hadn't") && next != "until" && next != "till" && next != "to")
        return Direction::past;
    }
    return Direction::future;
  }

  /// "by February", "through January" (the expression their object: a deadline or the end of a
  /// term, never the agent of "by") lie on the side of the verb they hang on: ahead of an
  /// infinitive or a modal ("a program to pay down the loan by February"), of what is put off or
  /// extended ("has extended loans through January"), else on the side its tense says.
  Direction deadline(std::string_view text, std::span<const Word> words, std::size_t at,
                     std::size_t clause_begin) const {
    static constexpr std::string_view kAhead[] = {"to",     "be",  "will", "would", "shall",
                                                  "must",   "can", "may",  "might", "should"};
    // words back to the verb: "to pay down $5 billion of a $6 billion bridge loan by"
    constexpr std::size_t kReach = 9;
    return governor(text, words, at, clause_begin, kReach, kAhead, /*skip_amount_to=*/true).value_or(Direction::unknown);
  }

  /// The side of the verb that the phrase at word `at` ("until X", "by X") hangs on, looking back
  /// at most `reach` words within its clause: ahead of what is put off and of the words `ahead`
  /// (modals, "be", an infinitive's "to"), else the side of the first cue; nullopt when none
  /// speaks. With `skip_amount_to`, a "to" before an amount is passed over: "rose to $5 by March",
  /// "up to $90 million" hold no infinitive.
  std::optional<Direction> governor(std::string_view text, std::span<const Word> words, std::size_t at,
                                    std::size_t clause_begin, std::size_t reach,
                                    std::span<const std::string_view> ahead, bool skip_amount_to) const {
    for (std::size_t k = at; k-- > clause_begin && at - k <= reach;) {
      const std::string_view w = words[k].lower;
      if (skip_amount_to && w == "to" && amount_after(text, words, k)) continue;
      if (lookup(w).defer || std::find(ahead.begin(), ahead.end(), w) != ahead.end()) return Direction::future;
      if (const Direction d = cue(words, k); d != Direction::unknown) return d;
    }
    return std::nullopt;
  }

  /// Whether a number comes between word `k` and the next word.
  static bool amount_after(std::string_view text, std::span<const Word> words, std::size_t k) {
    const std::size_t end = k + 1 < words.size() ? words[k + 1].span.begin : text.size();
    for (std::size_t i = words[k].span.end; i < end && i < text.size(); ++i)
      if (text[i] >= '0' && text[i] <= '9') return true;
    return false;
  }

  /// "institutions were likely to buy as soon as trading opened Monday": a clause of time tells its
  /// event in the tense of the clause it hangs on shifted back, so the past verb `k` heading one
  /// lies ahead when the verb before the subordinator does.
  std::optional<Direction> time_clause(std::string_view text, std::span<const Word> words, std::size_t k) const {
    static constexpr std::string_view kSubordinators[] = {"when", "once", "after", "before"};
    constexpr std::size_t kSubject = 4;   // words between the subordinator and its verb, and one
    constexpr std::size_t kReach = 8;     // words back from the subordinator to the verb it hangs on
    std::optional<std::size_t> sub;
    for (std::size_t j = k; j-- > 0 && k - j <= kSubject;) {
      const std::string_view w = words[j].lower;
      if (std::find(std::begin(kSubordinators), std::end(kSubordinators), w) != std::end(kSubordinators)) sub = j;
      else if (w == "as" && j >= 2 && words[j - 1].lower == "soon" && words[j - 2].lower == "as") sub = j - 2;
      if (sub || words[j].clause_break_before) break;
    }
    if (!sub) return std::nullopt;
    for (std::size_t j = *sub; j-- > 0 && *sub - j <= kReach;) {
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
  bool forward(std::span<const Word> words, std::size_t k) const {
    const Entry& e = lookup(words[k].lower);
    if (k + 1 < words.size() && words[k + 1].lower == "to" && e.before_to) return true;
    return e.direction == Direction::future;
  }

  /// A verb group speaks through its main verb: "were planning to" is a plan, forward like
  /// "planning"; but the pluperfect "had been due to" tells of a plan whose time has passed.
  std::optional<Direction> verb_group(std::span<const Word> words, std::size_t k) const {
    const std::string_view w = words[k].lower;
    if (k >= 2 && words[k - 1].lower == "been" && words[k - 2].lower == "had" && forward(words, k))
      return Direction::past;
    if ((w == "was" || w == "were") && k + 1 < words.size() && forward(words, k + 1)) return Direction::future;
    return std::nullopt;
  }

  /// "the group is to meet on Friday", "were to meet Wednesday", "made it difficult for Sun to
  /// meet demand into the summer": a forward verb in the infinitive ("to meet", "to plan") is
  /// ahead of the verb it hangs on, so that verb's tense decides: a present or forward one puts it
  /// ahead, a past one behind.
  std::optional<Direction> forward_infinitive(std::span<const Word> words, std::size_t k) const {
    if (k < 2 || words[k - 1].lower != "to" || words[k].clause_break_before || words[k - 1].clause_break_before)
      return std::nullopt;
    static constexpr std::string_view kPresent[] = {"is", "are", "am", "be", "'s"};
    constexpr std::size_t kReach = 6;   // words back from "to" to the verb it hangs on
    // "were to meet Wednesday": an arrangement, ahead in the past as in the present
    if (words[k - 2].lower == "was" || words[k - 2].lower == "were") return Direction::future;
    for (std::size_t j = k - 1; j-- > 0 && k - 1 - j <= kReach;) {
      if (std::find(std::begin(kPresent), std::end(kPresent), words[j].lower) != std::end(kPresent))
        return Direction::future;
      if (const Direction d = cue(words, j); d != Direction::unknown) return d;
      if (words[j].clause_break_before) break;
    }
    return Direction::future;
  }

  Direction cue(std::span<const Word> words, std::size_t k) const {
    if (const auto group = verb_group(words, k)) return *group;
    const std::string_view w = words[k].lower;
    // "began as previously planned Saturday night": a plan kept says nothing of which side it lies on
    if ((w == "planned" || w == "scheduled") && k > 0 && (words[k - 1].lower == "as" || words[k - 1].lower == "previously"))
      return Direction::unknown;
    const Entry& e = lookup(w);
    if (k + 1 < words.size() && words[k + 1].lower == "to" && e.before_to) return Direction::future;
    if (e.direction == Direction::future) {
      if (const auto infinitive = forward_infinitive(words, k)) return *infinitive;
      return Direction::future;
    }
    if (w.ends_with("'ll")) return Direction::future;
    if (k > 0) {
      // "be held", "to be signed", "will be decided": a participle after an auxiliary is no past
      const std::string_view before = words[k - 1].lower;
      if (before == "be" || before == "been" || before == "being" || before == "to") return Direction::unknown;
    }
    if (e.direction != Direction::unknown) return e.direction;
    if (words[k].capitalized && k > 0) return Direction::unknown;   // a name, not a verb
    if (past_tense()(w)) return Direction::past;
    return Direction::unknown;
  }

  /// The words of `text[sentence]`, split again only when the sentence differs from the last one
  /// asked on this thread (expressions of one sentence share it: the cost stays linear).
  static std::span<const Word> sentence_words(std::string_view text, TextSpan sentence) {
    struct Last {
      std::vector<Word> words;   // reused, never shrunk
      std::size_t count = 0;
      TextSpan span{};
      std::string bytes;         // text[span] when split
      std::string lowered;       // bytes with the words lowered: their `lower` views
      bool valid = false;
    };
    thread_local Last last;
    const std::size_t end = std::min(sentence.end, text.size());
    const std::size_t begin = std::min(sentence.begin, end);
    const std::string_view bytes = text.substr(begin, end - begin);
    if (!last.valid || last.span.begin != sentence.begin || last.span.end != sentence.end || last.bytes != bytes) {
      last.bytes.assign(bytes);
      last.lowered.assign(bytes);   // lowered word by word as they are split
      last.count = split_words(text, sentence, last.lowered, last.words);   // (may grow words)
      last.span = sentence;
      last.valid = true;
    }
    return {last.words.data(), last.count};
  }

  /// The words of `text[sentence]` into the first elements of `words` (grown as needed, never
  /// shrunk), their `lower` viewing `lowered` (a copy of the sentence's bytes, whose words' letters
  /// are lowered here: the only bytes viewed); returns how many.
  static std::size_t split_words(std::string_view text, TextSpan sentence, std::string& lowered,
                                 std::vector<Word>& words) {
    std::size_t count = 0;
    std::size_t i = sentence.begin;
    const std::size_t end = std::min(sentence.end, text.size());
    bool clause_break = false;
    while (i < end) {
      if (!is_letter(text[i])) {
        const char c = text[i];
        if (c == ',' || c == ';' || c == ':' || c == '"' || c == '(' || static_cast<unsigned char>(c) == 0xE2)
          clause_break = true;
        ++i;
        continue;
      }
      // letters, and an apostrophe between letters ("don't", "Kerry's")
      std::size_t j = letter_run_end(text, i, end, lowered, sentence.begin);
      while (j + 1 < end && text[j] == '\'' && is_letter(text[j + 1]))
        j = letter_run_end(text, j + 1, end, lowered, sentence.begin);
      if (count == words.size()) words.emplace_back();
      Word& w = words[count++];
      w.span = {i, j};
      w.lower = std::string_view(lowered).substr(i - sentence.begin, j - i);
      w.capitalized = text[i] >= 'A' && text[i] <= 'Z';
      w.clause_break_before = clause_break;
      clause_break = false;
      i = j;
    }
    return count;
  }

  /// What the cue tables say of a word: a single-word cue's side, a future before "to", put off.
  struct Entry {
    Direction direction = Direction::unknown;
    bool before_to = false;
    bool defer = false;
  };
  const Entry& lookup(std::string_view word) const {
    static const Entry kNone;
    const WordInfo* known = table_.find(word);
    return known ? entries_[known->id] : kNone;
  }

  WordTable table_;
  std::vector<Entry> entries_;   ///< by WordInfo::id in table_
};

}  // namespace

std::unique_ptr<TenseOracle> make_cue_oracle(CueTables tables) { return std::make_unique<CueOracle>(std::move(tables)); }

}  // namespace chronicle::temporal::detail
