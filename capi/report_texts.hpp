// The strings the report readers (capi/report_readers.cpp) hand out that the
// evaluation does not hold: each gate's value text and message, and each
// blocker's message.  The JSON report formats them while it renders; the
// readers format them on first read, a stage's gates together and every
// blocker together, and keep them until the report is freed, so that the
// pointers they lend stay valid.
//
// Reports are read from many threads at once: each set of strings is
// published through an atomic pointer (a read of strings already made takes
// no lock) and made at most once, under a mutex.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/evaluation.hpp"

namespace rollgate::capi {

struct GateText {
  std::string value;    // "true", "false", a non-bool value's CEL text, or ""
  std::string message;  // as the JSON report's "message"
};

class ReportTexts {
 public:
  ReportTexts() = default;
  ReportTexts(const ReportTexts&) = delete;
  ReportTexts& operator=(const ReportTexts&) = delete;
  ~ReportTexts();

  // The texts of stage `stage`'s gates, in its order.  Linear in that
  // stage's gates and their evidence the first time, constant after.
  const std::vector<GateText>& gates(const engine::Evaluation& e, size_t stage);

  // Each blocker's message, in e.blockers' order.  Linear in the blockers
  // the first time, constant after.
  const std::vector<std::string>& blocker_messages(const engine::Evaluation& e);

 private:
  using StageSlot = std::atomic<const std::vector<GateText>*>;

  // One slot per stage, allocated on the first gate read (a report that is
  // only rendered as JSON never pays for it).
  StageSlot* stage_slots(size_t stage_count);

  std::mutex mutex_;
  std::unique_ptr<StageSlot[]> slots_;         // written under mutex_
  size_t slot_count_ = 0;                      // written under mutex_
  std::atomic<StageSlot*> published_slots_{nullptr};
  std::atomic<const std::vector<std::string>*> blockers_{nullptr};
};

// The JSON report's "value" of a gate as text: "true" or "false" for a bool;
// for a value of another type its CEL text, as the message quotes it ("the
// gate yielded 3, not a bool"); "" for an unknown or an error (the report
// writes null, and the message says why).
std::string gate_value_text(const engine::GateResult& g);

}  // namespace rollgate::capi
