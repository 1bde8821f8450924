// One gate's verdict: evaluate its compiled expression against the
// activation and turn the CEL result into pass / fail / unknown / error /
// soaking, with the evidence it rests on and a message for people.
#pragma once

#include <span>
#include <vector>

#include "engine/evaluation.hpp"

namespace rollgate::engine {

// The activation for one evaluation: each fact's value, or an Unknown for
// a fact that is missing or stale; then the built-ins.
struct Activation {
  std::vector<cel::Value> slots;
  std::vector<bool> stale;  // per fact
};

Activation make_activation(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now);

GateResult gate_verdict(const plan::Plan& plan, const plan::Gate& gate, const Inputs& inputs,
                        const Activation& activation, cel::Timestamp now);

}  // namespace rollgate::engine
