// --limit NAME=N: the limits of docs/LIMITS.md from the command line, for
// the plans a command compiles (rollgate_plan_options) and the session it
// evaluates with (rollgate_session_options).
#pragma once

#include <rollgate/rollgate.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

// The limits that `--limit` settings name, every other one 0 (its default).
struct CommandLimits {
  rollgate::PlanOptions plan;
  rollgate::SessionOptions session;
  bool any = false;  // some setting was given
};

// Reads settings such as "max_cost=1000000".  max_document_bytes and
// max_json_depth bound every document a command reads, the plan included.
// Throws std::runtime_error naming the setting for an unknown name (with
// the closest one), a value that is not a whole number, or 0.
CommandLimits read_limits(const std::vector<std::string>& settings);

// Compiles the plan of `path` within `limits`.
rollgate::Plan compile_plan(const std::string& text, std::string_view path, const CommandLimits& limits);

// Sets the session's limits when some were given (otherwise it keeps the
// defaults, and nothing is re-evaluated).
void apply_limits(rollgate::Session& session, const CommandLimits& limits);

// Every name --limit knows, for help texts: "max_cost, max_iterations,
// ..." in lines of at most `width` characters.
std::string limit_names(std::size_t width);

}  // namespace rollgate::cli
