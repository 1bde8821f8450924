// CEL's equality and ordering of runtime values, shared by the map index in
// value.cpp and the comparison operators of the standard library.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>

#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// Heterogeneous equality (CEL spec): numbers compare by numeric value
// whatever their kind, lists and maps deeply, NaN equals nothing, and values
// of different non-numeric kinds are simply unequal.
bool values_equal(const Value& a, const Value& b);

// Ordering for < <= > >=: numbers across kinds (exactly, without rounding
// int64 to double), and same-kind strings, bytes, bools, timestamps and
// durations.  `unordered` for NaN and for kinds that have no ordering.
std::partial_ordering compare_values(const Value& a, const Value& b);

// Exact numeric comparisons across kinds.
std::partial_ordering compare_int_double(int64_t i, double d);
std::partial_ordering compare_uint_double(uint64_t u, double d);
std::strong_ordering compare_int_uint(int64_t i, uint64_t u);

bool is_numeric(Value::Kind kind);

// A hash consistent with values_equal for map keys (bool, int, uint, string
// and the doubles a lookup may use): equal keys hash alike.
size_t key_hash(const Value& key);

}  // namespace rollgate::cel::detail
