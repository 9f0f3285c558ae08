#include "arguments.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace chronicle::events::detail {
namespace {

using language::Upos;
using language::Word;

bool is_clause_break(const Word& w, std::string_view form) {
  return form == ";" || form == ":" || form == "that" || form == "which" || form == "who" || form == "whether" ||
         form == "because" || form == "but" || form == "while" || form == "“" || form == "\"" || w.upos == Upos::sconj;
}

bool is_capitalized(std::string_view s) { return !s.empty() && std::isupper(static_cast<unsigned char>(s.front())); }

bool is_clause_opener(std::string_view form) {
  return form == "since" || form == "after" || form == "before" || form == "as" || form == "because" || form == "while" ||
         form == "until" || form == "although" || form == "though" || form == "if" || form == "when" || form == "once";
}

bool is_topic_preposition(std::string_view form) {
  return form == "on" || form == "about" || form == "over" || form == "regarding" || form == "concerning";
}

}  // namespace

void ArgumentFinder::start_sentence(const std::vector<Word>& words, const std::vector<entities::Entity>& entities) {
  // Remember the people of the previous sentence before moving on.
  for (std::size_t e = 0; e < entities_.size(); ++e)
    if (entities_[e].type == "PER") people_.push_back(name_of(entities_[e]));
  if (people_.size() > 32) people_.erase(people_.begin(), people_.end() - 32);
  words_ = &words;
  entities_ = entities;
  entity_at_.assign(words.size(), -1);
  for (std::size_t e = 0; e < entities_.size(); ++e)
    for (std::size_t i = 0; i < words.size(); ++i)
      if (entities_[e].span.overlaps(words[i].span)) entity_at_[i] = static_cast<int>(e);
}

