// Consistency, dependency order and transitive reduction over the precedence graph (BEFORE
// edges, AFTER ones reversed) held in a Boost.Graph adjacency_list.
//
// Cycles are strongly connected components of more than one event: each is reported with the
// evidence of every edge inside it, and its cue edges are left out of the order (date edges can
// never form a cycle: they always point to a later start). The order is Kahn's algorithm with a
// priority: dated events by date, undated ones right after the dated events before them (or
// right before the ones after them), unrelated undated events last.

#include <algorithm>
#include <limits>
#include <queue>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <fmt/format.h>

#include "internal.hpp"

namespace chronicle::graph::detail {
namespace {

struct EdgeInfo {
  std::size_t relation = 0;
};
using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, EdgeInfo>;

constexpr std::size_t kMaxReduceRelations = 200000;

// The precedence edge (earlier, later) a relation implies, if any.
std::optional<std::pair<std::size_t, std::size_t>> precedence(const Relation& r) {
  if (r.type == RelationType::before) return std::make_pair(r.source, r.target);
  if (r.type == RelationType::after) return std::make_pair(r.target, r.source);
  return std::nullopt;
}

Digraph precedence_graph(const EventGraph& graph) {
  Digraph g(graph.events.size());
  for (std::size_t i = 0; i < graph.relations.size(); ++i)
    if (auto e = precedence(graph.relations[i]); e && !graph.relations[i].contradicted)
      boost::add_edge(e->first, e->second, EdgeInfo{i}, g);
  return g;
}

void report_cycles(EventGraph& graph) {
  Digraph g = precedence_graph(graph);
  std::vector<std::size_t> component(graph.events.size());
  std::size_t count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<std::vector<std::size_t>> members(count);
  for (std::size_t v = 0; v < component.size(); ++v) members[component[v]].push_back(v);
  for (std::size_t c = 0; c < count; ++c) {
    if (members[c].size() < 2) continue;
    Conflict conflict{"cycle", "", members[c], {}};
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
      std::size_t s = boost::source(*it, g), t = boost::target(*it, g);
      if (component[s] != c || component[t] != c) continue;
      Relation& r = graph.relations[g[*it].relation];
      conflict.evidence.push_back(fmt::format("{} {} {}: {}", graph.events[r.source].summary, to_string(r.type),
                                              graph.events[r.target].summary, r.evidence));
      if (r.origin != "date") r.contradicted = true;
    }
    conflict.description = fmt::format("the relations of {} events form a cycle: they cannot all be true", members[c].size());
    graph.conflicts.push_back(std::move(conflict));
  }
}

struct Key {
  std::int64_t day = 0;  // sort day
  int side = 0;          // -1 just before, 0 dated, 1 just after the day's dated events, 2 unplaced
  std::int64_t end = 0;  // wider intervals first
  std::size_t index = 0;
  bool operator>(const Key& o) const {
    return std::tie(day, side, end, index) > std::tie(o.day, o.side, o.end, o.index);
  }
};

// Sort keys: dated events by their interval; undated ones from their neighbours.
std::vector<Key> sort_keys(const EventGraph& graph, const Digraph& g, std::vector<std::string>& placement) {
  std::size_t n = graph.events.size();
  constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
  std::vector<std::size_t> reverse_topo;
  boost::topological_sort(g, std::back_inserter(reverse_topo));
  std::vector<std::int64_t> lo(n, std::numeric_limits<std::int64_t>::min()), hi(n, kNone);
  std::vector<std::size_t> lo_from(n, n), hi_from(n, n);
  for (std::size_t i = 0; i < n; ++i)
    if (auto span = interval_of(graph.events[i].time)) lo[i] = hi[i] = span->begin.time_since_epoch().count();
  for (auto it = reverse_topo.rbegin(); it != reverse_topo.rend(); ++it)  // forward: latest dated predecessor
    for (auto [e, end] = boost::out_edges(*it, g); e != end; ++e) {
      std::size_t t = boost::target(*e, g);
      if (!graph.events[t].time && lo[*it] > lo[t]) lo[t] = lo[*it], lo_from[t] = graph.events[*it].time ? *it : lo_from[*it];
    }
  for (std::size_t v : reverse_topo)  // backward: earliest dated successor
    for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
      std::size_t s = boost::source(*e, g);
      if (!graph.events[s].time && hi[v] < hi[s]) hi[s] = hi[v], hi_from[s] = graph.events[v].time ? v : hi_from[v];
    }
  std::vector<Key> keys(n);
  placement.assign(n, "");
  for (std::size_t i = 0; i < n; ++i) {
    if (auto span = interval_of(graph.events[i].time)) {
      keys[i] = {lo[i], 0, -span->end.time_since_epoch().count(), i};
    } else if (lo_from[i] < n) {
      keys[i] = {lo[i], 1, 0, i};
      placement[i] = fmt::format("after {}", lo_from[i]);
    } else if (hi_from[i] < n) {
      keys[i] = {hi[i], -1, 0, i};
      placement[i] = fmt::format("before {}", hi_from[i]);
    } else {
      keys[i] = {kNone, 2, 0, i};
    }
  }
  return keys;
}

