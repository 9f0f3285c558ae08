#include "features.hpp"

#include <algorithm>
#include <bit>

namespace chronicle::entities::detail {

namespace {

// Template ids. Changing any of them, or what they hash, needs a retrained model.
enum Template : std::uint32_t {
  kBias = 1,
  kWord,
  kLowercase,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kCapInitial,
  kPosition,
  kPrevLower,
  kNextLower,
  kPrev2Lower,
  kNext2Lower,
  kPrevShapes,
  kNextShapes,
  kPrevBigram,
  kNextBigram,
  kGazetteer,
  kGazetteerPrev,
  kGazetteerNext,
  kGazetteerMask,
  kTitleBefore,
  kTitleTwoBefore,
  kHonorificBefore,
  kAcronym,
  kPossessive,
  kCapWindow,
  kProfile,
  kPrev2Shape,
  kNextCapLower,
  kLexicon,
  kLexiconPrev,
  kLexiconNext,
  kCluster = 50,
  kClusterPrev,
  kClusterNext,
  kClusterCap,
  kClusterWindow,
  kPosTag,
  kPosCap,
  kPosPrev,
  kPosNext,
  kPosBigram,
  kPosWindow,
  kOrgHead,
  kOrgRun,
  kOrgRunHead,
  kParenAcronym,
  kParenLongForm,
  kRunShape = 70,
  kRunWord,
  kNeighbourAffix,
  kLongSuffix,
  kWindowWord,
  kEmbedding = 80,
  kEmbeddingPrev,
  kEmbeddingNext,
  kEmbeddingCap,
  kEmbeddingWindow,
  kPrevTag = 40,
  kPrevTags,
  kPrevTagLower,
  kPrevTagCap,
};

constexpr std::uint64_t kStart = 0x5354415254ULL;  // neighbours before the sentence
constexpr std::uint64_t kEnd = 0x454e44ULL;        // and after it
constexpr std::uint16_t kNameKinds = (1u << kTitleKind) - 1;

std::uint64_t base_hash(std::uint32_t id, std::string_view s) { return Hasher(id).add(s).value64(); }

// Dictionary status of a token: 1 a common word, 2 an inflection of one ("posted", "talks"),
// 3 a proper name only, 0 unknown.
std::uint64_t lexicon_class(const Gazetteer& gazetteer, std::string_view lower, std::uint64_t key) {
  constexpr std::uint16_t kCommon = 1u << kCommonKind;
  std::uint16_t kinds = gazetteer.single_kinds(key);
  if (kinds & kCommon) return 1;
  if (lower.size() > 3 && lower.size() < 48) {
    // suffix to strip, then what to put back: "talks" -> "talk", "hoping" -> "hope", "cities" -> "city"
    static constexpr std::string_view kRules[][2] = {{"s", ""},   {"es", ""},  {"ed", ""}, {"d", ""},   {"ing", ""},
                                                     {"ing", "e"}, {"ly", ""}, {"er", ""}, {"ers", ""}, {"ies", "y"},
                                                     {"ied", "y"}};
    char buffer[64];
    for (const auto& rule : kRules) {
      if (!lower.ends_with(rule[0])) continue;
      std::size_t stem = lower.size() - rule[0].size();
      lower.copy(buffer, stem);
      rule[1].copy(buffer + stem, rule[1].size());
      if (gazetteer.single_kinds(token_key(std::string_view(buffer, stem + rule[1].size()))) & kCommon) return 2;
    }
  }
  if (kinds & (1u << kProperKind)) return 3;
  return 0;
}

bool is_acronym(std::string_view w, CapClass cap) {
  if (cap != kAllCaps) return false;
  int letters = 0;
  for (char c : w) letters += (c >= 'A' && c <= 'Z') ? 1 : 0;
  return letters >= 2;
}

// Heads of organization names: a capitalized run holding one of them ("Bank of America",
// "International Syria Support Group", "Apple Inc.") is likely an organization.
constexpr std::string_view kOrgHeads[] = {
    "academy",     "administration", "agency",       "airlines",    "airways",     "alliance",     "army",
    "assembly",    "associates",     "association",  "authority",   "bank",        "board",        "brigade",
    "brigades",    "bureau",         "cabinet",      "cafe",        "center",      "centre",       "church",
    "club",        "co",             "co.",          "coalition",   "college",     "command",      "commission",
    "committee",   "communications", "company",      "congress",    "consulting",  "corp",         "corp.",
    "corporation", "council",        "court",        "department",  "enterprises", "entertainment", "federation",
    "force",       "forces",         "foundation",   "front",       "fund",        "government",   "group",
    "guard",       "holdings",       "hospital",     "inc",         "inc.",        "industries",   "institute",
    "insurance",   "league",         "llc",          "llp",         "ltd",         "ltd.",         "media",
    "ministry",    "motors",         "movement",     "navy",        "network",     "news",         "office",
    "organisation", "organization",  "parliament",   "partners",    "party",       "police",       "press",
    "restaurant",  "school",         "senate",       "service",     "services",    "society",      "solutions",
    "studios",     "systems",        "team",         "technologies", "times",      "union",        "university"};

bool is_org_head(std::string_view lower) {
  return std::binary_search(std::begin(kOrgHeads), std::end(kOrgHeads), lower);
}

// Cluster path prefix of at most `bits` bits, keeping the leading length marker.
std::uint64_t cluster_prefix(std::uint32_t code, int bits) {
  if (code == 0) return 0;
  int length = static_cast<int>(std::bit_width(code)) - 1;
  return length <= bits ? code : code >> (length - bits);
}

bool capitalized_word(CapClass c) { return c == kInitCap || c == kAllCaps || c == kMixed; }

// The capitalization profile of a sentence: 0 mostly lowercase words with some capitals,
// 1 title case (headlines), 2 no capital at all, 3 shouting (mostly all caps).
std::uint64_t sentence_profile(const std::vector<SentenceFeatures::Base>& bases) {
  std::size_t words = 0, caps = 0, all_caps = 0;
  for (const auto& b : bases) {
    if (b.cap == kDigits || b.cap == kPunct) continue;
    ++words;
    caps += (b.cap == kInitCap || b.cap == kAllCaps) ? 1 : 0;
    all_caps += b.cap == kAllCaps ? 1 : 0;
  }
  if (words == 0 || caps == 0) return 2;
  if (words >= 3 && all_caps * 10 >= words * 7) return 3;
  if (words >= 3 && caps * 10 >= words * 6) return 1;
  return 0;
}

void compute_bases(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                   std::span<const language::PosTag> pos, SentenceFeatures& out) {
  out.bases.resize(words.size());
  out.keys.resize(words.size());
  out.tokens.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view stem = strip_possessive(words[i]);
    auto& b = out.bases[i];
    b.possessive = stem.size() != words[i].size();
    lower_ascii(stem, out.lower);
    word_shapes(stem, out.shape, out.short_shape);
    b.word = base_hash(kWord, stem);
    b.lower = base_hash(kLowercase, out.lower);
    b.shape = base_hash(kShape, out.shape);
    b.short_shape = base_hash(kShortShape, out.short_shape);
    std::string_view lower = out.lower;
    for (std::size_t k = 0; k < 4; ++k) {
      std::size_t n = std::min(k + 1, lower.size());
      b.prefix[k] = base_hash(static_cast<std::uint32_t>(100 + k), lower.substr(0, n));
      b.suffix[k] = base_hash(static_cast<std::uint32_t>(110 + k), lower.substr(lower.size() - n));
    }
    b.suffix5 = base_hash(115, lower.substr(lower.size() - std::min<std::size_t>(5, lower.size())));
    b.cap = cap_class(stem);
    out.keys[i] = token_key(lower);
    b.lexicon = lexicon_class(gazetteer, lower, out.keys[i]);
    b.cluster = gazetteer.cluster(out.keys[i]);
    b.embedding = gazetteer.embedding_cluster(out.keys[i]);
    b.org_head = is_org_head(lower);
    if (pos.size() == words.size()) {
      b.upos = static_cast<std::uint64_t>(pos[i].upos) + 1;
      b.xpos = base_hash(kPosTag, pos[i].xpos);
    } else {
      b.upos = b.xpos = 0;
    }
    out.tokens[i] = TokenBase{b.lower, b.short_shape, b.cap};
  }
}

}  // namespace

