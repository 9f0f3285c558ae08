#include "chronicle/language/training.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <unordered_map>

#include "chronicle/language/lemmatizer.hpp"
#include "features.hpp"
#include "model_io.hpp"
#include "tagger_model.hpp"

namespace chronicle::language {
namespace {

// A perceptron weight with the bookkeeping for lazy averaging.
struct Param {
  std::uint8_t label = 0;
  float weight = 0;
  double total = 0;      // sum of the weight over all steps up to `stamp`
  std::int64_t stamp = 0;
};

struct Labels {
  std::vector<std::pair<std::string, std::string>> names;  // (UPOS, XPOS)
  std::map<std::pair<std::string, std::string>, std::uint32_t> ids;
};

// Labels sorted by frequency (then name), so ids are stable for the same data.
Labels collect_labels(std::span<const ConlluSentence> train) {
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (const auto& s : train)
    for (const auto& w : s.words) ++counts[{w.upos, w.xpos}];
  std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> order;
  for (const auto& [k, n] : counts)
    if (parse_upos(k.first)) order.push_back({n, k});
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (order.size() > 255) order.resize(255);
  Labels l;
  for (const auto& [n, k] : order) {
    l.ids[k] = static_cast<std::uint32_t>(l.names.size());
    l.names.push_back(k);
  }
  return l;
}

// Words seen often enough with nearly always the same label.
std::map<std::string, std::uint32_t> build_dictionary(std::span<const ConlluSentence> train, const Labels& labels,
                                                      const TaggerTrainingOptions& options) {
  std::map<std::string, std::map<std::uint32_t, int>> counts;
  for (const auto& s : train)
    for (const auto& w : s.words)
      if (auto it = labels.ids.find({w.upos, w.xpos}); it != labels.ids.end()) ++counts[w.form][it->second];
  std::map<std::string, std::uint32_t> dict;
  for (const auto& [form, by_label] : counts) {
    int total = 0;
    std::pair<std::uint32_t, int> best{0, 0};
    for (const auto& [label, n] : by_label) {
      total += n;
      if (n > best.second) best = {label, n};
    }
    if (total >= options.dictionary_min_count && best.second >= options.dictionary_min_ratio * total) dict[form] = best.first;
  }
  return dict;
}

// Ambiguity classes: the set of labels each lowercase word took in training (shares >= 5%).
// With `skip_fold` set, sentences i with i % kFolds == skip_fold are left out (jackknifing: the
// classes training sees for a sentence never come from that sentence itself, as at run time).
constexpr std::size_t kFolds = 10;

std::vector<std::pair<std::uint32_t, std::uint32_t>> build_lexicon(std::span<const ConlluSentence> train, const Labels& labels,
                                                                   std::size_t skip_fold = kFolds) {
  std::map<std::uint32_t, std::map<std::uint32_t, int>> counts;
  for (std::size_t i = 0; i < train.size(); ++i)
    if (i % kFolds != skip_fold)
    for (const auto& w : train[i].words)
      if (auto it = labels.ids.find({w.upos, w.xpos}); it != labels.ids.end()) ++counts[detail::lexicon_key(w.form)][it->second];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
  for (const auto& [key, by_label] : counts) {
    int total = 0;
    for (const auto& [label, n] : by_label) total += n;
    if (total < 2) continue;
    std::string set;
    for (const auto& [label, n] : by_label)
      if (n * 20 >= total) set += static_cast<char>(label + 1);
    auto cls = static_cast<std::uint32_t>(detail::hash_bytes(set, 9));
    entries.push_back({key, cls == 0 ? 1 : cls});
  }
  return entries;
}

class Perceptron {
 public:
  explicit Perceptron(std::size_t labels) : labels_(labels) {}

  std::uint32_t predict(std::span<const std::uint64_t> features, std::vector<double>& scores) const {
    std::fill(scores.begin(), scores.end(), 0.0);
    for (std::uint64_t f : features) {
      auto it = index_.find(detail::fold_key(f));
      if (it == index_.end()) continue;
      for (const Param& p : params_[it->second]) scores[p.label] += p.weight;
    }
    return static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
  }

