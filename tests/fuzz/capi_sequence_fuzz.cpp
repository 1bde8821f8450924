// Fuzz target: the C ABI as a sequence of calls on live handles.  Each
// input is a small program: every step picks a call and its arguments
// (indices past the end, NULL strings, invalid times and enum values,
// texts from the input) and applies it to a few plans, sessions and
// reports held at once.  Misuse an embedder could commit through the
// documented interface must give an error status, never a crash; calls
// that would be undefined behaviour by the header's own rules (a freed
// handle, a non-NUL-terminated string where one is required) are not
// made.
#include <algorithm>
#include <array>
#include <string>

#include "byte_reader.hpp"
#include "fixture.hpp"

using namespace rollgate_fuzz;

namespace {

constexpr size_t kSlots = 3;

struct Handles {
  std::array<rollgate_plan*, kSlots> plans{};
  std::array<rollgate_session*, kSlots> sessions{};
  std::array<rollgate_report*, kSlots> reports{};

  ~Handles() {
    for (auto* r : reports) rollgate_report_free(r);
    for (auto* s : sessions) rollgate_session_free(s);
    for (auto* p : plans) rollgate_plan_free(p);
  }
};

// A NUL-terminated copy of a slice, or NULL when the next byte says so.
struct CString {
  std::string text;
  bool null = false;
  const char* get() const { return null ? nullptr : text.c_str(); }
};

CString c_string(ByteReader& in) {
  CString s;
  s.null = in.below(8) == 0;
  s.text = std::string(in.text());
  s.text.erase(std::find(s.text.begin(), s.text.end(), '\0'), s.text.end());
  return s;
}

// A fact name: mostly one the session's plan declares, sometimes any text.
std::string fact_name(ByteReader& in, const rollgate_plan* plan) {
  const size_t count = plan ? rollgate_plan_fact_count(plan) : 0;
  if (count == 0 || in.below(4) == 0) return std::string(in.text());
  rollgate_fact_info fact = ROLLGATE_FACT_INFO_INIT;
  if (rollgate_plan_fact(&fact, plan, in.below(count), nullptr) != ROLLGATE_OK) std::abort();
  return fact.name;
}

// A stage id: mostly one of the plan's, sometimes any text.
std::string stage_id(ByteReader& in, const rollgate_plan* plan) {
  const size_t count = plan ? rollgate_plan_stage_count(plan) : 0;
  if (count == 0 || in.below(4) == 0) return std::string(in.text());
  return rollgate_plan_stage_id(plan, in.below(count));
}

// Mostly plausible times near the fixture's instant, sometimes any.
int64_t seconds(ByteReader& in) {
  return in.below(4) == 0 ? in.integer<int64_t>() : kNow + in.integer<int32_t>();
}
int32_t nanos(ByteReader& in) { return in.below(8) == 0 ? in.integer<int32_t>() : 0; }

rollgate_fact_meta fact_meta(ByteReader& in, const CString& source, const CString& evidence) {
  rollgate_fact_meta meta = ROLLGATE_FACT_META_INIT;
  meta.version = in.below(16) == 0 ? in.byte() : ROLLGATE_FACT_META_VERSION;
  meta.has_observed_at = in.below(2);
  meta.observed_at_seconds = seconds(in);
  meta.observed_at_nanos = nanos(in);
  meta.source = source.get();
  meta.evidence = evidence.get();
  return meta;
}

void set_fact(ByteReader& in, rollgate_session* session, const rollgate_plan* plan) {
  const std::string name = fact_name(in, plan);
  const CString source = c_string(in), evidence = c_string(in);
  const rollgate_fact_meta meta = fact_meta(in, source, evidence);
  const rollgate_fact_meta* m = in.below(4) == 0 ? nullptr : &meta;
  rollgate_error* err = nullptr;
  const char* n = name.data();
  const size_t len = name.size();
  switch (in.below(9)) {
    case 0: rollgate_session_set_fact_bool(session, n, len, in.integer<int32_t>(), m, &err); break;
    case 1: rollgate_session_set_fact_int(session, n, len, in.integer<int64_t>(), m, &err); break;
    case 2: rollgate_session_set_fact_uint(session, n, len, in.integer<uint64_t>(), m, &err); break;
    case 3: rollgate_session_set_fact_double(session, n, len, in.integer<double>(), m, &err); break;
    case 4: {
      const std::string_view v = in.text();
      rollgate_session_set_fact_string(session, n, len, v.data(), v.size(), m, &err);
      break;
    }
    case 5: rollgate_session_set_fact_timestamp(session, n, len, seconds(in), nanos(in), m, &err); break;
    case 6: rollgate_session_set_fact_duration(session, n, len, in.integer<int64_t>(), nanos(in), m, &err); break;
    case 7: {
      const std::string_view v = in.text();
      rollgate_session_set_fact_json(session, n, len, v.data(), v.size(), m, &err);
      break;
    }
    default: {
      const std::string_view v = in.text();
      rollgate_session_set_fact(session, n, len, v.data(), v.size(), &err);
    }
  }
  drain(err);
}

void set_progress(ByteReader& in, rollgate_session* session, const rollgate_plan* plan) {
  const std::string id = stage_id(in, plan);
  const CString by = c_string(in), reason = c_string(in);
  rollgate_progress progress = ROLLGATE_PROGRESS_INIT;
  progress.version = in.below(16) == 0 ? in.byte() : ROLLGATE_PROGRESS_VERSION;
  // An out-of-range state is a caller's mistake the library must refuse.
  const int32_t state = in.below(8) == 0 ? in.integer<int32_t>() : int32_t(in.below(6));
  std::memcpy(&progress.state, &state, sizeof state);
  progress.has_started_at = in.below(2);
  progress.started_at_seconds = seconds(in);
  progress.started_at_nanos = nanos(in);
  progress.has_done_at = in.below(2);
  progress.done_at_seconds = seconds(in);
  progress.done_at_nanos = nanos(in);
  progress.requested_by = by.get();
  progress.reason = reason.get();
  rollgate_error* err = nullptr;
  rollgate_session_set_progress(session, id.data(), id.size(), in.below(4) == 0 ? nullptr : &progress, &err);
  drain(err);
}

void add_approval(ByteReader& in, rollgate_session* session, const rollgate_plan* plan) {
  CString stage;
  stage.text = stage_id(in, plan);
  stage.null = in.below(16) == 0;
  const CString role = c_string(in), by = c_string(in), note = c_string(in);
  rollgate_approval approval = ROLLGATE_APPROVAL_INIT;
  approval.version = in.below(16) == 0 ? in.byte() : ROLLGATE_APPROVAL_VERSION;
  approval.stage = stage.get();
  approval.role = in.below(2) ? "security" : role.get();
  approval.by = by.get();
  approval.has_at = in.below(2);
  approval.at_seconds = seconds(in);
  approval.at_nanos = nanos(in);
  approval.note = note.get();
  rollgate_error* err = nullptr;
  rollgate_session_add_approval(session, &approval, &err);
  drain(err);
}

void set_options(ByteReader& in, rollgate_session* session) {
  rollgate_session_options options;
  rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION);
  options.version = in.below(8) == 0 ? in.byte() : options.version;
  // Small budgets only: a fuzzer's step must stay short.
  options.max_cost = in.below(100000);
  options.max_iterations = in.below(10000);
  options.max_string_bytes = in.integer<uint16_t>();
  options.max_list_size = in.integer<uint16_t>();
  options.max_total_cost = in.integer<uint16_t>() * 16u;
  options.max_bytes = in.integer<uint16_t>() * 64u;
  options.max_total_bytes = in.integer<uint16_t>() * 256u;
  if (options.max_cost == 0) options.max_cost = 1000;
  if (options.max_iterations == 0) options.max_iterations = 1000;
  if (options.max_total_cost == 0) options.max_total_cost = 100000;
  options.has_deadline = in.below(2);
  options.deadline_seconds = in.below(2) ? 0 : 4102444800;  // past, or 2100
  options.deadline_nanos = nanos(in);
  rollgate_error* err = nullptr;
  rollgate_session_set_options(session, in.below(8) == 0 ? nullptr : &options, &err);
  drain(err);
}

