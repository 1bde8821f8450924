#include "engine/incremental.hpp"

#include <algorithm>

#include "engine/blockers.hpp"
#include "engine/evaluate_steps.hpp"
#include "engine/history.hpp"
#include "engine/identical_values.hpp"
#include "engine/stage_status.hpp"
#include "engine/stage_variables.hpp"
#include "engine/time_math.hpp"
#include "state/record_map.hpp"
#include "state/state.hpp"

namespace rollgate::engine {

// What reads what, built once per plan: which gates read a slot, which
// stages read another stage's progress, which depend on the instant.
struct IncrementalEvaluator::Index {
  std::vector<int> gate_stage;                   // flat gate index -> stage
  std::vector<int> gate_offset;                  // stage -> its first flat gate index
  std::vector<std::vector<int>> slot_gates;      // activation slot -> gates that read it
  std::vector<int> time_gates;                   // read `now`, or have hold_for
  std::vector<int> max_age_facts;                // facts that can go stale
  std::vector<std::vector<int>> stage_variables; // stage -> its `stages` variables
  std::vector<std::vector<int>> progress_readers;// stage -> stages whose upstream rules read its progress
  std::vector<int> approval_stages;              // stages with approval requirements
  std::vector<int> freeze_stages;                // stages some freeze covers

  explicit Index(const plan::Plan& plan) {
    size_t stage_count = plan.stages.size();
    gate_offset.resize(stage_count + 1);
    slot_gates.resize(size_t(plan.environment.slot_count()));
    for (size_t s = 0; s < stage_count; ++s) {
      const plan::Stage& stage = plan.stages[s];
      gate_offset[s] = int(gate_stage.size());
      for (const plan::Gate& gate : stage.gates) {
        int g = int(gate_stage.size());
        gate_stage.push_back(int(s));
        bool timed = gate.hold_for.has_value();
        for (int slot : gate.program->referenced_slots()) {
          if (slot < 0 || size_t(slot) >= slot_gates.size()) continue;
          slot_gates[size_t(slot)].push_back(g);
          timed = timed || slot == plan.now_slot;
        }
        if (timed) time_gates.push_back(g);
      }
      if (!stage.approvals.empty()) approval_stages.push_back(int(s));
    }
    gate_offset[stage_count] = int(gate_stage.size());
    for (size_t f = 0; f < plan.facts.size(); ++f)
      if (plan.facts[f].max_age) max_age_facts.push_back(int(f));
    stage_variables.resize(stage_count);
    for (size_t v = 0; v < plan.stage_variables.size(); ++v)
      for (int s : plan.stage_variables[v].stages) stage_variables[size_t(s)].push_back(int(v));
    progress_readers.resize(stage_count);
    for (size_t s = 0; s < stage_count; ++s) {
      const plan::Stage& stage = plan.stages[s];
      for (const plan::Upstream& up : stage.after)
        for (int u : up.stages) progress_readers[size_t(u)].push_back(int(s));
      if (stage.previous_expansion) progress_readers[size_t(*stage.previous_expansion)].push_back(int(s));
    }
    bool all = false;
    std::vector<bool> frozen(stage_count, false);
    for (const plan::Freeze& f : plan.freezes) {
      if (f.stages.empty()) all = true;
      for (int s : f.stages) frozen[size_t(s)] = true;
    }
    for (size_t s = 0; s < stage_count; ++s)
      if (all || frozen[s]) freeze_stages.push_back(int(s));
  }
};

namespace {

bool same_progress(const StageProgress& a, const StageProgress& b) {
  return a.state == b.state && a.started_at == b.started_at && a.done_at == b.done_at &&
         a.requested_by == b.requested_by && a.reason == b.reason;
}

bool same_approval(const Approval& a, const Approval& b) {
  return a.stages == b.stages && a.stage_ref == b.stage_ref && a.role == b.role && a.by == b.by &&
         a.at == b.at && a.note == b.note;
}

template <class Vector, class Same>
bool same_vectors(const Vector& a, const Vector& b, Same same) {
  if (a.same(b)) return true;
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

// Equal in everything a report can show.
bool same_fact(const FactInput& a, const FactInput& b) {
  return a.observed_at == b.observed_at && a.source == b.source && a.evidence == b.evidence &&
         identical_values(a.value, b.value);
}

bool same_approvals(const std::vector<ApprovalCount>& a, const std::vector<ApprovalCount>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].requirement != b[i].requirement || a[i].approvers != b[i].approvers) return false;
  return true;
}

// The freezes in force at `now`, as a bit per freeze.
std::vector<bool> freezes_in_force(const plan::Plan& plan, cel::Timestamp now) {
  std::vector<bool> out;
  out.reserve(plan.freezes.size());
  for (const plan::Freeze& f : plan.freezes) out.push_back(!(now < f.from) && now < f.to);
  return out;
}

}  // namespace

