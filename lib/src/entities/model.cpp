#include "model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace chronicle::entities::detail {

namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_f32(std::string& out, float f) { put_u32(out, std::bit_cast<std::uint32_t>(f)); }

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool has(std::size_t n) const { return bytes_.size() - pos_ >= n; }
  std::uint8_t u8() { return static_cast<std::uint8_t>(bytes_[pos_++]); }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(u8()) << (8 * i);
    return v;
  }
  float f32() { return std::bit_cast<float>(u32()); }
  std::size_t offset() const { return pos_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

// The quantization step: the 99.9th percentile of absolute weights maps to 127, larger ones clip.
float quantization_scale(const std::vector<FloatFeature>& features) {
  std::vector<float> magnitudes;
  magnitudes.reserve(features.size() * kTags);
  for (const auto& f : features)
    for (float w : f.weights)
      if (w != 0) magnitudes.push_back(std::fabs(w));
  if (magnitudes.empty()) return 1;
  auto k = static_cast<std::size_t>(static_cast<double>(magnitudes.size() - 1) * 0.999);
  std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<std::ptrdiff_t>(k), magnitudes.end());
  return std::max(magnitudes[k], 1e-6f) / 127.0f;
}

}  // namespace

std::uint32_t checksum32(std::string_view bytes) {
  std::uint32_t h = 2166136261u;
  for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string write_model(Decoder decoder, std::uint32_t disabled_features, const Transitions& transitions,
                        std::vector<FloatFeature> features, double prune) {
  const float scale = quantization_scale(features);
  std::sort(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.hash < b.hash; });
  std::string body;
  std::uint32_t kept = 0;
  for (const auto& f : features) {
    // weights under the pruning threshold go; the rest are quantized on the row's own scale
    float top = 0;
    for (float w : f.weights)
      if (std::fabs(w) >= prune * scale) top = std::max(top, std::fabs(w));
    if (top == 0) continue;
    const float row_scale = top / 127.0f;
    std::uint8_t mask = 0;
    std::array<std::int8_t, kTags> q{};
    for (std::uint32_t t = 0; t < kTags; ++t) {
      if (std::fabs(f.weights[t]) < prune * scale) continue;
      q[t] = static_cast<std::int8_t>(std::clamp(std::lround(f.weights[t] / row_scale), -127L, 127L));
      if (q[t] != 0) mask = static_cast<std::uint8_t>(mask | (1u << t));
    }
    if (mask == 0) continue;
    put_u32(body, f.hash);
    put_f32(body, row_scale);
    body.push_back(static_cast<char>(mask));
    for (std::uint32_t t = 0; t < kTags; ++t)
      if (mask & (1u << t)) body.push_back(static_cast<char>(q[t]));
    ++kept;
  }
  std::string out(kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, kFeatureSetVersion);
  out.push_back(static_cast<char>(decoder));
  out.push_back(static_cast<char>(kTags));
  out.push_back(static_cast<char>(disabled_features & 0xff));
  out.push_back(static_cast<char>((disabled_features >> 8) & 0xff));
  put_f32(out, scale);
  for (float t : transitions) put_f32(out, t);
  put_u32(out, kept);
  out += body;
  put_u32(out, checksum32(out));
  return out;
}

Result<Model> Model::parse(std::string_view bytes, std::string_view name) {
  const std::size_t header = kMagic.size() + 4 + 4 + 4 + 4 + sizeof(Transitions) + 4;
  if (bytes.size() < header + 4 || bytes.substr(0, kMagic.size()) != kMagic)
    return fail("{}: not a Chronicle entity model (bad magic or too short: {} bytes)", name, bytes.size());
  std::string_view payload = bytes.substr(0, bytes.size() - 4);
  Reader tail(bytes.substr(bytes.size() - 4));
  if (std::uint32_t sum = tail.u32(); sum != checksum32(payload))
    return fail("{}: checksum mismatch: the model file is truncated or corrupted", name);
  Reader r(payload);
  for (std::size_t i = 0; i < kMagic.size(); ++i) r.u8();
  if (std::uint32_t v = r.u32(); v != kFormatVersion)
    return fail("{}: model format version {}, this build reads version {}", name, v, kFormatVersion);
  if (std::uint32_t v = r.u32(); v != kFeatureSetVersion)
    return fail("{}: model trained for feature set {}, this build computes feature set {}: retrain it", name, v,
                kFeatureSetVersion);
  Model m;
  std::uint8_t decoder = r.u8();
  if (decoder > 1) return fail("{}: byte {}: unknown decoder {}", name, r.offset() - 1, decoder);
  m.decoder = static_cast<Decoder>(decoder);
  if (std::uint8_t tags = r.u8(); tags != kTags) return fail("{}: model has {} tags, expected {}", name, tags, kTags);
  m.disabled_features = r.u8();
  m.disabled_features |= static_cast<std::uint32_t>(r.u8()) << 8;
  r.f32();  // the pruning step, kept for reports
  for (float& t : m.transitions) t = r.f32();
  std::uint32_t count = r.u32();
  m.index.reserve(count);
  m.weights.assign(static_cast<std::size_t>(count) * kTags, 0.f);
  for (std::uint32_t row = 0; row < count; ++row) {
    if (!r.has(9)) return fail("{}: byte {}: feature {} of {} is cut short", name, r.offset(), row, count);
    std::uint32_t hash = r.u32();
    float row_scale = r.f32();
    std::uint8_t mask = r.u8();
    if (!r.has(static_cast<std::size_t>(std::popcount(mask))))
      return fail("{}: byte {}: weights of feature {} are cut short", name, r.offset(), row);
    for (std::uint32_t t = 0; t < kTags; ++t)
      if (mask & (1u << t))
        m.weights[static_cast<std::size_t>(row) * kTags + t] =
            static_cast<float>(static_cast<std::int8_t>(r.u8())) * row_scale;
    m.index[hash] = row;
  }
  if (r.has(1)) return fail("{}: byte {}: unexpected data after the last feature", name, r.offset());
  m.model_bytes = bytes.size();
  return m;
}

