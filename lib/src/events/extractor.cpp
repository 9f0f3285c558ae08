// Event extraction, per document: triggers, tense, time anchors, actors, place, reported speech
// and ordering cues. See chronicle/events/extractor.hpp.

#include "chronicle/events/extractor.hpp"

#include <algorithm>
#include <cctype>

#include "arguments.hpp"
#include "chronicle/entities/recognizer.hpp"
#include "chronicle/language/analyzer.hpp"
#include "chronicle/language/tense_oracle.hpp"
#include "chronicle/segment/segmenter.hpp"
#include "chronicle/temporal/tagger.hpp"
#include "lexicon.hpp"
#include "text.hpp"
#include "verb_group.hpp"

namespace chronicle::events {
namespace detail {

struct ExtractorModels {
  temporal::Tagger tagger;
  const temporal::TenseOracle* oracle;  // verb groups from the tagger
  language::Analyzer analyzer;
  entities::Recognizer recognizer;
  Lexicon lexicon;
};

}  // namespace detail

namespace {

using detail::Direction;
using detail::lower;
using language::Upos;
using language::Word;

// A trigger found in a sentence, before it becomes a Mention.
struct Trigger {
  std::size_t word = 0;
  bool verbal = true;
  EventClass event_class = EventClass::occurrence;
  detail::VerbGroup group;
};

// Participles that work as prepositions or noun modifiers name no event: "including Islamic State",
// "based in Riyadh", "compared with", "operating profit", "preferred stock".
bool is_modifier_participle(const std::vector<Word>& words, std::size_t i, std::string_view text) {
  const Word& w = words[i];
  if (w.xpos != "VBG" && w.xpos != "VBN") return false;
  std::string_view form = w.span.of(text);
  // "going to" is a future marker, not a going.
  if (form == "going" && i + 1 < words.size() && words[i + 1].span.of(text) == "to") return true;
  for (std::string_view p : {"including", "based", "compared", "regarding", "concerning", "excluding", "following",
                             "according", "given", "pending", "provided", "led", "backed"})
    if (form == p && (p != "according" && p != "led" && p != "backed")) return true;
  // Attributive: between a determiner, adjective or preposition and a noun ("in operating profit").
  bool noun_after = i + 1 < words.size() && (words[i + 1].upos == Upos::noun || words[i + 1].upos == Upos::propn);
  if (noun_after && lower(form) == "operating") return true;  // "operating profit", "operating systems"
  bool det_before = i > 0 && (words[i - 1].upos == Upos::det || words[i - 1].upos == Upos::adj ||
                              words[i - 1].upos == Upos::num || words[i - 1].upos == Upos::adp);
  return noun_after && det_before;
}

// The next word after `i` that is no adverb or negation ("has not yet met"), or words.size().
std::size_t next_content_word(const std::vector<Word>& words, std::size_t i) {
  std::size_t k = i + 1;
  while (k < words.size() && (words[k].upos == Upos::adv || words[k].upos == Upos::part) &&
         words[k].xpos != "TO")
    ++k;
  return k;
}

// "have" is no event as the modal "have to" ("they have to travel": the travelling is) nor as an
// auxiliary the tagger took for a main verb ("may have come", "has offended").
bool is_auxiliary_have(const std::vector<Word>& words, std::size_t i, std::string_view text) {
  if (words[i].lemma != "have") return false;
  std::size_t k = next_content_word(words, i);
  if (k == words.size()) return false;
  if (lower(words[k].span.of(text)) == "to") return true;
  return words[k].upos == Upos::verb && (words[k].xpos == "VBN" || words[k].xpos == "VBD");
}

// "the quarter ended Sept. 30", "the year ending in June": the verb only says where a period
// stops; no event ends there.
bool is_period_end(const detail::Lexicon& lexicon, const std::vector<Word>& words, std::size_t i,
                   const std::vector<bool>& in_timex, std::string_view text) {
  if (words[i].lemma != "end" || i == 0) return false;
  return in_timex[i - 1] || lexicon.period_noun(lower(words[i - 1].span.of(text)));
}

// "the end of the year", "at the beginning of March": a point of the calendar, no eventuality.
bool is_calendar_point(const detail::Lexicon& lexicon, const std::vector<Word>& words, std::size_t i,
                       const std::vector<bool>& in_timex, std::string_view text) {
  if (!lexicon.calendar_point_noun(words[i].lemma)) return false;
  if (i + 1 >= words.size() || lower(words[i + 1].span.of(text)) != "of") return false;
  for (std::size_t k = i + 2; k < words.size() && k <= i + 4; ++k)
    if (in_timex[k] || lexicon.period_noun(lower(words[k].span.of(text)))) return true;
  return false;
}

// A singular noun with no determiner and no describing modifier names a kind of event, not one
// that happens: "opposed abortion", "laws on immigration"; but "resumed violence" happened.
bool is_bare_singular(const std::vector<Word>& words, std::size_t i) {
  if (words[i].xpos != "NN") return false;
  for (std::size_t k = i; k-- > 0;) {
    Upos u = words[k].upos;
    if (u == Upos::adj || words[k].xpos == "VBN") return false;
    if (u == Upos::noun || u == Upos::adv) continue;
    return u != Upos::det && u != Upos::pron && u != Upos::num && u != Upos::propn && words[k].xpos != "POS";
  }
  return true;
}

std::vector<Trigger> find_triggers(const detail::Lexicon& lexicon, const std::vector<Word>& words,
                                   const std::vector<bool>& blocked, const std::vector<bool>& in_timex,
                                   std::string_view text) {
  const language::VerbGroups groups = language::verb_groups(words, text);
  std::vector<Trigger> triggers;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (blocked[i]) continue;
    const Word& w = words[i];
    std::string_view form = w.span.of(text);
    if (std::none_of(form.begin(), form.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) continue;
    if (w.upos == Upos::verb) {
      if (lexicon.non_event_verb(w.lemma) || is_modifier_participle(words, i, text)) continue;
      if (is_auxiliary_have(words, i, text) || is_period_end(lexicon, words, i, in_timex, text)) continue;
      triggers.push_back({i, true, lexicon.verb_class(w.lemma), detail::verb_group(groups, words, i, text)});
    } else if (w.upos == Upos::noun) {
      const detail::NounEntry* entry = lexicon.noun(w.lemma, w.xpos == "NNS");
      if (!entry) continue;
      if (!entry->complement.empty() && (i + 1 >= words.size() || lower(words[i + 1].span.of(text)) != entry->complement))
        continue;
      if (is_calendar_point(lexicon, words, i, in_timex, text)) continue;
      // A noun modifying another classifies it, names no event: "abortion clinic", "merger terms".
      if (i + 1 < words.size() && words[i + 1].upos == Upos::noun) continue;
      // Nouns listed by hand name events even bare ("after restructuring"); WordNet's do not.
      if (!entry->listed && is_bare_singular(words, i)) continue;
      Trigger t{i, false, entry->event_class, {}};
      t.group.direction = detail::noun_direction(words, i, text);
      triggers.push_back(t);
    }
  }
  return triggers;
}

TimeAnchor anchor_of(const temporal::Timex& timex, const ingest::Document& doc, std::string rule) {
  TimeAnchor anchor;
  anchor.value = timex.value.value;
  anchor.rule = std::move(rule);
  anchor.timex = doc.to_raw(timex.span);
  anchor.timex_text = std::string(timex.span.of(doc.text));
  if (timex.value.period && timex.value.period->year_known()) {
    anchor.granularity = std::string(temporal::to_string(timex.value.period->granularity()));
    anchor.begin = date::sys_days{timex.value.period->first_day()};
    anchor.end = date::sys_days{timex.value.period->last_day()};
  }
  return anchor;
}

// An anchor from the publication date and the direction of the verb group.
std::optional<TimeAnchor> anchor_from_dct(const ingest::Document& doc, Direction direction) {
  if (!doc.dct || direction == Direction::unknown) return std::nullopt;
  TimeAnchor anchor;
  date::sys_days dct{*doc.dct};
  anchor.rule = "dct-tense";
  switch (direction) {
    case Direction::past: anchor.value = "PAST_REF"; anchor.end = dct; break;
    case Direction::future:
    case Direction::hypothetical: anchor.value = "FUTURE_REF"; anchor.begin = dct; break;
    default:
      anchor.value = ingest::format_date(*doc.dct);
      anchor.granularity = "day";
      anchor.begin = anchor.end = dct;
      anchor.rule = "dct-present";
  }
  return anchor;
}

// Index of the first word overlapping `span`, or words.size().
std::size_t word_at(const std::vector<Word>& words, TextSpan span) {
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].span.end > span.begin) return i;
  return words.size();
}

