#pragma once
// Verb groups: for each clause of an analysed sentence, its verb with the auxiliaries, modals and
// catenatives before it, and what they say about time — tense, aspect, modality, polarity and
// the direction of the event from the time of speaking:
//
//   "Kerry met Putin on Tuesday"                  met                 PAST     -> past
//   "the meeting will take place on Friday"       will take           FUTURE   -> future
//   "Kerry is due to talk with Lavrov on Tuesday" is due to talk      PRESENT  "due to" -> future
//   "Lavrov said the meeting would take place"    would take          "would"  -> hypothetical
//   "Russia has met its obligations"              has met             PRESENT PERFECTIVE -> past
//   "the offer had been due to expire Friday"     had been due to expire  PAST "due to" -> past
//
// governing_group() finds the group a word or span belongs to: the nearest one in its clause
// (clauses end at ";", ":", quotes, subordinators, relative pronouns, a comma before a subject or
// a participle, and before the subject of a second finite verb). noun_modifier_direction() reads
// the modifier of a noun phrase ("a planned January 1 ceasefire" -> future).
//
//   const std::vector<Word> words = analyzer.analyze(text, sentence);
//   const VerbGroups groups = verb_groups(words, text);
//   if (const VerbGroup* g = governing_group(groups, words, expression))
//     use(words[g->head].lemma, to_string(g->tense), to_string(g->direction));

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/text_span.hpp"
#include "chronicle/language/analyzer.hpp"

namespace chronicle::language {

/// Grammatical tense of the group's first finite element ("will" counts as future).
enum class Tense { none, past, present, future };
/// Perfect "have met", progressive "is meeting", both "has been meeting".
enum class Aspect { none, perfective, progressive, perfective_progressive };
/// "not", "n't", "never" in the group make it negative.
enum class Polarity { positive, negative };
/// Where the event lies from the time of speaking, as the group tells.
enum class TimeDirection { unknown, past, present, future, hypothetical };

/// "NONE", "PAST", "PRESENT", "FUTURE".
std::string_view to_string(Tense tense);
/// "NONE", "PERFECTIVE", "PROGRESSIVE", "PERFECTIVE_PROGRESSIVE".
std::string_view to_string(Aspect aspect);
/// "POS", "NEG".
std::string_view to_string(Polarity polarity);
/// "unknown", "past", "present", "future", "hypothetical".
std::string_view to_string(TimeDirection direction);

/// One verb group of a sentence.
struct VerbGroup {
  std::size_t head = 0;                   ///< index of the main verb (the copula when there is none)
  std::vector<std::size_t> auxiliaries;   ///< auxiliaries, modals, catenatives and "to", in order
  std::size_t first = 0;                  ///< first word of the group
  std::size_t clause = 0;                 ///< clause index (see VerbGroups::clause_of)
  Tense tense = Tense::none;
  Aspect aspect = Aspect::none;
  std::string modality;                   ///< "would", "may", "set to", "due to", "plan to"...; empty if none
  Polarity polarity = Polarity::positive;
  TimeDirection direction = TimeDirection::unknown;
  bool finite = false;                    ///< a finite verb or modal leads the group
  bool passive = false;                   ///< "was killed", "will be held"
};

/// The verb groups and clauses of one sentence.
struct VerbGroups {
  std::vector<VerbGroup> groups;          ///< in text order of their heads
  std::vector<std::size_t> clause_of;     ///< clause index of every word
};

/// Verb groups and clauses of the analysed `words` of one sentence of `text`.
VerbGroups verb_groups(std::span<const Word> words, std::string_view text);

/// The group governing the words overlapping `span` (or the word at `span` when it lies between
/// words): the nearest group of their clause; for a clause without one ("On Friday, ..."), the
/// nearest of the clause after a leading clause, else of the one before. nullptr when none.
const VerbGroup* governing_group(const VerbGroups& groups, std::span<const Word> words, TextSpan span);

/// Whether what the verb's object names lies ahead of it: "has scheduled a news conference
/// Thursday", "planned a demonstration on Saturday" (schedule, plan, postpone...).
bool scheduling_verb(std::string_view lemma);

/// The direction a noun phrase's modifier gives an expression inside or after it: "a planned
/// January 1 ceasefire", "talks scheduled for Friday", "the upcoming Friday meeting" -> future;
/// "the previous Friday meeting" -> past. `first` is the expression's first word.
TimeDirection noun_modifier_direction(std::span<const Word> words, std::size_t first, std::string_view text);

}  // namespace chronicle::language
