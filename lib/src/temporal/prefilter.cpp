// The prefilter: anchors chosen per rule from the grammar, a hash set of their lowercase letter
// runs, and one pass over the text that marks chunks holding an anchor and grows windows around
// them. See prefilter.hpp for why the windows give the same matches as the whole text.

#include "prefilter.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <tuple>

#include "ascii_blocks.hpp"
#include "grammar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chronicle::temporal::detail {
namespace {

constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

/// What windows() tells apart, one table load per byte of text. kSymbol, a punctuation byte that
/// confirms a weak anchor, is only in Prefilter::byte_class_ (kOther in kByteClass).
enum ByteClass : std::uint8_t { kOther, kSpace, kLetter, kDigit, kSymbol };
constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    table[static_cast<std::size_t>(c)] = is_space(ch) ? kSpace : is_alpha(ch) ? kLetter : is_digit(ch) ? kDigit : kOther;
  }
  return table;
}();

constexpr std::size_t kMaxKey = 32;

/// What the digits of a chunk look like, as far as the built-in classes that need one care: a
/// token a class matches lies in a chunk of its shape, and most numbers ("$5", "10 percent",
/// "3,000") have no shape but kAnyDigit, so rules anchored on a year or a clock open no window at
/// them. Bits of a mask; a chunk has kAnyDigit whenever it has another.
enum DigitShape : std::uint8_t {
  kAnyDigit = 1,      // a digit
  kFourDigits = 2,    // a run of four digits or more: <year>, the year of <ymd>
  kSlash = 4,         // a '/' beside digits: <mdy>
  kColon = 8,         // a ':' beside digits: <clock>
  kQuarter = 16,      // a 'q' right before a digit: <qn>
  kDecade = 32,       // a digit right before 's', an apostrophe or a curly one's first byte: <decade>
};

/// The shape of `chunk`, which holds a digit. Token norms are the lowercased text (a curly
/// apostrophe folded to '\''), so a token's digits, '/', ':' and 'q' lie in its chunk as they lie
/// in its norm.
std::uint8_t digit_shape(std::string_view chunk) {
  std::uint8_t shape = kAnyDigit;
  std::size_t run = 0;
  for (std::size_t k = 0; k < chunk.size(); ++k) {
    const char c = chunk[k];
    if (!is_digit(c)) {
      run = 0;
      if (c == '/') shape |= kSlash;
      if (c == ':') shape |= kColon;
      continue;
    }
    if (++run >= 4) shape |= kFourDigits;
    if (k > 0 && lower(chunk[k - 1]) == 'q') shape |= kQuarter;
    if (k + 1 < chunk.size() && (lower(chunk[k + 1]) == 's' || chunk[k + 1] == '\'' || chunk[k + 1] == '\xE2'))
      shape |= kDecade;
  }
  return shape;
}

/// Calls f(s) for each bit s of the DigitShape mask `shapes`.
template <typename F>
void for_each_shape(std::uint8_t shapes, F f) {
  for (std::size_t s = 0; shapes >> s; ++s)
    if (shapes >> s & 1) f(s);
}

/// The shapes a token matching built-in class `b` can have (any digit when we cannot say more).
std::uint8_t builtin_shape(Builtin b) {
  static const std::pair<Builtin, std::uint8_t> kShaped[] = {
      {find_builtin("year"), kFourDigits}, {find_builtin("ymd"), kFourDigits}, {find_builtin("mdy"), kSlash},
      {find_builtin("clock"), kColon},     {find_builtin("qn"), kQuarter},     {find_builtin("decade"), kDecade}};
  for (const auto& [builtin, shape] : kShaped)
    if (b == builtin) return shape;
  return kAnyDigit;
}

/// A letter run's head: its first eight letters (at most), lowercase, as one number whose byte k
/// is letter k, zero past the run's end (an OR lowers an ASCII letter). A letter run is never 0,
/// so 0 marks a free hash slot. cut_run() finds the same from a block at once.
std::uint64_t head_of(std::string_view text, std::size_t at, std::size_t n) {
  std::uint64_t head = 0;
  for (std::size_t k = 0; k < n && k < 8; ++k)
    head |= std::uint64_t{static_cast<unsigned char>(text[at + k] | 0x20)} << (8 * k);
  return head;
}

/// The first slot of a head: a multiply spreads its letters into the top bits.
std::size_t first_slot(std::uint64_t head, int shift) {
  return static_cast<std::size_t>((head * 0x9E3779B97F4A7C15ull) >> shift);
}

/// Per run length up to 16, the bytes of a block that are its head: a load, not a shift and a branch.
constexpr std::array<std::uint64_t, 17> kHeadMasks = [] {
  std::array<std::uint64_t, 17> masks{};
  for (std::size_t n = 0; n < masks.size(); ++n)
    masks[n] = n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
  return masks;
}();