std::string ArgumentFinder::name_of(const entities::Entity& entity) const {
  std::string out;
  bool space = false;
  for (char c : entity.span.of(text_)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string ArgumentFinder::word(std::size_t i) const { return lower((*words_)[i].span.of(text_)); }

std::optional<std::string> ArgumentFinder::person_before(std::size_t i) const {
  for (std::size_t k = i; k-- > 0;)
    if (entity_at_[k] >= 0 && entities_[static_cast<std::size_t>(entity_at_[k])].type == "PER")
      return name_of(entities_[static_cast<std::size_t>(entity_at_[k])]);
  if (!people_.empty()) return people_.back();
  return std::nullopt;
}

// The subject of a verb: entities (coordinated: "Kerry and Lavrov"), role nouns ("the Kremlin
// leader") or a pronoun to its left, within its clause; a verb joined by "and" to an earlier one
// shares that one's subject.
std::vector<std::string> ArgumentFinder::agent_of(std::size_t verb, std::vector<std::string>* roles) const {
  const auto& words = *words_;
  std::vector<std::string> agent;
  bool found = false;  // an entity or a role noun
  int last_entity = -1;
  for (std::size_t k = verb; k-- > 0;) {
    std::string form = word(k);
    if (entity_at_[k] >= 0) {
      if (entity_at_[k] != last_entity) agent.insert(agent.begin(), name_of(entities_[static_cast<std::size_t>(entity_at_[k])]));
      last_entity = entity_at_[k];
      found = true;
      continue;
    }
    if (auto role = role_at(k)) {
      if (roles) roles->insert(roles->begin(), role->text);
      found = true;
      last_entity = -1;
      k = role->start;
      continue;
    }
    if (found && form != "and" && form != "," && form != "’s" && form != "'s") {
      // A name in a noun's prepositional phrase is no subject: "the United Nations envoy for
      // Syria, Staffan de Mistura", "the next meeting of world powers on Syria would take place".
      // (Not after a clause opener: "since Syria's conflict erupted".)
      if (words[k].upos == Upos::adp && k > 0 && entity_at_[k - 1] < 0 &&
          (words[k - 1].upos == Upos::noun || lexicon_.role_noun(word(k - 1))) && !is_clause_opener(form) && k + 1 < verb &&
          entity_at_[k + 1] >= 0 && !agent.empty())
        agent.erase(agent.begin());
      // A title phrase between coordinated names: "Kerry and his Russian counterpart Lavrov".
      std::size_t j = k;
      while (j > 0 && k - j < 5 && entity_at_[j] < 0 && word(j) != "and" && words[j].upos != Upos::verb &&
             words[j].upos != Upos::punct)
        --j;
      if (word(j) != "and") break;
      k = j;
      continue;
    }
    if (!found && (form == "he" || form == "she")) {
      if (auto p = person_before(k)) agent.push_back(*p);
      break;
    }
    // A verb joined by "and" shares the subject, and so does one it controls: "Kerry and Lavrov
    // want to hold talks".
    if (words[k].upos == Upos::verb && !(k + 1 < verb && (word(k + 1) == "and" || word(k + 1) == "to"))) break;
    if (is_clause_break(words[k], form)) break;
  }
  return agent;
}

std::optional<ArgumentFinder::Role> ArgumentFinder::role_at(std::size_t k) const {
  const auto& words = *words_;
  if (entity_at_[k] >= 0 || words[k].upos != Upos::noun || !lexicon_.role_noun(word(k))) return std::nullopt;
  // A title before a name is no role reference: "the Russian leader Vladimir Putin".
  if (k + 1 < words.size() && entity_at_[k + 1] >= 0) return std::nullopt;
  std::size_t j = k;
  while (j > 0 && k - j < 6) {
    std::size_t m = j - 1;
    std::string_view raw = words[m].span.of(text_);
    std::string form = word(m);
    if (form == "the") {
      std::string text(TextSpan{words[j].span.begin, words[k].span.end}.of(text_));
      return Role{std::move(text), m};
    }
    if (form == "’s" || form == "'s") {  // "Russia's foreign minister"
      if (m == 0 || entity_at_[m - 1] < 0) return std::nullopt;
      std::size_t e = m - 1;
      while (e > 0 && entity_at_[e - 1] == entity_at_[m - 1]) --e;
      std::string text(TextSpan{words[e].span.begin, words[k].span.end}.of(text_));
      return Role{std::move(text), e};
    }
    bool modifier = entity_at_[m] >= 0 || is_capitalized(raw) || words[m].upos == Upos::adj;
    if (!modifier || words[m].upos == Upos::punct || words[m].upos == Upos::det) return std::nullopt;
    j = m;
  }
  return std::nullopt;
}

std::string ArgumentFinder::title_of(const entities::Entity& entity) const {
  const auto& words = *words_;
  std::size_t first = 0;
  while (first < words.size() && !entity.span.overlaps(words[first].span)) ++first;
  std::size_t j = first;
  while (j > 0 && first - j < 6) {
    const Word& w = words[j - 1];
    if (entity_at_[j - 1] >= 0 && entities_[static_cast<std::size_t>(entity_at_[j - 1])].type == "PER") break;
    if (w.upos == Upos::punct || w.upos == Upos::verb || w.upos == Upos::aux || w.upos == Upos::cconj ||
        w.upos == Upos::sconj || w.upos == Upos::det || w.upos == Upos::pron)
      break;
    --j;
  }
  if (j == first) return "";
  return std::string(TextSpan{words[j].span.begin, words[first - 1].span.end}.of(text_));
}

// Entities after a trigger up to the end of its phrase; the first place after "in"/"at" is the
// location.
std::vector<std::string> ArgumentFinder::entities_right_of(std::size_t t, std::string& location,
                                                           std::vector<std::string>* roles) const {
  const auto& words = *words_;
  bool topical = lexicon_.takes_topic(words[t].lemma);
  bool motion = lexicon_.motion(words[t].lemma);
  bool in_topic = false;  // inside an "on ..." phrase of a topical trigger
  std::vector<std::string> found;
  int last_entity = -1;
  for (std::size_t k = t + 1; k < words.size() && k <= t + 14; ++k) {
    std::string form = word(k);
    // A role noun phrase starting here: "talks with the Russian foreign minister".
    if (roles && !in_topic && (form == "the" || entity_at_[k] >= 0)) {
      std::optional<Role> role;
      std::size_t end = k;
      for (std::size_t m = k + 1; m < words.size() && m <= k + 6 && !role; ++m)
        if (auto r = role_at(m); r && r->start == k) role = std::move(r), end = m;
      if (role) {
        roles->push_back(std::move(role->text));
        last_entity = -1;
        k = end;
        continue;
      }
    }
    if (entity_at_[k] >= 0) {
      if (entity_at_[k] == last_entity) continue;
      last_entity = entity_at_[k];
      const entities::Entity& e = entities_[static_cast<std::size_t>(entity_at_[k])];
      std::string before = k > 0 ? word(k - 1) : "";
      if (before == "the" && k > 1) before = word(k - 2);
      if (e.type == "LOC" && location.empty() &&
          (before == "in" || before == "at" || before == "near" || (motion && before == "to"))) {
        location = name_of(e);  // "talks in Moscow", "a visit to Moscow"
        in_topic = false;
        continue;
      }
      if (motion && before == "from") continue;  // where a trip starts is neither its place nor an actor
      if (!in_topic) found.push_back(name_of(e));
      continue;
    }
    // "a ceasefire in Syria, as well as Monday's comments by Russia": a new phrase begins.
    if (form == "as" && k + 1 < words.size() && word(k + 1) == "well") break;
    // A topic-taking noun on the way makes what follows "on" its topic: "began talks with
    // Lavrov on Syria", "a third round of talks on Syria".
    if (words[k].upos == Upos::noun && lexicon_.takes_topic(words[k].lemma)) topical = true;
    if (topical && is_topic_preposition(form)) in_topic = true;
    else if (form == "with" || form == "between" || form == "by" || form == "in" || form == "at") in_topic = false;
    if (words[k].upos == Upos::verb || is_clause_break(words[k], form) || form == "." || form == "(") break;
  }
  return found;
}

Arguments ArgumentFinder::of(std::size_t t, bool verbal) const {
  const auto& words = *words_;
  Arguments args;
  auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(args.actors.begin(), args.actors.end(), name) == args.actors.end()) args.actors.push_back(name);
  };
  if (verbal) {
    for (const auto& name : agent_of(t, &args.roles)) add(name);
  } else {
    // The verb taking this noun as object shares its subject ("Kerry began talks").
    for (std::size_t k = t; k-- > 0 && t - k <= 4;) {
      if (words[k].upos == Upos::punct) break;
      if (words[k].upos == Upos::verb) {
        if (lexicon_.shares_subject(words[k].lemma))
          for (const auto& name : agent_of(k, &args.roles)) add(name);
        break;
      }
    }
    // Possessors and modifiers just before it: "Kerry’s visit", "ISSG meeting", "Russian strikes".
    for (std::size_t k = t; k-- > 0 && t - k <= 3;) {
      std::string form = word(k);
      if (entity_at_[k] >= 0) {
        add(name_of(entities_[static_cast<std::size_t>(entity_at_[k])]));
        continue;
      }
      std::string_view raw = words[k].span.of(text_);
      if (words[k].upos == Upos::adj && is_capitalized(raw)) {
        add(std::string(raw));  // a demonym; actors::Resolver maps it to its country
        continue;
      }
      if (form == "’s" || form == "'s" || words[k].upos == Upos::adj || words[k].upos == Upos::noun) continue;
      break;
    }
  }
  for (const auto& name : entities_right_of(t, args.location, &args.roles)) add(name);
  return args;
}

