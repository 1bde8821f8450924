// rollgate/report.hpp — the outcome of one evaluation.
#ifndef ROLLGATE_REPORT_HPP
#define ROLLGATE_REPORT_HPP

#include <rollgate/error.hpp>
#include <rollgate/plan.hpp>
#include <rollgate/time.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate {

/// A stage's status (docs/REPORT.md), value for value rollgate_stage_status.
enum class StageStatus {
  Blocked = ROLLGATE_STAGE_BLOCKED,
  Unknown = ROLLGATE_STAGE_UNKNOWN,
  Soaking = ROLLGATE_STAGE_SOAKING,
  Waiting = ROLLGATE_STAGE_WAITING,
  Frozen = ROLLGATE_STAGE_FROZEN,
  Ready = ROLLGATE_STAGE_READY,
  InProgress = ROLLGATE_STAGE_IN_PROGRESS,
  Done = ROLLGATE_STAGE_DONE,
  Held = ROLLGATE_STAGE_HELD,
  Cancelled = ROLLGATE_STAGE_CANCELLED,
};

/// A gate's status, value for value rollgate_gate_status.
enum class GateStatus {
  Pass = ROLLGATE_GATE_PASS,
  Fail = ROLLGATE_GATE_FAIL,
  Unknown = ROLLGATE_GATE_UNKNOWN,
  Error = ROLLGATE_GATE_ERROR,
  Soaking = ROLLGATE_GATE_SOAKING,
};

/// The report's name for a status, as the JSON report writes it
/// ("in_progress", "soaking").  Static storage.
inline const char* to_string(StageStatus status) noexcept {
  return rollgate_stage_status_string(static_cast<rollgate_stage_status>(status));
}
inline const char* to_string(GateStatus status) noexcept {
  return rollgate_gate_status_string(static_cast<rollgate_gate_status>(status));
}

/// The report's target (its "target" member).
struct Target {
  std::string id;      ///< The plan's target id; empty when the plan names none.
  /// A stage status name for a stage target, else "done", "ready" or "not_ready".
  std::string status;
  bool met = false;    ///< As Report::target_met().
};

/// One stage of a report (rollgate_report_stage()).
struct StageResult {
  std::string id;
  StageStatus status = StageStatus::Blocked;
  std::optional<double> score;  ///< Weighted share of should-gates passing; none without should-gates.
  Timestamp since;              ///< Since when the stage has had this status.
  bool drift = false;           ///< Some gate of the stage drifts (DESIGN rule 17).
  std::size_t gate_count = 0;   ///< Its gates, for Report::gate().
};

/// One gate's verdict (rollgate_report_gate()).
struct GateResult {
  std::string id;               ///< Full id, "pilot/uptime".
  GateKind kind = GateKind::Must;
  GateStatus status = GateStatus::Pass;
  Timestamp since;              ///< Since when the gate has had this status.
  /// The JSON report's "value" as text: "true" or "false"; a value of another
  /// type in CEL notation ("3"); empty for an unknown or an error (the JSON
  /// report writes null, and the message says why).
  std::string value;
  std::string message;          ///< The report's message for the gate.
  bool drift = false;           ///< The gate drifts (DESIGN rule 17).
};

/// One entry of the report's blockers[] (rollgate_report_blocker()).
struct Blocker {
  std::string id;               ///< "stage/gate", "stage/approval:role" or "stage".
  std::string kind;             ///< "gate", "approval" or "stage".
  std::size_t stage = 0;        ///< The index of the stage it belongs to.
  std::string status;           ///< Its gate's or stage's status as the report writes it.
  std::string owner;            ///< Who can clear it; empty when nobody is named.
  std::string message;          ///< The report's message for it.
  std::size_t holds_back_count = 0;  ///< Stages it keeps from starting (Report::holds_back()).
};

namespace detail {

struct ReportFree {
  void operator()(rollgate_report* r) const noexcept { rollgate_report_free(r); }
};

struct BufferFree {
  void operator()(char* p) const noexcept { rollgate_free(p); }
};

// Calls a rollgate_report_json-shaped function and copies the buffer out,
// freeing it with rollgate_free().
template <typename Fn>
std::string render(Fn fn, const rollgate_report* report) {
  char* raw = nullptr;
  std::size_t len = 0;
  rollgate_error* err = nullptr;
  const rollgate_status status = fn(&raw, &len, report, &err);
  std::unique_ptr<char, BufferFree> buffer(raw);
  check(status, err);
  return buffer ? std::string(buffer.get(), len) : std::string();
}

}  // namespace detail

