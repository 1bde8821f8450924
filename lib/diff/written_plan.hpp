// A plan as its author wrote it, indexed for comparison: the stages and
// gates of the plan document (matrix stages once, by their matrix id), each
// tied to the compiled stages it expanded into.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "plan/matrix.hpp"
#include "plan/model.hpp"

namespace rollgate::diff {

struct WrittenGate {
  std::string id;
  const boost::json::object* json = nullptr;
  size_t index = 0;  // position in the stage's `gates`, and in every expansion's
};

struct WrittenStage {
  std::string id;  // the stage id or matrix id, as written
  const boost::json::object* json = nullptr;
  std::vector<int> expansions;     // compiled stage indices (one for a plain stage)
  std::vector<std::string> after;  // as written, repeats dropped
  std::vector<WrittenGate> gates;  // as written
  bool has_matrix() const { return json->contains("matrix"); }
};

class WrittenPlan {
 public:
  // `plan` must outlive this view; it must carry its source document.
  explicit WrittenPlan(const plan::Plan& plan);

  const plan::Plan& compiled() const { return plan_; }
  const boost::json::object& root() const { return *root_; }
  const std::vector<WrittenStage>& stages() const { return stages_; }
  const boost::json::object* facts() const;

  const plan::FactDecl* find_fact(std::string_view name) const;
  bool declares_fact(std::string_view name) const { return find_fact(name) != nullptr; }

  // The ${key} bindings of each expansion of a stage, in expansion order.
  std::vector<plan::MatrixCombination> bindings(const WrittenStage& stage) const;

 private:
  const plan::Plan& plan_;
  const boost::json::object* root_ = nullptr;
  std::vector<WrittenStage> stages_;
  std::unordered_map<std::string_view, const plan::FactDecl*> facts_;
};

// A member of a JSON object, or null when absent.
boost::json::value member_or_null(const boost::json::object& object, std::string_view key);

// A matrix value as it appears in expansion ids and substitutions.
std::string matrix_value_text(const boost::json::value& value);

}  // namespace rollgate::diff