void link_sentence(DocumentAnalysis& analysis, std::size_t first, const std::vector<TriggerView>& triggers,
                   const std::vector<Word>& words, std::string_view text, const Lexicon& lexicon) {
  // Reported speech: what a reporting verb introduces has it as its source.
  for (std::size_t r = 0; r < triggers.size(); ++r) {
    if (!triggers[r].verbal || triggers[r].event_class != EventClass::reporting) continue;
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      if (k == r || triggers[k].event_class == EventClass::reporting) continue;
      Mention& m = analysis.mentions[first + k];
      if (!m.source) m.source = first + r;
    }
  }
  // Cues: "A after B", "A follows B", "ahead of B, A".
  for (const Cue& cue : lexicon.cues()) {
    for (std::size_t c = 0; c + cue.words.size() <= words.size(); ++c) {
      bool match = true;
      for (std::size_t j = 0; j < cue.words.size() && match; ++j) {
        std::string form = lower(words[c + j].span.of(text));
        match = form == cue.words[j] || words[c + j].lemma == cue.words[j];
      }
      if (!match) continue;
      std::size_t cue_end = c + cue.words.size();
      auto b = std::find_if(triggers.begin(), triggers.end(), [&](const TriggerView& t) { return t.word >= cue_end && t.word <= cue_end + 4; });
      if (b == triggers.end()) continue;
      std::optional<std::size_t> a;
      for (std::size_t k = 0; k < triggers.size(); ++k)
        if (triggers[k].word < c) a = k;  // nearest trigger before the cue
      if (!a)
        for (std::size_t k = static_cast<std::size_t>(b - triggers.begin()) + 1; k < triggers.size() && !a; ++k)
          if (triggers[k].verbal) a = k;
      if (!a) continue;
      std::size_t b_index = static_cast<std::size_t>(b - triggers.begin());
      std::string evidence(TextSpan{words[c].span.begin, words[cue_end - 1].span.end}.of(text));
      analysis.cues.push_back({first + *a, first + b_index, cue.relation, evidence});
    }
  }
}

