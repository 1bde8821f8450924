// The C ABI of plan limits: rollgate_plan_options (plan/plan_limits.hpp)
// and the compile that takes them.
#include <cstring>

#include "capi_internal.hpp"
#include "plan/loader.hpp"

using rollgate::capi::check_version;
using rollgate::capi::fail;
using rollgate::capi::guarded;
using rollgate::capi::null_argument;

namespace {

constexpr unsigned int kKnownVersion = ROLLGATE_PLAN_OPTIONS_VERSION;

// A limit of 0 means its default; a count past what size_t holds (a 32-bit
// host) means no limit, which it cannot reach anyway.
size_t or_default(uint64_t value, size_t fallback) {
  if (value == 0) return fallback;
  return value > SIZE_MAX ? SIZE_MAX : size_t(value);
}

rollgate::plan::PlanLimits to_limits(const rollgate_plan_options& o) {
  rollgate::plan::PlanLimits out;
  out.document.max_bytes = or_default(o.max_document_bytes, out.document.max_bytes);
  out.document.max_depth = unsigned(or_default(o.max_json_depth, out.document.max_depth));
  out.max_stages = or_default(o.max_stages, out.max_stages);
  out.max_gates = or_default(o.max_gates, out.max_gates);
  out.max_facts = or_default(o.max_facts, out.max_facts);
  out.max_matrix_expansions = or_default(o.max_matrix_expansions, out.max_matrix_expansions);
  out.max_matrix_text_bytes = or_default(o.max_matrix_text_bytes, out.max_matrix_text_bytes);
  out.max_id_bytes = or_default(o.max_id_bytes, out.max_id_bytes);
  out.max_title_bytes = or_default(o.max_title_bytes, out.max_title_bytes);
  out.max_expression_bytes = or_default(o.max_expression_bytes, out.max_expression_bytes);
  return out;
}

}  // namespace

namespace rollgate::capi {

rollgate_status compile_plan(const char* function, rollgate_plan** out, const char* json, size_t json_len,
                             const char* file_name, const plan::PlanLimits& limits, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (out) *out = nullptr;
    if (!out) return null_argument(err, function, "out");
    if (!json) return null_argument(err, function, "json");
    // No file name: the problems name no file rather than an invented one.
    plan::LoadResult loaded = plan::load_plan(input_text(json, json_len), file_name ? file_name : "", limits);
    if (!loaded.plan)
      return fail(err, loaded.malformed_json ? ROLLGATE_EJSON : ROLLGATE_EPLAN, std::move(loaded.errors));
    PlanOutline outline(*loaded.plan);  // for the plan readers, once
    *out = new rollgate_plan{std::move(loaded.plan), std::move(outline)};
    return ROLLGATE_OK;
  });
}

rollgate_status check_json_depth(rollgate_error** err, const char* function, uint64_t depth) {
  if (depth <= json::kMostJsonDepth) return ROLLGATE_OK;
  return fail(err, ROLLGATE_EINVAL,
              std::string(function) + ": max_json_depth " + std::to_string(depth) + " is above the most, " +
                  std::to_string(json::kMostJsonDepth));
}

}  // namespace rollgate::capi

extern "C" {

ROLLGATE_API rollgate_status rollgate_plan_options_init(rollgate_plan_options* options, unsigned int version) {
  return guarded(nullptr, [&]() -> rollgate_status {
    if (!options) return ROLLGATE_EINVAL;
    if (version < 1 || version > kKnownVersion) return ROLLGATE_EINVAL;
    const rollgate::plan::PlanLimits limits;
    rollgate_plan_options defaults{};
    defaults.version = version;
    defaults.max_document_bytes = limits.document.max_bytes;
    defaults.max_json_depth = limits.document.max_depth;
    defaults.max_stages = limits.max_stages;
    defaults.max_gates = limits.max_gates;
    defaults.max_facts = limits.max_facts;
    defaults.max_matrix_expansions = limits.max_matrix_expansions;
    defaults.max_matrix_text_bytes = limits.max_matrix_text_bytes;
    defaults.max_id_bytes = limits.max_id_bytes;
    defaults.max_title_bytes = limits.max_title_bytes;
    defaults.max_expression_bytes = limits.max_expression_bytes;
    // Version 1 is the whole struct; a later version will copy only the
    // fields of the caller's, as rollgate_session_options_init does.
    std::memcpy(options, &defaults, sizeof defaults);
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_plan_compile_with(rollgate_plan** out, const char* json, size_t json_len,
                                                        const char* file_name, const rollgate_plan_options* options,
                                                        rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (out) *out = nullptr;
    if (!options)
      return rollgate::capi::compile_plan("rollgate_plan_compile_with", out, json, json_len, file_name,
                                          rollgate::plan::PlanLimits{}, err);
    if (rollgate_status bad = check_version(err, "rollgate_plan_compile_with", "rollgate_plan_options",
                                            options->version, kKnownVersion))
      return bad;
    if (rollgate_status bad = rollgate::capi::check_json_depth(err, "rollgate_plan_compile_with",
                                                               options->max_json_depth))
      return bad;
    return rollgate::capi::compile_plan("rollgate_plan_compile_with", out, json, json_len, file_name,
                                        to_limits(*options), err);
  });
}

}  // extern "C"
