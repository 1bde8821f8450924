// Incremental evaluation (issue 7, item 3): a session's evaluator remembers
// its last evaluation and, when asked again from the state that evaluation
// left, evaluates again only what the changes since can reach:
//
// - gates that read a fact whose node changed (Inputs::facts shares the
//   nodes of unchanged facts), a `stages.<id>.*` variable of a stage whose
//   progress changed, or — when the instant changed — `now`, a fact with
//   max_age that is or becomes stale, or that have hold_for;
// - stages with such a gate, stages whose progress node changed and the
//   stages whose upstream rules read that progress, stages with approval
//   requirements named by an approval whose node changed (all of them when
//   the instant changed), and stages under a freeze when the instant
//   changed;
// - then transitions (only those stages can change status), the state
//   records of those stages, and the summary (blockers, next, target path)
//   when something it reads changed.
//
// The result is exactly engine::evaluate()'s for the same arguments: the
// tests (tests/engine/incremental_test.cpp) compare the JSON reports byte
// for byte.  Any other previous state (restored, cleared, or another
// evaluator's) gives a full evaluation, which then becomes the one
// remembered.
//
// The evaluation and the state are shared with the callers (reports); they
// are changed in place only while nobody else holds them, else copied first
// (O(n)), so an earlier report never changes.  Not thread-safe: one
// evaluator per session, used by one thread at a time.
//
// An evaluation that its meter stops (EvaluationStopped), or any other
// exception, leaves the state exactly as it was: the records an
// incremental evaluation had already rewritten are put back from an undo
// log (O(what it had rewritten)), a full evaluation's state was never
// touched.  The remembered evaluation is dropped, so the next evaluation
// is a full one from that state, which gives what the interrupted one
// would have (the contract above).
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/gate_verdict.hpp"

namespace rollgate::engine {

class IncrementalEvaluator {
 public:
  explicit IncrementalEvaluator(std::shared_ptr<const plan::Plan> plan);

  // As evaluate(plan, inputs, now, previous).  Incremental when `previous`
  // is the state of the last evaluation returned here (state()); that
  // state is then copied first when the caller still holds it.
  // Gates are evaluated through `meter` (null: the default limits).
  std::shared_ptr<const Evaluation> evaluate(std::shared_ptr<const Inputs> inputs, cel::Timestamp now,
                                             const std::shared_ptr<const state::State>& previous,
                                             EvaluationMeter* meter = nullptr);
  // Continues from the state of the last evaluation (a first evaluation
  // when there is none): a session's next evaluation.
  std::shared_ptr<const Evaluation> evaluate_next(std::shared_ptr<const Inputs> inputs, cel::Timestamp now,
                                                  EvaluationMeter* meter = nullptr);

  // The state the last evaluation left (null before the first, or after
  // forget()).
  std::shared_ptr<const state::State> state() const;
  // The last evaluation, or null.
  const std::shared_ptr<const Evaluation> last() const { return last_; }

  // Drops the remembered evaluation: the next evaluation is a full one
  // (its memory is reused when no report holds it any more).
  void forget();

  // Keeps the state but drops the remembered evaluation, so that the next
  // evaluation from that state is a full one: for when gates would now
  // evaluate differently (other per-gate limits).
  void reevaluate_all_next();

  // What the last evaluate() did, for tests and benchmarks.
  struct Stats {
    bool full = true;
    size_t gates_evaluated = 0;
    size_t stages_decided = 0;
    bool summarized = true;
    bool copied = false;  // the evaluation or state was shared and copied
  };
  const Stats& stats() const { return stats_; }

 private:
  struct Index;
  void run(std::shared_ptr<const Inputs> inputs, cel::Timestamp now, const state::State* previous,
           EvaluationMeter* meter);
  void evaluate_full(std::shared_ptr<const Inputs> inputs, cel::Timestamp now, const state::State* previous,
                     EvaluationMeter& meter);
  void evaluate_changes(std::shared_ptr<const Inputs> inputs, cel::Timestamp now, EvaluationMeter& meter);
  void reevaluate_stages(const Inputs& cur, cel::Timestamp now, EvaluationMeter& meter, bool& summary_needed);
  void roll_back(std::shared_ptr<state::State> shared_before, cel::Timestamp evaluated_at);
  bool mark_gate(int gate);
  bool mark_stage(int stage);
  void recycle(std::shared_ptr<Evaluation> evaluation, std::shared_ptr<state::State> state);

  std::shared_ptr<const plan::Plan> plan_;
  std::shared_ptr<const Index> index_;
  std::shared_ptr<Evaluation> last_;
  std::shared_ptr<state::State> state_;  // last_->state, writable
  // An evaluation and a state nobody holds any more, kept for their memory:
  // a full evaluation of a large plan refills them instead of allocating
  // (and page-faulting in) megabytes afresh.
  std::shared_ptr<Evaluation> spare_;
  std::shared_ptr<state::State> spare_state_;
  Activation activation_;
  // Dirty marks by generation, so that nothing is cleared per evaluation.
  uint32_t generation_ = 0;
  std::vector<uint32_t> gate_mark_, stage_mark_;
  std::vector<int> dirty_gates_, dirty_stages_;
  // The records an incremental evaluation rewrote, as they were, so that
  // an interrupted one can put them back (cleared, not freed, each time).
  std::vector<std::pair<int, state::StageRecord>> undo_stages_;
  std::vector<std::pair<int, state::GateRecord>> undo_gates_;
  Stats stats_;
};

// For a session replacing all its inputs (set_inputs): makes `fresh` share
// the fact nodes, progress and approvals of `old` that are equal in value,
// so that the next incremental evaluation sees only what really changed.
void share_unchanged(Inputs& fresh, const Inputs& old);

}  // namespace rollgate::engine
