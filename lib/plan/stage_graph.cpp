#include "plan/stage_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <functional>
#include <queue>
#include <set>

namespace rollgate::plan {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

Graph build_graph(const UpstreamLists& upstreams) {
  Graph g(upstreams.size());
  for (size_t stage = 0; stage < upstreams.size(); ++stage)
    for (int upstream : upstreams[stage]) boost::add_edge(Vertex(upstream), Vertex(stage), g);
  return g;
}

// On a back edge u -> v, v is an ancestor of u in the DFS tree: the tree
// path v ... u plus the edge u -> v is a cycle.
class CycleRecorder : public boost::default_dfs_visitor {
 public:
  CycleRecorder(std::vector<Vertex>& parent, std::vector<std::vector<int>>& cycles)
      : parent_(parent), cycles_(cycles) {}

  void tree_edge(Edge e, const Graph& g) { parent_[boost::target(e, g)] = boost::source(e, g); }

  void back_edge(Edge e, const Graph& g) {
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    std::vector<int> cycle;
    for (Vertex v = from; v != to; v = parent_[v]) cycle.push_back(int(v));
    cycle.push_back(int(to));
    std::reverse(cycle.begin(), cycle.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    cycles_.push_back(std::move(cycle));
  }

 private:
  std::vector<Vertex>& parent_;
  std::vector<std::vector<int>>& cycles_;
};

}  // namespace

std::vector<std::vector<int>> find_cycles(const UpstreamLists& upstreams) {
  Graph g = build_graph(upstreams);
  std::vector<Vertex> parent(boost::num_vertices(g));
  std::vector<std::vector<int>> cycles;
  boost::depth_first_search(g, boost::visitor(CycleRecorder(parent, cycles)));
  std::sort(cycles.begin(), cycles.end());
  cycles.erase(std::unique(cycles.begin(), cycles.end()), cycles.end());
  return cycles;
}

std::vector<int> topological_order(const UpstreamLists& upstreams) {
  size_t n = upstreams.size();
  std::vector<int> waiting_on(n, 0);
  std::vector<std::vector<int>> successors(n);
  for (size_t stage = 0; stage < n; ++stage) {
    std::set<int> distinct(upstreams[stage].begin(), upstreams[stage].end());
    waiting_on[stage] = int(distinct.size());
    for (int u : distinct) successors[size_t(u)].push_back(int(stage));
  }
  // Kahn's algorithm with the lowest ready index first keeps ties in plan order.
  std::priority_queue<int, std::vector<int>, std::greater<>> ready;
  for (size_t s = 0; s < n; ++s)
    if (waiting_on[s] == 0) ready.push(int(s));
  std::vector<int> order;
  while (!ready.empty()) {
    int s = ready.top();
    ready.pop();
    order.push_back(s);
    for (int next : successors[size_t(s)])
      if (--waiting_on[size_t(next)] == 0) ready.push(next);
  }
  return order;
}

}  // namespace rollgate::plan
