// How large a plan may be (docs/LIMITS.md, "Input limits"): its document,
// what it declares and expands to, and the length of its ids, titles and
// expressions.  Each has a default far above any real plan (the 1M-gate,
// 100k-stage benchmark plan loads under them) and may be set per compile
// (rollgate_plan_options, `--limit NAME=N`).
#pragma once

#include <cstddef>

#include "json/document_limits.hpp"

namespace rollgate::plan {

// Ten times the benchmark plan's gates and stages, a hundred times its facts.
constexpr size_t kDefaultMaxStages = 1'000'000;
constexpr size_t kDefaultMaxGates = 10'000'000;
constexpr size_t kDefaultMaxFacts = 1'000'000;
// A hundred matrix stages at the per-stage cap (kMaxMatrixExpansions).
constexpr size_t kDefaultMaxMatrixExpansions = 100'000;
// A hundred times the text of a large hand-written plan.
constexpr size_t kDefaultMaxMatrixTextBytes = size_t(64) << 20;
// Ids and names are read by people and repeated in every report line.
constexpr size_t kDefaultMaxIdBytes = 1024;
constexpr size_t kDefaultMaxTitleBytes = 4096;
// A gate's expression is a line or a few; 64 KiB is a thousand of them.
constexpr size_t kDefaultMaxExpressionBytes = size_t(64) << 10;

struct PlanLimits {
  json::DocumentLimits document;  // the plan's JSON text
  size_t max_stages = kDefaultMaxStages;  // after matrix expansion
  size_t max_gates = kDefaultMaxGates;    // after matrix expansion
  size_t max_facts = kDefaultMaxFacts;
  size_t max_matrix_expansions = kDefaultMaxMatrixExpansions;  // of all matrix stages together
  size_t max_matrix_text_bytes = kDefaultMaxMatrixTextBytes;   // the text they copy
  // Stage and gate ids (an expansion's included), fact names, the plan's
  // name, roles, owners, categories and units.
  size_t max_id_bytes = kDefaultMaxIdBytes;
  size_t max_title_bytes = kDefaultMaxTitleBytes;  // the plan's and stages' titles
  size_t max_expression_bytes = kDefaultMaxExpressionBytes;  // a gate's, after substitution
};

}  // namespace rollgate::plan
