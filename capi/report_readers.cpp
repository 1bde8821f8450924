// The C ABI's report readers: a report's target, stages, gates, next stages,
// blockers and warnings, field by field as the JSON report writes them but
// without rendering or parsing any JSON.  Each read takes constant time; a
// stage's gate values and messages and the blockers' messages are formatted
// on first read, by the JSON report's own functions (capi/report_texts.hpp).
#include <string>

#include "capi_internal.hpp"
#include "id_lookup.hpp"
#include "reader_fields.hpp"

using rollgate::capi::guarded;
using rollgate::capi::input_text;
using rollgate::capi::null_argument;
using rollgate::capi::out_of_range;
using rollgate::capi::start_info;
using rollgate::engine::GateStatus;
using rollgate::engine::StageStatus;

namespace {

// The C enums are the engine's, value for value.
static_assert(ROLLGATE_STAGE_BLOCKED == int(StageStatus::Blocked));
static_assert(ROLLGATE_STAGE_UNKNOWN == int(StageStatus::Unknown));
static_assert(ROLLGATE_STAGE_SOAKING == int(StageStatus::Soaking));
static_assert(ROLLGATE_STAGE_WAITING == int(StageStatus::Waiting));
static_assert(ROLLGATE_STAGE_FROZEN == int(StageStatus::Frozen));
static_assert(ROLLGATE_STAGE_READY == int(StageStatus::Ready));
static_assert(ROLLGATE_STAGE_IN_PROGRESS == int(StageStatus::InProgress));
static_assert(ROLLGATE_STAGE_DONE == int(StageStatus::Done));
static_assert(ROLLGATE_STAGE_HELD == int(StageStatus::Held));
static_assert(ROLLGATE_STAGE_CANCELLED == int(StageStatus::Cancelled));
constexpr int kStageStatuses = ROLLGATE_STAGE_CANCELLED + 1;

static_assert(ROLLGATE_GATE_PASS == int(GateStatus::Pass));
static_assert(ROLLGATE_GATE_FAIL == int(GateStatus::Fail));
static_assert(ROLLGATE_GATE_UNKNOWN == int(GateStatus::Unknown));
static_assert(ROLLGATE_GATE_ERROR == int(GateStatus::Error));
static_assert(ROLLGATE_GATE_SOAKING == int(GateStatus::Soaking));
constexpr int kGateStatuses = ROLLGATE_GATE_SOAKING + 1;

}  // namespace

extern "C" {

ROLLGATE_API const char* rollgate_stage_status_string(rollgate_stage_status status) {
  const int value = rollgate::capi::enum_value(status);
  return value >= 0 && value < kStageStatuses ? rollgate::engine::to_string(static_cast<StageStatus>(value))
                                              : "unknown status";
}

ROLLGATE_API const char* rollgate_gate_status_string(rollgate_gate_status status) {
  const int value = rollgate::capi::enum_value(status);
  return value >= 0 && value < kGateStatuses ? rollgate::engine::to_string(static_cast<GateStatus>(value))
                                             : "unknown status";
}

ROLLGATE_API rollgate_status rollgate_report_target(rollgate_target_info* out, const rollgate_report* report,
                                                    rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_report_target";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_target_info", ROLLGATE_TARGET_INFO_VERSION)) return bad;
    if (!report) return null_argument(err, fn, "report");
    const rollgate::engine::TargetResult& target = report->evaluation().target;
    out->id = target.id.c_str();
    out->status = target.status.c_str();
    out->met = target.met ? 1 : 0;
    return ROLLGATE_OK;
  });
}

ROLLGATE_API size_t rollgate_report_stage_count(const rollgate_report* report) {
  return report ? report->evaluation().stages.size() : 0;
}

