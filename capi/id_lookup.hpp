// Finding a stage or a fact declaration by name for the readers, in constant
// time (the plan's hashed indexes), with a "did you mean" error when there is
// none.
#pragma once

#include <cstddef>
#include <string_view>

#include "plan/model.hpp"
#include "rollgate.h"

namespace rollgate::capi {

// Sets *index to the index of the stage `id` (after matrix expansion).
// Otherwise *index is ROLLGATE_NO_INDEX and the call fails with
// ROLLGATE_EINPUT: one problem of kind "unknown-id" whose subject is the id
// (a stage), whose suggestion is the closest stage id, and whose message
// names a matrix id's expansions.
rollgate_status find_stage(size_t* index, const plan::Plan& plan, std::string_view id, rollgate_error** err);

// Sets *index to the index of the fact declaration `name`.  Otherwise
// *index is ROLLGATE_NO_INDEX and the call fails with ROLLGATE_EINPUT: one
// problem of kind "undeclared-fact" whose subject is the name (a fact) and
// whose suggestion is the closest declared name.
rollgate_status find_fact(size_t* index, const plan::Plan& plan, std::string_view name, rollgate_error** err);

}  // namespace rollgate::capi
