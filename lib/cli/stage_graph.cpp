#include "stage_graph.hpp"

#include <array>
#include <unordered_map>

namespace rollgate::cli {

namespace {

// Light fills so that black labels stay readable; the stroke carries the
// hue for people who print in grey.
constexpr std::array<StatusColors, 10> kPalette = {{
    {"blocked", "#f4cccc", "#cc0000"},
    {"unknown", "#e4d7f5", "#674ea7"},
    {"soaking", "#fff2cc", "#bf9000"},
    {"waiting", "#fce5cd", "#e69138"},
    {"frozen", "#d0e6f5", "#3d85c6"},
    {"ready", "#b6e3b6", "#38761d"},
    {"in_progress", "#cfe2f3", "#0b5394"},
    {"held", "#ffe599", "#7f6000"},
    {"done", "#d9ead3", "#6aa84f"},
    {"cancelled", "#eeeeee", "#999999"},
}};

// A stage that has not started and is not ready waits for something; an
// upstream that is not done is part of it.
bool waits_to_start(std::string_view status) {
  return status == "blocked" || status == "unknown" || status == "soaking" || status == "waiting" ||
         status == "frozen";
}

}  // namespace

std::span<const StatusColors> status_palette() { return kPalette; }

std::string node_name(std::size_t index) {
  std::string name(1, 's');
  name += std::to_string(index);
  return name;
}

const StatusColors* colors_of(std::string_view status) {
  for (const StatusColors& colors : kPalette)
    if (colors.status == status) return &colors;
  return nullptr;
}

std::vector<StatusColors> legend_of(const StageGraph& graph) {
  std::array<bool, kPalette.size()> shown{};
  for (const GraphNode& node : graph.nodes)
    if (const StatusColors* colors = colors_of(node.status)) shown[std::size_t(colors - kPalette.data())] = true;
  std::vector<StatusColors> legend;
  for (std::size_t i = 0; i < kPalette.size(); ++i)
    if (shown[i]) legend.push_back(kPalette[i]);
  return legend;
}

StageGraph build_stage_graph(const rollgate::Plan& plan, const rollgate::Report* report,
                             std::optional<rollgate::Timestamp> evaluated_at) {
  StageGraph graph;
  graph.plan_name = plan.name();
  graph.evaluated_at = evaluated_at;
  const std::size_t count = plan.stage_count();
  graph.nodes.reserve(count);
  std::unordered_map<std::string, std::size_t> cluster_of_matrix;
  std::vector<std::vector<std::size_t>> upstreams(count);
  for (std::size_t i = 0; i < count; ++i) {
    rollgate::PlanStage stage = plan.stage(i);
    GraphNode node{std::move(stage.id), std::move(stage.title), {}, kNoCluster};
    if (report) node.status = rollgate::to_string(report->stage(i).status);
    if (!stage.matrix_id.empty()) {
      const auto [it, added] = cluster_of_matrix.try_emplace(stage.matrix_id, graph.clusters.size());
      if (added) graph.clusters.push_back(stage.matrix_id);
      node.cluster = it->second;
    }
    graph.nodes.push_back(std::move(node));
    upstreams[i] = std::move(stage.after);
  }
  for (std::size_t to = 0; to < count; ++to)
    for (std::size_t from : upstreams[to]) {
      const bool holds_back =
          report && graph.nodes[from].status != "done" && waits_to_start(graph.nodes[to].status);
      graph.edges.push_back(GraphEdge{from, to, holds_back});
    }
  return graph;
}

}  // namespace rollgate::cli
