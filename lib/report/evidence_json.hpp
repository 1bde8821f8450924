// One fact a verdict rests on, as the JSON report's evidence[] writes it:
// {fact, value, missing, stale, observed_at, source, evidence, owner}.
// Shared by the report and the expression probe (rollgate expr, explain).
#pragma once

#include "engine/evaluation.hpp"
#include "report/json_writer.hpp"

namespace rollgate::report {

// With `with_cel`, the value in CEL's notation follows as "cel" (null when
// missing): the expression probe's facts carry it for the command line.
void write_evidence(JsonWriter& w, const engine::Evidence& ev, bool with_cel = false);

}  // namespace rollgate::report
