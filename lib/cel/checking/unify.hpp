// Type unification for the checker: binding type parameters (the A of
// size(list(A))) to argument types, with dyn compatible with everything.
#pragma once

#include <map>
#include <string>

#include "cel/common/type.hpp"

namespace rollgate::cel::detail {

// Bindings of type parameters, by parameter name.
using Substitution = std::map<std::string, Type>;

// Whether a value of type `actual` may be passed where `formal` is
// expected, binding unbound type parameters of either side in `s`.
bool is_assignable(const Type& formal, const Type& actual, Substitution& s);

// `t` with every bound parameter replaced by its binding; unbound ones
// become dyn when `free_to_dyn` (for reporting final types).
Type substitute(const Type& t, const Substitution& s, bool free_to_dyn);

// `t` with its parameters renamed apart ("A" -> "A#7"), so that each use of
// an overload gets its own parameters.
Type rename_params(const Type& t, const std::string& suffix);

// Whether `t` mentions a type parameter anywhere.
bool mentions_type_param(const Type& t);

// The type of a list element / map key or value given two candidates: the
// type itself when they agree, dyn when they don't.
Type join_types(const Type& a, const Type& b, Substitution& s);

}  // namespace rollgate::cel::detail
