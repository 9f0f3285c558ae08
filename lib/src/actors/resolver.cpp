#include "chronicle/actors/resolver.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <set>
#include <unordered_map>

#include "chronicle/events/extractor.hpp"
#include "gazetteer.hpp"

namespace chronicle::resources {
void link_en_events();
}

namespace chronicle::actors {
namespace {

using events::ActorTable;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string join(const std::vector<std::string>& words, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// "Kerry’s" -> "Kerry"; "the rebels'" -> "the rebels".
std::string_view strip_possessive(std::string_view s) {
  for (std::string_view suffix : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"})
    if (s.size() > suffix.size() && s.ends_with(suffix)) return s.substr(0, s.size() - suffix.size());
  return s;
}

std::string_view strip_article(std::string_view s) {
  for (std::string_view article : {"the ", "The "})
    if (s.starts_with(article) && s.size() > article.size()) return s.substr(article.size());
  return s;
}

bool is_capitalized(std::string_view word) {
  return !word.empty() && (std::isupper(static_cast<unsigned char>(word.front())) || static_cast<unsigned char>(word.front()) >= 0x80);
}

// Name particles that belong to a surname: "de Mistura", "al-Assad", "van Rompuy".
bool is_particle(std::string_view word) {
  static const std::set<std::string, std::less<>> kParticles{"de", "da", "di", "del", "der", "van", "von", "al", "el", "bin", "ibn", "la", "le", "du", "dos"};
  return kParticles.contains(lower(word));
}

// The surname of a full name, with its particles: "Staffan de Mistura" -> "de Mistura".
std::string surname_of(const std::vector<std::string>& words) {
  if (words.empty()) return {};
  std::size_t i = words.size() - 1;
  while (i > 0 && is_particle(words[i - 1])) --i;
  return join(words, i);
}

// Initials of the capitalized content words: "International Syria Support Group" -> "ISSG".
std::string initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words)
    if (is_capitalized(w) && w.size() > 1) out += w.front();
  return out;
}

bool is_acronym(std::string_view name) {
  if (name.size() < 2 || name.size() > 8) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; });
}

// Folds the transliteration variants of one word ("sergei" -> "sergey", "zakharova" -> "zaharova").
std::string fold_word(std::string w) {
  for (std::string_view prefix : {"al-", "el-", "ad-", "as-", "an-"})
    if (w.starts_with(prefix) && w.size() > prefix.size() + 2) w.erase(0, prefix.size());
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.compare(i, 2, "kh") == 0) { out += 'h'; ++i; continue; }
    if (w.compare(i, 2, "ks") == 0) { out += 'x'; ++i; continue; }
    if (w[i] == '.' || w[i] == '-' || w[i] == '\'') continue;
    out += w[i];
  }
  for (std::string_view ending : {"iy", "ij", "yi", "ei"}) {
    if (out.size() > 3 && out.ends_with(ending)) {
      out.resize(out.size() - 2);
      out += ending == "ei" ? "ey" : "y";
      return out;
    }
  }
  if (out.size() > 3 && out.back() == 'i') out.back() = 'y';
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    std::size_t start = pos;
    while (pos < text.size() && !std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos > start) words.emplace_back(text.substr(start, pos - start));
  }
  return words;
}

}  // namespace

std::string Resolver::fold(std::string_view name) {
  std::string out;
  for (const std::string& w : words_of(lower(name))) {
    if (!out.empty()) out += ' ';
    out += fold_word(w);
  }
  return out;
}

