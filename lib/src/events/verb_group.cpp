#include "verb_group.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace chronicle::events::detail {
namespace {

using language::Upos;
using language::Word;

bool is_negation(const Word& w, std::string_view text) {
  std::string form = lower(w.span.of(text));
  return form == "not" || form == "n't" || form == "never" || form == "n’t" || w.lemma == "not";
}

// Catenatives that put the following infinitive in the future: "is set to", "plans to".
bool is_future_catenative(std::string_view lemma) {
  static constexpr std::array<std::string_view, 12> kFuture{"set", "due", "expect", "schedule", "plan", "intend",
                                                            "go", "hope", "aim", "prepare", "agree", "promise"};
  return std::find(kFuture.begin(), kFuture.end(), lemma) != kFuture.end();
}

Tense tense_of_finite(std::string_view xpos) {
  if (xpos == "VBD") return Tense::past;
  if (xpos == "VBZ" || xpos == "VBP") return Tense::present;
  return Tense::none;
}

}  // namespace

VerbGroup verb_group(std::span<const Word> words, std::size_t index, std::string_view text) {
  VerbGroup g;
  const Word& verb = words[index];
  std::string_view xpos = verb.xpos;
  g.tense = xpos == "VBD" ? Tense::past
            : (xpos == "VBZ" || xpos == "VBP") ? Tense::present
            : xpos == "VBG" ? Tense::prespart
            : xpos == "VBN" ? Tense::pastpart
            : Tense::infinitive;

  // Walk left over the auxiliary chain: AUX, PART (not, to), ADV ("also", "again").
  bool saw_to = false;
  Tense finite = Tense::none;
  for (std::size_t k = index; k-- > 0 && index - k <= 6;) {
    const Word& w = words[k];
    std::string form = lower(w.span.of(text));
    if (is_negation(w, text)) {
      g.polarity = Polarity::negative;
      continue;
    }
    if (w.upos == Upos::adv) continue;
    if (form == "to" && w.upos == Upos::part) {
      saw_to = true;
      // "is set to take place", "plans to meet": the catenative before "to" decides.
      if (k > 0 && is_future_catenative(words[k - 1].lemma)) g.direction = Direction::future;
      if (k > 0 && (words[k - 1].lemma == "use" || words[k - 1].xpos == "VBD") && g.direction == Direction::unknown &&
          !is_future_catenative(words[k - 1].lemma))
        g.direction = Direction::past;  // "used to meet", "tried to meet"
      break;
    }
    if (w.upos != Upos::aux) break;
    if (w.xpos == "MD") {
      if (form == "will" || form == "shall" || form == "'ll" || form == "’ll" || form == "wo") {
        g.tense = Tense::future;
        g.direction = Direction::future;
      } else {
        g.modal = true;
        if (form == "would" || form == "could" || form == "might" || form == "should") g.direction = Direction::future;
      }
      continue;
    }
    if (finite == Tense::none) finite = tense_of_finite(w.xpos);
    if (w.xpos == "VBD" || w.xpos == "VBZ" || w.xpos == "VBP") finite = tense_of_finite(w.xpos);
  }
  if (saw_to && g.tense != Tense::future) g.tense = Tense::infinitive;
  if (!saw_to && finite != Tense::none && g.tense != Tense::future) g.tense = finite;  // "has met", "was killed"
  if (g.direction == Direction::unknown) {
    if (g.tense == Tense::past) g.direction = Direction::past;
    else if (g.tense == Tense::future) g.direction = Direction::future;
    else if (g.tense == Tense::present) {
      // "has met": present perfect reports the past.
      bool perfect = xpos == "VBN" && index > 0;
      for (std::size_t k = index; perfect && k-- > 0 && index - k <= 3;)
        if (words[k].lemma == "have") return g.direction = Direction::past, g;
      g.direction = Direction::present;
    }
  }
  return g;
}

Direction noun_direction(std::span<const Word> words, std::size_t index, std::string_view text) {
  for (std::size_t k = index; k-- > 0 && index - k <= 4;) {
    std::string form = lower(words[k].span.of(text));
    if (form == "planned" || form == "upcoming" || form == "next" || form == "proposed" || form == "future" ||
        form == "possible" || form == "scheduled" || form == "forthcoming" || form == "follow-up")
      return Direction::future;
    if (form == "previous" || form == "last" || form == "earlier" || form == "past" || form == "former" || form == "recent")
      return Direction::past;
    if (words[k].upos == Upos::verb || words[k].upos == Upos::punct) break;
  }
  return Direction::unknown;
}

}  // namespace chronicle::events::detail
