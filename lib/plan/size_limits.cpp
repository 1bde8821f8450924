// The plan's sizes: stages and matrix expansions counted from the plan as
// written before any is loaded, gates as they are (one addition a stage,
// so a plan at the limits loads as fast as before), and the lengths of ids,
// names and titles (PlanLimits).
#include "plan/plan_loader.hpp"

namespace rollgate::plan::detail {

bool PlanLoader::length_fits(ObjectReader& reader, const std::string& pointer, std::string_view text,
                             size_t limit, std::string_view what, std::string_view limit_name) {
  if (text.size() <= limit) return true;
  // Not quoted: the text may be megabytes, and would be in every problem.
  reader.error_at(DiagnosticKind::Limit, pointer,
                  std::string(what) + " of " + std::to_string(text.size()) + " bytes, longer than the limit of " +
                      std::to_string(limit) + " (" + std::string(limit_name) + ")");
  return false;
}

std::string PlanLoader::bounded_name(ObjectReader& reader, std::string_view field) {
  std::string name = reader.string(field).value_or("");
  // Appended rather than "'" + std::string(...): GCC 12 at -O3 reports a
  // false -Wrestrict in that operator+ (support/gcc_restrict_false_positive.hpp).
  if (!id_fits(reader, field, name, std::string("'").append(field).append("'"))) return "";
  return name;
}

std::string PlanLoader::bounded_title(ObjectReader& reader, std::string_view field) {
  std::string title = reader.string(field).value_or("");
  if (!length_fits(reader, reader.pointer(field), title, limits_.max_title_bytes, "a title", "max_title_bytes"))
    return "";
  return title;
}

std::vector<std::string> PlanLoader::bounded_names(ObjectReader& reader, std::string_view field) {
  std::vector<std::string> names = reader.string_list(field);
  for (size_t i = 0; i < names.size(); ++i)
    if (!length_fits(reader, json::pointer_append(reader.pointer(field), i), names[i], limits_.max_id_bytes,
                     "a name", "max_id_bytes"))
      names[i].clear();
  return names;
}

Diagnostic PlanLoader::at_root_member(std::string_view key, std::string message) const {
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::Limit);
  d.message = std::move(message);
  d.file = doc_.file;
  d.pointer = json::pointer_append("", key);
  const json::TextPosition p = doc_.map.root_member_position(key);
  d.line = p.line;
  d.column = p.column;
  return d;
}

namespace {

// The expansions of a stage as written: the product of its matrix's value
// counts, 1 without a matrix, 0 for a matrix past kMaxMatrixExpansions or
// one that is malformed (the stage's own problems, reported as it loads).
// Multiplied only while the product stays within kMaxMatrixExpansions, so
// it never overflows.
size_t written_expansions(const boost::json::value& stage) {
  const boost::json::object* object = stage.if_object();
  const boost::json::value* matrix = object ? object->if_contains("matrix") : nullptr;
  if (!matrix) return 1;
  if (!matrix->is_object() || matrix->get_object().empty()) return 0;
  size_t count = 1;
  for (const auto& member : matrix->get_object()) {
    const boost::json::array* values = member.value().if_array();
    if (!values || values->empty() || values->size() > kMaxMatrixExpansions / count) return 0;
    count *= values->size();
  }
  return count;
}

}  // namespace

bool PlanLoader::expansions_fit(const boost::json::array& stages) {
  size_t total = 0;
  size_t matrix_total = 0;
  for (size_t i = 0; i < stages.size(); ++i) {
    const size_t count = written_expansions(stages[i]);
    const bool matrix = stages[i].is_object() && stages[i].get_object().contains("matrix");
    total += count;
    if (matrix) matrix_total += count;
    std::string message;
    if (matrix_total > limits_.max_matrix_expansions)
      message = "the matrix expands to " + std::to_string(count) + " stages, and the plan's matrices to more than " +
                std::to_string(limits_.max_matrix_expansions) + " in all (max_matrix_expansions)";
    else if (total > limits_.max_stages)
      message = "the plan has more than " + std::to_string(limits_.max_stages) +
                " stages after matrix expansion (max_stages)";
    else
      continue;
    const std::string pointer = json::pointer_append("/stages", i);
    const boost::json::value* id = stages[i].is_object() ? stages[i].get_object().if_contains("id") : nullptr;
    errors_.push_back(located(DiagnosticKind::Limit, pointer + (matrix ? "/matrix" : "/id"), std::move(message),
                              "stage", id && id->is_string() ? std::string(id->get_string()) : ""));
    past_size_limit_ = true;
    return false;
  }
  return true;
}

bool PlanLoader::gates_fit(ObjectReader& reader, size_t count) {
  if (count > limits_.max_gates - gate_count_) {
    reader.error(DiagnosticKind::Limit, "gates",
                 "the plan has more than " + std::to_string(limits_.max_gates) +
                     " gates after matrix expansion (max_gates)");
    past_size_limit_ = true;
    return false;
  }
  gate_count_ += count;
  return true;
}

}  // namespace rollgate::plan::detail
