// The stage DAG, through Boost.Graph: cycle detection (each cycle named in
// order) and a topological order.
#pragma once

#include <vector>

namespace rollgate::plan {

// upstreams[s] lists the stages that stage s waits for.
using UpstreamLists = std::vector<std::vector<int>>;

// Every elementary cycle found by a depth-first search, each as stage
// indices in flow order (upstream before downstream) starting at its
// lowest index, without repeating the first at the end.  Empty for a DAG.
std::vector<std::vector<int>> find_cycles(const UpstreamLists& upstreams);

// Stages so that every stage comes after its upstreams (ties in plan
// order).  Precondition: no cycles.
std::vector<int> topological_order(const UpstreamLists& upstreams);

}  // namespace rollgate::plan
