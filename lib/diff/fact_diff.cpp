// Facts: declarations added, removed or redefined, in name order.
#include <algorithm>

#include "diff/classify.hpp"
#include "diff/differ.hpp"

namespace rollgate::diff::detail {

namespace {

std::vector<std::string> fact_names(const boost::json::object* facts) {
  std::vector<std::string> names;
  if (facts)
    for (const auto& member : *facts) names.emplace_back(member.key());
  return names;
}

// The fact's own max_age as written (plan defaults are a field of their own).
std::optional<cel::Duration> own_max_age(const boost::json::object& decl) {
  const boost::json::value* v = decl.if_contains("max_age");
  if (!v || !v->is_string()) return std::nullopt;
  return cel::parse_duration(v->get_string());
}

const boost::json::object* declaration(const boost::json::object* facts, const std::string& name) {
  if (!facts) return nullptr;
  const boost::json::value* v = facts->if_contains(name);
  return v ? v->if_object() : nullptr;
}

}  // namespace

void Differ::diff_facts() {
  const boost::json::object* from = old_.facts();
  const boost::json::object* to = new_.facts();
  std::vector<std::string> names = fact_names(from);
  std::vector<std::string> added = fact_names(to);
  names.insert(names.end(), added.begin(), added.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const std::string& name : names) diff_fact(name, declaration(from, name), declaration(to, name));
}

void Differ::diff_fact(const std::string& name, const boost::json::object* from,
                       const boost::json::object* to) {
  std::string id = "facts." + name;
  if (!from || !to) {
    // Declaring or dropping a fact demands nothing by itself: the gates
    // that read it say what changed.
    add(Subject::Fact, id, std::nullopt, from ? boost::json::value(*from) : nullptr,
        to ? boost::json::value(*to) : nullptr, to ? ChangeKind::Added : ChangeKind::Removed,
        ChangeClass::Changed);
    return;
  }
  std::optional<cel::Duration> old_age = own_max_age(*from), new_age = own_max_age(*to);
  if (old_age != new_age)
    add(Subject::Fact, id, "max_age", duration_json(old_age), duration_json(new_age), ChangeKind::Modified,
        shorter_is_tighter(old_age, new_age));
  std::string old_type = old_.find_fact(name)->type.to_string();
  std::string new_type = new_.find_fact(name)->type.to_string();
  if (old_type != new_type)
    add(Subject::Fact, id, "type", boost::json::value(old_type), boost::json::value(new_type),
        ChangeKind::Modified, ChangeClass::Changed);
  for (const char* field : {"unit", "owner", "description"})
    compare_text(Subject::Fact, id, field, *from, *to);
}

}  // namespace rollgate::diff::detail
