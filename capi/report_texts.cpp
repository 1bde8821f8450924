#include "report_texts.hpp"

#include "engine/blockers.hpp"
#include "engine/gate_verdict.hpp"

namespace rollgate::capi {

ReportTexts::~ReportTexts() {
  for (size_t s = 0; s < slot_count_; ++s) delete slots_[s].load(std::memory_order_relaxed);
  delete blockers_.load(std::memory_order_relaxed);
}

ReportTexts::StageSlot* ReportTexts::stage_slots(size_t stage_count) {
  if (StageSlot* slots = published_slots_.load(std::memory_order_acquire)) return slots;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!slots_) {
    slots_ = std::make_unique<StageSlot[]>(stage_count);  // value-initialised: every slot null
    slot_count_ = stage_count;
    published_slots_.store(slots_.get(), std::memory_order_release);
  }
  return slots_.get();
}

const std::vector<GateText>& ReportTexts::gates(const engine::Evaluation& e, size_t stage) {
  StageSlot& slot = stage_slots(e.stages.size())[stage];
  if (const std::vector<GateText>* made = slot.load(std::memory_order_acquire)) return *made;
  std::lock_guard<std::mutex> lock(mutex_);
  if (const std::vector<GateText>* made = slot.load(std::memory_order_relaxed)) return *made;
  auto texts = std::make_unique<std::vector<GateText>>();
  const engine::StageResult& r = e.stages[stage];
  texts->reserve(r.gates.size());
  for (const engine::GateResult& g : r.gates) texts->push_back({gate_value_text(g), engine::gate_message(e, g)});
  slot.store(texts.get(), std::memory_order_release);
  return *texts.release();
}

const std::vector<std::string>& ReportTexts::blocker_messages(const engine::Evaluation& e) {
  if (const std::vector<std::string>* made = blockers_.load(std::memory_order_acquire)) return *made;
  std::lock_guard<std::mutex> lock(mutex_);
  if (const std::vector<std::string>* made = blockers_.load(std::memory_order_relaxed)) return *made;
  auto messages = std::make_unique<std::vector<std::string>>();
  messages->reserve(e.blockers.size());
  for (const engine::Blocker& b : e.blockers) messages->push_back(engine::blocker_message(e, b));
  blockers_.store(messages.get(), std::memory_order_release);
  return *messages.release();
}

std::string gate_value_text(const engine::GateResult& g) {
  if (g.value) return *g.value ? "true" : "false";
  switch (g.result.kind()) {
    case cel::Value::Kind::Unknown:
    case cel::Value::Kind::Error:
      return "";
    default:
      return g.result.debug_string();
  }
}

}  // namespace rollgate::capi