void read_by_index(ByteReader& in, const rollgate_report* report) {
  rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
  stage.version = in.below(8) == 0 ? in.byte() : ROLLGATE_STAGE_INFO_VERSION;
  const size_t s = in.below(8) == 0 ? in.integer<size_t>() : in.below(rollgate_report_stage_count(report) + 2);
  rollgate_error* err = nullptr;
  rollgate_report_stage(&stage, report, s, &err);
  drain(err);
  rollgate_gate_info gate = ROLLGATE_GATE_INFO_INIT;
  rollgate_report_gate(&gate, report, s, in.below(8), &err);
  drain(err);
  rollgate_blocker_info blocker = ROLLGATE_BLOCKER_INFO_INIT;
  rollgate_report_blocker(&blocker, report, in.below(rollgate_report_blocker_count(report) + 2), &err);
  drain(err);
  (void)rollgate_report_next(report, in.below(rollgate_report_next_count(report) + 2));
  (void)rollgate_report_warning(report, in.below(rollgate_report_warning_count(report) + 2));
  const std::string_view id = in.text();
  char* held = nullptr;
  rollgate_report_holds_back(&held, nullptr, report, id.data(), id.size(), &err);
  drain(err);
  rollgate_free(held);
  size_t index = 0;
  rollgate_report_stage_find(&index, report, id.data(), id.size(), &err);
  drain(err);
}

