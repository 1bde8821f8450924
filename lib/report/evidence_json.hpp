// One fact a verdict rests on, as the JSON report's evidence[] writes it:
// {fact, value, missing, stale, observed_at, source, evidence, owner}.
// Shared by the report and the expression probe (rollgate expr, explain).
#pragma once

#include <cstddef>

#include "engine/evaluation.hpp"
#include "report/json_writer.hpp"

namespace rollgate::report {

// A fact's value whose JSON is longer than this is shortened in evidence:
// `value` null, and `value_truncated` {bytes, prefix} with the whole JSON's
// size and its first this many bytes (docs/REPORT.md).  Four times a long
// URL list or manifest excerpt a person reads in a report, a thousandth of
// a 4 MB fact.
constexpr size_t kMaxEvidenceValueBytes = 4096;

// With `with_cel`, the value in CEL's notation follows as "cel" (null when
// missing): the expression probe's facts carry it for the command line.
void write_evidence(JsonWriter& w, const engine::Evidence& ev, bool with_cel = false);

}  // namespace rollgate::report
