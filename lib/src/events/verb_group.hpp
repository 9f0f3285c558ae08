#pragma once
// The TimeML reading of a trigger's verb group: tense, polarity and time direction, taken from the
// language stage's verb groups (chronicle/language/verb_group.hpp), plus the direction a noun
// trigger's modifiers give it. Private to chronicle::events.

#include <cstddef>
#include <span>
#include <string_view>

#include "chronicle/events/mention.hpp"
#include "chronicle/language/analyzer.hpp"
#include "chronicle/language/verb_group.hpp"

namespace chronicle::events::detail {

/// Where an event lies relative to the time of speaking; `hypothetical` ("would meet") lies ahead.
using Direction = language::TimeDirection;

/// Whether `direction` puts the event after the time of speaking (future or hypothetical).
inline bool ahead(Direction direction) {
  return direction == Direction::future || direction == Direction::hypothetical;
}

/// What the words around a trigger say about it.
struct VerbGroup {
  Tense tense = Tense::none;
  Polarity polarity = Polarity::positive;
  Direction direction = Direction::unknown;
};

/// The TimeML reading of the verb at `index` of `words`, whose sentence has the verb `groups`
/// ("will meet" FUTURE, "is set to take place" INFINITIVE and ahead, "has not met" PRESENT,
/// negative and past).
VerbGroup verb_group(const language::VerbGroups& groups, std::span<const language::Word> words, std::size_t index,
                     std::string_view text);

/// The direction a noun's modifiers give it ("a planned ceasefire", "the upcoming talks",
/// "the next meeting" -> future; "last week's meeting", "previous talks" -> past).
Direction noun_direction(std::span<const language::Word> words, std::size_t index, std::string_view text);

}  // namespace chronicle::events::detail
