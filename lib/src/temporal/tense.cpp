// The default TenseOracle: the cue nearest to an expression decides its direction. Cues are
// words from the lexicon ("will", "ago", "next", "said"...), "X to" constructions ("is set to",
// "plans to") and past-tense verbs recognised with WordNet's morphology (morphstr).

#include <mutex>

#include <wn.h>

#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// WordNet is not thread-safe and reads files: one lock, one cache.
class PastTense {
 public:
  bool operator()(const std::string& word) {
    if (word.size() < 3) return false;
    // Each thread keeps what it has asked: the lock and WordNet's file reads only for new words.
    thread_local StringMap<bool> seen;
    if (const auto it = seen.find(word); it != seen.end()) return it->second;
    const bool past = shared(word);
    if (seen.size() < 100000) seen.emplace(word, past);
    return past;
  }

 private:
  bool shared(const std::string& word) {
    std::lock_guard lock(mutex_);
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
    const bool past = compute(word);
    if (cache_.size() < 100000) cache_.emplace(word, past);
    return past;
  }

  bool compute(const std::string& word) {
    if (!ready_) {
      ready_ = true;
      ok_ = wninit() == 0;
    }
    if (!ok_) return word.size() > 4 && word.ends_with("ed");
    if (word.ends_with("s") || word.ends_with("ing")) return false;
    std::string buffer = word;
    const char* lemma = morphstr(buffer.data(), VERB);
    if (!lemma || word == lemma) return false;
    return true;
  }
  std::mutex mutex_;
  StringMap<bool> cache_;
  bool ready_ = false;
  bool ok_ = false;
};

PastTense& past_tense() {
  static PastTense instance;
  return instance;
}

struct Word {
  TextSpan span;
  std::string lower;
  bool capitalized;
  bool clause_break_before;   ///< a comma, semicolon, colon, dash or quote since the last word
};

class CueOracle final : public TenseOracle {
 public:
  explicit CueOracle(CueTables tables) : tables_(std::move(tables)) {}

  Direction direction(std::string_view text, TextSpan sentence, TextSpan expression) const override {
    const std::vector<Word> words = split_words(text, sentence);
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
    std::size_t best_distance = words.size() + 1;
    Direction best = Direction::unknown;
    // After the expression, only its own clause counts: in "talks on Friday, saying he would
    // not negotiate" the participle clause says nothing about Friday.
    std::size_t after_end = words.size();
    for (std::size_t k = e_last; k < words.size(); ++k)
      if (words[k].clause_break_before && !opens_clause(e_first, e_last, k)) { after_end = k; break; }
    for (std::size_t k = 0; k < after_end; ++k) {
      if (k >= e_first && k < e_last) continue;
      const std::size_t distance = k < e_first ? e_first - k : k - e_last + 1;
      if (distance >= best_distance) continue;
      const Direction d = cue(words, k);
      if (d == Direction::unknown) continue;
      best = d;
      best_distance = distance;
    }
    return best;
  }

 private:
  /// An expression that opens the sentence ("In January, the company sold ...") belongs to the
  /// clause after its comma.
  static bool opens_clause(std::size_t e_first, std::size_t e_last, std::size_t k) {
    return e_first <= 1 && k == e_last;
  }

  /// A forward cue word ("planning", "due", "set to").
  bool forward(const std::vector<Word>& words, std::size_t k) const {
    if (k + 1 < words.size() && words[k + 1].lower == "to" && tables_.before_to.contains(words[k].lower)) return true;
    const auto it = tables_.words.find(words[k].lower);
    return it != tables_.words.end() && it->second == Direction::future;
  }

  /// A verb group speaks through its main verb: "were planning to" is a plan, forward like
  /// "planning"; but the pluperfect "had been due to" tells of a plan whose time has passed.
  std::optional<Direction> verb_group(const std::vector<Word>& words, std::size_t k) const {
    const std::string& w = words[k].lower;
    if (k >= 2 && words[k - 1].lower == "been" && words[k - 2].lower == "had" && forward(words, k))
      return Direction::past;
    if ((w == "was" || w == "were") && k + 1 < words.size() && forward(words, k + 1)) return Direction::future;
    return std::nullopt;
  }

  Direction cue(const std::vector<Word>& words, std::size_t k) const {
    if (const auto group = verb_group(words, k)) return *group;
    const std::string& w = words[k].lower;
    if (k + 1 < words.size() && words[k + 1].lower == "to" && tables_.before_to.contains(w)) return Direction::future;
    const auto it = tables_.words.find(w);
    if (it != tables_.words.end() && it->second == Direction::future) return Direction::future;
    if (w.ends_with("'ll")) return Direction::future;
    if (k > 0) {
      // "be held", "to be signed", "will be decided": a participle after an auxiliary is no past
      const std::string& before = words[k - 1].lower;
      if (before == "be" || before == "been" || before == "being" || before == "to") return Direction::unknown;
    }
    if (it != tables_.words.end()) return it->second;
    if (words[k].capitalized && k > 0) return Direction::unknown;   // a name, not a verb
    if (past_tense()(w)) return Direction::past;
    return Direction::unknown;
  }

  static std::vector<Word> split_words(std::string_view text, TextSpan sentence) {
    std::vector<Word> words;
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
      Word w{{i, j}, std::string(text.substr(i, j - i)), text[i] >= 'A' && text[i] <= 'Z', clause_break};
      clause_break = false;
      for (char& c : w.lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      words.push_back(std::move(w));
      i = j;
    }
    return words;
  }

  CueTables tables_;
};

}  // namespace

std::unique_ptr<TenseOracle> make_cue_oracle(CueTables tables) { return std::make_unique<CueOracle>(std::move(tables)); }

}  // namespace chronicle::temporal::detail
