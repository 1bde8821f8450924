#include "plan/plan_loader.hpp"

#include "plan/digest.hpp"

namespace rollgate::plan::detail {

namespace {

std::string matrix_value_text(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  return canonical_json(v);  // a double, as JSON writes it
}

}  // namespace

void PlanLoader::load_stage(const boost::json::object& raw, const std::string& pointer) {
  ObjectReader reader(doc_, raw, pointer, errors_);
  // The id first, so that every problem of the stage (an unknown field too)
  // names it.
  std::optional<std::string> id = reader.string("id", /*required=*/true);
  if (id) reader.set_subject("stage", *id);
  reader.allow_only({"id", "title", "owner", "description", "after", "join", "gates",
                     "approvals", "min_score", "matrix", "order"});
  if (!id) return;
  if (id->empty() || id->find('/') != std::string::npos || id->find("${") != std::string::npos) {
    reader.error(DiagnosticKind::BadValue, "id",
                 "stage id '" + *id + "' must be non-empty and contain no '/' or '${'");
    return;
  }
  if (!reader.has("matrix")) {
    if (reader.has("order")) reader.error(DiagnosticKind::BadValue, "order", "'order' needs a 'matrix'");
    register_stage_id(*id, {int(plan_->stages.size())}, reader.pointer("id"), *id);
    load_expansion(raw, pointer, *id, *id, {});
    return;
  }
  std::vector<MatrixCombination> combinations = load_matrix(reader);
  bool sequential = reader.choice("order", {"sequential", "parallel"}).value_or("sequential") ==
                    "sequential";
  std::vector<int> expansions;
  for (const MatrixCombination& combination : combinations) {
    int index = int(plan_->stages.size());
    std::string expanded_id = expansion_id(*id, combination);
    register_stage_id(expanded_id, {index}, reader.pointer("id"), *id);
    load_expansion(raw, pointer, expanded_id, *id, combination);
    if (sequential && !expansions.empty()) plan_->stages.back().previous_expansion = expansions.back();
    expansions.push_back(index);
  }
  register_stage_id(*id, std::move(expansions), reader.pointer("id"), *id);
}

std::vector<MatrixCombination> PlanLoader::load_matrix(ObjectReader& stage) {
  std::vector<MatrixCombination> combinations{{}};
  const boost::json::object* matrix = stage.object("matrix");
  if (!matrix) return {};
  if (matrix->empty()) {
    stage.error(DiagnosticKind::BadValue, "matrix", "a matrix needs at least one key");
    return {};
  }
  for (const auto& member : *matrix) {
    std::string key(member.key());
    std::string key_pointer = json::pointer_append(stage.pointer("matrix"), key);
    const boost::json::array* values = member.value().if_array();
    if (!is_identifier(key))
      stage.error_at(DiagnosticKind::BadValue, key_pointer, "matrix key '" + key + "' must be an identifier",
                     /*at_key=*/true);
    if (!values || values->empty()) {
      stage.error_at(values ? DiagnosticKind::BadValue : DiagnosticKind::WrongType, key_pointer,
                     "matrix key '" + key + "' needs a non-empty array of values");
      return {};
    }
    if (combinations.size() * values->size() > kMaxMatrixExpansions) {
      stage.error(DiagnosticKind::Limit, "matrix", "the matrix expands to more than " + std::to_string(kMaxMatrixExpansions) +
                                " stages");
      return {};
    }
    std::vector<MatrixCombination> next;
    for (const MatrixCombination& prefix : combinations) {
      for (size_t i = 0; i < values->size(); ++i) {
        const boost::json::value& v = (*values)[i];
        if (!v.is_string() && !v.is_number()) {
          stage.error_at(DiagnosticKind::WrongType, json::pointer_append(key_pointer, i),
                         "matrix values must be strings or numbers");
          return {};
        }
        MatrixCombination combination = prefix;
        combination.push_back({key, matrix_value_text(v)});
        next.push_back(std::move(combination));
      }
    }
    combinations = std::move(next);
  }
  return combinations;
}

void PlanLoader::load_expansion(const boost::json::object& raw_stage, const std::string& pointer,
                                std::string id, const std::string& group_id,
                                const MatrixCombination& combination) {
  // A stage with no ${...} anywhere is read as written; otherwise from a
  // substituted copy.
  boost::json::value expanded_value;
  const boost::json::object* expanded_object = &raw_stage;
  if (has_placeholders(raw_stage, "id")) {
    std::vector<UnboundPlaceholder> unbound;
    expanded_value = substitute_all(raw_stage, combination, "id", unbound);
    for (const UnboundPlaceholder& u : unbound)
      errors_.push_back(located(DiagnosticKind::BadValue, pointer + u.pointer,
                                "'${" + u.name + "}' is not a matrix key of this stage", "stage", group_id));
    expanded_object = &expanded_value.get_object();
  }
  const boost::json::object& expanded = *expanded_object;

  ObjectReader reader(doc_, expanded, pointer, errors_);
  reader.set_subject("stage", group_id);  // as written: a matrix stage's own id
  Stage stage;
  stage.id = std::move(id);
  stage.group_id = group_id;
  stage.title = reader.string("title").value_or("");
  stage.owner = reader.string("owner").value_or("");
  stage.description = reader.string("description").value_or("");
  stage.join = reader.choice("join", {"all", "any"}).value_or("all") == "any" ? Join::Any : Join::All;
  stage.min_score = reader.number("min_score", 0.0, 1.0).value_or(0.0);
  int index = int(plan_->stages.size());
  std::vector<std::string> after = reader.string_list("after");
  for (size_t i = 0; i < after.size(); ++i)
    pending_after_.push_back({index, after[i], json::pointer_append(reader.pointer("after"), i)});
  load_gates(reader, stage, raw_stage, combination);
  load_approvals(reader, stage);
  plan_->stages.push_back(std::move(stage));
  stage_pointers_.push_back(pointer);
}

void PlanLoader::load_approvals(ObjectReader& reader, Stage& stage) {
  const boost::json::array* approvals = reader.array("approvals");
  if (!approvals) return;
  for (size_t i = 0; i < approvals->size(); ++i) {
    std::string pointer = json::pointer_append(reader.pointer("approvals"), i);
    const boost::json::object* a = (*approvals)[i].if_object();
    if (!a) {
      reader.error_at(DiagnosticKind::WrongType, pointer, "an approval requirement must be an object such as {\"role\": \"security\"}");
      continue;
    }
    ObjectReader ar(doc_, *a, pointer, errors_);
    ar.set_subject("stage", stage.group_id);
    ar.allow_only({"role", "min", "max_age"});
    ApprovalRequirement requirement;
    std::optional<std::string> role = ar.string("role", /*required=*/true);
    if (!role) continue;
    requirement.role = *role;
    requirement.min = int(ar.integer("min", 1, 1000).value_or(1));
    requirement.max_age = ar.duration("max_age");
    stage.approvals.push_back(std::move(requirement));
  }
}

}  // namespace rollgate::plan::detail
