#include "plan/plan_loader.hpp"

namespace rollgate::plan::detail {

namespace {

// Fact names are CEL identifiers joined by dots; `now` and `stages` are the
// built-ins and may not be shadowed.
std::string fact_name_problem(std::string_view name) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!is_identifier(part))
      return "fact name '" + std::string(name) +
             "' must be CEL identifiers joined by dots (letters, digits, '_')";
    if (first && (part == "now" || part == "stages"))
      return "fact name '" + std::string(name) + "' may not begin with the built-in '" +
             std::string(part) + "'";
    first = false;
    if (dot == std::string_view::npos) return "";
    start = dot + 1;
  }
}

}  // namespace

void PlanLoader::load_facts(const boost::json::object& facts, const std::string& pointer) {
  if (facts.size() > limits_.max_facts) {
    errors_.push_back(at_root_member("facts", "the plan declares " + std::to_string(facts.size()) +
                                                  " facts, more than the limit of " +
                                                  std::to_string(limits_.max_facts) + " (max_facts)"));
    return;
  }
  for (const auto& member : facts) {
    std::string name(member.key());
    std::string fact_pointer = json::pointer_append(pointer, name);
    if (name.size() > limits_.max_id_bytes) {  // checked first: the other problems quote the name
      errors_.push_back(located(DiagnosticKind::Limit, fact_pointer,
                                "a fact name of " + std::to_string(name.size()) + " bytes, longer than the limit of " +
                                    std::to_string(limits_.max_id_bytes) + " (max_id_bytes)",
                                "", "", /*at_key=*/true));
      continue;
    }
    if (std::string problem = fact_name_problem(name); !problem.empty()) {
      errors_.push_back(located(DiagnosticKind::BadValue, fact_pointer, problem, "fact", name, /*at_key=*/true));
      continue;
    }
    const boost::json::object* decl = member.value().if_object();
    if (!decl) {
      errors_.push_back(located(DiagnosticKind::WrongType, fact_pointer,
                                "a fact declaration must be an object such as {\"type\": \"double\"}",
                                "fact", name));
      continue;
    }
    ObjectReader reader(doc_, *decl, fact_pointer, errors_);
    reader.set_subject("fact", name);
    reader.allow_only({"type", "owner", "unit", "description", "max_age"});
    FactDecl fact;
    fact.name = name;
    fact.owner = bounded_name(reader, "owner");
    fact.unit = bounded_name(reader, "unit");
    fact.description = reader.string("description").value_or("");
    fact.max_age = reader.duration("max_age");
    if (!fact.max_age) fact.max_age = plan_->default_max_age;
    std::optional<std::string> type_text = reader.string("type", /*required=*/true);
    if (!type_text) continue;
    cel::TypeReading type = cel::read_type(*type_text);
    if (!type.limit_problem.empty()) {
      reader.error(DiagnosticKind::Limit, "type", std::move(type.limit_problem));
      continue;
    }
    if (!type.type) {
      reader.error(DiagnosticKind::BadValue, "type", "unknown type '" + *type_text +
                               "' (bool, int, uint, double, string, bytes, timestamp, duration, "
                               "list(T), map(K, V) or dyn)");
      continue;
    }
    fact.type = *type.type;
    fact.slot = plan_->environment.add_variable(name, fact.type);
    plan_->facts.push_back(std::move(fact));
  }
}

}  // namespace rollgate::plan::detail
