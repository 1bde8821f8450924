#include "engine/target_path.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "engine/stage_status.hpp"

namespace rollgate::engine {

const char* to_string(TargetBlocker::Kind kind) {
  switch (kind) {
    case TargetBlocker::Kind::Gate: return "gate";
    case TargetBlocker::Kind::Approval: return "approval";
    case TargetBlocker::Kind::Freeze: return "freeze";
    case TargetBlocker::Kind::Stage: return "stage";
  }
  return "stage";
}

namespace {

// The path as a graph: one vertex per path stage, an edge from each path
// stage to each path stage that names it upstream.  `followed` marks the
// dependencies the walk follows (rule 22); the others only order the path.
struct Dependency {
  bool followed = true;
};
// Compressed sparse rows: built in one pass from the edge list, with both
// out- and in-edges, and no allocation per vertex or edge.
using PathGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, Dependency,
                                                     boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = PathGraph::vertex_descriptor;

bool not_started(StageStatus s) {
  switch (s) {
    case StageStatus::Blocked:
    case StageStatus::Unknown:
    case StageStatus::Soaking:
    case StageStatus::Waiting:
    case StageStatus::Frozen:
    case StageStatus::Ready: return true;
    case StageStatus::InProgress:
    case StageStatus::Done:
    case StageStatus::Held:
    case StageStatus::Cancelled: return false;
  }
  return false;
}

class Tracer {
 public:
  explicit Tracer(Evaluation& e) : e_(e), plan_(*e.plan), on_path_(plan_.stages.size(), -1) {}

  void run() {
    collect_targets();
    discover();
    build_graph();
    order();
    critical_path();
    blocked_by();
  }

 private:
  bool done(int s) const { return status_[size_t(s)] == StageStatus::Done; }
  bool cancelled(int s) const { return status_[size_t(s)] == StageStatus::Cancelled; }
  int stage_of(Vertex v) const { return stages_[v]; }

  // Calls visit(upstream stage, followed) for every plan edge into `s`: each
  // stage of each `after` entry, and the previous sequential expansion.  A
  // `join: any` stage with a done entry is satisfied: none of its entries is
  // followed; while some entry is not cancelled, its cancelled entries do
  // not hold it (rule 7) and are not followed either.  The previous
  // expansion is required whatever `join` says.
  template <class Visit>
  void for_each_upstream(int s, Visit&& visit) const {
    const plan::Stage& stage = plan_.stages[size_t(s)];
    auto entry_done = [&](const plan::Upstream& up) {
      return std::all_of(up.stages.begin(), up.stages.end(), [&](int u) { return done(u); });
    };
    auto entry_cancelled = [&](const plan::Upstream& up) {
      return std::any_of(up.stages.begin(), up.stages.end(), [&](int u) { return cancelled(u); });
    };
    bool satisfied = false, some_alive = false;
    if (stage.join == plan::Join::Any) {
      for (const plan::Upstream& up : stage.after) {
        satisfied = satisfied || entry_done(up);
        some_alive = some_alive || !entry_cancelled(up);
      }
    }
    for (const plan::Upstream& up : stage.after) {
      bool follow = !satisfied && !(some_alive && entry_cancelled(up));
      for (int u : up.stages) visit(u, follow);
    }
    if (stage.previous_expansion) visit(*stage.previous_expansion, true);
  }

  void collect_targets() {
    // The walk reads upstream statuses at random: a compact copy keeps them
    // in cache.
    status_.reserve(e_.stages.size());
    for (const StageResult& r : e_.stages) status_.push_back(r.status);
    target_stage_.assign(plan_.stages.size(), false);
    if (plan_.target_id.empty()) {
      targets_.reserve(plan_.stages.size());
      for (size_t s = 0; s < plan_.stages.size(); ++s) targets_.push_back(int(s));
    } else {
      targets_ = plan_.target;
    }
    for (int t : targets_) target_stage_[size_t(t)] = true;
  }