// One step of the program: a call chosen by the next byte.
void step(ByteReader& in, Handles& h) {
  const size_t a = in.below(kSlots), b = in.below(kSlots);
  rollgate_plan*& plan = h.plans[a];
  rollgate_session*& session = h.sessions[a];
  rollgate_report*& report = h.reports[a];
  rollgate_error* err = nullptr;
  switch (in.below(20)) {
    case 0:
      rollgate_plan_free(plan);
      plan = compile_fixture(kPlan);
      break;
    case 1: {
      const std::string_view text = in.text();
      rollgate_plan* compiled = nullptr;
      if (rollgate_plan_compile(&compiled, text.data(), text.size(), in.below(2) ? "p.json" : nullptr, &err) == ROLLGATE_OK) {
        rollgate_plan_free(plan);
        plan = compiled;
      }
      drain(err);
      break;
    }
    case 2:
      rollgate_plan_free(plan);  // sessions keep their plan alive
      plan = nullptr;
      break;
    case 3:
      if (plan) {
        rollgate_session_free(session);
        session = nullptr;
        if (rollgate_session_new(&session, plan, &err) != ROLLGATE_OK) std::abort();
        limit_for_fuzzing(session);
      }
      break;
    case 4:
      rollgate_session_free(session);
      session = nullptr;
      break;
    case 5:
      if (session) {
        const std::string_view text = in.below(2) ? std::string_view(kFacts) : in.text();
        if (in.below(2)) rollgate_session_set_inputs(session, text.data(), text.size(), "f.json", &err);
        else rollgate_session_update_inputs(session, text.data(), text.size(), nullptr, &err);
        drain(err);
      }
      break;
    case 6: if (session) set_fact(in, session, plan); break;
    case 7:
      if (session) {
        const std::string name = fact_name(in, plan);
        rollgate_session_clear_fact(session, name.data(), name.size(), &err);
        drain(err);
      }
      break;
    case 8: if (session) set_progress(in, session, plan); break;
    case 9: if (session) add_approval(in, session, plan); break;
    case 10: if (session) set_options(in, session); break;
    case 11:
      if (session) {
        rollgate_report* fresh = nullptr;
        if (rollgate_session_evaluate(&fresh, session, seconds(in), nanos(in), &err) == ROLLGATE_OK) {
          rollgate_report_free(report);
          report = fresh;
        }
        drain(err);
      }
      break;
    case 12:
      if (session) {
        const std::string_view patch = in.text();
        rollgate_report* fresh = nullptr;
        if (rollgate_session_what_if(&fresh, session, patch.data(), patch.size(), "w.json", seconds(in), nanos(in), &err) == ROLLGATE_OK) {
          rollgate_report_free(report);
          report = fresh;
        }
        drain(err);
      }
      break;
    case 13:
      if (session) {
        const std::string_view expr = in.text();
        char* json = nullptr;
        rollgate_session_evaluate_expr(&json, nullptr, session, expr.data(), expr.size(), in.below(3), seconds(in), nanos(in), &err);
        drain(err);
        rollgate_free(json);
      }
      break;
    case 14: if (report) read_by_index(in, report); break;
    case 15: if (report) read_report(report); break;
    case 16:
      rollgate_report_free(report);
      report = nullptr;
      break;
    case 17:
      if (session && h.sessions[b]) {
        char* state = nullptr;
        size_t length = 0;
        if (rollgate_session_state(&state, &length, session, &err) != ROLLGATE_OK) std::abort();
        rollgate_session_set_state(h.sessions[b], state, length, "state.json", &err);
        drain(err);
        rollgate_free(state);
      }
      break;
    case 18:
      if (session) {
        rollgate_session_clear_state(session, &err);
        drain(err);
      }
      break;
    default:
      if (plan && h.plans[b]) {
        char* out = nullptr;
        int32_t loosened = 0;
        rollgate_plan_diff(&out, nullptr, &loosened, plan, h.plans[b], rollgate_format(in.below(3)), &err);
        drain(err);
        rollgate_free(out);
      }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ByteReader in(data, size);
  Handles handles;
  handles.plans[0] = compile_fixture(kPlan);
  // A bounded number of steps keeps one input's run short.
  for (int i = 0; i < 64 && !in.empty(); ++i) step(in, handles);
  return 0;
}