// The noun trigger (its word) a time expression starting at word `x` modifies: the one right
// before it ("a meeting last week") or right after it ("a planned January 1 ceasefire",
// "Monday's comments"); nullopt when it stands on its own.
std::optional<std::size_t> noun_owner(const temporal::Timex& timex, std::size_t x, const std::vector<Trigger>& triggers,
                                      const std::vector<Word>& words) {
  for (const Trigger& other : triggers) {
    if (other.verbal) continue;
    if (other.word < x && x - other.word <= 1) return other.word;
    std::size_t begin = words[other.word].span.begin;
    if (other.word > x && begin >= timex.span.end && begin - timex.span.end <= 4) return other.word;
  }
  return std::nullopt;
}

// The timex that anchors the trigger at word `t`: the nearest one in the sentence with no other
// verbal trigger between them (nominal triggers share their verb's time expressions).
const temporal::Timex* nearest_timex(const std::vector<const temporal::Timex*>& timexes, const std::vector<std::size_t>& timex_words,
                                     const std::vector<Trigger>& triggers, const std::vector<Word>& words,
                                     std::string_view text, std::size_t t, bool verbal) {
  const temporal::Timex* best = nullptr;
  std::size_t best_distance = verbal ? 40 : 12;
  for (std::size_t k = 0; k < timexes.size(); ++k) {
    auto type = timexes[k]->value.type;
    if (type == temporal::TimexType::duration || type == temporal::TimexType::set) continue;
    std::size_t x = timex_words[k];
    std::size_t lo = std::min(x, t), hi = std::max(x, t);
    bool blocked = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& other) {
      return other.verbal && other.word > lo && other.word < hi && other.event_class != EventClass::aspectual;
    });
    if (blocked) continue;
    // An expression right after a verb is that verb's: in "announced on Tuesday the meeting would
    // take place", Tuesday is the announcing, neither the meeting nor its taking place.
    if (x < t && std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& other) {
          return other.verbal && other.word < x && x - other.word <= 2;
        }))
      continue;
    // An expression attached to a noun trigger is that noun's alone: right after it ("the visit
    // follows a meeting last week"), right before it ("a planned January 1 ceasefire"), or
    // possessive ("Monday's comments", trigger or not).
    if (std::optional<std::size_t> owner = noun_owner(*timexes[k], x, triggers, words); owner && *owner != t) continue;
    if (verbal) {
      std::string_view span = timexes[k]->span.of(text), after = text.substr(std::min(text.size(), timexes[k]->span.end));
      auto possessive = [](std::string_view s) { return s.starts_with("'s") || s.starts_with("\u2019s"); };
      if (possessive(after) || span.ends_with("'s") || span.ends_with("\u2019s")) continue;
    }
    std::size_t distance = hi - lo;
    if (distance < best_distance) best = timexes[k], best_distance = distance;
  }
  return best;
}

}  // namespace