void extract_features(const Gazetteer& gazetteer, std::span<const std::string_view> words,
                      std::span<const language::PosTag> pos, std::uint32_t disabled, SentenceFeatures& out) {
  const std::size_t n = words.size();
  compute_bases(gazetteer, words, pos, out);
  const bool use_clusters = (disabled & kFeaturesClusters) == 0;
  // only with a gazetteer that has the table, so models trained without it keep their features
  const bool use_embeddings = (disabled & kFeaturesEmbeddings) == 0 && gazetteer.embedded_words() > 0;
  const bool use_pos = (disabled & kFeaturesPos) == 0 && pos.size() == n;
  const bool use_org = (disabled & kFeaturesOrgHeads) == 0;
  const bool use_runs = (disabled & kFeaturesRuns) == 0;
  const bool use_affixes = (disabled & kFeaturesAffixes) == 0;
  const bool use_window = (disabled & kFeaturesWindow) == 0;
  // Capitalized runs (no connectors): run_begin[i] / run_end[i] bound the run holding token i.
  auto& run_begin = out.run_begin;
  auto& run_end = out.run_end;
  run_begin.assign(n, 0);
  run_end.assign(n, 0);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    if (capitalized_word(out.bases[i].cap))
      while (j < n && capitalized_word(out.bases[j].cap)) ++j;
    for (std::size_t k = i; k < j; ++k) {
      run_begin[k] = static_cast<std::uint32_t>(i);
      run_end[k] = static_cast<std::uint32_t>(j);
    }
    i = j;
  }
  // Capitalized runs ("Bank of America": function words inside allowed) holding an organization
  // head; org_mark[i] = 1 before the head, 2 the head, 3 after it, 0 outside such runs.
  auto& org_mark = out.org_mark;
  org_mark.assign(n, 0);
  auto& paren_long = out.paren_long;
  paren_long.assign(n, 0);
  if (use_org) {
    auto connector = [&](std::size_t k) {
      std::string_view w = words[k];
      return w == "of" || w == "for" || w == "and" || w == "&" || w == "the" || w == "de" || w == "on";
    };
    for (std::size_t i = 0; i < n;) {
      if (!capitalized_word(out.bases[i].cap)) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n) {
        if (capitalized_word(out.bases[j].cap)) {
          ++j;
        } else if (connector(j) && j + 1 < n && capitalized_word(out.bases[j + 1].cap)) {
          j += 2;
        } else {
          break;
        }
      }
      std::size_t head = n;
      for (std::size_t k = i; k < j; ++k)
        if (out.bases[k].org_head && capitalized_word(out.bases[k].cap)) head = k;
      if (head < n)
        for (std::size_t k = i; k < j; ++k) org_mark[k] = static_cast<std::uint8_t>(k < head ? 1 : k == head ? 2 : 3);
      // "International Syria Support Group ( ISSG )": the run is a long form, the acronym its short form
      if (j + 2 < n && words[j] == "(" && words[j + 2] == ")" && is_acronym(words[j + 1], out.bases[j + 1].cap)) {
        std::string initials;
        for (std::size_t k = i; k < j; ++k)
          if (out.bases[k].cap != kLower) initials.push_back(words[k][0]);
        std::string_view acronym = words[j + 1];
        bool match = acronym.size() >= 2 && initials.ends_with(acronym);
        for (std::size_t k = i; k < j; ++k) paren_long[k] = match ? 2 : 1;
        paren_long[j + 1] = match ? 4 : 3;
      }
      i = j;
    }
  }
  gazetteer.match(out.keys, out.gazetteer);
  const auto& g = out.gazetteer;
  const std::uint64_t profile = sentence_profile(out.bases);
  auto any_kinds = [&](std::size_t i) {
    return static_cast<std::uint16_t>((g.begins[i] | g.insides[i] | g.ends[i] | g.singles[i]) & kNameKinds);
  };
  auto ends_with_kind = [&](std::size_t i, int kind) {
    const unsigned bits = static_cast<unsigned>(g.ends[i] | g.singles[i]);
    return (bits >> kind) & 1u;
  };

  out.hashes.clear();
  out.offsets.assign(1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& b = out.bases[i];
    auto add = [&](std::uint32_t id, std::uint64_t x, std::uint64_t y = 0, std::uint64_t z = 0) {
      out.hashes.push_back(feature(id, x, y, z));
    };
    const std::uint64_t prev_lower = i > 0 ? out.bases[i - 1].lower : kStart;
    const std::uint64_t next_lower = i + 1 < n ? out.bases[i + 1].lower : kEnd;
    const std::uint64_t prev_shape = i > 0 ? out.bases[i - 1].short_shape : kStart;
    const std::uint64_t next_shape = i + 1 < n ? out.bases[i + 1].short_shape : kEnd;
    const std::uint64_t prev_cap = i > 0 ? static_cast<std::uint64_t>(out.bases[i - 1].cap) : 9;
    const std::uint64_t next_cap = i + 1 < n ? static_cast<std::uint64_t>(out.bases[i + 1].cap) : 9;
    const std::uint64_t capitalized = (b.cap == kInitCap || b.cap == kAllCaps) ? 1 : 0;

    add(kBias, 0);
    add(kWord, b.word);
    add(kLowercase, b.lower);
    add(kShape, b.shape);
    add(kShortShape, b.short_shape);
    for (std::uint64_t k = 0; k < 4; ++k) {
      add(kPrefix, k, b.prefix[k]);
      add(kSuffix, k, b.suffix[k]);
    }
    add(kCapInitial, b.cap, i == 0 ? 1 : 0);
    add(kPosition, std::min<std::uint64_t>(i, 4), b.cap);
    add(kPrevLower, prev_lower);
    add(kNextLower, next_lower);
    add(kPrev2Lower, i > 1 ? out.bases[i - 2].lower : kStart);
    add(kNext2Lower, i + 2 < n ? out.bases[i + 2].lower : kEnd);
    add(kPrevShapes, prev_shape, b.short_shape);
    add(kNextShapes, b.short_shape, next_shape);
    add(kPrevBigram, prev_lower, b.lower);
    add(kNextBigram, b.lower, next_lower);
    add(kCapWindow, prev_cap, b.cap, next_cap + 1);
    add(kProfile, profile, b.cap);
    add(kPrev2Shape, i > 1 ? out.bases[i - 2].short_shape : kStart, prev_shape, b.short_shape);
    add(kNextCapLower, b.lower, next_cap + 1);
    add(kLexicon, b.lexicon, b.cap, i == 0 ? 1 : 2);

    add(kLexiconPrev, i > 0 ? out.bases[i - 1].lexicon : 9, prev_cap, b.cap + 1);
    add(kLexiconNext, i + 1 < n ? out.bases[i + 1].lexicon : 9, next_cap, b.cap + 1);
    if (is_acronym(words[i], b.cap)) add(kAcronym, 1);
    // A binary word hierarchy (the local word clusters, the clusters of pretrained vectors):
    // prefixes of the token's path and its neighbours', under templates `first` to `first + 4`.
    auto add_paths = [&](std::uint32_t first, std::uint32_t SentenceFeatures::Base::*path) {
      const std::uint32_t self = b.*path;
      const std::uint32_t prev = i > 0 ? out.bases[i - 1].*path : 1;
      const std::uint32_t next = i + 1 < n ? out.bases[i + 1].*path : 1;
      for (int bits : {4, 6, 10, 20}) add(first, static_cast<std::uint64_t>(bits), cluster_prefix(self, bits) + 1);
      for (int bits : {6, 20}) {
        add(first + 1, static_cast<std::uint64_t>(bits), cluster_prefix(prev, bits) + 1);
        add(first + 2, static_cast<std::uint64_t>(bits), cluster_prefix(next, bits) + 1);
      }
      add(first + 3, cluster_prefix(self, 10) + 1, b.cap + 1);
      add(first + 4, cluster_prefix(prev, 6) + 1, cluster_prefix(self, 6) + 1, cluster_prefix(next, 6) + 1);
    };
    static_assert(kClusterWindow == kCluster + 4 && kEmbeddingWindow == kEmbedding + 4);
    if (use_clusters) add_paths(kCluster, &SentenceFeatures::Base::cluster);
    if (use_embeddings) add_paths(kEmbedding, &SentenceFeatures::Base::embedding);
    if (use_pos) {
      const std::uint64_t prev_pos = i > 0 ? out.bases[i - 1].xpos : kStart;
      const std::uint64_t next_pos = i + 1 < n ? out.bases[i + 1].xpos : kEnd;
      add(kPosTag, b.xpos);
      add(kPosCap, b.xpos, b.cap + 1, i == 0 ? 1 : 2);
      add(kPosPrev, prev_pos);
      add(kPosNext, next_pos);
      add(kPosBigram, prev_pos, b.xpos);
      add(kPosWindow, prev_pos, b.xpos, next_pos);
    }
    if (use_org) {
      if (b.org_head) add(kOrgHead, b.cap + 1);
      if (org_mark[i] != 0) {
        add(kOrgRun, org_mark[i]);
        add(kOrgRunHead, org_mark[i], b.lower);
      }
      if (paren_long[i] != 0) add(kParenLongForm, paren_long[i]);
      if (i > 1 && words[i - 1] == "(" && is_acronym(words[i], b.cap) && capitalized_word(out.bases[i - 2].cap))
        add(kParenAcronym, 1);
    }
    if (b.possessive) add(kPossessive, b.cap);
    if (use_runs && capitalized_word(b.cap)) {
      // "Del Frisco 's", "Hayes Street Grill": how long the capitalized run is and where the token sits
      const std::uint64_t length = std::min<std::uint64_t>(run_end[i] - run_begin[i], 4);
      const std::uint64_t place = run_end[i] - run_begin[i] == 1 ? 0 : i == run_begin[i] ? 1 : i + 1 == run_end[i] ? 3 : 2;
      add(kRunShape, length, place + 1, run_begin[i] == 0 ? 1 : 2);
      add(kRunWord, place + 1, b.lower);
      const std::uint64_t before = run_begin[i] > 0 ? out.bases[run_begin[i] - 1].lower : kStart;
      const std::uint64_t after = run_end[i] < n ? out.bases[run_end[i]].lower : kEnd;
      add(kRunWord, place + 10, before, 1);
      add(kRunWord, place + 20, after, 2);
    }
    if (use_affixes) {
      for (std::size_t k : {std::size_t{1}, std::size_t{2}}) {
        if (i > 0) add(kNeighbourAffix, 1, k, out.bases[i - 1].suffix[k + 1]);
        if (i + 1 < n) add(kNeighbourAffix, 2, k, out.bases[i + 1].suffix[k + 1]);
      }
      if (i + 1 < n) add(kNeighbourAffix, 3, out.bases[i + 1].prefix[2]);
      if (i > 0) add(kNeighbourAffix, 4, out.bases[i - 1].prefix[2]);
      add(kLongSuffix, b.suffix5, b.cap + 1);
    }
    if (use_window) {
      for (std::size_t d = 3; d <= 4; ++d) {
        if (i >= d) add(kWindowWord, 1, out.bases[i - d].lower, capitalized + 1);
        if (i + d < n) add(kWindowWord, 2, out.bases[i + d].lower, capitalized + 1);
      }
    }

    for (int k = 0; k < kTitleKind; ++k) {
      auto bit = static_cast<std::uint16_t>(1u << k);
      auto kind = static_cast<std::uint64_t>(k);
      if (g.singles[i] & bit) add(kGazetteer, kind, 1, capitalized + 1);
      if (g.begins[i] & bit) add(kGazetteer, kind, 2, capitalized + 1);
      if (g.insides[i] & bit) add(kGazetteer, kind, 3, capitalized + 1);
      if (g.ends[i] & bit) add(kGazetteer, kind, 4, capitalized + 1);
      if (i > 0 && (any_kinds(i - 1) & bit)) add(kGazetteerPrev, kind);
      if (i + 1 < n && (any_kinds(i + 1) & bit)) add(kGazetteerNext, kind);
    }
    if (std::uint16_t kinds = any_kinds(i); kinds != 0) add(kGazetteerMask, kinds, capitalized + 1);
    if (i > 0 && ends_with_kind(i - 1, kTitleKind)) add(kTitleBefore, b.cap);
    if (i > 1 && ends_with_kind(i - 2, kTitleKind) && out.bases[i - 1].cap == kInitCap) add(kTitleTwoBefore, b.cap);
    if (i > 0 && ends_with_kind(i - 1, kHonorificKind)) add(kHonorificBefore, b.cap);
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
  }
}

std::array<std::uint32_t, kDynamicFeatures> dynamic_features(const TokenBase& token, std::uint32_t prev1,
                                                             std::uint32_t prev2) {
  return {feature(kPrevTag, prev1 + 1), feature(kPrevTags, prev1 + 1, prev2 + 1),
          feature(kPrevTagLower, prev1 + 1, token.lower), feature(kPrevTagCap, prev1 + 1, token.cap + 1)};
}

}  // namespace chronicle::entities::detail