ROLLGATE_API rollgate_status rollgate_report_stage(rollgate_stage_info* out, const rollgate_report* report,
                                                   size_t stage, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_report_stage";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_stage_info", ROLLGATE_STAGE_INFO_VERSION)) return bad;
    if (!report) return null_argument(err, fn, "report");
    const std::vector<rollgate::engine::StageResult>& stages = report->evaluation().stages;
    if (stage >= stages.size()) return out_of_range(err, fn, "stage", stage, stages.size(), "stages");
    const rollgate::engine::StageResult& r = stages[stage];
    out->id = r.stage->id.c_str();
    out->status = static_cast<rollgate_stage_status>(r.status);
    out->has_score = r.score ? 1 : 0;
    out->score = r.score.value_or(0.0);
    out->since_seconds = r.since.seconds;
    out->since_nanos = r.since.nanos;
    out->drift = r.drift ? 1 : 0;
    out->gate_count = r.gates.size();
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_report_stage_find(size_t* index, const rollgate_report* report,
                                                        const char* id, size_t id_len, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (index) *index = ROLLGATE_NO_INDEX;
    if (!index) return null_argument(err, "rollgate_report_stage_find", "index");
    if (!report) return null_argument(err, "rollgate_report_stage_find", "report");
    if (!id) return null_argument(err, "rollgate_report_stage_find", "id");
    return rollgate::capi::find_stage(index, *report->evaluation().plan, input_text(id, id_len), err);
  });
}

ROLLGATE_API rollgate_status rollgate_report_gate(rollgate_gate_info* out, const rollgate_report* report,
                                                  size_t stage, size_t gate, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_report_gate";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_gate_info", ROLLGATE_GATE_INFO_VERSION)) return bad;
    if (!report) return null_argument(err, fn, "report");
    const rollgate::engine::Evaluation& e = report->evaluation();
    if (stage >= e.stages.size()) return out_of_range(err, fn, "stage", stage, e.stages.size(), "stages");
    const std::vector<rollgate::engine::GateResult>& gates = e.stages[stage].gates;
    if (gate >= gates.size()) return out_of_range(err, fn, "gate", gate, gates.size(), "gates in the stage");
    const rollgate::engine::GateResult& g = gates[gate];
    const rollgate::capi::GateText& text = report->texts.gates(e, stage)[gate];
    out->id = g.gate->full_id.c_str();
    out->kind = static_cast<rollgate_gate_kind>(g.gate->kind);
    out->status = static_cast<rollgate_gate_status>(g.status);
    out->since_seconds = g.since.seconds;
    out->since_nanos = g.since.nanos;
    out->value = text.value.c_str();
    out->message = text.message.c_str();
    out->drift = g.drift_since ? 1 : 0;
    return ROLLGATE_OK;
  });
}

ROLLGATE_API size_t rollgate_report_next_count(const rollgate_report* report) {
  return report ? report->evaluation().next.size() : 0;
}

ROLLGATE_API size_t rollgate_report_next(const rollgate_report* report, size_t i) {
  if (!report || i >= report->evaluation().next.size()) return ROLLGATE_NO_INDEX;
  return size_t(report->evaluation().next[i]);
}

ROLLGATE_API size_t rollgate_report_blocker_count(const rollgate_report* report) {
  return report ? report->evaluation().blockers.size() : 0;
}

ROLLGATE_API rollgate_status rollgate_report_blocker(rollgate_blocker_info* out, const rollgate_report* report,
                                                     size_t index, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    constexpr const char* fn = "rollgate_report_blocker";
    if (rollgate_status bad = start_info(err, fn, out, "rollgate_blocker_info", ROLLGATE_BLOCKER_INFO_VERSION)) return bad;
    if (!report) return null_argument(err, fn, "report");
    const rollgate::engine::Evaluation& e = report->evaluation();
    if (index >= e.blockers.size()) return out_of_range(err, fn, "index", index, e.blockers.size(), "blockers");
    const rollgate::engine::Blocker& b = e.blockers[index];
    out->id = b.id.c_str();
    out->kind = b.kind.c_str();
    out->stage = size_t(b.stage);
    out->status = b.status.c_str();
    out->owner = b.owner.c_str();
    out->message = report->texts.blocker_messages(e)[index].c_str();
    out->holds_back_count = b.holds_back_count;
    return ROLLGATE_OK;
  });
}

ROLLGATE_API size_t rollgate_report_warning_count(const rollgate_report* report) {
  return report ? report->evaluation().warnings.size() : 0;
}

ROLLGATE_API const char* rollgate_report_warning(const rollgate_report* report, size_t i) {
  if (!report || i >= report->evaluation().warnings.size()) return nullptr;
  return report->evaluation().warnings[i].c_str();
}

}  // extern "C"
