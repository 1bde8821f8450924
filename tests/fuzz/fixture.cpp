#include "fixture.hpp"

namespace rollgate_fuzz {

namespace {

void free_text(char* text) { rollgate_free(text); }

void read_stages(const rollgate_report* report) {
  const size_t stages = rollgate_report_stage_count(report);
  for (size_t s = 0; s < stages; ++s) {
    rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
    if (rollgate_report_stage(&stage, report, s, nullptr) != ROLLGATE_OK) std::abort();
    for (size_t g = 0; g < stage.gate_count; ++g) {
      rollgate_gate_info gate = ROLLGATE_GATE_INFO_INIT;
      if (rollgate_report_gate(&gate, report, s, g, nullptr) != ROLLGATE_OK) std::abort();
    }
  }
}

void read_blockers(const rollgate_report* report) {
  const size_t blockers = rollgate_report_blocker_count(report);
  for (size_t b = 0; b < blockers; ++b) {
    rollgate_blocker_info blocker = ROLLGATE_BLOCKER_INFO_INIT;
    if (rollgate_report_blocker(&blocker, report, b, nullptr) != ROLLGATE_OK) std::abort();
    char* held = nullptr;
    rollgate_error* err = nullptr;
    if (rollgate_report_holds_back(&held, nullptr, report, blocker.id,
                                   ROLLGATE_NUL_TERMINATED, &err) != ROLLGATE_OK)
      drain(err);
    free_text(held);
  }
}

}  // namespace

void read_report(const rollgate_report* report) {
  rollgate_target_info target = ROLLGATE_TARGET_INFO_INIT;
  if (rollgate_report_target(&target, report, nullptr) != ROLLGATE_OK) std::abort();
  read_stages(report);
  read_blockers(report);
  for (size_t i = 0; i < rollgate_report_next_count(report); ++i) (void)rollgate_report_next(report, i);
  for (size_t i = 0; i < rollgate_report_warning_count(report); ++i) (void)rollgate_report_warning(report, i);
  (void)rollgate_report_drift_count(report);

  char* text = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_report_json(&text, nullptr, report, &err) != ROLLGATE_OK) drain(err);
  free_text(text);
  text = nullptr;
  rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
  options.flags = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
  if (rollgate_report_json_with(&text, nullptr, report, &options, &err) != ROLLGATE_OK) drain(err);
  free_text(text);
  text = nullptr;
  if (rollgate_report_text(&text, nullptr, report, &err) != ROLLGATE_OK) drain(err);
  free_text(text);
}

const rollgate_plan* fixture_plan() {
  static rollgate_plan* plan = compile_fixture(kPlan);
  return plan;
}

void read_plan(const rollgate_plan* plan) {
  (void)rollgate_plan_name(plan);
  (void)rollgate_plan_digest(plan);
  (void)rollgate_plan_target(plan);
  const size_t stages = rollgate_plan_stage_count(plan);
  for (size_t s = 0; s < stages; ++s) {
    rollgate_plan_stage_info stage = ROLLGATE_PLAN_STAGE_INFO_INIT;
    if (rollgate_plan_stage(&stage, plan, s, nullptr) != ROLLGATE_OK) std::abort();
    for (size_t g = 0; g < stage.gate_count; ++g) {
      rollgate_plan_gate_info gate = ROLLGATE_PLAN_GATE_INFO_INIT;
      if (rollgate_plan_gate(&gate, plan, s, g, nullptr) != ROLLGATE_OK) std::abort();
    }
  }
  for (size_t f = 0; f < rollgate_plan_fact_count(plan); ++f) {
    rollgate_fact_info fact = ROLLGATE_FACT_INFO_INIT;
    if (rollgate_plan_fact(&fact, plan, f, nullptr) != ROLLGATE_OK) std::abort();
  }
}

void evaluate_and_read(rollgate_session* session, int64_t now) {
  rollgate_report* report = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_session_evaluate(&report, session, now, 0, &err) == ROLLGATE_OK) {
    read_report(report);
  } else {
    drain(err);
  }
  rollgate_report_free(report);
}

rollgate_session* fixture_session(const rollgate_plan* plan, const char* facts) {
  rollgate_session* session = nullptr;
  if (rollgate_session_new(&session, plan, nullptr) != ROLLGATE_OK) std::abort();
  limit_for_fuzzing(session);
  if (facts) {
    rollgate_error* err = nullptr;
    if (rollgate_session_set_inputs(session, facts, ROLLGATE_NUL_TERMINATED, "facts.json", &err) != ROLLGATE_OK) {
      drain(err);
      std::abort();
    }
  }
  return session;
}

}  // namespace rollgate_fuzz
