// Loading the inputs of one evaluation for eval, graph and explain: the
// plan, the facts, the progress document, the previous state and the
// instant, each file read and checked with its name in every error.
#pragma once

#include <rollgate/rollgate.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "commands.hpp"

namespace rollgate::cli {

struct LoadedSession {
  rollgate::Plan plan;
  rollgate::Session session;
  rollgate::Timestamp now;  // --now, else the current time
};

// Compiles the plan, sets the facts, merges the progress document (its
// progress and approvals; docs/FACTS.md) and restores the state when its
// file exists (a state file that does not exist yet means a first
// evaluation).  Throws rollgate::Error or std::runtime_error on bad input.
LoadedSession load_session(const EvaluationInputs& inputs);

// The instant `now` names (RFC 3339), or the current time when unset.
rollgate::Timestamp evaluation_instant(const std::optional<std::string>& now);

}  // namespace rollgate::cli
