// The default TenseOracle: the cue nearest to an expression decides its direction. Cues are
// words from the lexicon ("will", "ago", "next", "said"...), "X to" constructions ("is set to",
// "plans to") and past-tense verbs recognised with WordNet's morphology (chronicle::wordnet).

#include <algorithm>
#include <iterator>
#include <optional>
#include <span>

#include "chronicle/wordnet/morphology.hpp"
#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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
  explicit CueOracle(CueTables tables) : tables_(std::move(tables)) {}

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
      return words[k].lower == "until" || words[k].lower == "till" ? until(words, k, clause_begin, after_end) : cue(words, k);
    };
    // The nearest cue decides; at equal distance the one before the expression.
    for (std::size_t distance = 1; distance <= e_first || e_last + distance - 1 < after_end; ++distance) {
      if (distance <= e_first)
        if (const Direction d = cue_at(e_first - distance); d != Direction::unknown) return d;
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
  Direction until(std::span<const Word> words, std::size_t at, std::size_t clause_begin, std::size_t clause_end) const {
    static constexpr std::string_view kAhead[] = {"be", "been", "being", "to", "is", "are", "am", "will", "would",
                                                  "can", "could", "may", "might", "must", "should", "shall",
                                                  "give", "gave", "given", "gives", "has", "have", "had"};
    constexpr std::size_t kReach = 6;   // words back from "until" to its verb
    for (std::size_t k = at; k-- > clause_begin && at - k <= kReach;) {
      const std::string_view w = words[k].lower;
      if (tables_.defer.contains(w) || std::find(std::begin(kAhead), std::end(kAhead), w) != std::end(kAhead))
        return Direction::future;
      if (const Direction d = cue(words, k); d != Direction::unknown) return d;
    }
    for (std::size_t k = at + 1; k < clause_end && k < words.size(); ++k) {
      const std::string_view next = k + 1 < words.size() ? words[k + 1].lower : std::string_view{};
      if ((words[k].lower == "had" || words[k].lower == "hadn't") && next != "until" && next != "till" && next != "to")
        return Direction::past;
    }
    return Direction::future;
  }

  /// A forward cue word ("planning", "due", "set to").
  bool forward(std::span<const Word> words, std::size_t k) const {
    if (k + 1 < words.size() && words[k + 1].lower == "to" && tables_.before_to.contains(words[k].lower)) return true;
    const auto it = tables_.words.find(words[k].lower);
    return it != tables_.words.end() && it->second == Direction::future;
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

  Direction cue(std::span<const Word> words, std::size_t k) const {
    if (const auto group = verb_group(words, k)) return *group;
    const std::string_view w = words[k].lower;
    // "began as previously planned Saturday night": a plan kept says nothing of which side it lies on
    if ((w == "planned" || w == "scheduled") && k > 0 && (words[k - 1].lower == "as" || words[k - 1].lower == "previously"))
      return Direction::unknown;
    if (k + 1 < words.size() && words[k + 1].lower == "to" && tables_.before_to.contains(w)) return Direction::future;
    const auto it = tables_.words.find(w);
    if (it != tables_.words.end() && it->second == Direction::future) return Direction::future;
    if (w.ends_with("'ll")) return Direction::future;
    if (k > 0) {
      // "be held", "to be signed", "will be decided": a participle after an auxiliary is no past
      const std::string_view before = words[k - 1].lower;
      if (before == "be" || before == "been" || before == "being" || before == "to") return Direction::unknown;
    }
    if (it != tables_.words.end()) return it->second;
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
      std::string lowered;       // bytes lowered: the words' `lower` views
      bool valid = false;
    };
    thread_local Last last;
    const std::size_t end = std::min(sentence.end, text.size());
    const std::size_t begin = std::min(sentence.begin, end);
    const std::string_view bytes = text.substr(begin, end - begin);
    if (!last.valid || last.span.begin != sentence.begin || last.span.end != sentence.end || last.bytes != bytes) {
      last.bytes.assign(bytes);
      last.lowered.assign(bytes);
      for (char& c : last.lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      last.count = split_words(text, sentence, last.lowered, last.words);   // (may grow words)
      last.span = sentence;
      last.valid = true;
    }
    return {last.words.data(), last.count};
  }

  /// The words of `text[sentence]` into the first elements of `words` (grown as needed, never
  /// shrunk), their `lower` viewing `lowered` (the sentence's bytes lowered); returns how many.
  static std::size_t split_words(std::string_view text, TextSpan sentence, std::string_view lowered,
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
      std::size_t j = i;
      while (j < end && (is_letter(text[j]) || (text[j] == '\'' && j + 1 < end && is_letter(text[j + 1])))) ++j;
      if (count == words.size()) words.emplace_back();
      Word& w = words[count++];
      w.span = {i, j};
      w.lower = lowered.substr(i - sentence.begin, j - i);
      w.capitalized = text[i] >= 'A' && text[i] <= 'Z';
      w.clause_break_before = clause_break;
      clause_break = false;
      i = j;
    }
    return count;
  }

  CueTables tables_;
};

}  // namespace

std::unique_ptr<TenseOracle> make_cue_oracle(CueTables tables) { return std::make_unique<CueOracle>(std::move(tables)); }

}  // namespace chronicle::temporal::detail
