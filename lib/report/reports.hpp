// The two renderings of an Evaluation: JSON for programs (stable field
// names, docs/REPORT.md) and text for people.
#pragma once

#include <string>

#include "engine/evaluation.hpp"

namespace rollgate::report {

std::string to_json(const engine::Evaluation& e);
std::string to_text(const engine::Evaluation& e);

}  // namespace rollgate::report