Result<Resolver> Resolver::load() {
  Resolver r;
  auto countries = read_table("en/actors/countries.tsv", 3);
  if (!countries) return tl::unexpected(countries.error());
  for (const auto& row : *countries) {
    const std::string& canonical = row[1];
    r.countries_[ActorTable::key(canonical)] = canonical;
    for (const std::string& alias : split(row[2], '|')) r.countries_[ActorTable::key(alias)] = canonical;
    if (row.size() > 3)
      for (const std::string& demonym : split(row[3], '|')) r.demonyms_[ActorTable::key(demonym)] = canonical;
  }
  auto organizations = read_table("en/actors/organizations.tsv", 1);
  if (!organizations) return tl::unexpected(organizations.error());
  for (const auto& row : *organizations) {
    r.organizations_[ActorTable::key(row[0])] = row[0];
    if (row.size() > 1)
      for (const std::string& alias : split(row[1], '|')) r.organizations_[ActorTable::key(alias)] = row[0];
  }
  auto places = read_table("en/actors/places.tsv", 2);
  if (!places) return tl::unexpected(places.error());
  for (const auto& row : *places)
    for (const std::string& alias : split(row[1], '|')) r.places_[ActorTable::key(alias)] = row[0];
  auto metonyms = read_table("en/actors/metonyms.tsv", 2);
  if (!metonyms) return tl::unexpected(metonyms.error());
  for (const auto& row : *metonyms) r.metonyms_[ActorTable::key(row[0])] = row[1];
  resources::link_en_events();  // the role nouns are the events stage's data
  auto roles = read_table("en/events/roles.tsv", 2);
  if (!roles) return tl::unexpected(roles.error());
  for (const auto& row : *roles) r.roles_[lower(row[0])] = split(row[1], '|');
  auto titles = read_table("en/actors/titles.tsv", 1);
  if (!titles) return tl::unexpected(titles.error());
  for (const auto& row : *titles) r.titles_.push_back(words_of(lower(row[0])));
  std::sort(r.titles_.begin(), r.titles_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return r;
}

std::optional<std::string> Resolver::country_of(std::string_view demonym) const {
  if (auto it = demonyms_.find(ActorTable::key(demonym)); it != demonyms_.end()) return it->second;
  return std::nullopt;
}

std::string Resolver::group_key(std::string_view name) const {
  std::vector<std::string> words = words_of(ActorTable::key(name));
  if (words.size() < 2) return join(words);
  for (std::string& w : words)
    if (auto it = demonyms_.find(w); it != demonyms_.end()) w = ActorTable::key(it->second);
  return join(words);
}

Affiliation Resolver::affiliation_of(std::string_view phrase) const {
  Affiliation out;
  std::vector<std::string> words;
  for (std::string& w : words_of(phrase)) {
    std::string_view bare = strip_possessive(w);
    if (!bare.empty()) words.emplace_back(bare);
  }
  for (std::size_t i = 0; i < words.size();) {
    std::size_t used = 0;
    for (std::size_t n = std::min<std::size_t>(4, words.size() - i); n > 0 && used == 0; --n) {
      std::string key = ActorTable::key(join(std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(i),
                                                                       words.begin() + static_cast<std::ptrdiff_t>(i + n))));
      std::optional<std::string> group;
      if (auto it = countries_.find(key); it != countries_.end()) group = it->second;
      else if (auto it2 = demonyms_.find(key); it2 != demonyms_.end()) group = it2->second;
      else if (auto it3 = metonyms_.find(key); it3 != metonyms_.end()) group = it3->second;
      else if (auto it4 = organizations_.find(key); it4 != organizations_.end() && n > 1) group = it4->second;
      if (group) {
        out.groups.insert(*group);
        used = n;
      }
    }
    if (used == 0) {
      out.words.insert(lower(words[i]));
      used = 1;
    }
    i += used;
  }
  return out;
}

