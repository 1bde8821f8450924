#include "diff/diff.hpp"

#include "diff/classify.hpp"
#include "diff/differ.hpp"
#include "diff/same_json.hpp"

namespace rollgate::diff {

namespace detail {

boost::json::value duration_json(const std::optional<cel::Duration>& d) {
  if (!d) return nullptr;
  return boost::json::value(cel::format_duration(*d));
}

const plan::Stage& first_expansion(const WrittenPlan& plan, const WrittenStage& stage) {
  return plan.compiled().stages[size_t(stage.expansions.front())];
}

std::vector<Change> Differ::run() {
  diff_plan_fields();
  diff_facts();
  diff_stages();
  return std::move(changes_);
}

void Differ::add(Subject subject, std::string id, std::optional<std::string> field, boost::json::value from,
                 boost::json::value to, ChangeKind change, ChangeClass cls) {
  changes_.push_back({std::move(id), std::move(field), std::move(from), std::move(to), change, cls, subject});
}

void Differ::compare_text(Subject subject, const std::string& id, const char* field,
                          const boost::json::object& from, const boost::json::object& to) {
  boost::json::value a = member_or_null(from, field);
  boost::json::value b = member_or_null(to, field);
  if (!same_json(a, b)) add(subject, id, field, std::move(a), std::move(b), ChangeKind::Modified, ChangeClass::Changed);
}

void Differ::diff_plan_fields() {
  for (const char* field : {"name", "title", "description", "owners", "target", "freezes"})
    compare_text(Subject::Plan, "plan", field, old_.root(), new_.root());
  const auto& from = old_.compiled().default_max_age;
  const auto& to = new_.compiled().default_max_age;
  if (from != to)
    add(Subject::Plan, "plan", "defaults.max_age", duration_json(from), duration_json(to),
        ChangeKind::Modified, shorter_is_tighter(from, to));
}

void Differ::diff_stages() {
  walk_merged(old_.stages(), new_.stages(), [&](const WrittenStage* from, const WrittenStage* to) {
    if (from && to) return diff_stage(*from, *to);
    // A whole stage is one change: its gates are not listed again.
    ChangeKind change = to ? ChangeKind::Added : ChangeKind::Removed;
    const WrittenStage& stage = to ? *to : *from;
    add(Subject::Stage, stage.id, std::nullopt, from ? boost::json::value(*from->json) : nullptr,
        to ? boost::json::value(*to->json) : nullptr, change, by_presence(change));
  });
}

}  // namespace detail

PlanDiff diff_plans(const plan::Plan& old_plan, const plan::Plan& new_plan) {
  WrittenPlan from(old_plan);
  WrittenPlan to(new_plan);
  PlanDiff diff;
  diff.old_digest = old_plan.digest;
  diff.new_digest = new_plan.digest;
  diff.changes = detail::Differ(from, to).run();
  for (const Change& c : diff.changes) diff.loosened |= c.cls == ChangeClass::Loosened;
  return diff;
}

}  // namespace rollgate::diff
