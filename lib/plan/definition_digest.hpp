// A gate's definition digest (DESIGN rule 15): what a saved state record of
// the gate was measured against.  A record whose digest differs from the
// gate's current one no longer applies (rule 19).
#pragma once

#include <string>

#include "plan/model.hpp"

namespace rollgate::plan {

// "sha256:<hex>" over the canonical JSON of {expr, kind, on_unknown}, with
// `expr` after matrix substitution and defaults applied.
std::string definition_digest(std::string_view expr, GateKind kind, OnUnknown on_unknown);

}  // namespace rollgate::plan
