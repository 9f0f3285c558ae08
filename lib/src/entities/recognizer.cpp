#include "chronicle/entities/recognizer.hpp"

#include "chronicle/core/resources.hpp"
#include "model.hpp"

namespace chronicle::resources {
void link_en_entities();  // defined by the generated embedded_en_entities.cpp
}

namespace chronicle::entities {

namespace {

constexpr std::string_view kTagNames[detail::kTags] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};

// Per-thread buffers so tagging a sentence allocates nothing once they have grown.
struct Scratch {
  detail::SentenceFeatures features;
  std::vector<detail::Scores> emissions;
  std::vector<std::string_view> words;
  std::vector<TextSpan> spans;
  std::vector<std::uint8_t> tags;
  std::vector<language::PosTag> pos;
};

// Splits a segmenter token the way the training data (Universal Dependencies EWT) is tokenized:
// a trailing possessive becomes its own "'s" and hyphens between letters their own "-"
// ("Kerry’s" -> Kerry 's, "al-Assad" -> al - Assad, "U.K.-based" -> U.K. - based).
void split_token(std::string_view text, TextSpan span, std::vector<std::string_view>& words,
                 std::vector<TextSpan>& spans) {
  std::string_view word = span.of(text);
  std::string_view stem = detail::strip_possessive(word);
  std::size_t start = 0;
  for (std::size_t i = 1; i + 1 < stem.size(); ++i) {
    if (stem[i] != '-' || stem[i + 1] == '-' || stem[i - 1] == '-') continue;
    words.push_back(stem.substr(start, i - start));
    spans.push_back(TextSpan{span.begin + start, span.begin + i});
    words.push_back(stem.substr(i, 1));
    spans.push_back(TextSpan{span.begin + i, span.begin + i + 1});
    start = i + 1;
  }
  words.push_back(stem.substr(start));
  spans.push_back(TextSpan{span.begin + start, span.begin + stem.size()});
  if (stem.size() != word.size()) {
    words.push_back("'s");
    spans.push_back(TextSpan{span.begin + stem.size(), span.end});
  }
}

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

std::string_view tag_name(std::uint8_t tag) { return tag < detail::kTags ? kTagNames[tag] : "O"; }

std::uint8_t tag_id(std::string_view name) {
  for (std::uint8_t t = 0; t < detail::kTags; ++t)
    if (kTagNames[t] == name) return t;
  return 0;
}

Result<Recognizer> Recognizer::from_data(std::string_view model_bytes, std::string_view gazetteer_tsv,
                                         std::string_view name) {
  auto model = detail::Model::parse(model_bytes, name);
  if (!model) return tl::unexpected(model.error());
  auto gazetteer = detail::Gazetteer::parse(gazetteer_tsv, fmt::format("{} gazetteer", name));
  if (!gazetteer) return tl::unexpected(gazetteer.error());
  model->gazetteer = std::move(*gazetteer);
  if ((model->disabled_features & kFeaturesPos) == 0) {
    auto tagger = language::Tagger::builtin();
    if (!tagger) return tl::unexpected(tagger.error());
    model->tagger = std::move(*tagger);
  }
  return Recognizer(std::make_shared<const detail::Model>(std::move(*model)));
}

Result<Recognizer> Recognizer::load() {
  resources::link_en_entities();
  auto model = resources::load("en/entities/model.bin");
  if (!model) return tl::unexpected(model.error());
  auto gazetteer = resources::load("en/entities/gazetteer.tsv");
  if (!gazetteer) return tl::unexpected(gazetteer.error());
  return from_data(*model, *gazetteer, "en/entities/model.bin");
}

void Recognizer::tag(std::span<const std::string_view> words, std::vector<std::uint8_t>& tags) const {
  Scratch& s = scratch();
  model_->tag(words, tags, s.features, s.emissions, s.pos);
}

std::vector<std::string> Recognizer::recognize_tokens(const std::vector<std::string>& words) const {
  Scratch& s = scratch();
  s.words.assign(words.begin(), words.end());
  tag(s.words, s.tags);
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::uint8_t t : s.tags) out.emplace_back(tag_name(t));
  return out;
}

std::vector<Entity> Recognizer::recognize(std::string_view text,
                                          const std::vector<segment::Token>& sentence_tokens) const {
  Scratch& s = scratch();
  s.words.clear();
  s.spans.clear();
  for (const segment::Token& t : sentence_tokens) {
    if (t.kind == segment::TokenKind::word)
      split_token(text, t.span, s.words, s.spans);
    else {
      s.words.push_back(t.span.of(text));
      s.spans.push_back(t.span);
    }
  }
  tag(s.words, s.tags);
  std::vector<Entity> entities;
  for (std::size_t i = 0; i < s.tags.size();) {
    std::uint8_t t = s.tags[i];
    if (t == 0) {
      ++i;
      continue;
    }
    std::uint8_t inside = t % 2 == 1 ? static_cast<std::uint8_t>(t + 1) : t;
    std::size_t j = i + 1;
    while (j < s.tags.size() && s.tags[j] == inside) ++j;
    std::size_t last = j;  // an entity never ends on a possessive or a hyphen
    while (last > i + 1 && (s.words[last - 1] == "'s" || s.words[last - 1] == "-")) --last;
    entities.push_back(Entity{TextSpan{s.spans[i].begin, s.spans[last - 1].end}, std::string(kEntityTypes[(t - 1) / 2])});
    i = j;
  }
  return entities;
}

ModelInfo Recognizer::info() const {
  return ModelInfo{model_->decoder == Decoder::viterbi ? "viterbi" : "greedy", model_->index.size(),
                   model_->gazetteer.phrases(), model_->model_bytes};
}

}  // namespace chronicle::entities
