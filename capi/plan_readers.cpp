// The C ABI's plan introspection: stages, gates, fact declarations and the
// target of a compiled plan, read without the plan file.  Every reader takes
// constant time: `after` edges and fact types were made once, at compile
// time (capi/plan_outline.hpp), and look-ups by name are hashed.
#include <string>

#include "capi_internal.hpp"
#include "id_lookup.hpp"
#include "reader_fields.hpp"

using rollgate::capi::guarded;
using rollgate::capi::input_text;
using rollgate::capi::null_argument;
using rollgate::capi::out_of_range;
using rollgate::capi::start_info;

namespace {

static_assert(ROLLGATE_GATE_MUST == int(rollgate::plan::GateKind::Must));
static_assert(ROLLGATE_GATE_SHOULD == int(rollgate::plan::GateKind::Should));
static_assert(ROLLGATE_GATE_ADVISORY == int(rollgate::plan::GateKind::Advisory));

// Fills the duration fields of a caller's struct: has = 0 and both parts 0
// when there is none.
void put_duration(const std::optional<rollgate::cel::Duration>& d, int32_t* has, int64_t* seconds,
                  int32_t* nanos) {
  *has = d ? 1 : 0;
  *seconds = d ? d->seconds : 0;
  *nanos = d ? d->nanos : 0;
}

}  // namespace

extern "C" {

ROLLGATE_API rollgate_status rollgate_plan_stage_find(size_t* index, const rollgate_plan* plan, const char* id,
                                                      size_t id_len, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (index) *index = ROLLGATE_NO_INDEX;
    if (!index) return null_argument(err, "rollgate_plan_stage_find", "index");
    if (!plan) return null_argument(err, "rollgate_plan_stage_find", "plan");
    if (!id) return null_argument(err, "rollgate_plan_stage_find", "id");
    return rollgate::capi::find_stage(index, *plan->plan, input_text(id, id_len), err);
  });
}

ROLLGATE_API const char* rollgate_plan_target(const rollgate_plan* plan) {
  return plan ? plan->plan->target_id.c_str() : "";
}

ROLLGATE_API rollgate_status rollgate_plan_stage(rollgate_plan_stage_info* out, const rollgate_plan* plan,
                                                 size_t stage, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_plan_stage";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_plan_stage_info", ROLLGATE_PLAN_STAGE_INFO_VERSION)) return bad;
    if (!plan) return null_argument(err, fn, "plan");
    const rollgate::plan::Plan& p = *plan->plan;
    if (stage >= p.stages.size()) return out_of_range(err, fn, "stage", stage, p.stages.size(), "stages");
    const rollgate::plan::Stage& s = p.stages[stage];
    std::span<const size_t> after = plan->outline.after(stage);
    out->id = s.id.c_str();
    out->title = s.title.c_str();
    out->owner = s.owner.c_str();
    out->description = s.description.c_str();
    out->matrix_id = s.group_id != s.id ? s.group_id.c_str() : "";
    out->after = after.empty() ? nullptr : after.data();
    out->after_count = after.size();
    out->gate_count = s.gates.size();
    out->approval_count = s.approvals.size();
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_plan_gate(rollgate_plan_gate_info* out, const rollgate_plan* plan,
                                                size_t stage, size_t gate, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_plan_gate";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_plan_gate_info", ROLLGATE_PLAN_GATE_INFO_VERSION)) return bad;
    if (!plan) return null_argument(err, fn, "plan");
    const rollgate::plan::Plan& p = *plan->plan;
    if (stage >= p.stages.size()) return out_of_range(err, fn, "stage", stage, p.stages.size(), "stages");
    const std::vector<rollgate::plan::Gate>& gates = p.stages[stage].gates;
    if (gate >= gates.size()) return out_of_range(err, fn, "gate", gate, gates.size(), "gates in the stage");
    const rollgate::plan::Gate& g = gates[gate];
    out->id = g.full_id.c_str();
    out->name = g.id.c_str();
    out->kind = static_cast<rollgate_gate_kind>(g.kind);
    out->expression = g.expr.c_str();
    out->owner = g.owner.c_str();
    out->category = g.category.c_str();
    out->description = g.description.c_str();
    out->weight = g.weight;
    put_duration(g.hold_for, &out->has_hold_for, &out->hold_for_seconds, &out->hold_for_nanos);
    return ROLLGATE_OK;
  });
}

ROLLGATE_API size_t rollgate_plan_fact_count(const rollgate_plan* plan) {
  return plan ? plan->plan->facts.size() : 0;
}

ROLLGATE_API rollgate_status rollgate_plan_fact(rollgate_fact_info* out, const rollgate_plan* plan, size_t index,
                                                rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_plan_fact";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_fact_info", ROLLGATE_FACT_INFO_VERSION)) return bad;
    if (!plan) return null_argument(err, fn, "plan");
    const rollgate::plan::Plan& p = *plan->plan;
    if (index >= p.facts.size()) return out_of_range(err, fn, "index", index, p.facts.size(), "facts");
    const rollgate::plan::FactDecl& f = p.facts[index];
    out->name = f.name.c_str();
    out->type = plan->outline.fact_type(index);
    out->owner = f.owner.c_str();
    out->unit = f.unit.c_str();
    out->description = f.description.c_str();
    // The loader already put the plan's default in where a fact has none.
    put_duration(f.max_age, &out->has_max_age, &out->max_age_seconds, &out->max_age_nanos);
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_plan_fact_find(size_t* index, const rollgate_plan* plan, const char* name,
                                                     size_t name_len, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (index) *index = ROLLGATE_NO_INDEX;
    if (!index) return null_argument(err, "rollgate_plan_fact_find", "index");
    if (!plan) return null_argument(err, "rollgate_plan_fact_find", "plan");
    if (!name) return null_argument(err, "rollgate_plan_fact_find", "name");
    return rollgate::capi::find_fact(index, *plan->plan, input_text(name, name_len), err);
  });
}

}  // extern "C"