/// A letter run cut from a text: its letters and its head.
struct Run {
  std::size_t size;
  std::uint64_t head;
};

/// cut_run() where no block can be loaded: near the range's end, or on a big-endian machine.
Run cut_run_bytewise(std::string_view text, std::size_t i, std::size_t end) {
  const std::size_t n = letter_run_end(text, i, end) - i;
  return {n, head_of(text, i, n)};
}

/// The run of ASCII letters at `i` in text[..end) (text[i] is one). Its first block gives both its
/// end (most runs end in it) and its head: byte k of the block is text[i + k] (kAsciiBlocks).
[[gnu::always_inline]] inline Run cut_run(std::string_view text, std::size_t i, std::size_t end) {
#if defined(__SSE2__) && defined(__x86_64__)
  // Sixteen bytes where the baseline has SSE2 (every x86-64): fewer runs go on past the block, and
  // the constants stay in vector registers, leaving the others to skip_plain().
  if (i + 16 <= end) {
    const __m128i lowered =
        _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)), _mm_set1_epi8(0x20));
    // One range check by one signed compare: adding 0x80 - 'a' (wrapping) takes 'a'..'z', and
    // nothing else, to the 26 lowest signed bytes.
    const __m128i letters = _mm_cmplt_epi8(_mm_add_epi8(lowered, _mm_set1_epi8(0x80 - 'a')),
                                           _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const auto n = static_cast<std::size_t>(std::countr_one(static_cast<unsigned>(_mm_movemask_epi8(letters))));
    const std::uint64_t head = static_cast<std::uint64_t>(_mm_cvtsi128_si64(lowered)) & kHeadMasks[n];
    return {n < 16 ? n : letter_run_end(text, i + 16, end) - i, head};
  }
#endif
  if constexpr (kAsciiBlocks)
    if (i + 8 <= end) {
      const std::uint64_t block = load_block(text.data() + i);
      const std::size_t n = leading_bytes(letter_bytes(block));
      const std::uint64_t head = first_bytes(block | kByteOnes * 0x20, n);
      return {n < 8 ? n : letter_run_end(text, i + 8, end) - i, head};
    }
  return cut_run_bytewise(text, i, end);
}

// Letter runs too frequent to be a good anchor: a rule anchored on one would open a window at
// almost every sentence. Only a cost; any anchor stays correct.
constexpr std::string_view kCommon[] = {
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "d", "day", "did", "do", "each", "end", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "just", "last", "ll",
    "m", "may", "more", "most", "new", "next", "no", "not", "now", "o", "of", "on", "one", "only", "or",
    "other", "our", "out", "over", "past", "s", "said", "same", "she", "so", "some", "t", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "time", "to", "two", "under",
    "up", "was", "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "year",
    "you"};
constexpr std::string_view kVeryCommon[] = {"a",  "an", "and", "as", "at", "by", "for", "from", "he", "in", "is", "it",
                                            "o",  "of", "on",  "s",  "said", "t", "that", "the", "to", "was", "with"};
static_assert(std::is_sorted(std::begin(kCommon), std::end(kCommon)) &&
              std::is_sorted(std::begin(kVeryCommon), std::end(kVeryCommon)));
/// kCommon and kVeryCommon as order_prefix() numbers, in the same order: add_word() looks a word
/// up among them with integer compares (every word of every element and lexicon class).
template <std::size_t N>
constexpr std::array<std::uint64_t, N> prefixes(const std::string_view (&words)[N]) {
  std::array<std::uint64_t, N> out{};
  for (std::size_t k = 0; k < N; ++k) out[k] = order_prefix(words[k]);
  return out;
}
constexpr auto kCommonPrefixes = prefixes(kCommon);
constexpr auto kVeryCommonPrefixes = prefixes(kVeryCommon);
constexpr std::size_t kCommonLongest = 8;   // letters: a word's prefix is all of it
static_assert(std::all_of(std::begin(kCommon), std::end(kCommon), [](std::string_view w) { return w.size() <= kCommonLongest; }) &&
              std::all_of(std::begin(kVeryCommon), std::end(kVeryCommon), [](std::string_view w) { return w.size() <= kCommonLongest; }));
constexpr std::size_t kVeryCommonCost = 1000;
constexpr std::size_t kCommonCost = 100;
constexpr std::size_t kWordCost = 1;
constexpr std::size_t kDigitCost = 30;
constexpr std::size_t kNoAnchor = std::numeric_limits<std::size_t>::max();

/// What an element needs of a token: one of `keys` as its first letter run, a digit in one of
/// the shapes `digits` (a DigitShape mask, 0: none), or one of the punctuation bytes `symbols`
/// (the whole token: "&"; only looked for to confirm a weak anchor, never an anchor). The keys
/// view the grammar's words, or a lowered copy (Lowered) of one with a capital: a string each was
/// copied from anchor to anchor and sorted, a third of building the prefilter.
struct Anchor {
  std::vector<std::string_view> keys;
  std::uint8_t digits = 0;
  std::string symbols;
  std::size_t cost = 0;
};