IncrementalEvaluator::IncrementalEvaluator(std::shared_ptr<const plan::Plan> plan)
    : plan_(std::move(plan)), index_(std::make_shared<const Index>(*plan_)) {
  gate_mark_.resize(index_->gate_stage.size(), 0);
  stage_mark_.resize(plan_->stages.size(), 0);
}

std::shared_ptr<const state::State> IncrementalEvaluator::state() const { return state_; }

void IncrementalEvaluator::forget() {
  recycle(std::move(last_), std::move(state_));
  activation_ = Activation{};
}

void IncrementalEvaluator::recycle(std::shared_ptr<Evaluation> evaluation, std::shared_ptr<state::State> state) {
  // Only what nobody else holds: a report keeps its evaluation, and that
  // evaluation its state, exactly as they were.
  if (evaluation && evaluation.use_count() == 1) {
    evaluation->state.reset();
    evaluation->inputs.reset();
    spare_ = std::move(evaluation);
  }
  evaluation.reset();
  if (state && state.use_count() == 1) spare_state_ = std::move(state);
}

void IncrementalEvaluator::reevaluate_all_next() { recycle(std::move(last_), nullptr); }

bool IncrementalEvaluator::mark_gate(int gate) {
  if (gate_mark_[size_t(gate)] == generation_) return false;
  gate_mark_[size_t(gate)] = generation_;
  dirty_gates_.push_back(gate);
  return true;
}

bool IncrementalEvaluator::mark_stage(int stage) {
  if (stage_mark_[size_t(stage)] == generation_) return false;
  stage_mark_[size_t(stage)] = generation_;
  dirty_stages_.push_back(stage);
  return true;
}

std::shared_ptr<const Evaluation> IncrementalEvaluator::evaluate(
    std::shared_ptr<const Inputs> inputs, cel::Timestamp now,
    const std::shared_ptr<const state::State>& previous, EvaluationMeter* meter) {
  run(std::move(inputs), now, previous.get(), meter);
  return last_;
}

std::shared_ptr<const Evaluation> IncrementalEvaluator::evaluate_next(std::shared_ptr<const Inputs> inputs,
                                                                      cel::Timestamp now, EvaluationMeter* meter) {
  run(std::move(inputs), now, state_.get(), meter);
  return last_;
}

void IncrementalEvaluator::run(std::shared_ptr<const Inputs> inputs, cel::Timestamp now,
                               const state::State* previous, EvaluationMeter* meter) {
  EvaluationMeter defaults;
  EvaluationMeter& m = meter ? *meter : defaults;
  if (last_ && previous && previous == state_.get() && state_ == last_->state &&
      last_->inputs->facts.size() == inputs->facts.size() &&
      last_->inputs->progress.size() == inputs->progress.size())
    evaluate_changes(std::move(inputs), now, m);
  else
    evaluate_full(std::move(inputs), now, previous, m);
}

void IncrementalEvaluator::evaluate_full(std::shared_ptr<const Inputs> inputs, cel::Timestamp now,
                                         const state::State* previous, EvaluationMeter& meter) {
  // `previous` may be state_ itself: it stays alive until the new state is made.
  std::shared_ptr<state::State> old_state = std::move(state_);
  recycle(std::move(last_), nullptr);
  std::shared_ptr<Evaluation> e = spare_ ? std::move(spare_) : std::make_shared<Evaluation>();
  std::shared_ptr<state::State> state = spare_state_ ? std::move(spare_state_) : std::make_shared<state::State>();
  activation_ = make_activation(*plan_, *inputs, now);
  try {
    evaluate_into(*e, plan_, std::move(inputs), now, previous, activation_, meter);
  } catch (...) {
    // Stopped (or out of memory): the state is the one it was; what was
    // being filled is kept for its memory.
    state_ = std::move(old_state);
    recycle(std::move(e), std::move(state));
    throw;
  }
  state::state_after_into(*state, *e);
  e->state = state;
  last_ = std::move(e);
  state_ = std::move(state);
  recycle(nullptr, std::move(old_state));
  stats_ = Stats{};
  stats_.gates_evaluated = index_->gate_stage.size();
  stats_.stages_decided = plan_->stages.size();
}

