#include "diff/written_plan.hpp"

#include <stdexcept>

#include "plan/digest.hpp"

namespace rollgate::diff {

namespace {

std::string string_member(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  if (!v || !v->is_string()) return "";
  return std::string(v->get_string());
}

std::vector<std::string> written_after(const boost::json::object& stage) {
  std::vector<std::string> after;
  std::unordered_set<std::string> seen;
  const boost::json::value* list = stage.if_contains("after");
  if (!list || !list->is_array()) return after;
  for (const boost::json::value& entry : list->get_array()) {
    std::string id(entry.get_string());
    if (seen.insert(id).second) after.push_back(std::move(id));
  }
  return after;
}

std::vector<WrittenGate> written_gates(const boost::json::object& stage) {
  std::vector<WrittenGate> gates;
  const boost::json::value* list = stage.if_contains("gates");
  if (!list || !list->is_array()) return gates;
  const boost::json::array& array = list->get_array();
  for (size_t i = 0; i < array.size(); ++i) {
    const boost::json::object& gate = array[i].get_object();
    gates.push_back({string_member(gate, "id"), &gate, i});
  }
  return gates;
}

}  // namespace

WrittenPlan::WrittenPlan(const plan::Plan& plan) : plan_(plan) {
  if (!plan.source || !plan.source->is_object())
    throw std::logic_error("plan diff: the plan carries no source document");
  root_ = &plan.source->get_object();
  for (const plan::FactDecl& fact : plan.facts) facts_.emplace(fact.name, &fact);

  // Compiled stages come in written order, the expansions of a matrix stage
  // one after another, so the k-th run of equal group ids is written stage k.
  const boost::json::array& written = root_->at("stages").get_array();
  size_t next = 0;
  for (const boost::json::value& value : written) {
    const boost::json::object& json = value.get_object();
    WrittenStage stage;
    stage.id = string_member(json, "id");
    stage.json = &json;
    while (next < plan.stages.size() && plan.stages[next].group_id == stage.id)
      stage.expansions.push_back(int(next++));
    stage.after = written_after(json);
    stage.gates = written_gates(json);
    stages_.push_back(std::move(stage));
  }
  if (next != plan.stages.size())
    throw std::logic_error("plan diff: compiled stages do not follow the written ones");
}

const boost::json::object* WrittenPlan::facts() const {
  const boost::json::value* facts = root_->if_contains("facts");
  return facts ? facts->if_object() : nullptr;
}

const plan::FactDecl* WrittenPlan::find_fact(std::string_view name) const {
  auto it = facts_.find(name);
  return it == facts_.end() ? nullptr : it->second;
}

std::vector<plan::MatrixCombination> WrittenPlan::bindings(const WrittenStage& stage) const {
  std::vector<plan::MatrixCombination> combinations{{}};
  const boost::json::value* matrix = stage.json->if_contains("matrix");
  if (!matrix) return combinations;
  // The cartesian product in key order, as the loader expands it.
  for (const auto& member : matrix->get_object()) {
    std::vector<plan::MatrixCombination> next;
    for (const plan::MatrixCombination& prefix : combinations) {
      for (const boost::json::value& v : member.value().get_array()) {
        plan::MatrixCombination combination = prefix;
        combination.push_back({std::string(member.key()), matrix_value_text(v)});
        next.push_back(std::move(combination));
      }
    }
    combinations = std::move(next);
  }
  return combinations;
}

boost::json::value member_or_null(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  return v ? *v : boost::json::value(nullptr);
}

std::string matrix_value_text(const boost::json::value& value) {
  // The same text the loader gives a value (plan/stage_loader.cpp).
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_int64()) return std::to_string(value.get_int64());
  if (value.is_uint64()) return std::to_string(value.get_uint64());
  return plan::canonical_json(value);
}

}  // namespace rollgate::diff