Result<Extractor> Extractor::load() {
  auto lexicon = detail::Lexicon::load();
  if (!lexicon) return tl::unexpected(lexicon.error());
  auto tagger = temporal::Tagger::load();
  if (!tagger) return tl::unexpected(tagger.error());
  auto analyzer = language::Analyzer::builtin();
  if (!analyzer) return tl::unexpected(analyzer.error());
  auto recognizer = entities::Recognizer::load();
  if (!recognizer) return tl::unexpected(recognizer.error());
  const temporal::TenseOracle* oracle = nullptr;
  try {
    oracle = &language::pos_tense_oracle();
  } catch (const std::exception& e) {
    return fail("{}", e.what());
  }
  return Extractor(std::make_shared<const detail::ExtractorModels>(detail::ExtractorModels{
      std::move(*tagger), oracle, std::move(*analyzer), std::move(*recognizer), std::move(*lexicon)}));
}

DocumentAnalysis Extractor::analyze(const ingest::Document& doc) const {
  const detail::ExtractorModels& m = *models_;
  DocumentAnalysis a;
  a.doc = doc.id;
  a.path = doc.path;
  a.title = doc.title;
  a.dct = doc.dct;
  a.dct_source = std::string(ingest::to_string(doc.dct_source));

  std::vector<segment::Sentence> sentences = segment::segment(doc.text, doc.body);
  std::erase_if(sentences, [](const segment::Sentence& s) { return !s.content; });
  temporal::TagOptions options;
  options.dct = doc.dct;
  options.oracle = m.oracle;
  std::vector<temporal::Timex> timexes = m.tagger.tag(doc.text, sentences, options);

  detail::ArgumentFinder arguments(doc.text, m.lexicon);
  std::vector<bool> dropped;  // support triggers folded into their nouns, one flag per mention
  std::size_t next_timex = 0;
  for (const segment::Sentence& sentence : sentences) {
    std::vector<Word> words = m.analyzer.analyze(doc.text, sentence);
    if (words.empty()) continue;
    std::vector<entities::Entity> found = m.recognizer.recognize(doc.text, sentence.tokens);

    // This sentence's time expressions; words inside them or inside names are no triggers.
    std::vector<const temporal::Timex*> here;
    while (next_timex < timexes.size() && timexes[next_timex].span.begin < sentence.span.end) {
      if (timexes[next_timex].span.begin >= sentence.span.begin) here.push_back(&timexes[next_timex]);
      ++next_timex;
    }
    std::vector<bool> in_timex(words.size(), false);
    std::vector<std::size_t> timex_words;
    for (const auto* t : here) {
      timex_words.push_back(word_at(words, t->span));
      for (std::size_t i = 0; i < words.size(); ++i) in_timex[i] = in_timex[i] || t->span.overlaps(words[i].span);
    }
    std::vector<bool> blocked = in_timex;
    for (const auto& e : found)
      for (std::size_t i = 0; i < words.size(); ++i) blocked[i] = blocked[i] || e.span.overlaps(words[i].span);

    arguments.start_sentence(words, found);
    for (const auto& e : found)
      a.actor_mentions.push_back({arguments.name_of(e), e.type, doc.to_raw(e.span), e.type == "PER" ? arguments.title_of(e) : ""});

    std::vector<Trigger> triggers = find_triggers(m.lexicon, words, blocked, in_timex, doc.text);
    std::size_t first_mention = a.mentions.size();
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& t = triggers[k];
      const Word& w = words[t.word];
      Mention mention;
      mention.doc = doc.id;
      mention.trigger = doc.to_raw(w.span);
      mention.trigger_text = std::string(w.span.of(doc.text));
      mention.lemma = w.lemma;
      mention.event_class = t.event_class;
      mention.tense = t.verbal ? t.group.tense : Tense::none;
      mention.polarity = t.group.polarity;
      mention.sentence = doc.to_raw(sentence.span);
      mention.sentence_text = std::string(sentence.span.of(doc.text));
      if (const auto* timex = nearest_timex(here, timex_words, triggers, words, doc.text, t.word, t.verbal))
        mention.time = anchor_of(*timex, doc, "timex");
      detail::Arguments args = arguments.of(t.word, t.verbal);
      mention.actors = std::move(args.actors);
      mention.location = std::move(args.location);
      mention.roles = std::move(args.roles);
      a.mentions.push_back(std::move(mention));
    }
    std::vector<detail::TriggerView> views;
    for (const Trigger& t : triggers) views.push_back({t.word, t.verbal, t.event_class, t.group.direction});
    detail::link_sentence(a, first_mention, views, words, doc.text, m.lexicon);
    // Anything still undated takes its governing event's time, or a side of the DCT by tense.
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      Mention& mention = a.mentions[first_mention + k];
      if (mention.time) continue;
      if (auto governed = detail::governing_time(a, first_mention, views, k)) {
        mention.time = std::move(governed);
      } else if (mention.event_class == EventClass::reporting && !detail::ahead(triggers[k].group.direction) &&
                 doc.dct) {
        mention.time = anchor_from_dct(doc, Direction::present);
        if (mention.time) mention.time->rule = "reporting-dct";
      } else {
        mention.time = anchor_from_dct(doc, triggers[k].group.direction);
      }
    }
    std::vector<bool> folded = detail::fold_support_triggers(a, first_mention, views, words, doc.text, m.lexicon);
    dropped.insert(dropped.end(), folded.begin(), folded.end());
  }
  detail::drop_mentions(a, dropped);
  for (Mention& mention : a.mentions) mention.summary = summarize(mention);
  return a;
}

std::string summarize(const Mention& mention) {
  std::string out = mention.lemma.empty() ? mention.trigger_text : mention.lemma;
  if (mention.polarity == Polarity::negative) out = "no " + out;
  for (std::size_t i = 0; i < mention.actors.size() && i < 4; ++i) out += (i == 0 ? ": " : ", ") + mention.actors[i];
  if (!mention.location.empty()) out += (mention.actors.empty() ? " in " : ", in ") + mention.location;
  return out;
}

}  // namespace chronicle::events
