// The plan diff's parts, shared by the files that implement it.  Not a
// public interface: diff_plans() in diff.hpp is.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diff/change.hpp"
#include "diff/upstream.hpp"
#include "diff/written_plan.hpp"

namespace rollgate::diff::detail {

// Walks two versions of a list of items with ids: the new list's order,
// each removed item where it stood in the old list (before the first common
// item that followed it there).  visit(old_or_null, new_or_null).  O(n).
template <class Item, class Visit>
void walk_merged(const std::vector<Item>& old_items, const std::vector<Item>& new_items, Visit&& visit) {
  std::unordered_map<std::string_view, size_t> old_index, new_index;
  for (size_t i = 0; i < old_items.size(); ++i) old_index.emplace(old_items[i].id, i);
  for (size_t i = 0; i < new_items.size(); ++i) new_index.emplace(new_items[i].id, i);
  size_t next_old = 0;
  auto removed_before = [&](size_t limit) {
    for (; next_old < limit; ++next_old)
      if (!new_index.count(old_items[next_old].id)) visit(&old_items[next_old], nullptr);
  };
  for (const Item& item : new_items) {
    auto it = old_index.find(item.id);
    if (it == old_index.end()) {
      visit(nullptr, &item);
      continue;
    }
    removed_before(it->second);
    visit(&old_items[it->second], &item);
  }
  removed_before(old_items.size());
}

// One comparison of two plans; each part appends its changes in order.
// Its parts live in diff.cpp (plan fields, stage order), fact_diff.cpp,
// stage_diff.cpp and gate_diff.cpp.
class Differ {
 public:
  Differ(const WrittenPlan& old_plan, const WrittenPlan& new_plan) : old_(old_plan), new_(new_plan) {}

  std::vector<Change> run();

 private:
  void diff_plan_fields();
  void diff_facts();
  void diff_fact(const std::string& name, const boost::json::object* from, const boost::json::object* to);
  void diff_stages();
  void diff_stage(const WrittenStage& from, const WrittenStage& to);
  void diff_after(const WrittenStage& from, const WrittenStage& to);
  bool after_entry_stays_upstream(const std::string& entry, const WrittenStage& to);
  void diff_matrix(const WrittenStage& from, const WrittenStage& to);
  void diff_approvals(const WrittenStage& from, const WrittenStage& to);
  // With the matrix unchanged, a gate written the same is the same in every
  // expansion and needs no closer look.
  void diff_gates(const WrittenStage& from, const WrittenStage& to, bool matrix_unchanged);
  void diff_gate(const WrittenStage& from_stage, const WrittenGate& from, const WrittenStage& to_stage,
                 const WrittenGate& to);
  // The class of an `expr` change, or nullopt when the expressions agree
  // after substitution in every common expansion.
  std::optional<ChangeClass> compare_expr(const WrittenStage& from_stage, const WrittenGate& from,
                                          const WrittenStage& to_stage, const WrittenGate& to);

  // Compares a text field as written; a change is `changed`.
  void compare_text(Subject subject, const std::string& id, const char* field,
                    const boost::json::object& from, const boost::json::object& to);
  void add(Subject subject, std::string id, std::optional<std::string> field, boost::json::value from,
           boost::json::value to, ChangeKind change, ChangeClass cls);

  const WrittenPlan& old_;
  const WrittenPlan& new_;
  std::vector<Change> changes_;
  std::unique_ptr<UpstreamCheck> upstream_;  // built on the first removed `after` entry
};

// A duration in the report's CEL form ("259200s"), or null.
boost::json::value duration_json(const std::optional<cel::Duration>& d);

// The compiled stage of an expansion (its first one for plan-wide fields).
const plan::Stage& first_expansion(const WrittenPlan& plan, const WrittenStage& stage);

}  // namespace rollgate::diff::detail
