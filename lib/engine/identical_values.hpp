// Whether two values are the same for everything a report shows of them,
// for deciding whether a fact changed between two evaluations.
#pragma once

#include "cel/common/value.hpp"

namespace rollgate::engine {

// Same kind and same content, lists element by element and maps entry by
// entry in their order (the order a report writes them in).  Doubles are
// compared bit for bit, not by CEL's equality: NaN is identical to the same
// NaN, and -0.0 is not identical to 0.0 (the report writes "-0").  Linear
// in the values' size, with no text made, and iterative, whatever their
// nesting.
bool identical_values(const cel::Value& a, const cel::Value& b);

}  // namespace rollgate::engine