void viterbi(std::span<const Scores> emissions, const Transitions& transitions, std::vector<std::uint8_t>& tags) {
  const std::size_t n = emissions.size();
  tags.assign(n, 0);
  if (n == 0) return;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // back[i * kTags + t]: best previous tag of t at token i
  thread_local std::vector<std::uint8_t> back;
  back.assign(n * kTags, 0);
  Scores best{};
  for (std::uint32_t t = 0; t < kTags; ++t)
    best[t] = allowed(kStartTag, t) ? transitions[kStartTag * kTags + t] + emissions[0][t] : kNone;
  for (std::size_t i = 1; i < n; ++i) {
    Scores next{};
    for (std::uint32_t t = 0; t < kTags; ++t) {
      float top = kNone;
      std::uint8_t arg = 0;
      for (std::uint32_t p = 0; p < kTags; ++p) {
        if (!allowed(p, t) || best[p] == kNone) continue;
        float s = best[p] + transitions[p * kTags + t];
        if (s > top) {
          top = s;
          arg = static_cast<std::uint8_t>(p);
        }
      }
      next[t] = top == kNone ? kNone : top + emissions[i][t];
      back[i * kTags + t] = arg;
    }
    best = next;
  }
  auto last = static_cast<std::uint8_t>(std::max_element(best.begin(), best.end()) - best.begin());
  for (std::size_t i = n; i-- > 0;) {
    tags[i] = last;
    last = back[i * kTags + last];
  }
}

std::uint8_t best_allowed(const Scores& scores, std::uint32_t prev) {
  std::uint8_t arg = 0;
  for (std::uint32_t t = 1; t < kTags; ++t)
    if (allowed(prev, t) && scores[t] > scores[arg]) arg = static_cast<std::uint8_t>(t);
  return arg;
}

// A title right before a capitalized word ("U.S. Defense Secretary Ash Carter", "Foreign Minister
// Sergei Lavrov") belongs to no entity: the training data has few such titles, so the model
// would otherwise run a country, the title and the name together.
void keep_titles_out(const SentenceFeatures& scratch, std::vector<Scores>& emissions) {
  constexpr std::uint16_t kTitle = 1u << kTitleKind;
  const auto& g = scratch.gazetteer;
  const std::size_t n = emissions.size();
  for (std::size_t i = 0; i < n;) {
    auto in_title = [&](std::size_t k) {
      return ((g.begins[k] | g.insides[k] | g.ends[k] | g.singles[k]) & kTitle) != 0 &&
             scratch.tokens[k].cap == kInitCap;
    };
    if (!in_title(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && in_title(j)) ++j;
    if (j < n && scratch.tokens[j].cap == kInitCap)
      for (std::size_t k = i; k < j; ++k) emissions[k][0] += 1000.f;
    i = j;
  }
}

// A known organization's name or alias (the gazetteer's org kind, from en/actors/organizations.tsv:
// "Daesh", "ISIL", "NATO") standing alone, capitalized and not opening the sentence, is an ORG
// even where the model, never having seen the word, reads it as nothing ("areas under Daesh
// control"), or reads as a person or a place. Only single tokens change, never part of a longer
// entity.
void name_known_organizations(const SentenceFeatures& scratch, std::vector<std::uint8_t>& tags) {
  constexpr std::uint16_t kOrg = 1u << kOrgKind;
  constexpr std::uint16_t kCommon = 1u << kCommonKind;
  constexpr std::uint8_t kBeginOrg = 3;
  const auto& g = scratch.gazetteer;
  for (std::size_t i = 1; i < tags.size(); ++i) {
    const CapClass cap = scratch.tokens[i].cap;
    const bool alone = tags[i] == 0 || (tags[i] % 2 == 1 && (i + 1 == tags.size() || tags[i + 1] != tags[i] + 1));
    if (alone && (g.singles[i] & kOrg) != 0 && (g.singles[i] & kCommon) == 0 && (cap == kInitCap || cap == kAllCaps))
      tags[i] = kBeginOrg;
  }
}

void Model::tag(std::span<const std::string_view> words, std::vector<std::uint8_t>& tags, SentenceFeatures& scratch,
                std::vector<Scores>& emissions, std::vector<language::PosTag>& pos) const {
  pos.resize(tagger ? words.size() : 0);
  if (tagger) tagger->tag(words, pos);
  extract_features(gazetteer, words, pos, disabled_features, scratch);
  const std::size_t n = words.size();
  emissions.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    Scores& e = emissions[i];
    e = Scores{};
    for (std::uint32_t h : scratch.of(i)) add_weights(h, e);
  }
  keep_titles_out(scratch, emissions);
  if (decoder == Decoder::viterbi) {
    viterbi(emissions, transitions, tags);
    name_known_organizations(scratch, tags);
    return;
  }
  tags.assign(n, 0);
  std::uint32_t prev1 = kStartTag, prev2 = kStartTag;
  for (std::size_t i = 0; i < n; ++i) {
    Scores s = emissions[i];
    for (std::uint32_t h : dynamic_features(scratch.tokens[i], prev1, prev2)) add_weights(h, s);
    tags[i] = best_allowed(s, prev1);
    prev2 = prev1;
    prev1 = tags[i];
  }
  name_known_organizations(scratch, tags);
}

}  // namespace chronicle::entities::detail