/// The outcome of one evaluation: every stage's status, every gate's verdict
/// with its evidence, blockers, the stages ready to start, the target.
///
/// Move-only; owns its native report.  Reports never change once made: any
/// number of threads may read and render one at once (const members).
/// A moved-from Report is empty: json() and text() throw Error
/// (ROLLGATE_EINVAL) and target_met() is false.
class Report {
 public:
  /// Takes ownership of a native report (from rollgate_session_evaluate()).
  explicit Report(rollgate_report* adopted) noexcept : report_(adopted) {}

  /// The report as JSON (docs/REPORT.md describes every field).
  /// @throws Error (ROLLGATE_EINVAL for an empty Report, ROLLGATE_ENOMEM).
  std::string json() const { return detail::render(&rollgate_report_json, report_.get()); }

  /// The report as JSON laid out as `flags` says: ROLLGATE_JSON_COMPACT (no
  /// whitespace), ROLLGATE_JSON_SUMMARY (each stage lists only the gates that
  /// do not pass); 0 is json().
  /// @throws Error (ROLLGATE_EINVAL for an empty Report or an unknown flag,
  /// ROLLGATE_ENOMEM).
  std::string json(unsigned flags) const {
    rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
    options.flags = flags;
    return detail::render(
        [&options](char** json, std::size_t* len, const rollgate_report* report, rollgate_error** err) {
          return rollgate_report_json_with(json, len, report, &options, err);
        },
        report_.get());
  }

  /// One stage of the report as JSON: {report_version, detail (summary
  /// only), plan, evaluated_at, stage, drift}, where `stage` is the stage's
  /// entry of stages[] laid out as `flags` says (as for json(flags)) and
  /// `drift` its entries of drift[].  Renders that stage alone, so its cost
  /// does not grow with the plan.
  /// @throws Error (ROLLGATE_EINVAL for an index out of range, an unknown
  /// flag or an empty Report, ROLLGATE_ENOMEM).
  std::string stage_json(std::size_t index, unsigned flags = 0) const {
    rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
    options.flags = flags;
    return detail::render(
        [&options, index](char** json, std::size_t* len, const rollgate_report* report, rollgate_error** err) {
          return rollgate_report_stage_json(json, len, report, index, &options, err);
        },
        report_.get());
  }

  /// The report as text for people, as `rollgate eval --format text` prints it.
  /// @throws Error (ROLLGATE_EINVAL for an empty Report, ROLLGATE_ENOMEM).
  std::string text() const { return detail::render(&rollgate_report_text, report_.get()); }

  /// True when the plan's target (or, without a target, every stage) is
  /// ready or done: the condition under which the command line exits 0.
  bool target_met() const noexcept { return rollgate_report_target_met(report_.get()) == 1; }

  /// How many gates drift (the report's drift[]); the command line's
  /// --fail-on-drift exits 1 when it is not 0.
  std::size_t drift_count() const noexcept { return rollgate_report_drift_count(report_.get()); }

  /// Every stage the blocker `blocker_id` (a blockers[] `id`: "stage/gate",
  /// "stage/approval:role" or "stage") holds back, as a JSON array of stage
  /// ids in plan order; the report's blockers[] list only the first 10 of
  /// them beside holds_back_count.
  /// @throws Error (ROLLGATE_EINPUT when no blocker has that id,
  /// ROLLGATE_EINVAL for an empty Report, ROLLGATE_ENOMEM).
  std::string holds_back(const std::string& blocker_id) const {
    char* raw = nullptr;
    std::size_t len = 0;
    rollgate_error* err = nullptr;
    const rollgate_status status =
        rollgate_report_holds_back(&raw, &len, report_.get(), blocker_id.data(), blocker_id.size(), &err);
    std::unique_ptr<char, detail::BufferFree> buffer(raw);
    check(status, err);
    return buffer ? std::string(buffer.get(), len) : std::string();
  }

  // Reading the report without JSON: each read is constant time (a stage's
  // gate messages are formatted on its first gate read), and any number of
  // threads may read one report at once.

