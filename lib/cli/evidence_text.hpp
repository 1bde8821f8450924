// One fact an expression read (an entry of rollgate_session_evaluate_expr's
// "facts"), in words for `expr` and `explain`.
#pragma once

#include <rollgate/rollgate.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace rollgate::cli {

// "adoption.north = 0.71" (the value in CEL's notation) or
// "adoption.south is missing".
std::string fact_value_text(const boost::json::object& fact);

// "stale, observed 2026-11-22 23:00 UTC (10h ago), source booking
// analytics, https://..., owner pmo": what is known of the observation, ""
// when nothing is.
std::string observation_text(const boost::json::object& fact, rollgate::Timestamp now);

}  // namespace rollgate::cli
