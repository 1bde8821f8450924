// Timestamp and duration accessors (getFullYear, getHours, ...).
#include "cel/overloads.hpp"

namespace rollgate::cel::detail {

void register_time_functions(FunctionRegistry&) {}

}  // namespace rollgate::cel::detail
