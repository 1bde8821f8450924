// The C ABI of the plan diff (DESIGN rule 20): rollgate_plan_diff.
#include "diff/diff.hpp"

#include "capi_internal.hpp"

using rollgate::capi::copy_out;
using rollgate::capi::fail;
using rollgate::capi::guarded;
using rollgate::capi::null_argument;

extern "C" {

ROLLGATE_API rollgate_status rollgate_plan_diff(char** out, size_t* out_len, int32_t* loosened,
                                                const rollgate_plan* old_plan, const rollgate_plan* new_plan,
                                                rollgate_format format, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (out) *out = nullptr;
    if (out_len) *out_len = 0;
    if (loosened) *loosened = 0;
    if (!out) return null_argument(err, "rollgate_plan_diff", "out");
    if (!old_plan) return null_argument(err, "rollgate_plan_diff", "old_plan");
    if (!new_plan) return null_argument(err, "rollgate_plan_diff", "new_plan");
    const int format_value = rollgate::capi::enum_value(format);
    if (format_value != ROLLGATE_FORMAT_JSON && format_value != ROLLGATE_FORMAT_TEXT)
      return fail(err, ROLLGATE_EINVAL,
                  "unknown format " + std::to_string(format_value) +
                      " (ROLLGATE_FORMAT_JSON or ROLLGATE_FORMAT_TEXT)");
    rollgate::diff::PlanDiff diff = rollgate::diff::diff_plans(*old_plan->plan, *new_plan->plan);
    std::string text =
        format_value == ROLLGATE_FORMAT_JSON ? rollgate::diff::to_json(diff) : rollgate::diff::to_text(diff);
    rollgate_status status = copy_out(out, out_len, text);
    if (status == ROLLGATE_OK && loosened) *loosened = diff.loosened ? 1 : 0;
    return status;
  });
}

}  // extern "C"