/// Whether a token whose norm is `word` is the byte `word` in its chunk: ASCII punctuation, and
/// not the apostrophe a curly one folds to.
bool is_symbol(std::string_view word) {
  const char c = word.front();
  return word.size() == 1 && c > ' ' && c < 0x7F && !is_alpha(c) && !is_digit(c) && c != '\'';
}

/// The lowered copies of grammar words with a capital, for Anchor::keys to view (a deque: its
/// strings stay where they are).
using Lowered = std::deque<std::string>;

/// Adds the needs of a token whose norm is `word`; false when its text need not hold a letter
/// run or a digit we can look for.
bool add_word(std::string_view word, Anchor& a, Lowered& lowered) {
  if (word.empty()) return false;
  if (is_digit(word.front())) {
    if (!a.digits) a.cost += kDigitCost;
    a.digits |= kAnyDigit;
    return true;
  }
  if (is_symbol(word)) {
    a.cost += kWordCost;
    a.symbols += word.front();
    return true;
  }
  if (!is_alpha(word.front())) return false;
  std::size_t n = 0;   // the letter run
  bool capital = false;
  for (; n < word.size() && is_alpha(word[n]); ++n) capital |= word[n] != lower(word[n]);
  if (n > kMaxKey) return false;
  std::string_view key = word.substr(0, n);
  if (capital) {
    std::string& copy = lowered.emplace_back(key);
    for (char& c : copy) c = lower(c);
    key = copy;
  }
  const std::uint64_t prefix = order_prefix(key);
  const bool short_key = key.size() <= kCommonLongest;
  const bool very = short_key && std::binary_search(kVeryCommonPrefixes.begin(), kVeryCommonPrefixes.end(), prefix);
  const bool common = short_key && std::binary_search(kCommonPrefixes.begin(), kCommonPrefixes.end(), prefix);
  a.cost += very ? kVeryCommonCost : common ? kCommonCost : kWordCost;
  a.keys.push_back(key);
  return true;
}

/// The anchor of the words of each lexicon class (a word may be in several), or nullopt when one
/// of them can anchor nothing: found once per class, not once per element naming it (for the
/// embedded grammar that was 34K word lookups, a twentieth of start-up).
std::vector<std::optional<Anchor>> class_anchors(const Lexicon& lexicon, Lowered& lowered) {
  std::vector<std::vector<std::string_view>> words(lexicon.class_names.size());
  for (const auto& [word, entries] : lexicon.words)
    for (const LexEntry& e : entries) {
      auto& of_class = words[static_cast<std::size_t>(e.cls)];
      if (of_class.empty() || of_class.back() != word) of_class.push_back(word);
    }
  std::vector<std::optional<Anchor>> out(words.size());
  for (std::size_t c = 0; c < words.size(); ++c) {
    out[c].emplace();
    for (const std::string_view word : words[c])
      if (!add_word(word, *out[c], lowered)) {
        out[c].reset();
        break;
      }
  }
  return out;
}

/// The anchor of a required element, or nullopt when any token could match it. `classes`:
/// class_anchors().
std::optional<Anchor> anchor_of(const Element& e, const std::vector<std::optional<Anchor>>& classes, Lowered& lowered) {
  Anchor a;
  for (const std::string& w : e.words)
    if (!add_word(w, a, lowered)) return std::nullopt;
  if (e.cls >= 0) {
    const std::optional<Anchor>& c = classes[static_cast<std::size_t>(e.cls)];
    if (!c) return std::nullopt;
    a.keys.insert(a.keys.end(), c->keys.begin(), c->keys.end());
    a.symbols += c->symbols;
    a.cost += c->cost - (c->digits && a.digits ? kDigitCost : 0);   // digits cost once
    a.digits |= c->digits;
  }
  if (e.builtin) {
    if (!needs_digit(e.builtin)) return std::nullopt;
    if (!a.digits) a.cost += kDigitCost;
    a.digits |= builtin_shape(e.builtin);
  }
  if (e.words.empty() && e.cls < 0 && !e.builtin) return std::nullopt;
  return a;
}

/// Most tokens element `e` consumes (a lexicon word may take its abbreviation dot).
std::size_t width(const Element& e) { return e.cls >= 0 ? 2 : 1; }

/// Most tokens from the token element `from` matches to the one element `to` matches, `from` < `to`.
std::size_t reach(const Rule& rule, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t k = from; k < to; ++k) n += width(rule.elements[k]);
  return n;
}