void IncrementalEvaluator::evaluate_changes(std::shared_ptr<const Inputs> inputs, cel::Timestamp now,
                                            EvaluationMeter& meter) {
  const plan::Plan& plan = *plan_;
  const Index& index = *index_;
  stats_ = Stats{};
  stats_.full = false;
  stats_.summarized = false;
  if (++generation_ == 0) {  // wrapped: start the marks afresh
    std::fill(gate_mark_.begin(), gate_mark_.end(), 0);
    std::fill(stage_mark_.begin(), stage_mark_.end(), 0);
    generation_ = 1;
  }
  dirty_gates_.clear();
  dirty_stages_.clear();

  // The evaluation and its state are changed in place: copy them first
  // while anyone else (an earlier report, a caller) still holds them.
  if (last_.use_count() > 1) {
    last_ = std::make_shared<Evaluation>(*last_);
    stats_.copied = true;
  }
  // The state as it was when it is copied here (nothing to undo then).
  std::shared_ptr<state::State> shared_before;
  if (state_.use_count() > 2) {  // held by state_ and last_->state only
    shared_before = state_;
    state_ = std::make_shared<state::State>(*state_);
    stats_.copied = true;
  }
  last_->state = state_;
  Evaluation& e = *last_;
  const Inputs& old = *e.inputs;
  const Inputs& cur = *inputs;
  bool now_changed = !(now == e.evaluated_at);
  bool summary_needed = false;

  // Facts: the nodes that differ (shared subtrees are skipped).
  auto refresh_fact = [&](size_t f) {
    const plan::FactDecl& decl = plan.facts[f];
    const FactTable::Entry& input = cur.facts[f];
    bool stale = input && is_stale(decl, *input, now);
    activation_.stale[f] = stale;
    activation_.slots[size_t(decl.slot)] = input && !stale ? input->value : cel::Value::unknown({decl.slot});
    for (int g : index.slot_gates[size_t(decl.slot)]) mark_gate(g);
  };
  if (&cur != &old) cur.facts.for_each_difference(old.facts, [&](size_t f) { refresh_fact(f); });
  if (now_changed) {
    activation_.slots[size_t(plan.now_slot)] = cel::Value::timestamp(now);
    // A fact that is stale, or becomes or stops being so, reads differently
    // (and its verdict's message tells how long ago it was observed).
    for (int f : index.max_age_facts) {
      const FactTable::Entry& input = cur.facts[size_t(f)];
      bool stale = input && is_stale(plan.facts[size_t(f)], *input, now);
      if (stale || activation_.stale[size_t(f)]) refresh_fact(size_t(f));
    }
    for (int g : index.time_gates) mark_gate(g);
    for (int s : index.approval_stages) mark_stage(s);
    for (int s : index.freeze_stages) mark_stage(s);
    if (freezes_in_force(plan, now) != freezes_in_force(plan, e.evaluated_at)) summary_needed = true;
  }

  // Progress: the stage itself, the `stages` variables that read it, and
  // the stages whose upstream rules read it.
  // Only the entries whose nodes differ (a session's set_progress changes
  // one; set_inputs shares the equal ones, share_unchanged).
  if (!cur.progress.same(old.progress)) {
    bool any = false;
    cur.progress.for_each_difference(old.progress, [&](size_t s) {
      if (same_progress(cur.progress[s], old.progress[s])) return;
      any = true;
      mark_stage(int(s));
      for (int reader : index.progress_readers[s]) mark_stage(reader);
      for (int v : index.stage_variables[s]) {
        const plan::StageVariables& var = plan.stage_variables[size_t(v)];
        for (int slot : {var.state_slot, var.started_at_slot, var.done_at_slot})
          for (int g : index.slot_gates[size_t(slot)]) mark_gate(g);
      }
    });
    if (any) {
      fill_stage_variables(plan, cur, activation_.slots);
      summary_needed = true;
    }
  }
  // Approvals count only for the stages they name (rule 8): those of the
  // approvals whose nodes differ, before and after.
  if (!cur.approvals.same(old.approvals))
    cur.approvals.for_each_difference(old.approvals, [&](size_t a) {
      for (const PersistentVector<Approval>* approvals : {&cur.approvals, &old.approvals})
        if (a < approvals->size())
          for (int s : (*approvals)[a].stages)
            if (!plan.stages[size_t(s)].approvals.empty()) mark_stage(s);
    });

  for (int g : dirty_gates_) mark_stage(index.gate_stage[size_t(g)]);
  std::sort(dirty_stages_.begin(), dirty_stages_.end());
  stats_.gates_evaluated = dirty_gates_.size();
  stats_.stages_decided = dirty_stages_.size();

  // Each affected stage again; on a stop, the state as it was.
  const cel::Timestamp evaluated_before = state_->evaluated_at;
  try {
    reevaluate_stages(cur, now, meter, summary_needed);
  } catch (...) {
    roll_back(std::move(shared_before), evaluated_before);
    throw;
  }
  state_->evaluated_at = now;

  e.inputs = std::move(inputs);
  e.evaluated_at = now;
  e.has_previous_state = true;
  e.what_if.reset();
  // The state was this plan's: no plan-changed warning (rule 19).
  if (e.warnings != e.inputs->warnings) e.warnings = e.inputs->warnings;
  if (summary_needed) {
    e.blockers.clear();
    e.next.clear();
    e.target = TargetResult{};
    summarize(e);
    stats_.summarized = true;
  }
}