  void update(std::span<const std::uint64_t> features, std::uint32_t truth, std::uint32_t guess) {
    ++step_;
    if (truth == guess) return;
    for (std::uint64_t f : features) {
      auto [it, inserted] = index_.try_emplace(detail::fold_key(f), static_cast<std::uint32_t>(params_.size()));
      if (inserted) params_.emplace_back();
      std::vector<Param>& ps = params_[it->second];
      bump(ps, truth, 1.0f);
      bump(ps, guess, -1.0f);
    }
  }

  void tick() { ++step_; }

  // Averaged weights per feature key, dropping those below `prune`.
  std::map<std::uint32_t, std::vector<std::pair<std::uint8_t, double>>> averaged(double prune) const {
    std::map<std::uint32_t, std::vector<std::pair<std::uint8_t, double>>> out;
    for (const auto& [key, idx] : index_) {
      std::vector<std::pair<std::uint8_t, double>> ws;
      for (const Param& p : params_[idx]) {
        double total = p.total + static_cast<double>(step_ - p.stamp) * p.weight;
        double avg = total / static_cast<double>(step_);
        if (std::abs(avg) >= prune) ws.push_back({p.label, avg});
      }
      if (!ws.empty()) {
        std::sort(ws.begin(), ws.end());
        out[key] = std::move(ws);
      }
    }
    return out;
  }

 private:
  void bump(std::vector<Param>& ps, std::uint32_t label, float delta) {
    auto it = std::find_if(ps.begin(), ps.end(), [&](const Param& p) { return p.label == label; });
    if (it == ps.end()) {
      ps.push_back(Param{static_cast<std::uint8_t>(label), 0.0f, 0.0, step_});
      it = ps.end() - 1;
    }
    it->total += static_cast<double>(step_ - it->stamp) * it->weight;
    it->stamp = step_;
    it->weight += delta;
  }

