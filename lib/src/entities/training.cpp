#include "chronicle/entities/training.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <random>
#include <unordered_map>

#include "chronicle/entities/evaluation.hpp"
#include "chronicle/entities/recognizer.hpp"
#include "model.hpp"

namespace chronicle::entities {

namespace {

using detail::kStartTag;
using detail::kTags;
using detail::Scores;

// One training sentence with its features as dense ids.
struct Prepared {
  std::vector<std::uint32_t> features;
  std::vector<std::uint32_t> offsets;
  std::vector<detail::TokenBase> tokens;
  std::vector<std::uint8_t> gold;
};

// Averaged perceptron weights (the averaging trick of Daumé: keep the sum of c·update).
class Weights {
 public:
  std::size_t rows() const { return hashes_.size(); }
  std::uint32_t row_of(std::uint32_t hash) {
    std::uint32_t& id = index_[hash];
    if (id == 0) {
      hashes_.push_back(hash);
      w_.resize(w_.size() + kTags, 0.f);
      sum_.resize(sum_.size() + kTags, 0.f);
      id = static_cast<std::uint32_t>(hashes_.size());
    }
    return id - 1;
  }
  const std::uint32_t* find(std::uint32_t hash) const { return index_.find(hash); }
  void add_scores(std::uint32_t row, Scores& s) const {
    const float* w = &w_[static_cast<std::size_t>(row) * kTags];
    for (std::uint32_t t = 0; t < kTags; ++t) s[t] += w[t];
  }
  void update(std::uint32_t row, std::uint32_t tag, float delta) {
    std::size_t k = static_cast<std::size_t>(row) * kTags + tag;
    w_[k] += delta;
    sum_[k] += clock_ * delta;
  }
  void update_transition(std::uint32_t from, std::uint32_t to, float delta) {
    std::size_t k = static_cast<std::size_t>(from) * kTags + to;
    transitions_[k] += delta;
    transition_sum_[k] += clock_ * delta;
  }
  const detail::Transitions& transitions() const { return transitions_; }
  void tick() { clock_ += 1; }
  /// The averaged weights, ready for write_model.
  std::vector<detail::FloatFeature> averaged(detail::Transitions& transitions) const {
    for (std::size_t k = 0; k < transitions.size(); ++k)
      transitions[k] = transitions_[k] - transition_sum_[k] / clock_;
    std::vector<detail::FloatFeature> out(hashes_.size());
    for (std::size_t r = 0; r < hashes_.size(); ++r) {
      out[r].hash = hashes_[r];
      for (std::uint32_t t = 0; t < kTags; ++t) out[r].weights[t] = w_[r * kTags + t] - sum_[r * kTags + t] / clock_;
    }
    return out;
  }

 private:
  detail::FlatMap<std::uint32_t, std::uint32_t> index_;  // hash -> row + 1
  std::vector<std::uint32_t> hashes_;
  std::vector<float> w_, sum_;
  detail::Transitions transitions_{}, transition_sum_{};
  float clock_ = 1;
};

std::vector<Prepared> prepare(const std::vector<TaggedSentence>& sentences, const detail::Gazetteer& gazetteer,
                              const language::Tagger& tagger, const TrainingOptions& options, Weights& weights) {
  const std::uint32_t min_count = options.min_count;
  detail::SentenceFeatures scratch;
  std::vector<std::string_view> words;
  std::vector<language::PosTag> pos;
  std::vector<Prepared> out(sentences.size());
  detail::FlatMap<std::uint32_t, std::uint32_t> counts;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    words.assign(sentences[s].words.begin(), sentences[s].words.end());
    if (options.disabled_features & kFeaturesPos) {
      pos.clear();
    } else if (options.train_pos != nullptr && (*options.train_pos)[s].size() == words.size()) {
      pos = (*options.train_pos)[s];
    } else {
      pos.resize(words.size());
      tagger.tag(words, pos);
    }
    detail::extract_features(gazetteer, words, pos, options.disabled_features, scratch);
    out[s].features = scratch.hashes;
    out[s].offsets = scratch.offsets;
    out[s].tokens = scratch.tokens;
    for (const std::string& t : sentences[s].tags) out[s].gold.push_back(tag_id(t));
    for (std::uint32_t h : scratch.hashes) counts[h]++;
  }
  for (Prepared& p : out) {
    std::vector<std::uint32_t> ids;
    std::vector<std::uint32_t> offsets{0};
    for (std::size_t i = 0; i + 1 < p.offsets.size(); ++i) {
      for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k)
        if (*counts.find(p.features[k]) >= min_count) ids.push_back(weights.row_of(p.features[k]));
      offsets.push_back(static_cast<std::uint32_t>(ids.size()));
    }
    p.features = std::move(ids);
    p.offsets = std::move(offsets);
  }
  return out;
}

