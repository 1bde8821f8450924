// One gate's verdict: evaluate its compiled expression against the
// activation and turn the CEL result into pass / fail / unknown / error /
// soaking.  The evidence it rests on and its message for people are
// formatted on demand, when a report is rendered.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/evaluation_limits.hpp"
#include "state/state.hpp"

namespace rollgate::engine {

// The activation for one evaluation: each fact's value, or an Unknown for
// a fact that is missing or stale; then the built-ins.
struct Activation {
  std::vector<cel::Value> slots;
  std::vector<bool> stale;  // per fact
};

// Rule 4: older than its max_age (the fact's own, else the plan default).
bool is_stale(const plan::FactDecl& decl, const FactInput& input, cel::Timestamp now);

Activation make_activation(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now);

// Why `unknown` (an Unknown value) is unknown, for people: "fact 'x' is
// missing; fact 'y' is stale (observed ..., 9d ago; max_age 7d)".
std::string describe_unknowns(const plan::Plan& plan, const cel::Value& unknown,
                              const Inputs& inputs, cel::Timestamp now);

// `previous` is the gate's record in the previous state, when it has one
// that still applies (same definition): a soak carries on from it.  The
// expression is evaluated through `meter`, within its limits (throws
// EvaluationStopped when a whole-evaluation bound stops the evaluation).
GateResult gate_verdict(const plan::Plan& plan, const plan::Gate& gate, const Inputs& inputs,
                        const Activation& activation, cel::Timestamp now,
                        const state::GateRecord* previous, EvaluationMeter& meter);

// Every fact the gate's expression reads, in declaration order, with its
// input (null when missing) and whether it is stale at the evaluation's
// instant.
std::vector<Evidence> gate_evidence(const Evaluation& e, const GateResult& g);
std::vector<Evidence> gate_evidence(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now,
                                    const GateResult& g);

// Why the gate has its status, for people: the facts it read and their
// values, which fact is missing or stale, the error, or how long a soak
// has left.
std::string gate_message(const Evaluation& e, const GateResult& g);
std::string gate_message(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now,
                         const GateResult& g);

}  // namespace rollgate::engine
