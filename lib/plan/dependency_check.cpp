#include "plan/plan_loader.hpp"

#include <algorithm>

#include "plan/stage_graph.hpp"

namespace rollgate::plan::detail {

namespace {

UpstreamLists upstream_lists(const Plan& plan) {
  UpstreamLists upstreams(plan.stages.size());
  for (size_t s = 0; s < plan.stages.size(); ++s) {
    for (const Upstream& u : plan.stages[s].after)
      upstreams[s].insert(upstreams[s].end(), u.stages.begin(), u.stages.end());
    if (plan.stages[s].previous_expansion) upstreams[s].push_back(*plan.stages[s].previous_expansion);
  }
  return upstreams;
}

}  // namespace

void PlanLoader::check_cycles() {
  for (const std::vector<int>& cycle : find_cycles(upstream_lists(*plan_))) {
    std::string named;
    for (int s : cycle) named += plan_->stages[size_t(s)].id + " -> ";
    named += plan_->stages[size_t(cycle.front())].id;
    const Stage& first = plan_->stages[size_t(cycle.front())];
    std::string pointer = stage_pointers_[size_t(cycle.front())] + "/after";
    if (!doc_.map.value_position(pointer).line) pointer = stage_pointers_[size_t(cycle.front())];
    errors_.push_back(located(DiagnosticKind::Cycle, pointer,
                              "dependency cycle: " + named + " (each stage waits for the one before it)",
                              "stage", first.group_id));
  }
}

void PlanLoader::finish_graph() {
  UpstreamLists upstreams = upstream_lists(*plan_);
  plan_->successors.assign(plan_->stages.size(), {});
  for (size_t s = 0; s < upstreams.size(); ++s) {
    std::sort(upstreams[s].begin(), upstreams[s].end());
    upstreams[s].erase(std::unique(upstreams[s].begin(), upstreams[s].end()), upstreams[s].end());
    for (int u : upstreams[s]) plan_->successors[size_t(u)].push_back(int(s));
  }
}

}  // namespace rollgate::plan::detail