// Trains on one sentence; returns the number of tokens tagged right before the update.
std::size_t train_viterbi(const Prepared& p, Weights& weights, std::vector<Scores>& emissions,
                          std::vector<std::uint8_t>& predicted) {
  const std::size_t n = p.gold.size();
  emissions.assign(n, Scores{});
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) weights.add_scores(p.features[k], emissions[i]);
  detail::viterbi(emissions, weights.transitions(), predicted);
  std::size_t right = 0;
  std::uint32_t prev_gold = kStartTag, prev_pred = kStartTag;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t g = p.gold[i], q = predicted[i];
    right += g == q ? 1 : 0;
    if (g != q) {
      for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) {
        weights.update(p.features[k], g, 1.f);
        weights.update(p.features[k], q, -1.f);
      }
    }
    if (g != q || prev_gold != prev_pred) {
      weights.update_transition(prev_gold, g, 1.f);
      weights.update_transition(prev_pred, q, -1.f);
    }
    prev_gold = g;
    prev_pred = q;
  }
  return right;
}

std::size_t train_greedy(const Prepared& p, Weights& weights) {
  std::size_t right = 0;
  std::uint32_t prev1 = kStartTag, prev2 = kStartTag;
  for (std::size_t i = 0; i < p.gold.size(); ++i) {
    Scores s{};
    for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) weights.add_scores(p.features[k], s);
    auto dynamic = detail::dynamic_features(p.tokens[i], prev1, prev2);
    std::array<std::uint32_t, detail::kDynamicFeatures> rows{};
    for (std::size_t d = 0; d < dynamic.size(); ++d) {
      rows[d] = weights.row_of(dynamic[d]);
      weights.add_scores(rows[d], s);
    }
    std::uint32_t g = p.gold[i], q = detail::best_allowed(s, prev1);
    if (g == q) {
      ++right;
    } else {
      for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) {
        weights.update(p.features[k], g, 1.f);
        weights.update(p.features[k], q, -1.f);
      }
      for (std::uint32_t r : rows) {
        weights.update(r, g, 1.f);
        weights.update(r, q, -1.f);
      }
    }
    prev2 = prev1;
    prev1 = q;
  }
  return right;
}

// (`current` + the sum of `finished` members) / (finished + 1), feature by feature.
std::vector<detail::FloatFeature> joined_with(const std::vector<detail::FloatFeature>& current,
                                              const std::vector<detail::FloatFeature>& sum, int finished) {
  std::vector<detail::FloatFeature> out = sum;
  std::unordered_map<std::uint32_t, std::size_t> where;
  where.reserve(out.size());
  for (std::size_t r = 0; r < out.size(); ++r) where.emplace(out[r].hash, r);
  for (const auto& f : current) {
    auto [it, inserted] = where.emplace(f.hash, out.size());
    if (inserted) out.push_back(detail::FloatFeature{f.hash, {}});
    for (std::uint32_t t = 0; t < kTags; ++t) out[it->second].weights[t] += f.weights[t];
  }
  const auto n = static_cast<float>(finished + 1);
  for (auto& f : out)
    for (float& w : f.weights) w /= n;
  return out;
}

// The bonus for opening an entity: `entity_bias` for every type plus the type's own.
void add_biases(detail::Transitions& transitions, const TrainingOptions& options, const std::array<double, 3>& types) {
  for (std::uint32_t from = 0; from <= kTags; ++from)
    for (std::uint32_t to = 1; to < kTags; to += 2)
      transitions[from * kTags + to] += static_cast<float>(options.entity_bias + types[(to - 1) / 2]);
}

}  // namespace