/// How a rule's weak anchor is confirmed: by `confirm`, the anchor of another of its required
/// elements, in a chunk at most `before` chunks before it or `after` chunks after it.
struct Weak {
  std::size_t before = 0, after = 0;
  const Anchor* confirm = nullptr;
};

/// The group, of those with confirmations `confirms` and sides in `signatures`, that is confirmed
/// by everything that confirms `a` (on the side `before`), with the fewest letter runs, if any.
std::optional<std::size_t> covering_group(const std::vector<std::string>& signatures,
                                          const std::vector<const Anchor*>& confirms, const Anchor& a, bool before) {
  std::optional<std::size_t> best;
  for (std::size_t g = 0; g < confirms.size(); ++g) {
    const Anchor& c = *confirms[g];
    if (signatures[g].ends_with(" before") != before || (a.digits & ~c.digits) != 0) continue;
    const auto has_key = [&](std::string_view k) { return std::find(c.keys.begin(), c.keys.end(), k) != c.keys.end(); };
    const auto has_symbol = [&](char s) { return c.symbols.find(s) != std::string::npos; };
    if (!std::all_of(a.keys.begin(), a.keys.end(), has_key)) continue;
    if (!std::all_of(a.symbols.begin(), a.symbols.end(), has_symbol)) continue;
    if (!best || c.keys.size() < confirms[*best]->keys.size()) best = g;
  }
  return best;
}

}  // namespace

