// The two renderings of an Evaluation: JSON for programs (stable field
// names, docs/REPORT.md) and text for people.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/evaluation.hpp"

namespace rollgate::report {

std::string to_json(const engine::Evaluation& e);
std::string to_text(const engine::Evaluation& e);

// The whole set of stages the blocker `blocker_id` (a blockers[] id) holds
// back, as a JSON array of stage ids in plan order (the report lists only
// the first engine::kHoldsBackListed); nullopt when no blocker has that id.
std::optional<std::string> held_back_json(const engine::Evaluation& e, std::string_view blocker_id);

}  // namespace rollgate::report
