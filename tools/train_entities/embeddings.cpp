#include "embeddings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace chronicle::train_entities {

namespace {

using Keep = std::function<bool(std::string_view, std::size_t)>;

// nlohmann's SAX parser over the file, without building the document (341,479 vectors): the
// "dimensions" field, the "words" list (frequency ranks, most frequent first) and the "vectors"
// object; the rest is skipped.
class WinkReader final : public nlohmann::json_sax<nlohmann::json> {
 public:
  WinkReader(Embeddings& out, std::string_view name, const Keep& keep) : out_(out), name_(name), keep_(keep) {}

  const std::string& error() const { return error_; }
  bool saw_words() const { return saw_words_; }
  bool saw_vectors() const { return saw_vectors_; }

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t x) override { return number(static_cast<float>(x), static_cast<std::size_t>(x)); }
  bool number_unsigned(number_unsigned_t x) override { return number(static_cast<float>(x), static_cast<std::size_t>(x)); }
  bool number_float(number_float_t, const string_t& text) override {
    // parsed as float from the text, not rounded twice through double
    float x = 0;
    std::from_chars(text.data(), text.data() + text.size(), x);
    return number(x, 0);
  }
  bool string(string_t& s) override {
    if (depth_ == 2 && key_ == "words") {
      rank_.emplace(s, rank_.size());
      return true;
    }
    if (in_row()) return fail_with(fmt::format("expected a number in the vector of \"{}\"", word_));
    return true;
  }
  bool binary(binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override {
    ++depth_;
    if (depth_ == 2 && key_ == "vectors") saw_vectors_ = true;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = k;
    else if (depth_ == 2 && key_ == "vectors") word_ = k;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 2 && key_ == "words") saw_words_ = true;
    if (in_row()) row_.clear();
    return true;
  }
  bool end_array() override {
    if (in_row() && !end_row()) return false;
    --depth_;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    return fail_with(fmt::format("offset {}: {}", position, e.what()));
  }

 private:
  bool in_row() const { return depth_ == 3 && key_ == "vectors"; }
  bool scalar() { return in_row() ? fail_with(fmt::format("expected a number in the vector of \"{}\"", word_)) : true; }
  bool number(float x, std::size_t whole) {
    if (depth_ == 1 && key_ == "dimensions") out_.dimensions = whole;
    if (in_row()) row_.push_back(x);
    return true;
  }
  // The dimensions, then the l2 norm and the word's index.
  bool end_row() {
    if (out_.dimensions == 0) return fail_with("no \"dimensions\" field before the vectors: not a wink-embeddings file");
    if (row_.size() < out_.dimensions)
      return fail_with(fmt::format("the vector of \"{}\" has {} numbers, fewer than {} dimensions", word_, row_.size(),
                                   out_.dimensions));
    const auto it = rank_.find(word_);
    const std::size_t word_rank = it == rank_.end() ? rank_.size() : it->second;
    if (!keep_(word_, word_rank)) return true;
    out_.words.push_back(word_);
    out_.ranks.push_back(word_rank);
    out_.values.insert(out_.values.end(), row_.begin(), row_.begin() + static_cast<std::ptrdiff_t>(out_.dimensions));
    return true;
  }
  bool fail_with(std::string message) {
    error_ = fmt::format("{}: {}", name_, message);
    return false;
  }

  Embeddings& out_;
  std::string_view name_;
  const Keep& keep_;
  std::unordered_map<std::string, std::size_t> rank_;
  int depth_ = 0;
  std::string key_;    ///< the top-level field being read
  std::string word_;   ///< the word whose vector is being read
  std::vector<float> row_;
  bool saw_words_ = false, saw_vectors_ = false;
  std::string error_;
};

template <class Input>
Result<Embeddings> parse(Input&& input, std::string_view name, const Keep& keep) {
  Embeddings e;
  WinkReader reader(e, name, keep);
  if (!nlohmann::json::sax_parse(std::forward<Input>(input), &reader)) {
    if (!reader.error().empty()) return fail("{}", reader.error());
    return fail("{}: not JSON", name);
  }
  if (e.dimensions == 0) return fail("{}: no \"dimensions\" field: not a wink-embeddings file", name);
  if (!reader.saw_words()) return fail("{}: no \"words\" list", name);
  if (!reader.saw_vectors()) return fail("{}: no \"vectors\" object", name);
  return e;
}

}  // namespace

Result<Embeddings> parse_wink_embeddings(std::string_view json, std::string_view name, const Keep& keep) {
  return parse(json, name, keep);
}

Result<Embeddings> read_wink_embeddings(const std::string& path, const Keep& keep) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot read (fetch it with tools/train_entities/fetch_embeddings.sh)", path);
  return parse(in, path, keep);
}

std::string build_embedding_clusters(const Embeddings& embeddings, const ClusterOptions& options,
                                     std::string& summary) {
  // most frequent first, as the splitter expects
  std::vector<std::size_t> order(embeddings.words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return embeddings.ranks[a] != embeddings.ranks[b] ? embeddings.ranks[a] < embeddings.ranks[b]
                                                      : embeddings.words[a] < embeddings.words[b];
  });
  const std::size_t dims = embeddings.dimensions;
  std::vector<Row> rows(order.size());
  std::vector<std::string> words(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    words[k] = embeddings.words[order[k]];
    const float* v = embeddings.values.data() + order[k] * dims;
    double norm = 0;
    for (std::size_t d = 0; d < dims; ++d) norm += static_cast<double>(v[d]) * v[d];
    const double scale = norm > 0 ? 1.0 / std::sqrt(norm) : 0.0;
    for (std::size_t d = 0; d < dims; ++d) {
      rows[k].index.push_back(static_cast<std::uint32_t>(d));
      rows[k].value.push_back(static_cast<float>(v[d] * scale));
    }
  }
  std::size_t leaves = 0;
  std::string out = cluster_section("embedding", words, hierarchy_paths(rows, dims, options), leaves);
  summary = fmt::format("embedding clusters: {} words in {} leaves, {} dimensions, depth {}", words.size(), leaves,
                        dims, options.depth);
  return out;
}

}  // namespace chronicle::train_entities