  void add_to_path(int s) {
    on_path_[size_t(s)] = int(stages_.size());
    stages_.push_back(s);
  }

  // Reverse reachability from the target stages that are not done.
  void discover() {
    for (int t : targets_)
      if (!done(t) && on_path_[size_t(t)] < 0) add_to_path(t);
    for (size_t next = 0; next < stages_.size(); ++next) {
      for_each_upstream(stages_[next], [&](int u, bool follow) {
        if (follow && !done(u) && on_path_[size_t(u)] < 0) add_to_path(u);
      });
    }
  }

  void build_graph() {
    std::vector<std::pair<Vertex, Vertex>> edges;
    std::vector<Dependency> dependencies;
    for (Vertex v = 0; v < stages_.size(); ++v) {
      for_each_upstream(stage_of(v), [&](int u, bool follow) {
        if (int w = on_path_[size_t(u)]; w >= 0) {
          edges.emplace_back(Vertex(w), v);
          dependencies.push_back({follow});
        }
      });
    }
    graph_ = PathGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), dependencies.begin(),
                       Vertex(stages_.size()));
  }

  // Kahn's algorithm with a min-heap on plan index: topological order, ties
  // in plan order.
  void order() {
    std::vector<size_t> indegree(stages_.size());
    using Entry = std::pair<int, Vertex>;  // plan index, vertex
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready;
    for (Vertex v = 0; v < stages_.size(); ++v) {
      indegree[v] = boost::in_degree(v, graph_);
      if (indegree[v] == 0) ready.emplace(stage_of(v), v);
    }
    order_.reserve(stages_.size());
    while (!ready.empty()) {
      Vertex v = ready.top().second;
      ready.pop();
      order_.push_back(v);
      for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
        Vertex w = boost::target(*it, graph_);
        if (--indegree[w] == 0) ready.emplace(stage_of(w), w);
      }
    }
    std::vector<int>& path = e_.target.path;
    path.reserve(order_.size());
    for (Vertex v : order_) path.push_back(stage_of(v));
  }

  // The longest chain (in stages) along followed dependencies, ending at a
  // target stage; stepping back, the longest predecessor, ties in plan order.
  void critical_path() {
    if (order_.empty()) return;
    chain_.assign(stages_.size(), 1);
    for (Vertex v : order_) {
      for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it)
        if (graph_[*it].followed) chain_[v] = std::max(chain_[v], chain_[boost::source(*it, graph_)] + 1);
    }
    auto better = [&](Vertex a, Vertex b) {  // a ends a longer chain, or as long and earlier
      return chain_[a] > chain_[b] || (chain_[a] == chain_[b] && stage_of(a) < stage_of(b));
    };
    std::optional<Vertex> end;
    for (int t : targets_) {
      int v = on_path_[size_t(t)];
      if (v >= 0 && (!end || better(Vertex(v), *end))) end = Vertex(v);
    }
    std::vector<int>& chain = e_.target.critical_path;
    for (std::optional<Vertex> v = end; v;) {
      chain.push_back(stage_of(*v));
      std::optional<Vertex> step;
      for (auto [it, last] = boost::in_edges(*v, graph_); it != last; ++it) {
        Vertex u = boost::source(*it, graph_);
        if (graph_[*it].followed && (!step || better(u, *step))) step = u;
      }
      v = step;
    }
    std::reverse(chain.begin(), chain.end());
  }

  // Rule 22 and rule 2: a must-gate that is not passing (once on_unknown
  // applies), or a should-gate that could still count while the score falls
  // short of min_score.
  static bool gate_holds_target(const GateResult& g, const StageResult& r) {
    if (g.status == GateStatus::Pass || gate_effect(g) == GateEffect::Pass) return false;
    switch (g.gate->kind) {
      case plan::GateKind::Must: return true;
      case plan::GateKind::Should: return g.gate->weight > 0 && r.score && *r.score < r.stage->min_score;
      case plan::GateKind::Advisory: return false;
    }
    return false;
  }

  void blocked_by() {
    std::vector<TargetBlocker>& out = e_.target.blocked_by;
    std::vector<size_t> position(stages_.size());
    for (size_t i = 0; i < order_.size(); ++i) position[order_[i]] = i;

    // Each freeze in force, with the not yet started path stages it covers,
    // filed under the first of them.
    std::vector<std::vector<TargetBlocker>> freezes_at(order_.size());
    for (const plan::Freeze& f : plan_.freezes) {
      if (e_.evaluated_at < f.from || !(e_.evaluated_at < f.to)) continue;
      std::vector<size_t> covered;  // path positions
      if (f.stages.empty()) {
        for (size_t i = 0; i < order_.size(); ++i)
          if (not_started(e_.stages[size_t(stage_of(order_[i]))].status)) covered.push_back(i);
      } else {
        for (int s : f.stages) {
          int v = on_path_[size_t(s)];
          if (v >= 0 && not_started(e_.stages[size_t(s)].status)) covered.push_back(position[size_t(v)]);
        }
        std::sort(covered.begin(), covered.end());
        covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
      }
      if (covered.empty()) continue;
      TargetBlocker b;
      b.kind = TargetBlocker::Kind::Freeze;
      b.stage = stage_of(order_[covered.front()]);
      b.freeze = &f;
      b.freeze_stages.reserve(covered.size());
      for (size_t i : covered) b.freeze_stages.push_back(stage_of(order_[i]));
      freezes_at[covered.front()].push_back(std::move(b));
    }

    for (size_t i = 0; i < order_.size(); ++i) {
      Vertex v = order_[i];
      int s = stage_of(v);
      const StageResult& r = e_.stages[size_t(s)];
      if (not_started(r.status)) {
        for (size_t g = 0; g < r.gates.size(); ++g) {
          if (!gate_holds_target(r.gates[g], r)) continue;
          TargetBlocker b;
          b.kind = TargetBlocker::Kind::Gate;
          b.stage = s;
          b.gate = int(g);
          out.push_back(std::move(b));
        }
        for (size_t a = 0; a < r.approvals.size(); ++a) {
          if (int(r.approvals[a].approvers.size()) >= r.approvals[a].requirement->min) continue;
          TargetBlocker b;
          b.kind = TargetBlocker::Kind::Approval;
          b.stage = s;
          b.approval = int(a);
          out.push_back(std::move(b));
        }
      }
      if (needed_by_path(v) || (target_stage_[size_t(s)] && holds_itself(r.status))) {
        TargetBlocker b;
        b.kind = TargetBlocker::Kind::Stage;
        b.stage = s;
        out.push_back(std::move(b));
      }
      for (TargetBlocker& b : freezes_at[i]) out.push_back(std::move(b));
    }
  }

  // Another path stage depends on this one: it must be done first.
  bool needed_by_path(Vertex v) const {
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it)
      if (graph_[*it].followed) return true;
    return false;
  }

  // A target stage in one of these states is itself what must change.
  static bool holds_itself(StageStatus s) {
    return s == StageStatus::Held || s == StageStatus::Cancelled || s == StageStatus::Frozen ||
           s == StageStatus::InProgress;
  }

  Evaluation& e_;
  const plan::Plan& plan_;
  std::vector<int> targets_;        // the target's stages (every stage without a target)
  std::vector<StageStatus> status_;  // by plan index
  std::vector<bool> target_stage_;  // by plan index
  std::vector<int> on_path_;        // plan index -> vertex, -1 when not on the path
  std::vector<int> stages_;         // vertex -> plan index, in discovery order
  PathGraph graph_;
  std::vector<Vertex> order_;       // the path, topological order
  std::vector<size_t> chain_;       // by vertex: stages in the longest chain ending there
};

}  // namespace

void trace_target_path(Evaluation& e) {
  e.target.path.clear();
  e.target.critical_path.clear();
  e.target.blocked_by.clear();
  Tracer(e).run();
}

}  // namespace rollgate::engine
