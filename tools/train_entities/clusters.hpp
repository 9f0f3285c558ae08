#pragma once
// Word clusters learned without labels, for the recognizer's cluster features: every frequent
// lowercase word of a raw corpus gets a context vector (positive PMI of the words one and two
// positions to its left and right), and the vectors are split in two again and again (principal
// direction, then spherical 2-means) into a binary hierarchy, as Brown clusters are. A word's
// cluster is its path in that tree ("0110100"); prefixes of the path are coarser clusters.
// Deterministic: the same corpus gives the same table.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::train_entities {

struct ClusterOptions {
  std::size_t min_count = 3;         ///< a word needs this many occurrences to get a cluster
  std::size_t max_words = 40000;     ///< at most this many words (the most frequent) get one
  std::size_t context_words = 1000;  ///< the most frequent words are the context features
  int depth = 16;                    ///< longest path
  int iterations = 8;                ///< 2-means refinements per split
};

/// One row of a word-by-feature matrix, sparse (dense vectors have every index).
struct Row {
  std::vector<std::uint32_t> index;
  std::vector<float> value;
};

/// Paths of the binary hierarchy over `rows` (length-normalized, `dims` columns, the most
/// frequent word first): each set of rows is split by its principal direction, refined by
/// spherical 2-means, down to `options.depth` levels.
std::vector<std::string> hierarchy_paths(const std::vector<Row>& rows, std::size_t dims, const ClusterOptions& options);

/// A cluster section of gazetteer.tsv (`@section`, then `word<TAB>path` lines sorted by word;
/// words a line cannot hold are left out); `leaves` receives the number of distinct paths.
std::string cluster_section(std::string_view section, const std::vector<std::string>& words,
                            const std::vector<std::string>& paths, std::size_t& leaves);

/// The `@cluster` section of gazetteer.tsv (a header line, then `word<TAB>bits` lines, sorted by
/// word) for tokenized `sentences`; `summary` receives a one-line description.
std::string build_clusters(const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& options,
                           std::string& summary);

/// Tokens of raw English text, split roughly the Universal Dependencies way (punctuation, "'s",
/// "n't" and hyphens between letters become tokens of their own); one vector per line.
void tokenize_raw(std::string_view text, std::vector<std::vector<std::string>>& out);

/// Sentences of the TempEval-3 silver news (the text inside <TEXT> of every .tml file under
/// `dir`, tags stripped), tokenized by tokenize_raw; files are read in sorted order.
Result<std::size_t> read_timeml_text(const std::string& dir, std::vector<std::vector<std::string>>& out);

}  // namespace chronicle::train_entities
