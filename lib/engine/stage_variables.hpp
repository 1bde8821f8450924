// The `stages` built-in's values for one evaluation (DESIGN rule 11):
// stages.<id>.state, .started_at and .done_at from the progress people set.
#pragma once

#include <string>
#include <vector>

#include "cel/common/value.hpp"
#include "engine/inputs.hpp"
#include "plan/model.hpp"

namespace rollgate::engine {

// Writes every stage variable's value into its slot.  A time that is not
// known is an Unknown, so a gate reading it is unknown, not wrong.
void fill_stage_variables(const plan::Plan& plan, const Inputs& inputs, std::vector<cel::Value>& slots);

// "stages.pilot.started_at" for a stage variable's slot, or "" for any
// other slot.
std::string stage_variable_name(const plan::Plan& plan, int slot);

}  // namespace rollgate::engine
