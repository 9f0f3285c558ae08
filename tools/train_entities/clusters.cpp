#include "clusters.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

namespace chronicle::train_entities {

namespace {

std::string lower(std::string_view w) {
  std::string out(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

float dot(const Row& r, const std::vector<float>& dense) {
  float s = 0;
  for (std::size_t k = 0; k < r.index.size(); ++k) s += r.value[k] * dense[r.index[k]];
  return s;
}

void add_to(const Row& r, std::vector<float>& dense, float scale = 1.f) {
  for (std::size_t k = 0; k < r.index.size(); ++k) dense[r.index[k]] += scale * r.value[k];
}

void normalize(std::vector<float>& v) {
  double n = 0;
  for (float x : v) n += static_cast<double>(x) * x;
  if (n <= 0) return;
  auto inv = static_cast<float>(1.0 / std::sqrt(n));
  for (float& x : v) x *= inv;
}

class Splitter {
 public:
  Splitter(const std::vector<Row>& rows, std::size_t dims, const ClusterOptions& options)
      : rows_(rows), dims_(dims), options_(options), paths_(rows.size()) {}

  // Splits `members` (sorted by frequency, most frequent first) under path `path`.
  void split(std::vector<std::uint32_t> members, const std::string& path) {
    if (members.size() < 2 || static_cast<int>(path.size()) >= options_.depth) {
      for (std::uint32_t m : members) paths_[m] = path.empty() ? "0" : path;
      return;
    }
    std::vector<std::uint8_t> side = principal_split(members);
    refine(members, side);
    std::vector<std::uint32_t> left, right;
    for (std::size_t i = 0; i < members.size(); ++i) (side[i] ? right : left).push_back(members[i]);
    if (left.empty() || right.empty()) {
      for (std::uint32_t m : members) paths_[m] = path.empty() ? "0" : path;
      return;
    }
    members.clear();
    members.shrink_to_fit();
    split(std::move(left), path + '0');
    split(std::move(right), path + '1');
  }

  const std::vector<std::string>& paths() const { return paths_; }

 private:
  // Sides by the sign of the projection on the members' principal direction (power iteration on
  // the centered rows), the side holding the most frequent member being 0.
  std::vector<std::uint8_t> principal_split(const std::vector<std::uint32_t>& members) {
    std::vector<float> mean(dims_, 0.f);
    for (std::uint32_t m : members) add_to(rows_[m], mean);
    for (float& x : mean) x /= static_cast<float>(members.size());
    std::vector<float> v(dims_);
    for (std::size_t d = 0; d < dims_; ++d) v[d] = static_cast<float>((d * 2654435761u) % 1000) / 1000.f - 0.5f;
    normalize(v);
    std::vector<float> projection(members.size());
    for (int it = 0; it < 12; ++it) {
      float mean_dot = std::inner_product(mean.begin(), mean.end(), v.begin(), 0.f);
      std::vector<float> next(dims_, 0.f);
      float projection_sum = 0;
      for (std::size_t i = 0; i < members.size(); ++i) {
        projection[i] = dot(rows_[members[i]], v) - mean_dot;
        add_to(rows_[members[i]], next, projection[i]);
        projection_sum += projection[i];
      }
      for (std::size_t d = 0; d < dims_; ++d) next[d] -= mean[d] * projection_sum;
      normalize(next);
      v = std::move(next);
    }
    float mean_dot = std::inner_product(mean.begin(), mean.end(), v.begin(), 0.f);
    std::vector<std::uint8_t> side(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) side[i] = dot(rows_[members[i]], v) - mean_dot > 0 ? 1 : 0;
    if (side[0] == 1)
      for (auto& s : side) s = static_cast<std::uint8_t>(1 - s);
    return side;
  }

  // Spherical 2-means from the given sides.
  void refine(const std::vector<std::uint32_t>& members, std::vector<std::uint8_t>& side) {
    for (int it = 0; it < options_.iterations; ++it) {
      std::vector<float> c0(dims_, 0.f), c1(dims_, 0.f);
      for (std::size_t i = 0; i < members.size(); ++i) add_to(rows_[members[i]], side[i] ? c1 : c0);
      normalize(c0);
      normalize(c1);
      bool changed = false;
      for (std::size_t i = 0; i < members.size(); ++i) {
        std::uint8_t s = dot(rows_[members[i]], c1) > dot(rows_[members[i]], c0) ? 1 : 0;
        changed = changed || s != side[i];
        side[i] = s;
      }
      if (!changed) break;
    }
    if (side[0] == 1)
      for (auto& s : side) s = static_cast<std::uint8_t>(1 - s);
  }

  const std::vector<Row>& rows_;
  std::size_t dims_;
  const ClusterOptions& options_;
  std::vector<std::string> paths_;
};

}  // namespace

void tokenize_raw(std::string_view text, std::vector<std::vector<std::string>>& out) {
  std::vector<std::string> line;
  auto flush_line = [&] {
    if (!line.empty()) out.push_back(std::move(line));
    line.clear();
  };
  auto push_word = [&](std::string_view w) {
    // hyphens between letters become tokens ("Paris-based" -> Paris - based)
    std::size_t start = 0;
    for (std::size_t i = 1; i + 1 < w.size(); ++i) {
      if (w[i] == '-' && is_alpha(w[i - 1]) && is_alpha(w[i + 1])) {
        line.emplace_back(w.substr(start, i - start));
        line.emplace_back("-");
        start = i + 1;
      }
    }
    line.emplace_back(w.substr(start));
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\n') {
      flush_line();
      ++pos;
      continue;
    }
    if (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' && text[end] != '\r') ++end;
    std::string_view chunk = text.substr(pos, end - pos);
    pos = end;
    static constexpr std::string_view kLeading = "\"'([{`";
    static constexpr std::string_view kTrailing = "\"')]},;:!?.";
    while (chunk.size() > 1 && kLeading.find(chunk.front()) != std::string_view::npos) {
      line.emplace_back(chunk.substr(0, 1));
      chunk.remove_prefix(1);
    }
    std::vector<std::string> tail;
    while (chunk.size() > 1 && kTrailing.find(chunk.back()) != std::string_view::npos) {
      // keep the dot of abbreviations with inner dots ("U.S.") and of single letters ("J.")
      if (chunk.back() == '.' && (chunk.substr(0, chunk.size() - 1).find('.') != std::string_view::npos ||
                                  (chunk.size() == 2 && is_alpha(chunk[0]))))
        break;
      tail.emplace_back(chunk.substr(chunk.size() - 1));
      chunk.remove_suffix(1);
    }
    std::string_view clitic;
    if (chunk.size() > 2 && (chunk.ends_with("'s") || chunk.ends_with("'S"))) {
      clitic = chunk.substr(chunk.size() - 2);
      chunk.remove_suffix(2);
    } else if (chunk.size() > 3 && chunk.ends_with("n't")) {
      clitic = chunk.substr(chunk.size() - 3);
      chunk.remove_suffix(3);
    }
    if (!chunk.empty()) push_word(chunk);
    if (!clitic.empty()) line.emplace_back(clitic);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) line.push_back(std::move(*it));
  }
  flush_line();
}

Result<std::size_t> read_timeml_text(const std::string& dir, std::vector<std::vector<std::string>>& out) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
  if (ec) return fail("{}: {}", dir, ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string xml = buffer.str();
    std::size_t begin = xml.find("<TEXT>"), end = xml.find("</TEXT>");
    if (begin == std::string::npos || end == std::string::npos || end < begin) continue;
    std::string text;
    for (std::size_t i = begin + 6; i < end; ++i) {
      if (xml[i] == '<') {
        std::size_t close = xml.find('>', i);
        if (close == std::string::npos || close > end) break;
        i = close;
        continue;
      }
      if (xml[i] == '&') {
        static constexpr std::pair<std::string_view, char> kEntities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool done = false;
        for (const auto& [name, c] : kEntities)
          if (std::string_view(xml).substr(i, name.size()) == name) {
            text.push_back(c);
            i += name.size() - 1;
            done = true;
            break;
          }
        if (done) continue;
      }
      text.push_back(xml[i]);
    }
    tokenize_raw(text, out);
  }
  return files.size();
}

std::vector<std::string> hierarchy_paths(const std::vector<Row>& rows, std::size_t dims, const ClusterOptions& options) {
  std::vector<std::uint32_t> members(rows.size());
  std::iota(members.begin(), members.end(), 0u);
  Splitter splitter(rows, dims, options);
  splitter.split(std::move(members), "");
  return splitter.paths();
}

std::string cluster_section(std::string_view section, const std::vector<std::string>& words,
                            const std::vector<std::string>& paths, std::size_t& leaves) {
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  leaves = static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
  std::vector<std::pair<std::string, std::string>> table;
  for (std::size_t w = 0; w < words.size(); ++w)
    if (!words[w].empty() && words[w].find_first_of("\t\n\r") == std::string::npos && words[w][0] != '#' &&
        words[w][0] != '@')
      table.emplace_back(words[w], paths[w]);
  std::sort(table.begin(), table.end());
  std::string out = fmt::format("@{}\n", section);
  for (const auto& [w, p] : table) out += fmt::format("{}\t{}\n", w, p);
  return out;
}

std::string build_clusters(const std::vector<std::vector<std::string>>& sentences, const ClusterOptions& options,
                           std::string& summary) {
  // vocabulary by frequency
  std::unordered_map<std::string, std::size_t> counts;
  std::size_t tokens = 0;
  for (const auto& s : sentences)
    for (const auto& w : s) {
      ++counts[lower(w)];
      ++tokens;
    }
  std::vector<std::pair<std::string, std::size_t>> by_count(counts.begin(), counts.end());
  std::sort(by_count.begin(), by_count.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  std::unordered_map<std::string, std::uint32_t> word_id;
  std::vector<std::string> words;
  for (const auto& [w, c] : by_count) {
    if (c < options.min_count || words.size() >= options.max_words) break;
    word_id.emplace(w, static_cast<std::uint32_t>(words.size()));
    words.push_back(w);
  }
  // contexts: the most frequent words at offsets -2, -1, +1, +2, plus "start/end" and "other"
  const std::size_t context = std::min(options.context_words, words.size());
  const std::size_t block = context + 2;
  const std::size_t dims = 4 * block;
  std::vector<std::unordered_map<std::uint32_t, float>> cooc(words.size());
  std::vector<std::uint32_t> ids;
  for (const auto& s : sentences) {
    ids.clear();
    for (const auto& w : s) {
      auto it = word_id.find(lower(w));
      ids.push_back(it == word_id.end() ? UINT32_MAX : it->second);
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == UINT32_MAX) continue;
      static constexpr int kOffsets[] = {-2, -1, 1, 2};
      for (std::size_t b = 0; b < 4; ++b) {
        long j = static_cast<long>(i) + kOffsets[b];
        std::size_t feature = 0;
        if (j < 0 || j >= static_cast<long>(ids.size()))
          feature = context;
        else if (std::uint32_t c = ids[static_cast<std::size_t>(j)]; c < context)
          feature = c;
        else
          feature = context + 1;
        cooc[ids[i]][static_cast<std::uint32_t>(b * block + feature)] += 1.f;
      }
    }
  }
  // positive PMI, rows normalized
  std::vector<double> feature_totals(dims, 0.0), word_totals(words.size(), 0.0);
  double total = 0;
  for (std::size_t w = 0; w < words.size(); ++w)
    for (const auto& [f, c] : cooc[w]) {
      feature_totals[f] += c;
      word_totals[w] += c;
      total += c;
    }
  std::vector<Row> rows(words.size());
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::vector<std::pair<std::uint32_t, float>> cells(cooc[w].begin(), cooc[w].end());
    std::sort(cells.begin(), cells.end());
    double norm = 0;
    for (const auto& [f, c] : cells) {
      double pmi = std::log(c * total / (word_totals[w] * feature_totals[f]));
      if (pmi <= 0) continue;
      rows[w].index.push_back(f);
      rows[w].value.push_back(static_cast<float>(pmi));
      norm += pmi * pmi;
    }
    if (norm > 0)
      for (float& v : rows[w].value) v = static_cast<float>(v / std::sqrt(norm));
    cooc[w].clear();
  }
  std::size_t leaves = 0;
  std::string out = cluster_section("cluster", words, hierarchy_paths(rows, dims, options), leaves);
  const std::size_t table_size =
      static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')) - 1;
  summary = fmt::format("clusters: {} words (of {} distinct, count >= {}) in {} leaves, from {} sentences, {} tokens",
                        table_size, counts.size(), options.min_count, leaves, sentences.size(), tokens);
  return out;
}

}  // namespace chronicle::train_entities
