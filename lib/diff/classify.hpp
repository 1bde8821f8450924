// The class of a single-valued change (DESIGN rule 20): which direction
// demands more of a rollout.  Each function is called only for values that
// differ.
#pragma once

#include <optional>

#include "cel/common/time.hpp"
#include "diff/change.hpp"
#include "plan/model.hpp"

namespace rollgate::diff {

// A whole stage, must- or should-gate, `after` entry or approval role:
// added tightens, removed loosens.
ChangeClass by_presence(ChangeKind change);

// min_score, approval min: up tightens.
ChangeClass higher_is_tighter(double from, double to);

// hold_for: up, or newly set, tightens (absent holds for no time).
ChangeClass longer_is_tighter(const std::optional<cel::Duration>& from,
                              const std::optional<cel::Duration>& to);

// max_age of facts and approvals, defaults.max_age: down, or newly set,
// tightens (absent accepts any age).
ChangeClass shorter_is_tighter(const std::optional<cel::Duration>& from,
                               const std::optional<cel::Duration>& to);

// advisory -> should -> must tightens.
ChangeClass by_kind(plan::GateKind from, plan::GateKind to);

// To `ignore` loosens, from `ignore` tightens, hold <-> block is changed.
ChangeClass by_on_unknown(plan::OnUnknown from, plan::OnUnknown to);

// any -> all tightens.
ChangeClass by_join(plan::Join from, plan::Join to);

// parallel -> sequential tightens.
ChangeClass by_order(bool from_sequential, bool to_sequential);

}  // namespace rollgate::diff
