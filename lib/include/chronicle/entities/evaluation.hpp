#pragma once
// Entity-level scoring in the manner of conlleval: an entity counts as correct only when its
// type and both of its boundaries match the gold exactly.
//
//   EntityScores scores = evaluate(recognizer, *read_iob_file("en_ewt-ud-test.iob2", IobFormat::iob2));
//   fmt::print("{:.3f}\n", scores.overall.f1());

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "chronicle/entities/iob.hpp"
#include "chronicle/entities/recognizer.hpp"

namespace chronicle::entities {

/// Counts behind precision, recall and F1.
struct EntityCounts {
  std::size_t gold = 0;       ///< entities in the gold standard
  std::size_t predicted = 0;  ///< entities the recognizer proposed
  std::size_t correct = 0;    ///< proposed entities matching a gold one exactly

  /// correct / predicted (0 when nothing was predicted).
  double precision() const;
  /// correct / gold (0 when there is no gold entity).
  double recall() const;
  /// Harmonic mean of precision and recall.
  double f1() const;
};

/// Overall counts and counts per entity type.
struct EntityScores {
  EntityCounts overall;
  std::map<std::string, EntityCounts> by_type;
  std::size_t sentences = 0;
  std::size_t tokens = 0;
};

/// One entity of a tag sequence: words [begin, end) of `type`.
struct Chunk {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string type;
  friend bool operator==(const Chunk&, const Chunk&) = default;
};

/// Entities of an IOB2 tag sequence as conlleval reads them (a stray I-X opens an entity).
std::vector<Chunk> chunks(const std::vector<std::string>& tags);

/// Adds the comparison of one sentence's predicted tags with its gold tags to `scores`.
void add_sentence(EntityScores& scores, const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

/// Runs `recognizer` on the gold tokens of every sentence and scores it.
EntityScores evaluate(const Recognizer& recognizer, const std::vector<TaggedSentence>& gold);

}  // namespace chronicle::entities