std::vector<std::string> Resolver::resolve_role(std::string_view role, const std::map<std::string, int>& people,
                                                const std::map<std::string, Affiliation>& profiles) const {
  Affiliation wanted = affiliation_of(role);
  std::vector<std::string> words = words_of(lower(role));
  if (words.empty()) return {};
  auto fits_it = words.size() > 1 ? roles_.find(words[words.size() - 2] + " " + words.back()) : roles_.end();
  if (fits_it == roles_.end()) fits_it = roles_.find(words.back());
  std::string best;
  int best_count = 0, second_count = 0;
  if (fits_it != roles_.end())
    for (const auto& [name, count] : people) {
      auto p = profiles.find(name);
      if (p == profiles.end()) continue;
      const Affiliation& who = p->second;
      bool title_fits = std::any_of(fits_it->second.begin(), fits_it->second.end(),
                                    [&](const std::string& w) { return who.words.count(w) > 0; });
      bool group_fits = wanted.groups.empty() || std::any_of(wanted.groups.begin(), wanted.groups.end(),
                                                             [&](const std::string& g) { return who.groups.count(g) > 0; });
      if (!title_fits || !group_fits) continue;
      if (count > best_count) {
        second_count = best_count;
        best = name, best_count = count;
      } else {
        second_count = std::max(second_count, count);
      }
    }
  if (!best.empty() && best_count > second_count) return {best};
  // Nobody fits for sure: the phrase still says which state or body acted.
  return {wanted.groups.begin(), wanted.groups.end()};
}

std::optional<std::string> Resolver::stands_for(std::string_view name) const {
  if (auto it = metonyms_.find(ActorTable::key(name)); it != metonyms_.end()) return it->second;
  return std::nullopt;
}

bool Resolver::is_title(std::string_view word) const {
  std::vector<std::string> words = words_of(lower(word));
  return std::any_of(titles_.begin(), titles_.end(), [&](const auto& t) { return t == words; });
}

NormalName Resolver::normalize(std::string_view surface, std::string_view type) const {
  std::string_view name = strip_possessive(trim(surface));
  std::string key = ActorTable::key(name);
  if (auto it = metonyms_.find(key); it != metonyms_.end()) return {std::string(strip_article(name)), type.empty() ? "LOC" : std::string(type)};
  if (auto it = countries_.find(key); it != countries_.end()) return {it->second, "LOC"};
  if (auto it = organizations_.find(key); it != organizations_.end()) return {it->second, "ORG"};
  if (auto it = demonyms_.find(key); it != demonyms_.end()) return {it->second, "LOC"};
  if (type != "PER")
    if (auto it = places_.find(key); it != places_.end()) return {it->second, "LOC"};

  std::vector<std::string> words = words_of(strip_article(name));
  if (type.empty() || type == "PER") {
    // Drop everything up to the last title or role word that still leaves a name after it.
    std::size_t cut = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      for (const auto& title : titles_) {
        if (i + title.size() >= words.size()) continue;
        bool match = true;
        for (std::size_t k = 0; k < title.size() && match; ++k) match = lower(words[i + k]) == title[k];
        if (match) {
          cut = std::max(cut, i + title.size());
          break;
        }
      }
    }
    if (cut > 0) return {join(words, cut), "PER"};
  }
  return {join(words), std::string(type)};
}

namespace {

// One actor being assembled from the names of a corpus.
struct Cluster {
  std::string type;
  std::string fixed_name;                       // from a gazetteer, when known
  std::map<std::string, int> full_forms;        // normalized forms and how often they occur
  std::set<std::string> aliases;                // every surface form
  std::string stands_for;
  std::size_t first_seen = 0;

  std::string canonical() const {
    if (!fixed_name.empty()) return fixed_name;
    const std::pair<const std::string, int>* best = nullptr;
    for (const auto& entry : full_forms) {
      std::size_t words = words_of(entry.first).size(), best_words = best ? words_of(best->first).size() : 0;
      if (!best || words > best_words || (words == best_words && entry.second > best->second)) best = &entry;
    }
    return best ? best->first : std::string();
  }
};

}  // namespace

void NameCollector::add(const events::DocumentAnalysis& a) {
  auto see = [&](const std::string& surface, const std::string& type) {
    auto [it, inserted] = index_.emplace(std::make_pair(surface, type), seen_.size());
    if (inserted) seen_.push_back({surface, type, 0});
    ++seen_[it->second].count;
  };
  for (const auto& am : a.actor_mentions) {
    see(am.name, am.type);
    type_of_.emplace(am.name, am.type);
    if (am.type == "PER" && !am.title.empty()) titles_.emplace(am.name, am.title);
  }
  for (const auto& m : a.mentions) {
    for (const auto& name : m.actors) {
      auto t = type_of_.find(name);
      see(name, t == type_of_.end() ? "" : t->second);
    }
    if (!m.location.empty()) see(m.location, "LOC");
  }
}