Prefilter Prefilter::build(const Grammar& grammar) {
  Prefilter p;
  Lowered lowered;   // before the anchors: they view it
  std::vector<std::pair<std::string_view, KeyInfo>> keys;
  // key ("" for digits of the shapes), how confirmed, margins
  std::vector<std::tuple<std::string_view, std::uint8_t, Weak, Margins>> weak;
  std::vector<std::unique_ptr<Anchor>> confirms;              // the Weak::confirm anchors
  const std::vector<std::optional<Anchor>> classes = class_anchors(grammar.lexicon, lowered);
  const auto strong_digits = [&](std::uint8_t shapes, const Margins& m) {
    for_each_shape(shapes, [&](std::size_t s) { p.digits_[s] = p.digits_[s].max(m); });
  };
  for (const Rule& rule : grammar.rules) {
    std::vector<std::optional<Anchor>> anchors(rule.elements.size());
    std::size_t best_cost = kNoAnchor, best_index = 0;
    for (std::size_t k = 0; k < rule.elements.size(); ++k) {
      if (rule.elements[k].optional) continue;
      anchors[k] = anchor_of(rule.elements[k], classes, lowered);
      if (anchors[k] && anchors[k]->symbols.empty() && anchors[k]->cost < best_cost) {
        best_cost = anchors[k]->cost;
        best_index = k;
      }
    }
    if (best_cost == kNoAnchor) return p;   // a rule that can start anywhere: no prefilter
    const Anchor& best = *anchors[best_index];
    // Chunks before the anchor: the elements before it and the look-behind token; after it: the
    // elements after it, the look-ahead token and an abbreviation dot.
    Margins m{1, 1 + width(rule.elements[best_index]), true};
    for (std::size_t k = 0; k < rule.elements.size(); ++k)
      (k < best_index ? m.before : m.after) += k == best_index ? 0 : width(rule.elements[k]);
    // The next best element, unless it holds a very common word (or needs a digit as the anchor
    // does: the anchor's own would confirm it), confirms the anchor, whose keys and digits then
    // open a window only with a confirmation near them. A digit anchor takes any confirmation:
    // "and" or "&" next to a number is still rarer than a number ("April 24 and 25", "11 a.m.").
    std::size_t second_cost = best.digits ? kNoAnchor : kVeryCommonCost, second = best_index;
    for (std::size_t k = 0; k < rule.elements.size(); ++k)
      if (k != best_index && anchors[k] && !(best.digits && anchors[k]->digits) && anchors[k]->cost < second_cost) {
        second_cost = anchors[k]->cost;
        second = k;
      }
    Weak w;
    if (second != best_index) {
      confirms.push_back(std::make_unique<Anchor>(std::move(*anchors[second])));
      w.confirm = confirms.back().get();
      (second < best_index ? w.before : w.after) =
          second < best_index ? reach(rule, second, best_index) : reach(rule, best_index, second);
    }
    if (best.digits) {
      if (w.confirm) weak.emplace_back("", best.digits, w, m);
      else strong_digits(best.digits, m);
    }
    for (const std::string_view key : best.keys) {
      if (w.confirm) weak.emplace_back(key, 0, w, m);
      else keys.push_back({key, KeyInfo{m, {}, 0, 0}});
    }
  }
  // Weak anchors, a group per set of confirming letter runs (and digits): a group's windows take
  // the largest margins and reach of its rules. Past kMaxGroups groups, an anchor joins a group
  // on its side whose confirmations include all of its own (more confirmations only open more
  // windows), else it is strong again.
  std::vector<std::string> signatures;   // of each group: its confirming keys, joined, and side
  std::vector<const Anchor*> group_confirms;   // of each group: what confirms it
  const Anchor* previous = nullptr;      // the entries of one rule come together and share a group
  std::size_t group = kMaxGroups;        // kMaxGroups: none
  for (const auto& [key, shapes, w, m] : weak) {
    if (w.confirm != previous) {
      previous = w.confirm;
      std::string signature;
      for (const std::string_view confirm : w.confirm->keys) {
        signature += confirm;
        signature += ' ';
      }
      if (w.confirm->digits) signature += std::to_string(w.confirm->digits);
      if (!w.confirm->symbols.empty()) signature += " symbols " + w.confirm->symbols;
      signature += w.before > 0 ? " before" : " after";   // reaches differ most between the sides
      group = static_cast<std::size_t>(std::find(signatures.begin(), signatures.end(), signature) - signatures.begin());
      if (group == kMaxGroups)
        group = covering_group(signatures, group_confirms, *w.confirm, w.before > 0).value_or(kMaxGroups);
      else if (group == signatures.size()) {   // a new group: its confirmations
        const std::uint64_t bit = std::uint64_t{1} << group;
        for (const std::string_view confirm : w.confirm->keys) keys.push_back({confirm, KeyInfo{{}, {}, 0, bit}});
        for_each_shape(w.confirm->digits, [&](std::size_t s) { p.digits_confirm_[s] |= bit; });
        for (const char c : w.confirm->symbols) p.symbol_confirms_[static_cast<unsigned char>(c)] |= bit;
        signatures.push_back(std::move(signature));
        group_confirms.push_back(w.confirm);
      }
    }
    if (group >= kMaxGroups) {
      if (key.empty()) strong_digits(shapes, m);
      else keys.push_back({key, KeyInfo{m, {}, 0, 0}});
      continue;
    }
    const std::uint64_t bit = std::uint64_t{1} << group;
    Group& g = p.groups_[group];
    g.margins = g.margins.max(m);
    g.before = std::max(g.before, w.before);
    g.after = std::max(g.after, w.after);
    if (key.empty()) for_each_shape(shapes, [&](std::size_t s) { p.digits_weak_[s] |= bit; });
    else keys.push_back({key, KeyInfo{{}, m, bit, 0}});
  }
  // The entries of a key together, keys in order: sorted as (order_prefix, index) pairs, not
  // moved about whole. Among the entries of a key, any order: what they say of it is merged by
  // maxima and unions.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(keys.size());
  for (std::size_t k = 0; k < keys.size(); ++k) order[k] = {order_prefix(keys[k].first), static_cast<std::uint32_t>(k)};
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : keys[a.second].first < keys[b.second].first;
  });
  std::size_t capacity = 16;
  while (capacity < keys.size() * 4) capacity *= 2;
  p.keys_.reserve(keys.size());
  p.heads_.assign(capacity, 0);
  p.slots_.assign(capacity, Slot{});
  p.mask_ = capacity - 1;
  p.shift_ = 64 - std::countr_zero(capacity);
  for (std::size_t k = 0; k < order.size();) {
    const std::string_view key = keys[order[k].second].first;
    KeyInfo info = keys[order[k].second].second;
    std::size_t next = k + 1;
    for (; next < order.size() && keys[order[next].second].first == key; ++next) {
      const KeyInfo& o = keys[order[next].second].second;
      if (o.strong.used) info.strong = info.strong.max(o.strong);
      if (o.weak.used) info.weak = info.weak.max(o.weak);
      info.group |= o.group;
      info.confirms |= o.confirms;
    }
    p.insert(key, info);
    if (info.strong.used || info.weak.used) ++p.key_count_;
    k = next;
  }
  for (std::size_t c = 0; c < 256; ++c) p.byte_class_[c] = p.symbol_confirms_[c] ? kSymbol : kByteClass[c];
  // reach_before() does not know a token's shape: the most of any
  std::uint64_t digits_weak = 0;
  for (std::size_t s = 0; s < kShapes; ++s) {
    if (p.digits_[s].used) p.digits_reach_ = std::max(p.digits_reach_, static_cast<int>(p.digits_[s].before));
    digits_weak |= p.digits_weak_[s];
  }
  for (std::size_t g = 0; g < kMaxGroups; ++g)
    if (digits_weak >> g & 1)
      p.digits_reach_ = std::max(p.digits_reach_, static_cast<int>(p.groups_[g].margins.before));
  if (p.digits_reach_ >= 0) p.max_before_ = std::max(p.max_before_, static_cast<std::size_t>(p.digits_reach_));
  std::size_t weak_after = 0;
  for (const Group& r : p.groups_) weak_after = std::max(weak_after, r.after);
  // windows() looks back to the start of a window opened by a weak anchor confirmed up to
  // weak_after chunks later. A power of two: a chunk's place in the ring is its number's low bits.
  p.history_ = std::bit_ceil(p.max_before_ + weak_after + 1);
  p.enabled_ = true;
  grammar.words.for_each([&](std::string_view word, const WordInfo& info) {
    if (p.word_reach_.size() <= info.id) p.word_reach_.resize(info.id + 1, -1);
    p.word_reach_[info.id] = p.letters_reach(word);
  });
  return p;
}

