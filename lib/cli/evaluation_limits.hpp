// --limit NAME=N: the evaluation options of docs/LIMITS.md from the command
// line, applied to a session (rollgate_session_set_options).
#pragma once

#include <rollgate/rollgate.hpp>

#include <string>
#include <vector>

namespace rollgate::cli {

// Sets the limits named in `settings` ("max_cost=1000000"), every other one
// at its default; nothing when `settings` is empty.  Throws
// std::runtime_error naming the setting for an unknown name (with the
// closest one), a value that is not a whole number, or 0.
void apply_limits(rollgate::Session& session, const std::vector<std::string>& settings);

}  // namespace rollgate::cli