events::ActorTable Resolver::resolve(std::vector<events::DocumentAnalysis>& analyses) const {
  NameCollector names;
  for (const auto& a : analyses) names.add(a);
  Resolution resolution = resolve(names);
  for (auto& a : analyses) resolution.apply(a);
  return resolution.table();
}

std::string Resolution::rename(const std::string& surface) const {
  auto it = canonical_of_.find(surface);
  return it == canonical_of_.end() ? surface : it->second;
}

void Resolution::apply(events::DocumentAnalysis& a) const {
  std::map<std::string, int> people;  // canonical name -> how often this article names them
  for (const auto& am : a.actor_mentions)
    if (am.type == "PER") ++people[rename(am.name)];
  for (auto& m : a.mentions)
    for (const std::string& role : m.roles) {
      std::vector<std::string> found = resolver_->resolve_role(role, people, profiles_);
      for (std::string& name : found)
        if (std::find(m.actors.begin(), m.actors.end(), name) == m.actors.end()) m.actors.push_back(std::move(name));
    }
  for (auto& am : a.actor_mentions) am.name = rename(am.name);
  for (auto& m : a.mentions) {
    std::vector<std::string> names;
    for (const auto& name : m.actors) {
      std::string c = rename(name);
      if (std::find(names.begin(), names.end(), c) == names.end()) names.push_back(c);
    }
    m.actors = std::move(names);
    if (!m.location.empty()) m.location = rename(m.location);
    m.summary = events::summarize(m);  // with the canonical names
  }
}

