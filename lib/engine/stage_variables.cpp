#include "engine/stage_variables.hpp"

#include <algorithm>
#include <optional>

namespace rollgate::engine {

namespace {

// How one stage's progress reads through `stages` (rule 11): held and
// cancelled show as in_progress once started, else not_started;
// rolled_back shows as not_started with no times.
struct StageView {
  enum State { NotStarted, InProgress, Done } state = NotStarted;
  std::optional<cel::Timestamp> started_at;
  std::optional<cel::Timestamp> done_at;
};

StageView view_of(const StageProgress& p) {
  StageView v;
  if (p.state == ProgressState::RolledBack) return v;
  v.started_at = p.started_at;
  switch (p.state) {
    case ProgressState::Done:
      v.state = StageView::Done;
      v.done_at = p.done_at;
      break;
    case ProgressState::InProgress: v.state = StageView::InProgress; break;
    case ProgressState::Held:
    case ProgressState::Cancelled:
      v.state = p.started_at ? StageView::InProgress : StageView::NotStarted;
      break;
    default: break;
  }
  return v;
}

// A matrix id: done when every expansion is done, in progress when any has
// started; it started when its first expansion did and was done when its
// last one was.
StageView view_of_group(const std::vector<int>& stages, const Inputs& inputs) {
  if (stages.size() == 1) return view_of(inputs.progress[size_t(stages[0])]);
  StageView group;
  bool all_done = true, any_started = false, all_done_times = true;
  for (int s : stages) {
    StageView v = view_of(inputs.progress[size_t(s)]);
    all_done = all_done && v.state == StageView::Done;
    any_started = any_started || v.state != StageView::NotStarted;
    if (v.started_at && (!group.started_at || *v.started_at < *group.started_at)) group.started_at = v.started_at;
    if (!v.done_at) all_done_times = false;
    else if (!group.done_at || *group.done_at < *v.done_at) group.done_at = v.done_at;
  }
  group.state = all_done ? StageView::Done : any_started ? StageView::InProgress : StageView::NotStarted;
  if (!all_done || !all_done_times) group.done_at.reset();
  if (!any_started) group.started_at.reset();
  return group;
}

cel::Value time_or_unknown(const std::optional<cel::Timestamp>& t, int slot) {
  return t ? cel::Value::timestamp(*t) : cel::Value::unknown({slot});
}

}  // namespace

void fill_stage_variables(const plan::Plan& plan, const Inputs& inputs, std::vector<cel::Value>& slots) {
  static const char* const kStateNames[] = {"not_started", "in_progress", "done"};
  for (const plan::StageVariables& var : plan.stage_variables) {
    StageView v = view_of_group(var.stages, inputs);
    slots[size_t(var.state_slot)] = cel::Value::string(kStateNames[v.state]);
    slots[size_t(var.started_at_slot)] = time_or_unknown(v.started_at, var.started_at_slot);
    slots[size_t(var.done_at_slot)] = time_or_unknown(v.done_at, var.done_at_slot);
  }
}

std::string stage_variable_name(const plan::Plan& plan, int slot) {
  for (const plan::StageVariables& var : plan.stage_variables) {
    if (slot == var.started_at_slot) return "stages." + var.id + ".started_at";
    if (slot == var.done_at_slot) return "stages." + var.id + ".done_at";
  }
  return "";
}

}  // namespace rollgate::engine
