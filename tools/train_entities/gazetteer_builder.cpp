#include "gazetteer_builder.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace chronicle::train_entities {

namespace {

using Entries = std::set<std::pair<std::string, std::string>>;  // (kind, phrase)

Result<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("{}: cannot open file", path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

template <class F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line, line_no);
  }
}

// "the United Nations" -> "United Nations": the article is no part of the name.
void add(Entries& entries, std::string_view kind, std::string_view phrase) {
  if (phrase.starts_with("the ")) phrase.remove_prefix(4);
  if (phrase.empty() || phrase.find('\t') != std::string_view::npos) return;
  entries.emplace(std::string(kind), std::string(phrase));
}

bool has_upper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}

Result<std::size_t> add_countries(Entries& entries, const std::string& dir) {
  auto text = slurp(dir + "/countries.tsv");
  if (!text) return tl::unexpected(text.error());
  std::size_t n = 0;
  for_each_line(*text, [&](std::string_view line, std::size_t) {
    auto f = split(line, '\t');
    if (f.size() < 2) return;
    add(entries, "country", f[1]);
    if (f.size() > 2)
      for (auto a : split(f[2], '|')) add(entries, "country", a);
    if (f.size() > 3)
      for (auto d : split(f[3], '|')) add(entries, "demonym", d);
    ++n;
  });
  return n;
}

Result<std::size_t> add_titles(Entries& entries, const std::string& dir) {
  static const std::set<std::string_view> honorifics = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.",
                                                        "Dr", "Dr.", "Prof.", "Sir", "Dame"};
  auto text = slurp(dir + "/titles.tsv");
  if (!text) return tl::unexpected(text.error());
  std::size_t n = 0;
  for_each_line(*text, [&](std::string_view line, std::size_t) {
    std::string_view title = split(line, '\t')[0];
    while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
    add(entries, honorifics.contains(title) ? "honorific" : "title", title);
    ++n;
  });
  return n;
}

Result<std::size_t> add_organizations(Entries& entries, const std::string& dir) {
  auto text = slurp(dir + "/organizations.tsv");
  if (!text) return tl::unexpected(text.error());
  std::size_t n = 0;
  for_each_line(*text, [&](std::string_view line, std::size_t) {
    auto f = split(line, '\t');
    add(entries, "org", f[0]);
    if (f.size() > 1 && !f[1].starts_with("#"))
      for (auto a : split(f[1], '|')) add(entries, "org", a);
    ++n;
  });
  return n;
}

// GeoNames cities15000.txt: name (1), asciiname (2), population (14).
Result<std::size_t> add_cities(Entries& entries, const std::string& dir, long min_population) {
  std::string path = dir + "/cities15000.txt";
  auto text = slurp(path);
  if (!text) return tl::unexpected(text.error());
  std::size_t n = 0;
  for_each_line(*text, [&](std::string_view line, std::size_t) {
    auto f = split(line, '\t');
    if (f.size() < 15) return;
    long population = std::atol(std::string(f[14]).c_str());
    if (population < min_population) return;
    add(entries, "city", f[1]);
    add(entries, "city", f[2]);
    ++n;
  });
  if (n == 0) return fail("{}: no city with population >= {}", path, min_population);
  return n;
}

// GeoNames admin1Codes.txt: code, name, asciiname, geonameid.
Result<std::size_t> add_regions(Entries& entries, const std::string& dir) {
  auto text = slurp(dir + "/admin1Codes.txt");
  if (!text) return tl::unexpected(text.error());
  std::size_t n = 0;
  for_each_line(*text, [&](std::string_view line, std::size_t) {
    auto f = split(line, '\t');
    if (f.size() < 3) return;
    add(entries, "region", f[1]);
    add(entries, "region", f[2]);
    ++n;
  });
  return n;
}

