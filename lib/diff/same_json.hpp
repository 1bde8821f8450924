// Deep equality of plan values as written, without allocating.
#pragma once

#include <boost/json/value.hpp>

namespace rollgate::diff {

// Whether `a` and `b` are the same JSON value: objects equal whatever their
// member order, arrays element by element, scalars as Boost.JSON compares
// them.  Boost.JSON's operator== (1.81) copies every member of an object
// while comparing, inside a noexcept function, so running out of memory
// there ends the process; this one allocates nothing.  It recurses as deep
// as the values nest, which the JSON reader bounds (docs/LIMITS.md).
bool same_json(const boost::json::value& a, const boost::json::value& b) noexcept;

}  // namespace rollgate::diff
