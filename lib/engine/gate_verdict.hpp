// One gate's verdict: evaluate its compiled expression against the
// activation and turn the CEL result into pass / fail / unknown / error /
// soaking, with the evidence it rests on and a message for people.
#pragma once

#include <span>
#include <vector>

#include "engine/evaluation.hpp"
#include "state/state.hpp"

namespace rollgate::engine {

// The activation for one evaluation: each fact's value, or an Unknown for
// a fact that is missing or stale; then the built-ins.
struct Activation {
  std::vector<cel::Value> slots;
  std::vector<bool> stale;  // per fact
};

Activation make_activation(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now);

// `previous` is the gate's record in the previous state, when it has one
// that still applies (same definition): a soak carries on from it.
GateResult gate_verdict(const plan::Plan& plan, const plan::Gate& gate, const Inputs& inputs,
                        const Activation& activation, cel::Timestamp now,
                        const state::GateRecord* previous);

}  // namespace rollgate::engine