Result<std::string> train(const std::vector<TaggedSentence>& sentences, std::string_view gazetteer_tsv,
                          const TrainingOptions& options) {
  auto gazetteer = detail::Gazetteer::parse(gazetteer_tsv, "gazetteer");
  if (!gazetteer) return tl::unexpected(gazetteer.error());
  if (sentences.empty()) return fail("no training sentences");
  auto tagger = language::Tagger::builtin();
  if (!tagger) return tl::unexpected(tagger.error());
  Weights weights;
  std::vector<Prepared> data = prepare(sentences, *gazetteer, *tagger, options, weights);
  const Weights initial = weights;
  std::vector<std::size_t> order(data.size());
  std::vector<Scores> emissions;
  std::vector<std::uint8_t> predicted;
  std::string best;
  double best_f1 = -1;
  // The ensemble: members trained on different shuffles, their averaged weights averaged.
  std::vector<detail::FloatFeature> ensemble_sum;
  detail::Transitions ensemble_transitions{};
  const int members = std::max(1, options.ensemble);
  for (int member = 0; member < members; ++member) {
    weights = initial;
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(options.seed + static_cast<std::uint32_t>(member));
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      auto start = std::chrono::steady_clock::now();
      std::shuffle(order.begin(), order.end(), rng);
      std::size_t right = 0, total = 0;
      for (std::size_t s : order) {
        right += options.decoder == Decoder::viterbi ? train_viterbi(data[s], weights, emissions, predicted)
                                                     : train_greedy(data[s], weights);
        total += data[s].gold.size();
        weights.tick();
      }
      detail::Transitions transitions{};
      std::vector<detail::FloatFeature> averaged = weights.averaged(transitions);
      if (member > 0) averaged = joined_with(averaged, ensemble_sum, member);
      if (member > 0)
        for (std::size_t k = 0; k < transitions.size(); ++k)
          transitions[k] = (transitions[k] + ensemble_transitions[k]) / static_cast<float>(member + 1);
      if (epoch == options.epochs) {
        // keep the sum of the finished members
        const auto n = static_cast<float>(member + 1);
        ensemble_sum = averaged;
        for (auto& f : ensemble_sum)
          for (float& w : f.weights) w *= n;
        for (std::size_t k = 0; k < transitions.size(); ++k) ensemble_transitions[k] = transitions[k] * n;
      }
      add_biases(transitions, options, options.type_bias);
      std::string model = detail::write_model(options.decoder, options.disabled_features, transitions, std::move(averaged),
                                               options.prune);
      EpochReport report;
      report.member = member + 1;
      report.epoch = epoch;
      report.train_accuracy = total == 0 ? 0 : static_cast<double>(right) / static_cast<double>(total);
      report.model_bytes = model.size();
      if (options.dev != nullptr) {
        auto recognizer = Recognizer::from_data(model, gazetteer_tsv, "trained model");
        if (!recognizer) return tl::unexpected(recognizer.error());
        report.dev_f1 = evaluate(*recognizer, *options.dev).overall.f1();
      }
      report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (options.progress) options.progress(report);
      if (!options.keep_best || options.dev == nullptr || report.dev_f1 > best_f1) {
        best_f1 = report.dev_f1;
        best = std::move(model);
      }
    }
  }
  if (options.dev != nullptr && options.on_bias) {
    // dev F1 of the final model under other per-type biases, one type at a time
    std::vector<detail::FloatFeature> final_features = ensemble_sum;
    const auto n = static_cast<float>(members);
    for (auto& f : final_features)
      for (float& w : f.weights) w /= n;
    for (int type = 0; type < 3; ++type)
      for (double value : {-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 5.0, 8.0}) {
        detail::Transitions transitions = ensemble_transitions;
        for (float& t : transitions) t /= n;
        std::array<double, 3> biases = options.type_bias;
        biases[static_cast<std::size_t>(type)] = value;
        add_biases(transitions, options, biases);
        std::string model = detail::write_model(options.decoder, options.disabled_features, transitions, final_features,
                                                 options.prune);
        auto recognizer = Recognizer::from_data(model, gazetteer_tsv, "trained model");
        if (!recognizer) return tl::unexpected(recognizer.error());
        options.on_bias(kEntityTypes[type], value, evaluate(*recognizer, *options.dev).overall.f1());
      }
  }
  return best;
}

}  // namespace chronicle::entities