void Prefilter::insert(std::string_view key, const KeyInfo& info) {
  const std::uint64_t head = head_of(key, 0, key.size());
  std::size_t slot = first_slot(head, shift_);
  while (heads_[slot] != 0) slot = (slot + 1) & mask_;
  heads_[slot] = head;
  slots_[slot] = {static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(keys_.size())};
  keys_.push_back({std::string(key), info});
  max_key_ = std::max(max_key_, key.size());
  max_before_ = std::max({max_before_, info.strong.before, info.weak.before});
}

const Prefilter::KeyInfo* Prefilter::find(std::uint64_t head, const char* run, std::size_t size) const {
  for (std::size_t slot = first_slot(head, shift_);; slot = (slot + 1) & mask_) {
    if (heads_[slot] == 0) return nullptr;
    const Slot& s = slots_[slot];
    if (heads_[slot] == head && s.size == size) {
      const Key& k = keys_[s.index];
      // Past the head, the rest of a long run's letters (rare: "thanksgiving").
      const auto same = [](char key_letter, char letter) { return key_letter == lower(letter); };
      if (size <= 8 || std::equal(k.text.begin() + 8, k.text.end(), run + 8, same)) return &k.info;
    }
  }
}

std::vector<std::string> Prefilter::keys() const {
  std::vector<std::string> out;
  for (const Key& k : keys_)
    if (k.info.strong.used || k.info.weak.used) out.push_back(k.text);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Prefilter::weak_keys() const {
  std::vector<std::string> out;
  for (const Key& k : keys_)
    if (k.info.weak.used && !k.info.strong.used) out.push_back(k.text);
  std::sort(out.begin(), out.end());
  return out;
}

const Prefilter::KeyInfo* Prefilter::find_run(std::string_view run) const {
  const std::size_t n = run.size();
  if (n == 0 || n > max_key_) return nullptr;
  return find(head_of(run, 0, n), run.data(), n);
}

int Prefilter::letters_reach(std::string_view norm) const {
  std::size_t n = 0;
  while (n < norm.size() && is_alpha(norm[n])) ++n;
  const KeyInfo* info = find_run(norm.substr(0, n));
  if (!info || !(info->strong.used || info->weak.used)) return -1;
  return static_cast<int>(std::max(info->strong.before, info->weak.before));
}

namespace {

/// reach_before() given the prefilter's per-word reaches and its digits' reach.
int reach_of(const Token& token, const WordInfo* word, const int* word_reach, int digits_reach) {
  const int letters = word ? word_reach[word->id] : -1;
  return token.digit ? std::max(digits_reach, letters) : letters;
}


/// Notes chunk `chunk` as the last to confirm each group of `confirms` (Seen::confirmed_until):
/// a weak anchor of the group after it looks there.
void note_confirmed(std::size_t* confirmed_until, std::uint64_t confirms, std::size_t chunk) {
  for (std::uint64_t bits = confirms; bits; bits &= bits - 1)
    confirmed_until[static_cast<std::size_t>(std::countr_zero(bits))] = chunk + 1;
}

}  // namespace

int Prefilter::reach_before(const Token& token, const WordInfo* word) const {
  return enabled_ ? reach_of(token, word, word_reach_.data(), digits_reach_) : -1;
}

// reach_before() for every token, in one loop over the tokens (it was a call per token).
void Prefilter::match_starts(const std::vector<Token>& tokens, std::span<const WordInfo* const> words,
                             std::vector<std::uint8_t>& out) const {
  // Token i may start a match when some anchor a >= i starts its reach at or before i. Walking
  // back, the lowest start of the anchors passed answers for each token in one look (marking each
  // anchor's reach went over most tokens several times).
  out.assign(tokens.size(), 0);
  if (!enabled_) return;
  // Pointers held here: a byte stored through `out` might alias any member, so the compiler would
  // load each of them again for every token.
  std::uint8_t* starts = out.data();
  const Token* token = tokens.data();
  const int* word_reach = word_reach_.data();
  const int digits_reach = digits_reach_;
  std::size_t lowest_start = tokens.size();
  for (std::size_t a = tokens.size(); a-- > 0;) {
    if (const int reach = reach_of(token[a], words[a], word_reach, digits_reach); reach >= 0)
      lowest_start = std::min(lowest_start, a - std::min(a, static_cast<std::size_t>(reach)));
    starts[a] = lowest_start <= a ? 1 : 0;
  }
}

std::size_t Prefilter::scan_chunk(std::string_view text, std::size_t start, std::size_t i, std::size_t end,
                                  Chunk& chunk) const {
  bool digit = false;
  while (i < end) {
    const ByteClass c = kByteClass[static_cast<unsigned char>(text[i])];
    if (c == kSpace) break;
    if (c == kLetter) {
      const Run run = cut_run(text, i, end);
      if (const KeyInfo* found = find(run.head, text.data() + i, run.size)) {
        if (found->strong.used) {
          chunk.anchor = true;
          chunk.margins = chunk.margins.max(found->strong);
        }
        chunk.weak |= found->group;
        chunk.confirms |= found->confirms;
      }
      i += run.size;
      continue;
    }
    if (c == kDigit) digit = true;
    else if (c == kOther) chunk.confirms |= symbol_confirms_[static_cast<unsigned char>(text[i])];
    ++i;
  }
  if (digit)   // its shape is looked at once the chunk ends
    for_each_shape(digit_shape(text.substr(start, i - start)), [&](std::size_t s) {
      if (digits_[s].used) {
        chunk.anchor = true;
        chunk.margins = chunk.margins.max(digits_[s]);
      }
      chunk.weak |= digits_weak_[s];
      chunk.confirms |= digits_confirm_[s];
    });
  return i;
}

Prefilter::Stop Prefilter::skip_plain(std::string_view text, std::size_t i, std::size_t end, std::size_t chunk,
                                      std::size_t last, const Seen& seen) const {
  // Locals, so that they stay in registers: members, and the fields of `seen`, would be loaded
  // again after every store to the ring. Few of them: the chunk's start is in the ring, not in one.
  const char* const bytes = text.data();
  const std::uint64_t* const heads = heads_.data();
  const int shift = shift_;
  const std::uint8_t* const classes = byte_class_.data();
  std::size_t* const starts = seen.starts;
  const std::size_t mask = seen.mask;
  const auto byte_class = [&](std::size_t at) { return classes[static_cast<unsigned char>(bytes[at])]; };
  // One loop over the bytes, the chunk's end handled where a space is met (nested loops cost
  // register moves at every chunk).
  std::size_t chunk_end = i;
  while (i < end && byte_class(i) == kSpace) ++i;
  if (i >= end) return {i, chunk, chunk_end, Stop::kEnd};
  starts[chunk & mask] = i;
  const auto class_at = [&](std::size_t at) { return at < end ? byte_class(at) : std::uint8_t{kSpace}; };
  // What a chunk confirms, when nothing waits for it: noted for the weak anchors after it.
  const auto note = [&](std::uint64_t confirms) { note_confirmed(seen.confirmed_until, confirms, chunk); };
  std::uint8_t c = class_at(i);
  while (true) {
    if (c == kLetter) {
      const Run run = cut_run(text, i, end);
      if (heads[first_slot(run.head, shift)] != 0) {   // most runs: their first hash slot is free
        // A key that only confirms, with nothing waiting for it, is only noted: most keys found
        // are such common words ("and" of "April 24 and 25", "a" of "11 a.m."). Anything else
        // that is a key stops the scan.
        const KeyInfo* found = find(run.head, bytes + i, run.size);
        if (found && (found->strong.used || found->group != 0 || (found->confirms & seen.waiting) != 0))
          return {i, chunk, chunk_end, Stop::kNotPlain};
        if (found) note(found->confirms);
      }
      i += run.size;
      // Most runs end their chunk at a single space before the next chunk's first letter: that
      // chunk is begun here, not through the loop over spaces.
      if (i + 1 < end && bytes[i] == ' ' && byte_class(i + 1) == kLetter) {
        if (chunk == last) return {i, chunk, i, Stop::kLast};
        chunk_end = i;
        starts[++chunk & mask] = ++i;
        continue;   // at a letter
      }
    } else if (c == kOther) {
      ++i;
    } else if (c == kSymbol) {   // like a key that only confirms ("&" of "April 24 & 25")
      const std::uint64_t confirms = symbol_confirms_[static_cast<unsigned char>(bytes[i])];
      if ((confirms & seen.waiting) != 0) return {i, chunk, chunk_end, Stop::kNotPlain};
      note(confirms);
      ++i;
    } else if (c == kSpace) {   // the chunk ends at i (a space, or the range's end)
      if (chunk == last) return {i, chunk, i, Stop::kLast};
      chunk_end = i;
      do ++i;
      while (i < end && byte_class(i) == kSpace);
      if (i >= end) return {i, chunk + 1, chunk_end, Stop::kEnd};
      starts[++chunk & mask] = i;
    } else {
      return {i, chunk, chunk_end, Stop::kNotPlain};   // a digit
    }
    c = class_at(i);
  }
}

void Prefilter::windows(std::string_view text, TextSpan range, std::vector<TextSpan>& out) const {
  out.clear();
  const std::size_t end = std::min(range.end, text.size());
  const std::size_t begin = std::min(range.begin, end);
  if (!enabled_) {
    if (begin < end) out.push_back({begin, end});
    return;
  }
  // starts of the last history_ chunks, to open a window that many chunks back
  std::vector<std::size_t> ring(history_, begin);
  // Per group, one more than the last chunk that confirmed it (0: none yet); a weak anchor looks
  // there for a confirmation before it.
  std::array<std::size_t, kMaxGroups> confirmed_until{};
  // Per group, the first and last chunk of its weak anchors waiting for a confirmation after them
  // (`waiting` has its bit); confirming the anchors between them too only widens the window.
  std::array<std::size_t, kMaxGroups> first_waiting, last_waiting;
  std::uint64_t waiting = 0;
  std::size_t chunk = 0;
  const std::size_t ring_mask = history_ - 1;
  std::size_t until = 0;   // the open window reaches at least this chunk
  bool open = false;
  TextSpan current{};
  // Opens or grows the window for an anchor in chunk `at` (at most history_ - 1 - m.before back).
  const auto anchor_at = [&](std::size_t at, const Margins& m) {
    const std::size_t back = chunk - at + m.before;
    const std::size_t from = chunk >= back ? ring[(chunk - back) & ring_mask] : begin;
    if (!open) {
      current.begin = from;
      until = 0;
      open = true;
    }
    current.begin = std::min(current.begin, from);
    while (!out.empty() && out.back().end >= current.begin) {   // reaches back into earlier windows
      current.begin = std::min(current.begin, out.back().begin);
      out.pop_back();
    }
    until = std::max(until, at + m.after);
  };
  // Most chunks are letter runs that are no key and punctuation that confirms nothing: plain
  // chunks, which need no state but where they start (in the ring) and end. skip_plain() goes over
  // them in a loop of its own, and notes there the keys and bytes that only confirm groups none
  // waits for; here, the other chunks (an anchor, a confirmation awaited or a digit), the text's
  // end and the last chunk of an open window.
  Seen seen{ring.data(), ring_mask, confirmed_until.data(), 0};
  std::size_t i = begin;
  while (true) {
    seen.waiting = waiting;
    const Stop stop = skip_plain(text, i, end, chunk, open ? until : std::numeric_limits<std::size_t>::max(), seen);
    chunk = stop.chunk;
    i = stop.i;
    if (stop.why == Stop::kEnd) {
      if (open) current.end = stop.chunk_end;
      break;
    }
    if (stop.why == Stop::kNotPlain) {
      Chunk found;
      i = scan_chunk(text, ring[chunk & ring_mask], i, end, found);
      const std::uint64_t confirms = found.confirms, weak = found.weak;
      bool anchor = found.anchor;
      Margins m = found.margins;
      note_confirmed(confirmed_until.data(), confirms, chunk);
      if (weak != 0 || (waiting & confirms) != 0) {   // most chunks are neither
        // Earlier weak anchors this chunk confirms (those still in reach of it)...
        for (std::uint64_t due = waiting & confirms; due; due &= due - 1) {
          const auto g = static_cast<std::size_t>(std::countr_zero(due));
          const Group& group = groups_[g];
          if (last_waiting[g] + group.after < chunk) continue;
          const std::size_t first =
              chunk >= group.after ? std::max(first_waiting[g], chunk - group.after) : first_waiting[g];
          anchor_at(first, group.margins);
          anchor_at(last_waiting[g], group.margins);
        }
        waiting &= ~confirms;
        // ...then those of this chunk, confirmed here or before; the others wait for one after.
        for (std::uint64_t left = weak; left; left &= left - 1) {
          const auto g = static_cast<std::size_t>(std::countr_zero(left));
          const Group& group = groups_[g];
          if (confirmed_until[g] != 0 && confirmed_until[g] + group.before > chunk) {   // `before` back at most
            anchor = true;
            m = m.max(group.margins);
          } else if (group.after > 0) {
            if (!(waiting >> g & 1) || last_waiting[g] + group.after < chunk) first_waiting[g] = chunk;
            last_waiting[g] = chunk;
            waiting |= std::uint64_t{1} << g;
          }
        }
      }
      if (anchor) anchor_at(chunk, m);
    }
    if (open) {
      current.end = i;
      if (chunk >= until) {
        out.push_back(current);
        open = false;
      }
    }
    ++chunk;
  }
  if (open) out.push_back(current);
}

}  // namespace chronicle::temporal::detail
