#include "engine/blockers.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "engine/gate_verdict.hpp"
#include "engine/stage_status.hpp"
#include "engine/target_path.hpp"

namespace rollgate::engine {

namespace {

bool not_started(StageStatus s) {
  return s != StageStatus::InProgress && s != StageStatus::Done && s != StageStatus::Cancelled;
}

// Kahn's algorithm over `successors`: every stage after all its upstreams.
std::vector<int> topological(const std::vector<std::vector<int>>& successors) {
  size_t n = successors.size();
  std::vector<int> indegree(n, 0);
  for (const auto& next : successors)
    for (int u : next) ++indegree[size_t(u)];
  std::vector<int> order;
  order.reserve(n);
  for (size_t v = 0; v < n; ++v)
    if (indegree[v] == 0) order.push_back(int(v));
  for (size_t i = 0; i < order.size(); ++i)
    for (int u : successors[size_t(order[i])])
      if (--indegree[size_t(u)] == 0) order.push_back(u);
  return order;  // a plan is acyclic: every stage is in it
}

// Bitsets of at most 64 words per stage, and as many as fit in this budget
// for the whole plan.
constexpr size_t kMaxChunkWords = 64;
constexpr size_t kBitsetBudgetBytes = size_t(32) << 20;

size_t chunk_words(size_t stages, size_t items) {
  size_t words = kBitsetBudgetBytes / (std::max<size_t>(stages, 1) * sizeof(uint64_t));
  words = std::clamp<size_t>(words, 1, kMaxChunkWords);
  return std::min(words, (items + 63) / 64);
}

// Bits over the sources: in topological order each stage's bitset is the
// sources upstream of it (or itself); a target adds its bitset into
// bit-sliced counters, one counter per source.
void count_over_sources(const std::vector<std::vector<int>>& successors, const std::vector<int>& order,
                        const std::vector<int>& position, const std::vector<int>& sources,
                        const std::vector<char>& is_target, std::vector<size_t>& reach) {
  size_t n = successors.size();
  std::vector<int> by_position = sources;
  std::sort(by_position.begin(), by_position.end(),
            [&](int a, int b) { return position[size_t(a)] < position[size_t(b)]; });
  size_t words = chunk_words(n, by_position.size());
  size_t slices = size_t(std::bit_width(n + 1));
  std::vector<uint64_t> bits;
  std::vector<uint64_t> counters(slices * words);
  std::vector<char> live;
  for (size_t first = 0; first < by_position.size(); first += words * 64) {
    size_t last = std::min(by_position.size(), first + words * 64);
    size_t start = size_t(position[size_t(by_position[first])]);
    bits.assign((n - start) * words, 0);
    live.assign(n - start, 0);
    std::fill(counters.begin(), counters.end(), 0);
    size_t next_source = first;
    for (size_t p = start; p < n; ++p) {
      uint64_t* b = &bits[(p - start) * words];
      char& is_live = live[p - start];
      for (; next_source < last && size_t(position[size_t(by_position[next_source])]) == p; ++next_source) {
        size_t bit = next_source - first;
        b[bit / 64] |= uint64_t(1) << (bit % 64);
        is_live = 1;
      }
      if (!is_live) continue;
      int v = order[p];
      if (is_target[size_t(v)]) {
        for (size_t w = 0; w < words; ++w) {
          uint64_t carry = b[w];
          for (size_t i = 0; carry && i < slices; ++i) {
            uint64_t& c = counters[i * words + w];
            uint64_t sum = c ^ carry;
            carry &= c;
            c = sum;
          }
        }
      }
      for (int u : successors[size_t(v)]) {
        size_t q = size_t(position[size_t(u)]) - start;
        uint64_t* to = &bits[q * words];
        for (size_t w = 0; w < words; ++w) to[w] |= b[w];
        live[q] = 1;
      }
    }
    for (size_t k = first; k < last; ++k) {
      size_t bit = k - first;
      size_t count = 0;
      for (size_t i = 0; i < slices; ++i)
        count |= size_t((counters[i * words + bit / 64] >> (bit % 64)) & 1) << i;
      reach[size_t(by_position[k])] = count;
    }
  }
}

// Bits over the targets: in reverse topological order each stage's bitset
// is the targets it reaches (itself included); a source counts its bits.
void count_over_targets(const std::vector<std::vector<int>>& successors, const std::vector<int>& order,
                        const std::vector<int>& position, const std::vector<char>& is_source,
                        const std::vector<char>& is_target, std::vector<size_t>& reach) {
  size_t n = successors.size();
  std::vector<int> targets;  // by topological position, last first
  for (size_t p = n; p-- > 0;)
    if (is_target[size_t(order[p])]) targets.push_back(order[p]);
  size_t words = chunk_words(n, targets.size());
  std::vector<uint64_t> bits;
  for (size_t first = 0; first < targets.size(); first += words * 64) {
    size_t last = std::min(targets.size(), first + words * 64);
    size_t end = size_t(position[size_t(targets[first])]) + 1;  // positions [0, end) take part
    bits.assign(end * words, 0);
    size_t next_target = first;
    for (size_t p = end; p-- > 0;) {
      uint64_t* b = &bits[p * words];
      int v = order[p];
      if (next_target < last && targets[next_target] == v) {
        size_t bit = next_target - first;
        b[bit / 64] |= uint64_t(1) << (bit % 64);
        ++next_target;
      }
      for (int u : successors[size_t(v)]) {
        size_t q = size_t(position[size_t(u)]);
        if (q >= end) continue;
        const uint64_t* from = &bits[q * words];
        for (size_t w = 0; w < words; ++w) b[w] |= from[w];
      }
      if (is_source[size_t(v)])
        for (size_t w = 0; w < words; ++w) reach[size_t(v)] += size_t(std::popcount(b[w]));
    }
  }
}

std::string owner_of(const plan::Plan& plan, const std::string& own, const plan::Stage& stage) {
  if (!own.empty()) return own;
  if (!stage.owner.empty()) return stage.owner;
  return plan.owners.empty() ? "" : plan.owners.front();
}

bool gate_holds(const GateResult& g, const StageResult& r) {
  if (gate_effect(g) == GateEffect::Pass) return false;
  if (g.gate->kind == plan::GateKind::Must) return true;
  // A should-gate holds the stage back only while the score falls short.
  return g.gate->kind == plan::GateKind::Should && r.score && *r.score < r.stage->min_score;
}

void add_gate_blockers(Evaluation& e, int s) {
  const StageResult& r = e.stages[size_t(s)];
  for (size_t i = 0; i < r.gates.size(); ++i) {
    const GateResult& g = r.gates[i];
    if (!gate_holds(g, r)) continue;
    Blocker b;
    b.kind = "gate";
    b.id = g.gate->full_id;
    b.stage = s;
    b.gate = int(i);
    b.status = to_string(g.status);
    b.owner = owner_of(*e.plan, g.gate->owner, *r.stage);
    e.blockers.push_back(std::move(b));
  }
  for (size_t i = 0; i < r.approvals.size(); ++i) {
    const ApprovalCount& a = r.approvals[i];
    if (int(a.approvers.size()) >= a.requirement->min) continue;
    Blocker b;
    b.kind = "approval";
    b.id = r.stage->id + "/approval:" + a.requirement->role;
    b.stage = s;
    b.approval = int(i);
    b.status = "missing";
    b.owner = a.requirement->role;
    e.blockers.push_back(std::move(b));
  }
}

void add_stage_blocker(Evaluation& e, int s) {
  const StageResult& r = e.stages[size_t(s)];
  Blocker b;
  b.kind = "stage";
  b.id = r.stage->id;
  b.stage = s;
  b.status = to_string(r.status);
  b.owner = owner_of(*e.plan, "", *r.stage);
  e.blockers.push_back(std::move(b));  // dropped again if it holds nothing back
}

// How many stages each blocker holds back, and the first kHoldsBackListed of
// them in plan order.
void count_held_back(Evaluation& e) {
  const plan::Plan& plan = *e.plan;
  size_t n = plan.stages.size();
  std::vector<char> waiting(n);  // not yet started
  for (size_t s = 0; s < n; ++s) waiting[s] = not_started(e.stages[s].status);
  std::vector<int> sources;
  for (const Blocker& b : e.blockers)
    if (sources.empty() || sources.back() != b.stage) sources.push_back(b.stage);
  std::vector<size_t> reach = count_reachable(plan.successors, sources, waiting);
  std::vector<size_t> reach_of(n, 0);
  for (size_t i = 0; i < sources.size(); ++i) reach_of[size_t(sources[i])] = reach[i];

  // In reverse topological order, the first stages in plan order of each
  // stage's {itself if waiting} + downstream: the smallest indices of the
  // union of its successors' lists.
  constexpr size_t K = kHoldsBackListed;
  std::vector<int> order = topological(plan.successors);
  std::vector<int> first(n * K);
  std::vector<unsigned char> count(n, 0);
  std::vector<int> merged;
  auto merge_successors = [&](size_t v) {
    merged.clear();
    for (int u : plan.successors[v])
      merged.insert(merged.end(), first.begin() + ptrdiff_t(size_t(u) * K),
                    first.begin() + ptrdiff_t(size_t(u) * K + count[size_t(u)]));
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    if (merged.size() > K) merged.resize(K);
  };
  for (size_t i = n; i-- > 0;) {
    size_t v = size_t(order[i]);
    merge_successors(v);
    if (waiting[v]) {  // v itself, in its place in plan order
      merged.insert(std::lower_bound(merged.begin(), merged.end(), int(v)), int(v));
      if (merged.size() > K) merged.pop_back();
    }
    std::copy(merged.begin(), merged.end(), first.begin() + ptrdiff_t(v * K));
    count[v] = static_cast<unsigned char>(merged.size());
  }

  for (Blocker& b : e.blockers) {
    size_t s = size_t(b.stage);
    if (b.kind == "stage") {  // the stages downstream, not itself
      b.holds_back_count = reach_of[s] - (waiting[s] ? 1 : 0);
      merge_successors(s);
      b.holds_back = merged;
    } else {
      b.holds_back_count = reach_of[s];
      b.holds_back.assign(first.begin() + ptrdiff_t(s * K), first.begin() + ptrdiff_t(s * K + count[s]));
    }
  }
  std::erase_if(e.blockers, [](const Blocker& b) { return b.kind == "stage" && b.holds_back_count == 0; });
}

void decide_target(Evaluation& e) {
  const plan::Plan& plan = *e.plan;
  TargetResult& t = e.target;
  t.id = plan.target_id;
  std::vector<int> stages = plan.target;
  if (t.id.empty())
    for (size_t s = 0; s < plan.stages.size(); ++s) stages.push_back(int(s));
  bool all_done = true;
  t.met = true;
  for (int s : stages) {
    StageStatus st = e.stages[size_t(s)].status;
    all_done = all_done && st == StageStatus::Done;
    t.met = t.met && (st == StageStatus::Done || st == StageStatus::Ready);
  }
  if (stages.size() == 1 && !t.id.empty()) t.status = to_string(e.stages[size_t(stages[0])].status);
  else t.status = all_done ? "done" : t.met ? "ready" : "not_ready";
  trace_target_path(e);  // rule 22: path, critical_path, blocked_by
}

}  // namespace

std::vector<size_t> count_reachable(const std::vector<std::vector<int>>& successors,
                                    const std::vector<int>& sources, const std::vector<char>& is_target,
                                    int method) {
  size_t n = successors.size();
  std::vector<size_t> result(sources.size(), 0);
  if (sources.empty() || n == 0) return result;
  std::vector<int> order = topological(successors);
  std::vector<int> position(n);
  for (size_t p = 0; p < n; ++p) position[size_t(order[p])] = int(p);
  std::vector<char> is_source(n, 0);
  std::vector<int> unique_sources;
  for (int s : sources)
    if (!is_source[size_t(s)]) {
      is_source[size_t(s)] = 1;
      unique_sources.push_back(s);
    }
  size_t targets = size_t(std::count(is_target.begin(), is_target.end(), char(1)));
  if (method == 0) method = unique_sources.size() <= targets ? 1 : 2;
  std::vector<size_t> reach(n, 0);
  if (targets > 0) {
    if (method == 1) count_over_sources(successors, order, position, unique_sources, is_target, reach);
    else count_over_targets(successors, order, position, is_source, is_target, reach);
  }
  for (size_t i = 0; i < sources.size(); ++i) result[i] = reach[size_t(sources[i])];
  return result;
}

std::vector<int> blocker_held_back(const Evaluation& e, const Blocker& b) {
  const plan::Plan& plan = *e.plan;
  std::vector<char> seen(plan.stages.size(), 0);
  std::vector<int> todo{b.stage};
  seen[size_t(b.stage)] = 1;
  while (!todo.empty()) {
    int s = todo.back();
    todo.pop_back();
    for (int next : plan.successors[size_t(s)])
      if (!seen[size_t(next)]) {
        seen[size_t(next)] = 1;
        todo.push_back(next);
      }
  }
  bool include_self = b.kind != "stage";
  std::vector<int> out;
  for (size_t s = 0; s < seen.size(); ++s) {
    if (!seen[s] || (int(s) == b.stage && !include_self)) continue;
    if (not_started(e.stages[s].status)) out.push_back(int(s));
  }
  return out;
}

std::string blocker_message(const Evaluation& e, const Blocker& b) {
  const StageResult& r = e.stages[size_t(b.stage)];
  if (b.gate >= 0) return gate_message(e, r.gates[size_t(b.gate)]);
  if (b.approval >= 0) {
    const ApprovalCount& a = r.approvals[size_t(b.approval)];
    return "needs " + std::to_string(a.requirement->min) + " approval(s) by " + a.requirement->role + ", has " +
           std::to_string(a.approvers.size());
  }
  switch (r.status) {
    case StageStatus::Ready: return "ready to start";
    case StageStatus::InProgress: return "in progress, not yet done";
    case StageStatus::Cancelled: return "cancelled; the stages after it cannot start";
    default: {
      std::vector<std::string> reasons = stage_reasons(e, r);
      return reasons.empty() ? to_string(r.status) : reasons.front();
    }
  }
}

void summarize(Evaluation& e) {
  for (size_t s = 0; s < e.stages.size(); ++s) {
    switch (e.stages[s].status) {
      case StageStatus::Blocked:
      case StageStatus::Unknown:
      case StageStatus::Soaking: add_gate_blockers(e, int(s)); break;
      case StageStatus::Ready: e.next.push_back(int(s)); [[fallthrough]];
      case StageStatus::InProgress:
      case StageStatus::Held:
      case StageStatus::Cancelled:
      case StageStatus::Frozen: add_stage_blocker(e, int(s)); break;
      case StageStatus::Waiting:
      case StageStatus::Done: break;
    }
  }
  if (!e.blockers.empty()) count_held_back(e);
  std::stable_sort(e.blockers.begin(), e.blockers.end(), [](const Blocker& a, const Blocker& b) {
    return a.holds_back_count > b.holds_back_count;
  });
  decide_target(e);
}

}  // namespace rollgate::engine