  std::size_t labels_;
  std::int64_t step_ = 0;
  std::unordered_map<std::uint32_t, std::uint32_t> index_;
  std::vector<std::vector<Param>> params_;
};

std::string write_model(const Labels& labels, const std::map<std::string, std::uint32_t>& dict,
                        const std::vector<std::pair<std::uint32_t, std::uint32_t>>& lexicon,
                        const std::map<std::uint32_t, std::vector<std::pair<std::uint8_t, double>>>& weights) {
  double max_abs = 0;
  for (const auto& [key, ws] : weights)
    for (const auto& [label, w] : ws) max_abs = std::max(max_abs, std::abs(w));
  double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  detail::Writer out;
  detail::write_header(out, detail::kTaggerMagic, detail::kTaggerVersion);
  out.u32(static_cast<std::uint32_t>(labels.names.size()));
  for (const auto& [upos, xpos] : labels.names) {
    out.short_string(upos);
    out.short_string(xpos);
  }
  out.f32(static_cast<float>(scale));
  std::map<std::uint32_t, std::uint32_t> dict_keys;  // sorted, and folded keys deduplicated
  for (const auto& [form, label] : dict) dict_keys.emplace(detail::fold_key(detail::dictionary_key(form)), label);
  out.u32(static_cast<std::uint32_t>(dict_keys.size()));
  for (const auto& [key, label] : dict_keys) {
    out.u32(key);
    out.u8(static_cast<std::uint8_t>(label));
  }
  out.u32(static_cast<std::uint32_t>(lexicon.size()));
  for (const auto& [key, cls] : lexicon) {
    out.u32(key);
    out.u32(cls);
  }
  std::vector<std::pair<std::uint32_t, std::vector<std::pair<std::uint8_t, std::int16_t>>>> quantized;
  for (const auto& [key, ws] : weights) {
    std::vector<std::pair<std::uint8_t, std::int16_t>> q;
    for (const auto& [label, w] : ws) {
      auto v = static_cast<std::int16_t>(std::lround(w / scale));
      if (v != 0) q.push_back({label, v});
    }
    if (!q.empty()) quantized.push_back({key, std::move(q)});
  }
  out.u32(static_cast<std::uint32_t>(quantized.size()));
  for (const auto& [key, q] : quantized) {
    out.u32(key);
    out.u8(static_cast<std::uint8_t>(q.size()));
    for (const auto& [label, v] : q) {
      out.u8(label);
      out.i16(v);
    }
  }
  return out.finish();
}

}  // namespace

std::string train_tagger(std::span<const ConlluSentence> train, const TaggerTrainingOptions& options) {
  Labels labels = collect_labels(train);
  std::map<std::string, std::uint32_t> dict = build_dictionary(train, labels, options);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lexicon_entries = build_lexicon(train, labels);
  std::vector<detail::Lexicon> fold_lexicons(kFolds);
  for (std::size_t f = 0; f < kFolds; ++f) fold_lexicons[f].assign(build_lexicon(train, labels, f));
  Perceptron model(labels.names.size());
  std::vector<std::size_t> order(train.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937 rng(options.seed);
  detail::SentenceFeatures features;
  std::vector<std::string_view> words;
  std::vector<double> scores(labels.names.size());
  std::array<std::uint64_t, detail::kMaxFeatures> keys{};
  for (int iteration = 1; iteration <= options.iterations; ++iteration) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t correct = 0;
    std::size_t total = 0;
    for (std::size_t s : order) {
      const ConlluSentence& sentence = train[s];
      words.clear();
      for (const auto& w : sentence.words) words.push_back(w.form);
      features.prepare(words, fold_lexicons[s % kFolds]);
      std::uint32_t prev = detail::kStartTag;
      std::uint32_t prev2 = detail::kStartTag;
      for (std::size_t i = 0; i < words.size(); ++i) {
        auto gold_it = labels.ids.find({sentence.words[i].upos, sentence.words[i].xpos});
        std::uint32_t guess = 0;
        if (auto d = dict.find(sentence.words[i].form); d != dict.end()) {
          guess = d->second;
          model.tick();
        } else {
          std::size_t n = features.extract(i, prev, prev2, keys.data());
          std::span<const std::uint64_t> fs(keys.data(), n);
          guess = model.predict(fs, scores);
          if (gold_it != labels.ids.end()) model.update(fs, gold_it->second, guess);
        }
        correct += (gold_it != labels.ids.end() && gold_it->second == guess) ? 1u : 0u;
        ++total;
        prev2 = prev;
        prev = guess;
      }
    }
    if (options.on_iteration) options.on_iteration(iteration, total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0);
  }
  return write_model(labels, dict, lexicon_entries, model.averaged(options.prune_below));
}

}  // namespace chronicle::language

namespace chronicle::language {

std::string learn_lemma_exceptions(std::span<const ConlluSentence> train, const Lemmatizer& rules) {
  struct Seen {
    std::map<std::string, int> lemmas;
    std::map<std::string, int> upos;
  };
  std::map<std::pair<std::string, std::string>, Seen> seen;  // (form, XPOS)
  for (const auto& s : train)
    for (const auto& w : s.words) {
      if (w.lemma == "_" || w.form.find('\t') != std::string::npos) continue;
      Seen& e = seen[{w.form, w.xpos}];
      ++e.lemmas[w.lemma];
      ++e.upos[w.upos];
    }
  auto majority = [](const std::map<std::string, int>& counts) {
    return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  };
  std::string out =
      "# GENERATED BY chronicle_train_language FROM UD_English-EWT train; DO NOT EDIT.\n"
      "# Lemmas the WordNet + rules lemmatizer gets wrong, by exact form and Penn tag.\n"
      "# form\tXPOS\tlemma\tcount (gold occurrences of the lemma)\n";
  for (const auto& [key, e] : seen) {
    auto lemma = majority(e.lemmas);
    std::optional<Upos> upos = parse_upos(majority(e.upos)->first);
    if (!upos) continue;
    if (rules.rule_lemma(key.first, *upos, key.second) == lemma->first) continue;
    out += fmt::format("{}\t{}\t{}\t{}\n", key.first, key.second, lemma->first, lemma->second);
  }
  return out;
}

}  // namespace chronicle::language