namespace {

// "take place", "happen", "occur", "be held": verbs that only say when their subject happens.
bool is_support_verb(const std::vector<Word>& words, std::size_t i, std::string_view text) {
  const std::string& lemma = words[i].lemma;
  if (lemma == "happen" || lemma == "occur") return true;
  if (lemma == "take") return i + 1 < words.size() && lower(words[i + 1].span.of(text)) == "place";
  if (lemma == "hold") return i > 0 && (words[i - 1].lemma == "be" || words[i - 1].upos == Upos::aux);
  return false;
}

constexpr std::size_t kSubjectReach = 14;  // words from a subject noun to its support verb
constexpr std::size_t kObjectReach = 6;    // words from a hosting verb to its object noun


void absorb(Mention& into, const Mention& from) {
  bool from_timex = from.time && (from.time->rule == "timex" || from.time->rule == "governing-event");
  bool into_timex = into.time && (into.time->rule == "timex" || into.time->rule == "governing-event");
  if (from_timex && !into_timex) {
    into.time = from.time;
    into.time->rule = "governing-event";
  }
  if (into.location.empty()) into.location = from.location;
  for (const auto& actor : from.actors)
    if (std::find(into.actors.begin(), into.actors.end(), actor) == into.actors.end()) into.actors.push_back(actor);
  for (const auto& role : from.roles)
    if (std::find(into.roles.begin(), into.roles.end(), role) == into.roles.end()) into.roles.push_back(role);
}

}  // namespace