  /// The report's target.
  /// @throws Error (ROLLGATE_EINVAL for an empty Report).
  Target target() const {
    rollgate_target_info info = ROLLGATE_TARGET_INFO_INIT;
    rollgate_error* err = nullptr;
    check(rollgate_report_target(&info, report_.get(), &err), err);
    return Target{detail::to_string(info.id), detail::to_string(info.status), info.met != 0};
  }

  /// Number of stages: the plan's, in plan order (Plan::stage()'s indices).
  std::size_t stage_count() const noexcept { return rollgate_report_stage_count(report_.get()); }

  /// Stage `index` (plan order).
  /// @throws Error (ROLLGATE_EINVAL for an index out of range or an empty Report).
  StageResult stage(std::size_t index) const {
    rollgate_stage_info info = ROLLGATE_STAGE_INFO_INIT;
    rollgate_error* err = nullptr;
    check(rollgate_report_stage(&info, report_.get(), index, &err), err);
    StageResult out;
    out.id = detail::to_string(info.id);
    out.status = static_cast<StageStatus>(info.status);
    if (info.has_score) out.score = info.score;
    out.since = Timestamp{info.since_seconds, info.since_nanos};
    out.drift = info.drift != 0;
    out.gate_count = info.gate_count;
    return out;
  }

  /// The index of stage `id` (after matrix expansion), in constant time.
  /// @throws Error with ROLLGATE_EINPUT when there is no such stage.
  std::size_t stage_index(std::string_view id) const {
    std::size_t index = ROLLGATE_NO_INDEX;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_report_stage_find(
        &index, report_.get(), id.data() ? id.data() : "", id.size(), &err);
    check(status, err);
    return index;
  }

  /// The stage `id`.
  /// @throws Error as stage_index().
  StageResult stage(std::string_view id) const { return stage(stage_index(id)); }

  /// Gate `index` of stage `stage`.
  /// @throws Error (ROLLGATE_EINVAL for an index out of range or an empty
  ///         Report, ROLLGATE_ENOMEM).
  GateResult gate(std::size_t stage, std::size_t index) const {
    rollgate_gate_info info = ROLLGATE_GATE_INFO_INIT;
    rollgate_error* err = nullptr;
    check(rollgate_report_gate(&info, report_.get(), stage, index, &err), err);
    GateResult out;
    out.id = detail::to_string(info.id);
    out.kind = static_cast<GateKind>(info.kind);
    out.status = static_cast<GateStatus>(info.status);
    out.since = Timestamp{info.since_seconds, info.since_nanos};
    out.value = detail::to_string(info.value);
    out.message = detail::to_string(info.message);
    out.drift = info.drift != 0;
    return out;
  }

  /// The report's next[]: the indices of the stages ready to start, in plan order.
  std::vector<std::size_t> next() const {
    std::vector<std::size_t> out(rollgate_report_next_count(report_.get()));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rollgate_report_next(report_.get(), i);
    return out;
  }

  /// The report's blockers[], ranked as there.
  /// @throws Error (ROLLGATE_ENOMEM).
  std::vector<Blocker> blockers() const {
    std::vector<Blocker> out;
    const std::size_t n = rollgate_report_blocker_count(report_.get());
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      rollgate_blocker_info info = ROLLGATE_BLOCKER_INFO_INIT;
      rollgate_error* err = nullptr;
      check(rollgate_report_blocker(&info, report_.get(), i, &err), err);
      out.push_back(Blocker{detail::to_string(info.id), detail::to_string(info.kind), info.stage,
                            detail::to_string(info.status), detail::to_string(info.owner),
                            detail::to_string(info.message), info.holds_back_count});
    }
    return out;
  }

  /// The report's warnings[] (undeclared facts, state of another plan version, ...).
  std::vector<std::string> warnings() const {
    std::vector<std::string> out(rollgate_report_warning_count(report_.get()));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = detail::to_string(rollgate_report_warning(report_.get(), i));
    return out;
  }

  /// The native handle, borrowed: valid while this Report lives.
  const rollgate_report* native_handle() const noexcept { return report_.get(); }

 private:
  std::unique_ptr<rollgate_report, detail::ReportFree> report_;
};

}  // namespace rollgate

#endif  // ROLLGATE_REPORT_HPP
