#pragma once
// Verb groups: the tense, polarity and time direction of a verb from the auxiliaries, modals and
// catenative phrases before it ("will meet", "would take place", "is set to take place",
// "has not met", "was killed"). Private to chronicle::events.

#include <cstddef>
#include <span>

#include "chronicle/events/mention.hpp"
#include "chronicle/language/analyzer.hpp"

namespace chronicle::events::detail {

/// Where an event lies relative to the time of speaking.
enum class Direction { unknown, past, present, future };

/// What the words around a verb say about it.
struct VerbGroup {
  Tense tense = Tense::none;
  Polarity polarity = Polarity::positive;
  Direction direction = Direction::unknown;
  bool modal = false;  ///< "would", "could", "may": hypothetical or future in the past
};

/// The verb group of the verb at `index` of `words`.
VerbGroup verb_group(std::span<const language::Word> words, std::size_t index, std::string_view text);

/// The direction a noun's modifiers give it ("a planned ceasefire", "the upcoming talks",
/// "the next meeting" -> future; "last week's meeting", "previous talks" -> past).
Direction noun_direction(std::span<const language::Word> words, std::size_t index, std::string_view text);

}  // namespace chronicle::events::detail
