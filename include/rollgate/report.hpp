// rollgate/report.hpp — the outcome of one evaluation.
#ifndef ROLLGATE_REPORT_HPP
#define ROLLGATE_REPORT_HPP

#include <rollgate/error.hpp>

#include <cstddef>
#include <memory>
#include <string>

namespace rollgate {

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
/// Move-only; owns its native report.  Belongs to one thread at a time.
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

  /// The native handle, borrowed: valid while this Report lives.
  const rollgate_report* native_handle() const noexcept { return report_.get(); }

 private:
  std::unique_ptr<rollgate_report, detail::ReportFree> report_;
};

}  // namespace rollgate

#endif  // ROLLGATE_REPORT_HPP