// Each affected stage again, against the records the last evaluation left:
// state_ is state_after of it (kept up to date here, record by record,
// each overwritten record first saved in the undo log), matched by
// position.
void IncrementalEvaluator::reevaluate_stages(const Inputs& cur, cel::Timestamp now, EvaluationMeter& meter,
                                             bool& summary_needed) {
  const plan::Plan& plan = *plan_;
  const Index& index = *index_;
  Evaluation& e = *last_;
  undo_stages_.clear();
  undo_gates_.clear();
  e.transitions.clear();
  state::RecordMap records(*state_, plan);
  for (int s : dirty_stages_) {
    StageResult& before = e.stages[size_t(s)];
    const plan::Stage& stage = *before.stage;
    int first = index.gate_offset[size_t(s)];
    StageHistory history(&records, size_t(s), size_t(first));

    StageResult r;
    r.stage = &stage;
    r.gates = std::move(before.gates);
    for (size_t i = 0; i < r.gates.size(); ++i) {
      // As gate_verdict leaves it: carry_history decides drift afresh.
      r.gates[i].drift_since.reset();
      if (gate_mark_[size_t(first) + i] != generation_) continue;
      GateResult fresh = gate_verdict(plan, stage.gates[i], cur, activation_, now, history.gate(i), meter);
      // The summary reads gate statuses (messages are formatted when a
      // report is rendered, from the evaluation as it is then).
      if (fresh.status != r.gates[i].status) summary_needed = true;
      r.gates[i] = std::move(fresh);
    }
    decide_stage_status(r, s, plan, cur, now);
    carry_history(r, history, now);
    if (r.status != before.status || r.score != before.score || !same_approvals(r.approvals, before.approvals))
      summary_needed = true;

    // Transitions (rule 18): against records of this very plan, so every
    // id has one; each stage, then its gates.
    add_stage_transitions(e, r, history);

    // The state this evaluation leaves, record by record (after the
    // history above has been read).
    undo_stages_.emplace_back(s, state_->stages[size_t(s)]);
    state_->stages[size_t(s)] = state::StageRecord{r.status, r.since};
    for (size_t i = 0; i < r.gates.size(); ++i) {
      const GateResult& g = r.gates[i];
      const int flat = first + int(i);
      undo_gates_.emplace_back(flat, state_->gates[size_t(flat)]);
      state_->gates[size_t(flat)] = state::GateRecord{g.status, g.since, g.true_since, g.drift_since};
    }
    before = std::move(r);
  }
}

void IncrementalEvaluator::roll_back(std::shared_ptr<state::State> shared_before, cel::Timestamp evaluated_at) {
  if (shared_before) {
    state_ = std::move(shared_before);  // the copy was being changed, not this
  } else {
    for (auto it = undo_gates_.rbegin(); it != undo_gates_.rend(); ++it)
      state_->gates[size_t(it->first)] = it->second;
    for (auto it = undo_stages_.rbegin(); it != undo_stages_.rend(); ++it)
      state_->stages[size_t(it->first)] = it->second;
    state_->evaluated_at = evaluated_at;
  }
  // The evaluation was half rewritten: the next one is a full one from
  // the state (which gives the same as an incremental one would).
  recycle(std::move(last_), nullptr);
}

void share_unchanged(Inputs& fresh, const Inputs& old) {
  if (fresh.facts.size() == old.facts.size())
    for (size_t f = 0; f < fresh.facts.size(); ++f) {
      const FactTable::Entry& a = fresh.facts[f];
      const FactTable::Entry& b = old.facts[f];
      if (a && b && a != b && same_fact(*a, *b)) fresh.facts.set(f, b);
    }
  // Progress entry by entry, as the facts: the next evaluation then finds
  // only the stages whose progress changed.
  if (fresh.progress.size() == old.progress.size()) {
    bool all_same = true;
    for (size_t s = 0; s < fresh.progress.size(); ++s) {
      if (fresh.progress.entry(s) == old.progress.entry(s)) continue;
      if (same_progress(fresh.progress[s], old.progress[s])) fresh.progress.set(s, old.progress.entry(s));
      else all_same = false;
    }
    if (all_same) fresh.progress = old.progress;
  }
  if (same_vectors(fresh.approvals, old.approvals, same_approval)) {
    fresh.approvals = old.approvals;
    fresh.approvals_by_stage = old.approvals_by_stage;
  }
}

}  // namespace rollgate::engine