// WordNet data files. Instance nouns (an "@i" pointer) of the person, location and group
// lexicographer files give names of those kinds; every other capitalized lemma is "proper", and
// every lowercase one-word lemma of any part of speech is "common".
Result<std::size_t> add_wordnet(Entries& entries, const std::string& dir) {
  static const std::map<std::string_view, std::string_view> kinds = {
      {"18", "person"}, {"15", "location"}, {"14", "group"}};
  std::set<std::string> named;
  std::set<std::string> proper;
  std::size_t n = 0;
  for (std::string_view pos : {"noun", "verb", "adj", "adv"}) {
    std::string path = dir + "/data." + std::string(pos);
    auto text = slurp(path);
    if (!text) return tl::unexpected(text.error());
    for (std::string_view line : split(*text, '\n')) {
      if (line.empty() || line.front() == ' ') continue;  // license header
      auto f = split(line.substr(0, line.find(" | ")), ' ');
      if (f.size() < 6) continue;
      auto kind = kinds.find(f[1]);
      bool instance = pos == "noun" && kind != kinds.end() && line.find(" @i ") != std::string_view::npos;
      std::size_t words = std::stoul(std::string(f[3]), nullptr, 16);
      for (std::size_t w = 0; w < words && 4 + 2 * w < f.size(); ++w) {
        std::string word(f[4 + 2 * w]);
        if (auto paren = word.find('('); paren != std::string::npos) word.resize(paren);  // "(a)" markers
        for (char& c : word)
          if (c == '_') c = ' ';
        if (!has_upper(word)) {
          if (word.find(' ') == std::string::npos) add(entries, "common", word);
        } else if (instance) {
          add(entries, kind->second, word);
          named.insert(word);
        } else {
          proper.insert(word);
        }
      }
      n += instance ? 1 : 0;
    }
  }
  for (const std::string& word : proper)
    if (!named.contains(word)) add(entries, "proper", word);
  if (n == 0) return fail("{}/data.noun: no instance nouns found", dir);
  return n;
}

}  // namespace

Result<BuiltGazetteer> build_gazetteer(const GazetteerSources& sources) {
  Entries entries;
  auto countries = add_countries(entries, sources.actors_dir);
  if (!countries) return tl::unexpected(countries.error());
  auto titles = add_titles(entries, sources.actors_dir);
  if (!titles) return tl::unexpected(titles.error());
  auto orgs = add_organizations(entries, sources.actors_dir);
  if (!orgs) return tl::unexpected(orgs.error());
  auto cities = add_cities(entries, sources.cities_dir, sources.min_population);
  if (!cities) return tl::unexpected(cities.error());
  auto regions = add_regions(entries, sources.cities_dir);
  if (!regions) return tl::unexpected(regions.error());
  auto synsets = add_wordnet(entries, sources.wordnet_dir);
  if (!synsets) return tl::unexpected(synsets.error());

  BuiltGazetteer out;
  out.tsv = fmt::format(
      "# GENERATED BY tools/train_entities FROM iso-codes (via en/actors/countries.tsv), en/actors/titles.tsv,\n"
      "# en/actors/organizations.tsv, GeoNames cities15000.txt (population >= {}) and admin1Codes.txt\n"
      "# (CC BY 4.0, libtimezonemap-data) and WordNet 3.0 lemmas; DO NOT EDIT.\n"
      "# \"@kind\" starts the phrases of one kind, one phrase a line.\n",
      sources.min_population);
  std::map<std::string, std::size_t> per_kind;
  for (const auto& [kind, phrase] : entries) {
    if (per_kind[kind]++ == 0) out.tsv += '@' + kind + '\n';
    out.tsv += phrase + '\n';
  }
  out.summary = fmt::format("gazetteer: {} phrases (", entries.size());
  for (const auto& [kind, count] : per_kind) out.summary += fmt::format("{} {}, ", count, kind);
  out.summary += fmt::format("from {} countries, {} titles, {} organizations, {} cities, {} regions, {} synsets)",
                             *countries, *titles, *orgs, *cities, *regions, *synsets);
  return out;
}

}  // namespace chronicle::train_entities