std::vector<std::size_t> dependency_order(const EventGraph& graph, std::vector<std::string>& placement) {
  Digraph g = precedence_graph(graph);
  std::vector<Key> keys = sort_keys(graph, g, placement);
  std::vector<std::size_t> pending(graph.events.size());
  std::priority_queue<Key, std::vector<Key>, std::greater<>> ready;
  for (std::size_t v = 0; v < pending.size(); ++v)
    if ((pending[v] = boost::in_degree(v, g)) == 0) ready.push(keys[v]);
  std::vector<std::size_t> order;
  while (!ready.empty()) {
    std::size_t v = ready.top().index;
    ready.pop();
    order.push_back(v);
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e)
      if (--pending[boost::target(*e, g)] == 0) ready.push(keys[boost::target(*e, g)]);
  }
  return order;
}

// Renumbers events to `order`, remapping relations, conflicts and placements.
void renumber(EventGraph& graph, const std::vector<std::size_t>& order, const std::vector<std::string>& placement) {
  std::vector<std::size_t> new_index(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) new_index[order[i]] = i;
  std::vector<Event> events;
  events.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    events.push_back(std::move(graph.events[order[i]]));
    events.back().id = fmt::format("e{}", i + 1);
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string& p = placement[order[i]];
    if (p.empty()) continue;
    std::size_t space = p.find(' ');
    std::size_t neighbour = new_index[std::stoul(p.substr(space + 1))];
    events[i].placement = p.substr(0, space + 1) + events[neighbour].id;
  }
  graph.events = std::move(events);
  for (Relation& r : graph.relations) r.source = new_index[r.source], r.target = new_index[r.target];
  std::stable_sort(graph.relations.begin(), graph.relations.end(), [](const Relation& a, const Relation& b) {
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });
  for (Conflict& c : graph.conflicts) {
    for (std::size_t& e : c.events) e = new_index[e];
    std::sort(c.events.begin(), c.events.end());
  }
}

// With events in dependency order every precedence path only visits indices between its ends.
bool reachable_avoiding(const std::vector<std::vector<std::size_t>>& next, std::size_t from, std::size_t to,
                        std::vector<std::size_t>& seen, std::size_t stamp) {
  std::vector<std::size_t> stack;
  for (std::size_t w : next[from])
    if (w != to && w < to) stack.push_back(w);
  while (!stack.empty()) {
    std::size_t v = stack.back();
    stack.pop_back();
    if (seen[v] == stamp) continue;
    seen[v] = stamp;
    for (std::size_t w : next[v]) {
      if (w == to) return true;
      if (w < to && seen[w] != stamp) stack.push_back(w);
    }
  }
  return false;
}

void mark_redundant(EventGraph& graph) {
  if (graph.relations.size() > kMaxReduceRelations) return;
  std::vector<std::vector<std::size_t>> next(graph.events.size());
  for (const Relation& r : graph.relations)
    if (auto e = precedence(r); e && !r.contradicted) next[e->first].push_back(e->second);
  for (auto& list : next) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  std::vector<std::size_t> seen(graph.events.size(), 0);
  std::size_t stamp = 0;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> kept;  // precedence pair -> relation shown
  for (std::size_t i = 0; i < graph.relations.size(); ++i) {
    Relation& r = graph.relations[i];
    auto e = precedence(r);
    if (!e || r.contradicted) continue;
    if (reachable_avoiding(next, e->first, e->second, seen, ++stamp)) {
      r.redundant = true;
      continue;
    }
    auto [it, inserted] = kept.emplace(*e, i);
    if (inserted) continue;
    Relation& shown = graph.relations[it->second];  // a duplicate: show the cue, it says more
    if (shown.origin == "date" && r.origin == "cue") shown.redundant = true, it->second = i;
    else r.redundant = true;
  }
}

}  // namespace

void check_and_order(EventGraph& graph, const BuildOptions& options) {
  report_cycles(graph);
  std::vector<std::string> placement;
  std::vector<std::size_t> order = dependency_order(graph, placement);
  renumber(graph, order, placement);
  if (options.reduce) mark_redundant(graph);
}

}  // namespace chronicle::graph::detail
