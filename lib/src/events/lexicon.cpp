#include "lexicon.hpp"

#include <algorithm>
#include <array>

#include "chronicle/core/resources.hpp"

namespace chronicle::resources {
void link_en_events();
}

namespace chronicle::events::detail {
namespace {

// Data lines of a resource as tab-separated fields; '#' starts a comment line or field.
Result<std::vector<std::vector<std::string>>> rows_of(std::string_view name) {
  resources::link_en_events();
  auto bytes = resources::load(name);
  if (!bytes) return tl::unexpected(bytes.error());
  std::vector<std::vector<std::string>> rows;
  std::string_view text = *bytes;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    for (std::size_t f = 0; f <= line.size();) {
      std::size_t tab = std::min(line.find('\t', f), line.size());
      std::string_view field = line.substr(f, tab - f);
      if (field.starts_with("#")) break;
      fields.emplace_back(field);
      f = tab + 1;
    }
    if (!fields.empty()) rows.push_back(std::move(fields));
  }
  return rows;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

}  // namespace

std::optional<EventClass> parse_event_class(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, EventClass>, 7> kClasses{{
      {"OCCURRENCE", EventClass::occurrence}, {"REPORTING", EventClass::reporting}, {"STATE", EventClass::state},
      {"I_ACTION", EventClass::i_action},     {"I_STATE", EventClass::i_state},     {"ASPECTUAL", EventClass::aspectual},
      {"PERCEPTION", EventClass::perception},
  }};
  for (const auto& [name, value] : kClasses)
    if (name == text) return value;
  return std::nullopt;
}

Result<Lexicon> Lexicon::load() {
  Lexicon lexicon;
  auto read_classes = [](std::string_view name, auto&& add) -> Result<void> {
    auto rows = rows_of(name);
    if (!rows) return tl::unexpected(rows.error());
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const auto& row = (*rows)[i];
      auto c = row.size() >= 2 ? parse_event_class(row[1]) : std::nullopt;
      if (!c) return fail("resource {}: entry {} ('{}'): second column must be a TimeML event class", name, i + 1, row[0]);
      add(row, *c);
    }
    return {};
  };
  auto verb = [&](const std::vector<std::string>& row, EventClass c) { lexicon.verbs_.emplace(row[0], c); };
  if (auto ok = read_classes("en/events/classes.tsv", verb); !ok) return tl::unexpected(ok.error());
  auto noun = [&](const std::vector<std::string>& row, EventClass c) {
    lexicon.nouns_.emplace(row[0], NounEntry{c, row.size() >= 3 ? row[2] : std::string(), true});
  };
  if (auto ok = read_classes("en/events/nominals.tsv", noun); !ok) return tl::unexpected(ok.error());
  auto non_event_verbs = rows_of("en/events/non_event_verbs.tsv");
  if (!non_event_verbs) return tl::unexpected(non_event_verbs.error());
  for (const auto& row : *non_event_verbs) lexicon.non_event_verbs_.insert(row[0]);
  auto wordnet = rows_of("en/events/wordnet_nominals.tsv");
  if (!wordnet) return tl::unexpected(wordnet.error());
  // noun.event, noun.process and noun.phenomenon nouns are events; noun.act holds many nouns of
  // activities and institutions ("market", "trading", "management"), so from it only deverbal
  // nouns are taken: derived ("restructuring", "payment", "acquisition") or zero-derived, the
  // noun of a verb ("move", "split", "search").
  auto deverbal = [](std::string_view lemma) {
    for (std::string_view suffix : {"tion", "sion", "ment", "ure", "ance", "ence", "al", "ing"})
      if (lemma.size() > suffix.size() + 2 && lemma.ends_with(suffix)) return true;
    return false;
  };
  for (const auto& row : *wordnet) {
    bool act = row.size() >= 2 && row[1] == "act";
    bool also_verb = row.size() >= 3 && row[2] == "verb";
    if (!act || deverbal(row[0]) || also_verb) lexicon.nouns_.emplace(row[0], NounEntry{});
  }
  auto non_events = rows_of("en/events/non_events.tsv");
  if (!non_events) return tl::unexpected(non_events.error());
  for (const auto& row : *non_events) {
    if (row.size() >= 2 && row[1] == "plural") {
      lexicon.plural_non_events_.insert(row[0]);
    } else if (row.size() >= 2) {
      return fail("resource en/events/non_events.tsv: '{}': second column must be empty or 'plural'", row[0]);
    } else {
      lexicon.nouns_.erase(row[0]);
    }
  }
  auto calendar = rows_of("en/events/calendar_nouns.tsv");
  if (!calendar) return tl::unexpected(calendar.error());
  for (const auto& row : *calendar) {
    if (row.size() >= 2 && row[1] == "period") lexicon.period_nouns_.insert(row[0]);
    else if (row.size() >= 2 && row[1] == "point") lexicon.point_nouns_.insert(row[0]);
    else return fail("resource en/events/calendar_nouns.tsv: '{}': second column must be 'period' or 'point'", row[0]);
  }
  auto cues = rows_of("en/events/cues.tsv");
  if (!cues) return tl::unexpected(cues.error());
  for (const auto& row : *cues) {
    if (row.size() < 2) return fail("resource en/events/cues.tsv: '{}' has no relation column", row[0]);
    lexicon.cues_.push_back({words_of(row[0]), row[1]});
  }
  std::stable_sort(lexicon.cues_.begin(), lexicon.cues_.end(),
                   [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
  static constexpr std::pair<std::string_view, WordList> kLists[] = {
      {"topic", kTopic},   {"shares_subject", kSharesSubject}, {"hosting", kHosting},
      {"opening", kOpening}, {"support_noun", kSupportNoun},    {"motion", kMotion}};
  auto argument_words = rows_of("en/events/argument_words.tsv");
  if (!argument_words) return tl::unexpected(argument_words.error());
  for (const auto& row : *argument_words) {
    const auto* list = row.size() >= 2 ? std::find_if(std::begin(kLists), std::end(kLists),
                                                      [&](const auto& l) { return l.first == row[1]; })
                                       : std::end(kLists);
    if (list == std::end(kLists))
      return fail("resource en/events/argument_words.tsv: '{}': second column must name a list "
                  "(topic, shares_subject, hosting, opening, support_noun, motion)", row[0]);
    lexicon.argument_words_[row[0]] |= list->second;
  }
  // Role nouns: the one-word keys of roles.tsv (actors::Resolver reads the rest).
  auto roles = rows_of("en/events/roles.tsv");
  if (!roles) return tl::unexpected(roles.error());
  for (const auto& row : *roles)
    if (row[0].find(' ') == std::string::npos) lexicon.argument_words_[row[0]] |= kRole;
  return lexicon;
}

EventClass Lexicon::verb_class(std::string_view lemma) const {
  auto it = verbs_.find(lemma);
  return it == verbs_.end() ? EventClass::occurrence : it->second;
}

const NounEntry* Lexicon::noun(std::string_view lemma, bool plural) const {
  auto it = nouns_.find(lemma);
  if (it == nouns_.end() || (plural && plural_non_events_.contains(lemma))) return nullptr;
  return &it->second;
}

}  // namespace chronicle::events::detail