Resolution Resolver::resolve(const NameCollector& names) const {
  std::vector<Cluster> clusters;
  std::map<std::string, std::size_t> by_key;      // fold/key of canonical-ish name -> cluster
  std::map<std::string, std::size_t> of_surface;  // surface -> cluster
  struct Single {
    std::string surface;
    NormalName name;
    int count;  // occurrences
  };
  std::vector<Single> singles;  // one-word person-like names, resolved last

  auto cluster_for = [&](const std::string& key, const std::string& type) -> Cluster& {
    auto [it, inserted] = by_key.emplace(key, clusters.size());
    if (inserted) clusters.push_back(Cluster{type, {}, {}, {}, {}, clusters.size()});
    return clusters[it->second];
  };

  for (const auto& [surface, type, count] : names.seen_) {
    if (of_surface.count(surface)) continue;
    NormalName n = normalize(surface, type);
    if (n.name.empty()) continue;
    std::vector<std::string> words = words_of(n.name);
    std::string name_key = ActorTable::key(n.name);
    bool gazetteer = countries_.count(name_key) || organizations_.count(name_key) || metonyms_.count(name_key) ||
                     (n.type == "LOC" && places_.count(ActorTable::key(surface)));
    if (n.type == "PER" && words.size() == 1) {
      singles.push_back({surface, n, count});
      continue;
    }
    if (n.type.empty() && words.size() == 1 && !gazetteer && !is_acronym(n.name)) {
      singles.push_back({surface, n, count});
      continue;
    }
    std::string key = (n.type == "PER" || n.type.empty()) ? "p:" + fold(n.name) : "k:" + group_key(n.name);
    Cluster& c = cluster_for(key, n.type);
    if (gazetteer && n.type != "PER") c.fixed_name = n.name;
    if (auto s = stands_for(n.name)) c.stands_for = *s;
    c.full_forms[n.name]++;
    c.aliases.insert(surface);
    of_surface[surface] = by_key[key];
  }

  // Acronyms of organizations: "ISSG" joins "International Syria Support Group" when the initials
  // of exactly one multi-word name match. Indexed by initials, so the cost follows the number of
  // names, not names x acronyms.
  std::unordered_map<std::string, std::vector<std::size_t>> by_initials;
  for (std::size_t j = 0; j < clusters.size(); ++j) {
    std::vector<std::string> words = words_of(clusters[j].canonical());
    if (words.size() > 1) by_initials[initials(words)].push_back(j);
  }
  std::vector<std::size_t> forward(clusters.size());
  std::iota(forward.begin(), forward.end(), std::size_t{0});
  for (auto& [key, index] : by_key) {
    std::string name = clusters[index].canonical();
    if (!is_acronym(name) || clusters[index].type == "PER") continue;
    std::string bare;
    for (char ch : name)
      if (ch != '.') bare += ch;
    auto it = by_initials.find(bare);
    if (it == by_initials.end()) continue;
    std::vector<std::size_t> matches;
    for (std::size_t j : it->second)
      if (j != index) matches.push_back(j);
    if (matches.size() != 1) continue;
    Cluster& target = clusters[matches.front()];
    for (const auto& alias : clusters[index].aliases) target.aliases.insert(alias);
    forward[index] = matches.front();
    clusters[index].aliases.clear();
    clusters[index].full_forms.clear();
  }
  for (auto& [surface, c] : of_surface) c = forward[c];

  // Single names: a surname joins the most frequent full name of the corpus ending with it.
  // Full names by the folded surname (and last word) they end with: (cluster, occurrences).
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, int>>> by_surname;
  for (std::size_t j = 0; j < clusters.size(); ++j) {
    const Cluster& c = clusters[j];
    if (c.type != "PER" && !c.type.empty()) continue;
    for (const auto& [form, n_form] : c.full_forms) {
      std::vector<std::string> words = words_of(form);
      if (words.size() < 2) continue;
      std::string surname = fold(surname_of(words)), last = fold(words.back());
      by_surname[surname].emplace_back(j, n_form);
      if (last != surname) by_surname[last].emplace_back(j, n_form);
    }
  }
  for (const auto& [surface, n, count] : singles) {
    std::string folded = fold(n.name);
    std::size_t best = clusters.size();
    int best_count = 0;
    if (auto it = by_surname.find(folded); it != by_surname.end()) {
      std::map<std::size_t, int> counts;  // ordered: ties go to the earliest cluster
      for (auto [j, n_form] : it->second) counts[j] += n_form;
      for (auto [j, total] : counts)
        if (total > best_count) best = j, best_count = total;
    }
    if (best == clusters.size()) {
      Cluster& c = cluster_for("p:" + folded, n.type);
      c.full_forms[n.name] += count;
      c.aliases.insert(surface);
      of_surface[surface] = by_key["p:" + folded];
      continue;
    }
    clusters[best].aliases.insert(surface);
    clusters[best].aliases.insert(n.name);
    of_surface[surface] = best;
  }

  // The table, and the canonical name of every surface.
  Resolution out;
  out.resolver_ = this;
  std::vector<std::string> canonical(clusters.size());
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    const Cluster& c = clusters[i];
    if (c.aliases.empty()) continue;
    canonical[i] = c.canonical();
    events::Actor actor{canonical[i], c.type.empty() ? "PER" : c.type, {}, c.stands_for};
    actor.aliases.push_back(canonical[i]);
    for (const auto& form : c.full_forms)
      if (form.first != canonical[i]) actor.aliases.push_back(form.first);
    for (const auto& alias : c.aliases)
      if (std::find(actor.aliases.begin(), actor.aliases.end(), alias) == actor.aliases.end()) actor.aliases.push_back(alias);
    out.table_.add(std::move(actor));
  }
  for (const auto& [surface, c] : of_surface) out.canonical_of_[surface] = canonical[c];

  // Who each person is, from the titles before their name anywhere in the corpus.
  for (const auto& [surface, title] : names.titles_) {
    Affiliation f = affiliation_of(title);
    Affiliation& p = out.profiles_[out.rename(surface)];
    p.groups.insert(f.groups.begin(), f.groups.end());
    p.words.insert(f.words.begin(), f.words.end());
  }
  return out;
}

}  // namespace chronicle::actors