std::vector<bool> fold_support_triggers(DocumentAnalysis& analysis, std::size_t first, const std::vector<TriggerView>& triggers,
                                        const std::vector<Word>& words, std::string_view text, const Lexicon& lexicon) {
  std::vector<bool> drop(triggers.size(), false);
  for (std::size_t k = 0; k < triggers.size(); ++k) {
    const TriggerView& t = triggers[k];
    if (t.verbal && is_support_verb(words, t.word, text)) {
      // The nearest noun trigger before it, within its clause, is its subject: "the next meeting
      // of the International Syria Support Group (ISSG) would be held".
      for (std::size_t j = k; j-- > 0;) {
        if (triggers[j].verbal || t.word - triggers[j].word > kSubjectReach) break;
        bool clause_break = false;
        for (std::size_t w = triggers[j].word + 1; w < t.word && !clause_break; ++w)
          clause_break = is_clause_break(words[w], lower(words[w].span.of(text)));
        if (clause_break) break;
        absorb(analysis.mentions[first + j], analysis.mentions[first + k]);
        drop[k] = true;
        break;
      }
    } else if (t.verbal && (lexicon.hosting_verb(words[t.word].lemma) || lexicon.opening_verb(words[t.word].lemma) ||
                            (words[t.word].lemma == "go" && t.word + 1 < words.size() &&
                             lower(words[t.word + 1].span.of(text)) == "into"))) {
      // "hold the next round of talks on Friday", "hosted a conference", "went into meetings with
      // Putin", "began talks in Moscow on Tuesday": the noun is the event. (Beginning folds only
      // into a meeting: the day a war began is not the war's date.)
      for (std::size_t j = k + 1; j < triggers.size(); ++j) {
        if (triggers[j].verbal || triggers[j].word - t.word > kObjectReach) break;
        if (lexicon.opening_verb(words[t.word].lemma) && !lexicon.takes_topic(words[triggers[j].word].lemma)) break;
        absorb(analysis.mentions[first + j], analysis.mentions[first + k]);
        drop[k] = true;
        break;
      }
    } else if (!t.verbal && lexicon.support_noun(analysis.mentions[first + k].lemma) && k + 1 < triggers.size() &&
               !triggers[k + 1].verbal && triggers[k + 1].word <= t.word + 4 && t.word + 1 < words.size() &&
               lower(words[t.word + 1].span.of(text)) == "of") {
      absorb(analysis.mentions[first + k + 1], analysis.mentions[first + k]);
      drop[k] = true;
    }
  }
  return drop;
}

void drop_mentions(DocumentAnalysis& analysis, const std::vector<bool>& drop) {
  std::vector<std::size_t> new_index(analysis.mentions.size());
  std::vector<Mention> kept;
  for (std::size_t i = 0; i < analysis.mentions.size(); ++i) {
    new_index[i] = kept.size();
    if (!drop[i]) kept.push_back(std::move(analysis.mentions[i]));
  }
  for (Mention& m : kept)
    if (m.source) m.source = drop[*m.source] ? std::nullopt : std::optional<std::size_t>(new_index[*m.source]);
  std::vector<CueRelation> cues;
  for (CueRelation& c : analysis.cues)
    if (!drop[c.source] && !drop[c.target]) cues.push_back({new_index[c.source], new_index[c.target], c.type, c.evidence});
  analysis.mentions = std::move(kept);
  analysis.cues = std::move(cues);
}

std::optional<TimeAnchor> governing_time(const DocumentAnalysis& analysis, std::size_t first,
                                         const std::vector<TriggerView>& triggers, std::size_t k) {
  if (triggers[k].verbal) return std::nullopt;
  const Mention& self = analysis.mentions[first + k];
  auto take = [&](std::size_t g) -> std::optional<TimeAnchor> {
    // What is reported does not happen when it is reported.
    if (self.source && *self.source == first + g) return std::nullopt;
    const Mention& governor = analysis.mentions[first + g];
    if (!governor.time || governor.time->rule != "timex") return std::nullopt;
    TimeAnchor anchor = *governor.time;
    anchor.rule = "governing-event";
    return anchor;
  };
  // A subject noun takes its verb's time ("the meeting would take place on Friday"); an object
  // noun its governing verb's ("began talks on Tuesday").
  for (std::size_t g = k + 1; g < triggers.size(); ++g)
    if (triggers[g].verbal && triggers[g].word - triggers[k].word <= 6)
      if (auto anchor = take(g)) return anchor;
  for (std::size_t g = k; g-- > 0;)
    if (triggers[g].verbal && triggers[k].word - triggers[g].word <= 5) return take(g);
  return std::nullopt;
}

}  // namespace chronicle::events::detail
