#include "verb_group.hpp"

#include <algorithm>

#include "text.hpp"

namespace chronicle::events::detail {
namespace {

using language::Upos;
using language::Word;

// The TimeML tense a verb form has on its own: "met" PAST, "meeting" PRESPART, "meet" INFINITIVE.
Tense tense_of_form(std::string_view xpos) {
  if (xpos == "VBD") return Tense::past;
  if (xpos == "VBZ" || xpos == "VBP") return Tense::present;
  if (xpos == "VBG") return Tense::prespart;
  if (xpos == "VBN") return Tense::pastpart;
  return Tense::infinitive;
}

Tense timeml_tense(language::Tense tense) {
  switch (tense) {
    case language::Tense::past: return Tense::past;
    case language::Tense::present: return Tense::present;
    case language::Tense::future: return Tense::future;
    case language::Tense::none: break;
  }
  return Tense::none;
}

Direction direction_of(Tense tense) {
  switch (tense) {
    case Tense::past: return Direction::past;
    case Tense::present: return Direction::present;
    case Tense::future: return Direction::future;
    default: return Direction::unknown;
  }
}

// "not knowing", "are “not seeking”": a negation right before the verb, which a clause boundary
// may have kept out of its group.
bool negated(std::span<const Word> words, std::size_t index, std::string_view text) {
  for (std::size_t k = index; k-- > 0 && index - k <= 3;) {
    std::string form = lower(words[k].span.of(text));
    if (form == "not" || form == "n't" || form == "never" || form == "n’t") return true;
    if (words[k].upos != Upos::adv && words[k].upos != Upos::punct && words[k].upos != Upos::aux) return false;
  }
  return false;
}

}  // namespace

VerbGroup verb_group(const language::VerbGroups& groups, std::span<const Word> words, std::size_t index,
                     std::string_view text) {
  VerbGroup g;
  g.tense = tense_of_form(words[index].xpos);
  auto headed = std::find_if(groups.groups.begin(), groups.groups.end(),
                             [&](const language::VerbGroup& group) { return group.head == index; });
  if (headed != groups.groups.end()) {
    const language::VerbGroup& group = *headed;
    bool infinitive = std::any_of(group.auxiliaries.begin(), group.auxiliaries.end(),
                                  [&](std::size_t k) { return lower(words[k].span.of(text)) == "to"; });
    // "is set to take place" INFINITIVE; "will meet" FUTURE; "has met", "was killed" by the finite
    // auxiliary; "would meet" and bare participles by the verb's own form.
    if (infinitive) g.tense = Tense::infinitive;
    else if (group.tense == language::Tense::future) g.tense = Tense::future;
    else if (group.tense != language::Tense::none) g.tense = timeml_tense(group.tense);
    g.polarity = group.polarity == language::Polarity::negative || negated(words, index, text) ? Polarity::negative
                                                                                              : Polarity::positive;
    // A participle or infinitive with nothing finite or modal before it says nothing of when
    // ("Speaking to reporters, ..."): its time comes from elsewhere.
    g.direction = group.finite || !group.modality.empty() ? group.direction : Direction::unknown;
    // "wants Assad to leave": the present is the wanting's; the leaving may come any time after.
    if (infinitive && g.direction == Direction::present) g.direction = Direction::unknown;
    return g;
  }
  // A catenative inside another verb's group ("is set to take place", "plans to sell"): its own
  // form, or the finite auxiliary before it, gives its tense and direction.
  for (const language::VerbGroup& group : groups.groups) {
    if (std::find(group.auxiliaries.begin(), group.auxiliaries.end(), index) == group.auxiliaries.end()) continue;
    if (g.tense == Tense::pastpart || g.tense == Tense::prespart || g.tense == Tense::infinitive) {
      for (std::size_t k : group.auxiliaries) {
        if (k >= index) break;
        Tense finite = words[k].xpos == "MD" ? Tense::none : tense_of_form(words[k].xpos);
        if (finite == Tense::past || finite == Tense::present) g.tense = finite;
        std::string form = lower(words[k].span.of(text));
        if (form == "will" || form == "shall" || form == "'ll") g.tense = Tense::future;
      }
    }
    g.polarity = group.polarity == language::Polarity::negative ? Polarity::negative : Polarity::positive;
    break;
  }
  g.direction = direction_of(g.tense);
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
