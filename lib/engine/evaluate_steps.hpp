// The steps of engine::evaluate(), for the incremental evaluator
// (incremental.hpp), which keeps the activation and the state between
// evaluations instead of building them anew.
#pragma once

#include <memory>

#include "engine/evaluation.hpp"
#include "engine/gate_verdict.hpp"

namespace rollgate::engine {

// evaluate() without the state it leaves behind (e.state stays null):
// every stage against `previous` (null: a first evaluation), transitions
// and the plan-changed warning, then the summary.  `activation` is
// make_activation(*plan, *inputs, now).  Gates are evaluated through
// `meter` (EvaluationStopped may unwind out of here).
Evaluation evaluate_with(std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                         cel::Timestamp now, const state::State* previous, const Activation& activation,
                         EvaluationMeter& meter);

// The same into `e`, an earlier evaluation of the same plan whose memory
// (the stage and gate vectors) is reused: nothing of it survives but the
// capacity.  Every field is set as evaluate_with() sets it.
void evaluate_into(Evaluation& e, std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                   cel::Timestamp now, const state::State* previous, const Activation& activation,
                   EvaluationMeter& meter);

}  // namespace rollgate::engine
