#include "gazetteer.hpp"

#include <string>

#include "text.hpp"

namespace chronicle::entities::detail {

std::uint64_t token_key(std::string_view lower) {
  std::uint64_t k = Hasher(200).add(lower).value64();
  return k == 0 ? 1 : k;
}

namespace {

int kind_of(std::string_view name) {
  for (int k = 0; k < kKinds; ++k)
    if (kKindNames[k] == name) return k;
  return -1;
}

// Tokens of a phrase: split at spaces, a trailing comma dropped; with `split_hyphens`, hyphens
// become tokens of their own.
std::vector<std::uint64_t> phrase_keys(std::string_view phrase, bool split_hyphens) {
  std::vector<std::uint64_t> keys;
  std::string lower;
  auto flush = [&](std::string_view piece) {
    while (!piece.empty() && piece.back() == ',') piece.remove_suffix(1);
    if (piece.empty()) return;
    lower_ascii(strip_possessive(piece), lower);
    keys.push_back(token_key(lower));
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i <= phrase.size(); ++i) {
    bool end = i == phrase.size() || phrase[i] == ' ';
    bool hyphen = !end && split_hyphens && phrase[i] == '-';
    if (!end && !hyphen) continue;
    flush(phrase.substr(start, i - start));
    if (hyphen) flush("-");
    start = i + 1;
  }
  return keys;
}

}  // namespace

void Gazetteer::add(std::span<const std::uint64_t> keys, std::uint16_t kinds) {
  if (keys.empty() || keys.size() > kMaxPhraseTokens) return;
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    h = extend_phrase(h, keys[i]);
    Entry& e = table_[h];
    if (i + 1 == keys.size())
      e.kinds = static_cast<std::uint16_t>(e.kinds | kinds);
    else
      e.prefix = true;
  }
}

Result<Gazetteer> Gazetteer::parse(std::string_view tsv, std::string_view name) {
  Gazetteer g;
  g.table_.reserve(tsv.size() / 12 + 16);
  std::size_t line_no = 0;
  int kind = -1;
  constexpr int kClusterSection = 100, kEmbeddingSection = 101;
  for (std::size_t pos = 0; pos < tsv.size();) {
    std::size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '@') {
      std::string_view section = line.substr(1);
      kind = section == "cluster" ? kClusterSection : section == "embedding" ? kEmbeddingSection : kind_of(section);
      if (kind < 0) return fail("{}: line {}: unknown kind \"{}\"", name, line_no, section);
      continue;
    }
    if (kind < 0) return fail("{}: line {}: a phrase before the first @kind line", name, line_no);
    if (kind == kClusterSection || kind == kEmbeddingSection) {
      std::size_t tab = line.find('\t');
      std::string_view bits = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
      if (tab == 0 || bits.empty() || bits.size() > 30 || bits.find_first_not_of("01") != std::string_view::npos)
        return fail("{}: line {}: a cluster line is `word<TAB>bits` (at most 30 bits)", name, line_no);
      std::uint32_t code = 1;
      for (char c : bits) code = (code << 1) | static_cast<std::uint32_t>(c - '0');
      std::string lower;
      lower_ascii(line.substr(0, tab), lower);
      (kind == kClusterSection ? g.clusters_ : g.embeddings_)[token_key(lower)] = code;
      continue;
    }
    std::string_view phrase = line;
    auto bit = static_cast<std::uint16_t>(1u << kind);
    g.add(phrase_keys(phrase, false), bit);
    if (phrase.find('-') != std::string_view::npos) g.add(phrase_keys(phrase, true), bit);
    ++g.phrases_;
  }
  return g;
}

void Gazetteer::match(std::span<const std::uint64_t> keys, GazetteerMatches& out) const {
  out.reset(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = i; j < keys.size() && j - i < kMaxPhraseTokens; ++j) {
      h = extend_phrase(h, keys[j]);
      const Entry* e = table_.find(h);
      if (e == nullptr) break;
      if (e->kinds != 0) {
        if (j == i) {
          out.singles[i] |= e->kinds;
        } else {
          out.begins[i] |= e->kinds;
          for (std::size_t k = i + 1; k < j; ++k) out.insides[k] |= e->kinds;
          out.ends[j] |= e->kinds;
        }
      }
      if (!e->prefix) break;
    }
  }
}

}  // namespace chronicle::entities::detail
