#include "engine/history.hpp"

#include <algorithm>
#include <unordered_set>

namespace rollgate::engine {

namespace {

bool started(StageStatus s) {
  return s == StageStatus::InProgress || s == StageStatus::Done || s == StageStatus::Held;
}

// Rule 17 for one must-gate of a started stage: the drift_since it has now.
std::optional<cel::Timestamp> drift_of(const GateResult& g, const state::GateRecord* previous,
                                       bool stage_was_started, cel::Timestamp now) {
  std::optional<cel::Timestamp> drifting =
      previous ? previous->drift_since : std::optional<cel::Timestamp>();
  switch (g.status) {
    case GateStatus::Pass: return std::nullopt;  // true again: cleared
    case GateStatus::Soaking: return drifting;   // clears once held for hold_for
    case GateStatus::Unknown:
      // Under on_unknown: ignore an unknown verdict neither starts nor clears drift.
      if (g.gate->on_unknown == plan::OnUnknown::Ignore) return drifting;
      [[fallthrough]];
    case GateStatus::Fail:
    case GateStatus::Error:
      if (drifting) return drifting;
      if (previous && previous->status == GateStatus::Pass && stage_was_started) return now;
      return std::nullopt;
  }
  return std::nullopt;
}

// Since when the gate's status has held: the record's since when it had the same
// status, else now.  A soak is measured from when the gate became true.
cel::Timestamp since_of(const GateResult& g, const state::GateRecord* previous, cel::Timestamp now) {
  if (g.status == GateStatus::Soaking) return *g.true_since;
  return previous && previous->status == g.status ? previous->since : now;
}

template <class Status>
void add_transition(Evaluation& e, const std::string& id, const Status* from, Status to) {
  if (!from) e.transitions.push_back({id, std::nullopt, to_string(to)});
  else if (*from != to) e.transitions.push_back({id, std::string(to_string(*from)), to_string(to)});
}

std::string id_list(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

}  // namespace

void carry_history(StageResult& r, const StageHistory& history, cel::Timestamp now) {
  const state::StageRecord* before = history.stage();
  r.since = before && before->status == r.status ? before->since : now;
  bool stage_was_started = before && started(before->status);
  // Drift lives only on a started stage: cancelled, rolled back or not
  // started again, it clears.
  bool can_drift = started(r.status);
  r.drift = false;
  for (size_t i = 0; i < r.gates.size(); ++i) {
    GateResult& g = r.gates[i];
    const state::GateRecord* previous = history.gate(i);
    g.since = since_of(g, previous, now);
    if (can_drift && g.gate->kind == plan::GateKind::Must)
      g.drift_since = drift_of(g, previous, stage_was_started, now);
    r.drift = r.drift || g.drift_since.has_value();
  }
}

void add_stage_transitions(Evaluation& e, const StageResult& r, const StageHistory& h) {
  const state::StageRecord* stage = h.stage();
  add_transition(e, r.stage->id, stage ? &stage->status : nullptr, r.status);
  for (size_t i = 0; i < r.gates.size(); ++i) {
    const state::GateRecord* gate = h.gate(i);
    add_transition(e, r.gates[i].gate->full_id, gate ? &gate->status : nullptr, r.gates[i].status);
  }
}

void list_transitions(Evaluation& e, const state::RecordMap& records) {
  size_t first_gate = 0;
  for (size_t s = 0; s < e.stages.size(); ++s) {
    add_stage_transitions(e, e.stages[s], StageHistory(&records, s, first_gate));
    first_gate += e.stages[s].gates.size();
  }
}

void warn_if_plan_changed(Evaluation& e, const state::State& previous, const state::RecordMap& records) {
  const plan::Plan& plan = *e.plan;
  // The same digest is the same plan, whatever object holds it (and a
  // state made under this very plan object has its digest).
  if (previous.plan_digest == plan.digest || records.identity()) return;
  std::vector<std::string> added, removed, redefined;
  std::unordered_set<std::string_view> stage_ids, gate_ids;
  size_t g = 0;
  for (size_t s = 0; s < plan.stages.size(); ++s) {
    const plan::Stage& stage = plan.stages[s];
    stage_ids.insert(stage.id);
    if (!records.stage(s)) added.push_back(stage.id);
    for (const plan::Gate& gate : stage.gates) {
      gate_ids.insert(gate.full_id);
      if (!records.gate(g)) added.push_back(gate.full_id);
      else if (!records.same_gate(g)) redefined.push_back(gate.full_id);
      ++g;
    }
  }
  for (const std::string& id : records.ids().stages)
    if (!stage_ids.count(id)) removed.push_back(id);
  for (const std::string& id : records.ids().gates)
    if (!gate_ids.count(id)) removed.push_back(id);
  std::string warning = "the plan changed since the state was saved (state of " + previous.plan_digest +
                        ", plan " + plan.digest + "); its records were used id by id";
  if (!added.empty()) warning += "; added: " + id_list(std::move(added));
  if (!removed.empty()) warning += "; removed: " + id_list(std::move(removed));
  if (!redefined.empty()) warning += "; redefined (soak and drift restart): " + id_list(std::move(redefined));
  e.warnings.push_back(std::move(warning));
}

}  // namespace rollgate::engine
