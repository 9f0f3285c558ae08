// The default TenseOracle: the cue nearest to an expression decides its direction. Cues are
// words from the lexicon ("will", "ago", "next", "said"...), "X to" constructions ("is set to",
// "plans to") and past-tense verbs recognised with WordNet's morphology: morphstr's verb rules
// applied to WordNet's files read into memory, since morphstr itself seeks and reads per probe.

#include <fstream>
#include <mutex>
#include <optional>
#include <span>
#include <sstream>

#include <wn.h>

#include "grammar.hpp"

namespace chronicle::temporal::detail {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Whole contents of a file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

/// One of WordNet's sorted files held in memory, searched exactly as WordNet's bin_search
/// searches the file on disk (the same probes, so the same lines found and missed), without its
/// seek and read system calls per probe.
class SortedFile {
 public:
  SortedFile() = default;
  explicit SortedFile(std::string bytes) : bytes_(std::move(bytes)) {}

  /// The line whose first space-separated field is `key` (without its newline), if found.
  std::optional<std::string_view> find(std::string_view key) const {
    const std::string_view f = bytes_;
    if (f.size() < 2) return std::nullopt;
    std::string_view line;   // like bin_search's static buffer: kept when a read finds the end
    std::size_t top = 0, bot = f.size(), mid = bot / 2, diff = 666;
    while (true) {
      std::size_t pos = mid - 1;
      if (mid != 1) {
        const std::size_t nl = f.find('\n', pos);
        pos = nl == std::string_view::npos ? f.size() : nl + 1;
      }
      if (pos < f.size()) {
        const std::size_t nl = f.find('\n', pos);
        line = f.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      }
      const int order = line.substr(0, line.find(' ')).compare(key);
      if (order < 0) {
        top = mid;
        diff = (bot - top) / 2;
        mid = top + diff;
      } else if (order > 0) {
        bot = mid;
        diff = (bot - top) / 2;
        mid = top + diff;
      }
      if (order == 0) return line;
      if (diff == 0) return std::nullopt;
    }
  }

 private:
  std::string bytes_;
};

/// WordNet's morphstr(word, VERB) != word, answered from verb.exc and index.verb in memory. For
/// a lowercase word of letters and apostrophes morphstr returns the first lemma of its
/// exception line when that differs from the word; else, when the word has no exception line,
/// the first suffix rewrite (-ed to -e, -ed to nothing, ...) that index.verb defines.
class VerbMorphology {
 public:
  /// Loads the two files from WordNet's search directory; false when either cannot be read.
  bool load(const std::string& dir) {
    auto exceptions = read_file(dir + "/verb.exc");
    auto index = read_file(dir + "/index.verb");
    if (!exceptions || !index) return false;
    exceptions_ = SortedFile(std::move(*exceptions));
    index_ = SortedFile(std::move(*index));
    return true;
  }

  bool changes(std::string_view word) const {
    if (word.size() >= kMaxWord) return false;   // longer than any WordNet entry (and its buffers)
    if (const auto line = exceptions_.find(word)) {
      const std::optional<std::string_view> lemma = first_lemma(*line);
      if (lemma) return *lemma != word;
    }
    // WordNet's verb suffixes and their replacements (morph.c: sufx, addr), in order.
    static constexpr std::string_view kSuffix[] = {"s", "ies", "es", "es", "ed", "ed", "ing", "ing"};
    static constexpr std::string_view kEnding[] = {"", "y", "e", "", "e", "", "e", ""};
    std::string base;
    for (std::size_t k = 0; k < std::size(kSuffix); ++k) {
      if (kSuffix[k].size() >= word.size() || !word.ends_with(kSuffix[k])) continue;
      base.assign(word.substr(0, word.size() - kSuffix[k].size()));
      base += kEnding[k];
      if (base != word && index_.find(base)) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kMaxWord = 200;

  /// exc_lookup: the word after the key's single space, up to the next space.
  static std::optional<std::string_view> first_lemma(std::string_view line) {
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || space + 1 >= line.size() || line[space + 1] == ' ') return std::nullopt;
    std::string_view lemma = line.substr(space + 1);
    lemma = lemma.substr(0, lemma.find(' '));
    if (lemma.empty()) return std::nullopt;
    return lemma;
  }

  SortedFile exceptions_;
  SortedFile index_;
};

/// Past-tense verbs by WordNet's morphology, from its files in memory (wordnet_verb_form), or
/// through the library when they cannot be read; each thread remembers the words it has asked.
class PastTense {
 public:
  bool operator()(std::string_view word) {
    if (word.size() < 3) return false;
    thread_local StringMap<bool> seen;
    if (const auto it = seen.find(word); it != seen.end()) return it->second;
    const bool past = compute(word);
    if (seen.size() < 100000) seen.emplace(std::string(word), past);
    return past;
  }

 private:
  bool compute(std::string_view word) {
    std::call_once(opened_, [this] { wordnet_ = wninit() == 0; });
    if (!wordnet_) return word.size() > 4 && word.ends_with("ed");
    if (word.ends_with("s") || word.ends_with("ing")) return false;
    if (const std::optional<bool> form = wordnet_verb_form(word)) return *form;
    // WordNet is not thread-safe and reads files: one lock.
    std::lock_guard lock(mutex_);
    std::string buffer(word);
    const char* lemma = morphstr(buffer.data(), VERB);
    return lemma && word != lemma;
  }

  std::once_flag opened_;
  bool wordnet_ = false;
  std::mutex mutex_;
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
      return words[k].lower == "until" || words[k].lower == "till" ? until(words, clause_begin, after_end) : cue(words, k);
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

  /// "until Friday" ends a state: one that holds now ends ahead ("the offer runs until Friday",
  /// "postponed until Tuesday"), but a pluperfect in its clause tells of a state that ended
  /// before ("Until Thursday, they had not called Kopp a suspect").
  /// "They had until midnight Thursday to agree" is the verb "have", no pluperfect.
  static Direction until(std::span<const Word> words, std::size_t clause_begin, std::size_t clause_end) {
    for (std::size_t k = clause_begin; k < clause_end && k < words.size(); ++k) {
      if (words[k].lower != "had" && words[k].lower != "hadn't") continue;
      const std::string_view next = k + 1 < words.size() ? words[k + 1].lower : std::string_view{};
      if (next != "until" && next != "till" && next != "to") return Direction::past;
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

std::optional<bool> wordnet_verb_form(std::string_view word) {
  static const std::optional<VerbMorphology> morphology = []() -> std::optional<VerbMorphology> {
    VerbMorphology m;
    if (wninit() != 0 || !m.load(SetSearchdir())) return std::nullopt;
    return m;
  }();
  if (!morphology) return std::nullopt;
  return morphology->changes(word);
}

std::unique_ptr<TenseOracle> make_cue_oracle(CueTables tables) { return std::make_unique<CueOracle>(std::move(tables)); }

}  // namespace chronicle::temporal::detail
