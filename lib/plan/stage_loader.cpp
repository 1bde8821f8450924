#include "plan/plan_loader.hpp"

#include "plan/digest.hpp"

#include <cmath>

namespace rollgate::plan::detail {

namespace {

std::string matrix_value_text(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  return canonical_json(v);  // a double, as JSON writes it
}

// The text the expansions of a matrix stage copy, their ids included,
// counted before any is made.
size_t expanded_text_bytes(const boost::json::object& raw, const std::string& id,
                           const std::vector<MatrixCombination>& combinations) {
  const ExpansionSize expansion_size(raw, "id");
  size_t bytes = 0;
  for (const MatrixCombination& combination : combinations)
    bytes += expansion_size.bytes(combination) + expansion_id(id, combination).size();
  return bytes;
}

// "67108864 bytes (64 MiB)"; the MiB only when they are whole.
std::string bytes_in_words(size_t bytes) {
  std::string out = std::to_string(bytes) + " bytes";
  constexpr size_t kMiB = size_t(1) << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) out += " (" + std::to_string(bytes / kMiB) + " MiB)";
  return out;
}

}  // namespace

void PlanLoader::load_stage(const boost::json::object& raw, const std::string& pointer) {
  ObjectReader reader(doc_, raw, pointer, errors_);
  // The id first, so that every problem of the stage (an unknown field too)
  // names it.
  std::optional<std::string> id = reader.string("id", /*required=*/true);
  if (id) {
    // Checked before the id names the stage's problems: with a NUL in it,
    // they would all be cut short; a long one would be in every one.
    if (!id_fits(reader, "id", *id, "a stage id")) return;
    if (std::string problem = control_character_problem(*id); !problem.empty()) {
      reader.error(DiagnosticKind::BadValue, "id", "a stage id " + problem);
      return;
    }
    reader.set_subject("stage", *id);
  }
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
  const size_t expanded_bytes = expanded_text_bytes(raw, *id, combinations);
  if (!matrix_text_fits(reader, expanded_bytes)) return;
  matrix_expanded_bytes_ += expanded_bytes;
  bool sequential = reader.choice("order", {"sequential", "parallel"}).value_or("sequential") ==
                    "sequential";
  std::vector<int> expansions;
  for (const MatrixCombination& combination : combinations) {
    int index = int(plan_->stages.size());
    std::string expanded_id = expansion_id(*id, combination);
    if (!length_fits(reader, reader.pointer("matrix"), expanded_id, limits_.max_id_bytes,
                     "an expansion's stage id", "max_id_bytes"))
      return;
    register_stage_id(expanded_id, {index}, reader.pointer("id"), *id);
    load_expansion(raw, pointer, expanded_id, *id, combination);
    if (sequential && !expansions.empty()) plan_->stages.back().previous_expansion = expansions.back();
    expansions.push_back(index);
  }
  register_stage_id(*id, std::move(expansions), reader.pointer("id"), *id);
}

std::vector<MatrixCombination> PlanLoader::load_matrix(ObjectReader& stage) {
  std::vector<MatrixCombination> combinations{{}};
  size_t combination_bytes = 0;  // of the values in `combinations`, all copies counted
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
    std::optional<std::vector<std::string>> texts = matrix_values(stage, *values, key_pointer);
    if (!texts) return {};
    // Every combination copies its values: counted before they are copied.
    size_t value_bytes = 0;
    for (const std::string& text : *texts) value_bytes += text.size();
    combination_bytes = combination_bytes * texts->size() + value_bytes * combinations.size();
    if (!matrix_text_fits(stage, combination_bytes)) return {};
    std::vector<MatrixCombination> next;
    next.reserve(combinations.size() * texts->size());
    for (const MatrixCombination& prefix : combinations) {
      for (const std::string& text : *texts) {
        MatrixCombination combination = prefix;
        combination.push_back({key, text});
        next.push_back(std::move(combination));
      }
    }
    combinations = std::move(next);
  }
  return combinations;
}

std::optional<std::vector<std::string>> PlanLoader::matrix_values(ObjectReader& stage,
                                                                  const boost::json::array& values,
                                                                  const std::string& pointer) {
  std::vector<std::string> texts;
  texts.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const boost::json::value& v = values[i];
    const std::string value_pointer = json::pointer_append(pointer, i);
    if (!v.is_string() && !v.is_number()) {
      stage.error_at(DiagnosticKind::WrongType, value_pointer, "matrix values must be strings or numbers");
      return std::nullopt;
    }
    if (v.is_double() && !std::isfinite(v.get_double())) {  // JSON has no infinity: it overflowed
      stage.error_at(DiagnosticKind::OutOfRange, value_pointer,
                     "matrix value " + std::string(doc_.map.number_text(value_pointer)) +
                         " is beyond the range of a double (about 1.8e308)");
      return std::nullopt;
    }
    std::string text = matrix_value_text(v);
    // A value becomes part of its expansion's id.
    if (std::string problem = control_character_problem(text); !problem.empty()) {
      stage.error_at(DiagnosticKind::BadValue, value_pointer,
                     "a matrix value becomes part of a stage id, and this one " + problem);
      return std::nullopt;
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

bool PlanLoader::matrix_text_fits(ObjectReader& stage, size_t bytes) {
  if (bytes <= limits_.max_matrix_text_bytes - matrix_expanded_bytes_) return true;
  stage.error(DiagnosticKind::Limit, "matrix",
              "the matrix expands to " + std::to_string(bytes) + " bytes of expanded text" +
                  (matrix_expanded_bytes_ ? " (after " + std::to_string(matrix_expanded_bytes_) +
                                                " bytes from the plan's earlier matrices)"
                                          : std::string()) +
                  ", more than the " + bytes_in_words(limits_.max_matrix_text_bytes) +
                  " all the matrices of a plan may expand to (max_matrix_text_bytes)");
  return false;
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
  stage.title = bounded_title(reader, "title");
  stage.owner = bounded_name(reader, "owner");
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
    if (!role || !id_fits(ar, "role", *role, "a role")) continue;
    if (std::string problem = control_character_problem(*role); !problem.empty()) {
      ar.error(DiagnosticKind::BadValue, "role", "a role " + problem);
      continue;
    }
    requirement.role = *role;
    requirement.min = int(ar.integer("min", 1, 1000).value_or(1));
    requirement.max_age = ar.duration("max_age");
    stage.approvals.push_back(std::move(requirement));
  }
}

}  // namespace rollgate::plan::detail
