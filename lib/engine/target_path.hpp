// The target's path, critical path and what must change for it to become
// ready (DESIGN precise rule 22).
#pragma once

#include "engine/evaluation.hpp"

namespace rollgate::engine {

// Fills e.target.path, critical_path and blocked_by from e.stages (every
// stage's status decided) and e.plan.  The target is the plan's target
// stages, or every stage when the plan names none.
//
// path: the stages not yet done that a target stage depends on (the target
// stages themselves included), in topological order of the plan graph with
// ties in plan order.  The walk back from the target stages stops at done
// stages, does not follow the `after` entries of a `join: any` stage with a
// done entry, nor (while some entry is not cancelled) its cancelled entries,
// and always follows a sequential matrix copy's previous expansion.
//
// critical_path: the chain of path stages along followed dependencies with
// the most stages, ending at a target stage (several: the one ending the
// longest chain, ties earliest in plan order); stepping back, the
// predecessor with the longest chain, ties earliest in plan order.
//
// blocked_by, in path order, for each path stage: its gates (plan order)
// and missing approvals when it is not yet started, then the stage itself
// when it is needed by another path stage or is a target stage that is
// held, cancelled, frozen or in progress, then each freeze in force whose
// first covered (not yet started) path stage it is.
//
// O((V + E) log V) in the path's stages and dependency edges, plus the
// path stages' gates and approvals and the freezes' stage lists.
void trace_target_path(Evaluation& e);

}  // namespace rollgate::engine
