// The stage graph as the pictures draw it (DOT, Mermaid, SVG): stages as
// nodes in plan order, `after` as edges, matrix expansions grouped, and,
// when the plan was evaluated, every stage's status and the edges that hold
// a stage back.  Built once from the plan readers and the report readers.
#pragma once

#include <rollgate/rollgate.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

inline constexpr std::size_t kNoCluster = static_cast<std::size_t>(-1);

struct GraphNode {
  std::string id;
  std::string title;
  std::string status;                // "" when the plan was not evaluated
  std::size_t cluster = kNoCluster;  // index into StageGraph::clusters
};

struct GraphEdge {
  std::size_t from = 0;  // the upstream stage
  std::size_t to = 0;    // the stage that waits for it
  // The upstream is not done and the waiting stage has not started and is
  // not ready: this edge is what keeps it from starting (DECISIONS.md).
  bool holds_back = false;
};

struct StageGraph {
  std::string plan_name;
  std::optional<rollgate::Timestamp> evaluated_at;  // none for the bare plan
  std::vector<GraphNode> nodes;                     // plan order
  std::vector<GraphEdge> edges;                     // by waiting stage, then upstream, in plan order
  std::vector<std::string> clusters;                // matrix ids, in order of first expansion
};

// Without a report, the bare plan: no statuses, no heavy edges.
StageGraph build_stage_graph(const rollgate::Plan& plan, const rollgate::Report* report,
                             std::optional<rollgate::Timestamp> evaluated_at);

// The statuses a picture may show, in the text report's order, and the
// fill and stroke colour of each (one palette for DOT and Mermaid).
struct StatusColors {
  std::string_view status;
  std::string_view fill;
  std::string_view stroke;
};
std::span<const StatusColors> status_palette();
const StatusColors* colors_of(std::string_view status);

// The palette entries of the statuses `graph` shows, in palette order: the
// legend.
std::vector<StatusColors> legend_of(const StageGraph& graph);

// The name a picture gives stage `index` ("s0"): stage ids may hold any
// character, names by plan index need no escaping in DOT or Mermaid.
std::string node_name(std::size_t index);

// Titles longer than this make nodes wider than a page.
inline constexpr std::size_t kPictureTitleColumns = 50;

// The colour heavy edges are drawn in.
inline constexpr std::string_view kHoldingBackColor = "#cc0000";

}  // namespace rollgate::cli
