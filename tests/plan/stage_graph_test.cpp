#include <doctest/doctest.h>

#include "plan/stage_graph.hpp"

using rollgate::plan::find_cycles;
using rollgate::plan::topological_order;

TEST_CASE("a DAG has no cycles and a topological order with ties in plan order") {
  // 0 <- 2, 1 <- 2 ... upstreams[s] lists what s waits for
  rollgate::plan::UpstreamLists up = {{}, {}, {0, 1}, {2}};
  CHECK(find_cycles(up).empty());
  CHECK(topological_order(up) == std::vector<int>{0, 1, 2, 3});
  rollgate::plan::UpstreamLists later_first = {{1}, {}};
  CHECK(topological_order(later_first) == std::vector<int>{1, 0});
}

TEST_CASE("cycles are found and named in flow order from their lowest stage") {
  // 0 waits for 2, 1 waits for 0, 2 waits for 1: flow 0 -> 1 -> 2 -> 0
  rollgate::plan::UpstreamLists up = {{2}, {0}, {1}, {}};
  auto cycles = find_cycles(up);
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0] == std::vector<int>{0, 1, 2});
}

TEST_CASE("two separate cycles are both reported") {
  rollgate::plan::UpstreamLists up = {{1}, {0}, {3}, {2}};
  CHECK(find_cycles(up).size() == 2);
}
