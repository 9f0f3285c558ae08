#include "chronicle/language/tagger.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <mutex>

#include "chronicle/core/resources.hpp"
#include "features.hpp"
#include "model_io.hpp"
#include "tagger_model.hpp"

namespace chronicle::resources {
void link_en_language();
}

namespace chronicle::language {
namespace detail {
namespace {

std::vector<TaggerSlot> make_table(std::size_t entries) {
  return std::vector<TaggerSlot>(std::bit_ceil(std::max<std::size_t>(entries * 2, 16)));
}

// Inserts `slot`; returns false when the key is already present.
bool insert(std::vector<TaggerSlot>& table, TaggerSlot slot) {
  std::size_t mask = table.size() - 1;
  for (std::size_t i = slot.key & mask;; i = (i + 1) & mask) {
    if (table[i].key == slot.key) return false;
    if (table[i].key == 0) {
      table[i] = slot;
      return true;
    }
  }
}

Result<void> read_labels(Reader& r, TaggerModel& m) {
  std::uint32_t n = r.u32();
  if (!r.ok() || n == 0 || n > 255) return tl::unexpected(r.error(fmt::format("bad label count {}", n)));
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string_view upos = r.short_string();
    std::string_view xpos = r.short_string();
    std::optional<Upos> u = parse_upos(upos);
    if (!r.ok() || !u) return tl::unexpected(r.error(fmt::format("label {}: unknown UPOS \"{}\"", i, upos)));
    m.labels.push_back({*u, std::string(xpos)});
  }
  return {};
}

Result<void> read_dictionary(Reader& r, TaggerModel& m) {
  std::uint32_t n = r.u32();
  if (!r.ok() || n > 10'000'000) return tl::unexpected(r.error("bad dictionary size"));
  m.dictionary = make_table(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t key = r.u32();
    std::uint8_t label = r.u8();
    if (!r.ok() || key == 0 || label >= m.labels.size())
      return tl::unexpected(r.error(fmt::format("dictionary entry {}: bad key or label", i)));
    if (!insert(m.dictionary, {key, label, 1})) return tl::unexpected(r.error("duplicate dictionary key"));
  }
  return {};
}

Result<void> read_lexicon(Reader& r, TaggerModel& m) {
  std::uint32_t n = r.u32();
  if (!r.ok() || n > 10'000'000) return tl::unexpected(r.error("bad lexicon size"));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
  entries.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t key = r.u32();
    std::uint32_t value = r.u32();
    if (!r.ok() || key == 0) return tl::unexpected(r.error(fmt::format("lexicon entry {}: bad key", i)));
    entries.push_back({key, value});
  }
  m.lexicon.assign(entries);
  return {};
}

Result<void> read_features(Reader& r, TaggerModel& m) {
  std::uint32_t n = r.u32();
  if (!r.ok() || n > 50'000'000) return tl::unexpected(r.error("bad feature count"));
  m.features = make_table(n);
  m.feature_count = n;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t key = r.u32();
    std::uint8_t count = r.u8();
    auto start = static_cast<std::uint32_t>(m.weights.size());
    for (std::uint8_t k = 0; k < count; ++k) {
      std::uint8_t label = r.u8();
      std::int16_t weight = r.i16();
      if (label >= m.labels.size()) return tl::unexpected(r.error(fmt::format("feature {}: label {} out of range", i, label)));
      m.weights.push_back({weight, label});
    }
    if (!r.ok()) return tl::unexpected(r.error(fmt::format("feature {} of {}: data ends early", i, n)));
    if (key == 0 || !insert(m.features, {key, start, count}))
      return tl::unexpected(r.error(fmt::format("feature {}: zero or duplicate key", i)));
  }
  return {};
}

}  // namespace

Result<TaggerModel> parse_tagger_model(std::string_view bytes, std::string_view name) {
  Result<std::string_view> body = open_model(bytes, name, kTaggerMagic, kTaggerVersion);
  if (!body) return tl::unexpected(body.error());
  Reader r(*body, name);
  TaggerModel m;
  if (auto ok = read_labels(r, m); !ok) return tl::unexpected(ok.error());
  m.scale = r.f32();
  if (!(m.scale > 0)) return tl::unexpected(r.error("bad weight scale"));
  if (auto ok = read_dictionary(r, m); !ok) return tl::unexpected(ok.error());
  if (auto ok = read_lexicon(r, m); !ok) return tl::unexpected(ok.error());
  if (auto ok = read_features(r, m); !ok) return tl::unexpected(ok.error());
  if (r.offset() != body->size()) return tl::unexpected(r.error("unexpected bytes after the features"));
  return m;
}

}  // namespace detail

Result<Tagger> Tagger::load(std::string_view bytes, std::string_view name) {
  Result<detail::TaggerModel> m = detail::parse_tagger_model(bytes, name);
  if (!m) return tl::unexpected(m.error());
  return Tagger(std::make_shared<const detail::TaggerModel>(std::move(*m)));
}

Result<Tagger> Tagger::builtin() {
  static const Result<Tagger> loaded = []() -> Result<Tagger> {
    resources::link_en_language();
    constexpr std::string_view kName = "en/language/tagger.bin";
    Result<std::string_view> bytes = resources::load(kName);
    if (!bytes) return tl::unexpected(bytes.error());
    return load(*bytes, kName);
  }();
  return loaded;
}

std::size_t Tagger::feature_count() const { return model_->feature_count; }

void Tagger::tag(std::span<const std::string_view> words, std::span<PosTag> out) const {
  const detail::TaggerModel& m = *model_;
  thread_local detail::SentenceFeatures features;
  features.prepare(words, m.lexicon);
  std::array<std::uint64_t, detail::kMaxFeatures> keys{};
  std::array<std::uint32_t, detail::kMaxFeatures> folded{};
  std::array<std::int32_t, 256> scores{};
  std::uint32_t prev = detail::kStartTag;
  std::uint32_t prev2 = detail::kStartTag;
  const std::size_t n_labels = m.labels.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::uint32_t best = 0;
    if (const detail::TaggerSlot* d = detail::TaggerModel::find(m.dictionary, detail::fold_key(detail::dictionary_key(words[i])))) {
      best = d->start;
    } else {
      std::fill_n(scores.begin(), n_labels, 0);
      std::size_t n = features.extract(i, prev, prev2, keys.data());
      // Fold and prefetch every slot first: the lookups are cache misses, and issuing them
      // together lets the memory system serve them in parallel.
      const std::size_t mask = m.features.size() - 1;
      for (std::size_t f = 0; f < n; ++f) {
        folded[f] = detail::fold_key(keys[f]);
        __builtin_prefetch(&m.features[folded[f] & mask]);
      }
      for (std::size_t f = 0; f < n; ++f) {
        const detail::TaggerSlot* s = detail::TaggerModel::find(m.features, folded[f]);
        if (s == nullptr) continue;
        for (std::uint32_t k = s->start; k < s->start + s->count; ++k) scores[m.weights[k].label] += m.weights[k].weight;
      }
      std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
      for (std::uint32_t l = 0; l < n_labels; ++l)
        if (scores[l] > best_score) best_score = scores[l], best = l;
    }
    out[i] = PosTag{m.labels[best].upos, m.labels[best].xpos};
    prev2 = prev;
    prev = best;
  }
}

std::vector<PosTag> Tagger::tag(std::span<const std::string_view> words) const {
  std::vector<PosTag> out(words.size());
  tag(words, out);
  return out;
}

}  // namespace chronicle::language
