// The two renderings of an Evaluation: JSON for programs (stable field
// names, docs/REPORT.md) and text for people.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/evaluation.hpp"

namespace rollgate::report {

// How the JSON report is laid out; the defaults give the full report.
struct JsonOptions {
  // No whitespace between tokens (same content, about a third smaller).
  bool compact = false;
  // Summary detail, for organisation-sized plans: each stage lists only
  // its gates that do not pass (every field as in the full report) and
  // counts the others in "passing_gates"; the report says
  // "detail": "summary".  Everything else is as in the full report.
  bool summary = false;
};

std::string to_json(const engine::Evaluation& e, const JsonOptions& options = {});
std::string to_text(const engine::Evaluation& e);

// One stage of the report, for a page or a command about that stage alone:
// {report_version, detail (summary only), plan, evaluated_at, stage, drift}
// where `stage` is the stage's entry of the report's stages[] in the same
// layout and `drift` its entries of drift[].  Linear in the stage's gates
// and the facts they read, not in the plan: a 1M-gate report need not be
// rendered to show one stage.  Throws std::out_of_range for a stage index
// past the plan's.
std::string stage_json(const engine::Evaluation& e, size_t stage, const JsonOptions& options = {});

// The whole set of stages the blocker `blocker_id` (a blockers[] id) holds
// back, as a JSON array of stage ids in plan order (the report lists only
// the first engine::kHoldsBackListed); nullopt when no blocker has that id.
std::optional<std::string> held_back_json(const engine::Evaluation& e, std::string_view blocker_id);

}  // namespace rollgate::report
