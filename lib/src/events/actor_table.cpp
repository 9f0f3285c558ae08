// ActorTable: a sorted alias index over the corpus's actors.

#include "chronicle/events/actor_table.hpp"

#include <algorithm>
#include <limits>

namespace chronicle::events {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Levenshtein distance over bytes; keys are ASCII-lowered, which is what matters for names.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string ActorTable::key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    if (c == '.' || c == ',' || c == '\'' || c == '"') continue;
    if (is_space(c) || c == '-') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

std::size_t ActorTable::add(Actor actor) {
  std::size_t index = actors_.size();
  if (std::find(actor.aliases.begin(), actor.aliases.end(), actor.name) == actor.aliases.end())
    actor.aliases.insert(actor.aliases.begin(), actor.name);
  std::vector<std::string> aliases = actor.aliases;
  actors_.push_back(std::move(actor));
  for (const std::string& alias : aliases) {
    std::string k = key(alias);
    auto it = std::lower_bound(index_.begin(), index_.end(), std::make_pair(k, index));
    if (it == index_.end() || *it != std::make_pair(k, index)) index_.insert(it, {std::move(k), index});
  }
  return index;
}

void ActorTable::add_alias(std::size_t index, const std::string& alias) {
  Actor& actor = actors_.at(index);
  if (std::find(actor.aliases.begin(), actor.aliases.end(), alias) == actor.aliases.end()) actor.aliases.push_back(alias);
  std::pair<std::string, std::size_t> entry{key(alias), index};
  auto it = std::lower_bound(index_.begin(), index_.end(), entry);
  if (it == index_.end() || *it != entry) index_.insert(it, std::move(entry));
}

const Actor* ActorTable::find(std::string_view name) const {
  std::string k = key(name);
  auto it = std::lower_bound(index_.begin(), index_.end(), k,
                             [](const auto& entry, const std::string& value) { return entry.first < value; });
  if (it == index_.end() || it->first != k) return nullptr;
  return &actors_[it->second];
}

std::vector<std::string> ActorTable::closest(std::string_view name, std::size_t n) const {
  std::string k = key(name);
  // Best distance per actor over all its aliases; a name that is a prefix or a last name of an
  // alias ("lavrov" in "sergei lavrov") counts as close as a one-letter typo.
  std::vector<std::size_t> best(actors_.size(), std::numeric_limits<std::size_t>::max());
  for (const auto& [alias, index] : index_) {
    std::size_t d = edit_distance(k, alias);
    if (!k.empty() && alias.find(k) != std::string::npos) d = std::min<std::size_t>(d, 1);
    if (std::size_t pos = alias.rfind(' '); pos != std::string::npos)
      d = std::min(d, edit_distance(k, std::string_view(alias).substr(pos + 1)) + 1);
    best[index] = std::min(best[index], d);
  }
  std::vector<std::size_t> order(actors_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return best[a] < best[b]; });
  std::vector<std::string> out;
  std::size_t limit = std::max<std::size_t>(2, k.size() / 3);  // beyond that a suggestion is noise
  for (std::size_t i : order) {
    if (out.size() >= n || best[i] > limit) break;
    out.push_back(actors_[i].name);
  }
  return out;
}

}  // namespace chronicle::events
