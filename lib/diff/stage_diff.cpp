// A stage in both plans: its own fields, `after`, matrix, approvals.
#include <unordered_set>

#include "diff/classify.hpp"
#include "diff/differ.hpp"
#include "diff/same_json.hpp"

namespace rollgate::diff::detail {

namespace {

const char* join_text(plan::Join join) { return join == plan::Join::Any ? "any" : "all"; }

std::vector<std::string> matrix_keys(const boost::json::object& matrix) {
  std::vector<std::string> keys;
  for (const auto& member : matrix) keys.emplace_back(member.key());
  return keys;
}

std::unordered_set<std::string> value_texts(const boost::json::value& values) {
  std::unordered_set<std::string> texts;
  for (const boost::json::value& v : values.get_array()) texts.insert(matrix_value_text(v));
  return texts;
}

// Values added to some key tighten (more stages to pass), values removed
// loosen; anything else (keys changed, a matrix added or dropped, values
// only reordered) is changed.
ChangeClass matrix_class(const boost::json::value& from, const boost::json::value& to) {
  if (!from.is_object() || !to.is_object()) return ChangeClass::Changed;
  const boost::json::object& a = from.get_object();
  const boost::json::object& b = to.get_object();
  if (matrix_keys(a) != matrix_keys(b)) return ChangeClass::Changed;
  bool added = false, removed = false;
  for (const auto& member : a) {
    std::unordered_set<std::string> old_values = value_texts(member.value());
    std::unordered_set<std::string> new_values = value_texts(b.at(member.key()));
    for (const std::string& v : new_values) added |= !old_values.count(v);
    for (const std::string& v : old_values) removed |= !new_values.count(v);
  }
  if (added && !removed) return ChangeClass::Tightened;
  if (removed && !added) return ChangeClass::Loosened;
  return ChangeClass::Changed;
}

std::string order_of(const WrittenStage& stage) {
  const boost::json::value* order = stage.json->if_contains("order");
  return order && order->is_string() ? std::string(order->get_string()) : "sequential";
}

// One approval requirement as written, paired across versions by role; a
// role written twice in a stage pairs occurrence by occurrence.
struct Approval {
  std::string id;  // role, or role#n for its n-th repeat (pairing only)
  std::string role;
  const boost::json::value* json = nullptr;
  const plan::ApprovalRequirement* compiled = nullptr;
};

std::vector<Approval> approvals_of(const WrittenPlan& plan, const WrittenStage& stage) {
  std::vector<Approval> out;
  const boost::json::value* list = stage.json->if_contains("approvals");
  if (!list) return out;
  const std::vector<plan::ApprovalRequirement>& compiled = first_expansion(plan, stage).approvals;
  std::unordered_map<std::string, int> seen;
  const boost::json::array& array = list->get_array();
  for (size_t i = 0; i < array.size() && i < compiled.size(); ++i) {
    std::string role(array[i].get_object().at("role").get_string());
    int n = seen[role]++;
    std::string id = n ? role + "#" + std::to_string(n + 1) : role;
    out.push_back({std::move(id), std::move(role), &array[i], &compiled[i]});
  }
  return out;
}

bool same_matrix(const WrittenStage& from, const WrittenStage& to) {
  const boost::json::value* a = from.json->if_contains("matrix");
  const boost::json::value* b = to.json->if_contains("matrix");
  if (!a || !b) return !a && !b;
  return same_json(*a, *b) && matrix_keys(a->get_object()) == matrix_keys(b->get_object());
}

}  // namespace

void Differ::diff_stage(const WrittenStage& from, const WrittenStage& to) {
  // Most stages of a large plan are untouched: one deep comparison of the
  // written stage (JSON equality ignores member order, which matters only
  // in the matrix) settles them.
  bool matrix_unchanged = same_matrix(from, to);
  if (matrix_unchanged && same_json(*from.json, *to.json)) return;
  for (const char* field : {"title", "owner", "description"})
    compare_text(Subject::Stage, to.id, field, *from.json, *to.json);
  diff_after(from, to);
  const plan::Stage& a = first_expansion(old_, from);
  const plan::Stage& b = first_expansion(new_, to);
  if (a.join != b.join)
    add(Subject::Stage, to.id, "join", join_text(a.join), join_text(b.join), ChangeKind::Modified,
        by_join(a.join, b.join));
  if (a.min_score != b.min_score)
    add(Subject::Stage, to.id, "min_score", a.min_score, b.min_score, ChangeKind::Modified,
        higher_is_tighter(a.min_score, b.min_score));
  diff_matrix(from, to);
  diff_approvals(from, to);
  diff_gates(from, to, matrix_unchanged);
}

void Differ::diff_after(const WrittenStage& from, const WrittenStage& to) {
  std::unordered_set<std::string_view> old_entries(from.after.begin(), from.after.end());
  std::unordered_set<std::string_view> new_entries(to.after.begin(), to.after.end());
  for (const std::string& entry : from.after) {
    if (new_entries.count(entry)) continue;
    ChangeClass cls = after_entry_stays_upstream(entry, to) ? ChangeClass::Changed : ChangeClass::Loosened;
    add(Subject::Stage, to.id, "after", boost::json::value(entry), nullptr, ChangeKind::Removed, cls);
  }
  for (const std::string& entry : to.after)
    if (!old_entries.count(entry))
      add(Subject::Stage, to.id, "after", nullptr, boost::json::value(entry), ChangeKind::Added,
          ChangeClass::Tightened);
}

bool Differ::after_entry_stays_upstream(const std::string& entry, const WrittenStage& to) {
  if (!upstream_) upstream_ = std::make_unique<UpstreamCheck>(new_.compiled());
  bool substituted = entry.find("${") != std::string::npos;
  std::vector<plan::MatrixCombination> bindings;
  if (substituted) bindings = new_.bindings(to);
  // Every expansion of the stage must still wait for the entry's stages.
  for (size_t k = 0; k < to.expansions.size(); ++k) {
    std::string id = substituted && k < bindings.size() ? plan::substitute(entry, bindings[k]).text : entry;
    const std::vector<int>* targets = new_.compiled().find_stage_group(id);
    if (!targets || !upstream_->stays_upstream(to.expansions[k], *targets)) return false;
  }
  return true;
}

void Differ::diff_matrix(const WrittenStage& from, const WrittenStage& to) {
  boost::json::value a = member_or_null(*from.json, "matrix");
  boost::json::value b = member_or_null(*to.json, "matrix");
  // JSON object equality ignores member order; a matrix's key order is
  // content (it makes the expansion ids).
  bool reordered =
      a.is_object() && b.is_object() && matrix_keys(a.get_object()) != matrix_keys(b.get_object());
  if (a != b || reordered)
    add(Subject::Stage, to.id, "matrix", a, b, ChangeKind::Modified, matrix_class(a, b));
  // `order` means something only with a matrix on both sides; adding or
  // dropping the matrix is the change then.
  if (!from.has_matrix() || !to.has_matrix()) return;
  std::string old_order = order_of(from), new_order = order_of(to);
  if (old_order != new_order)
    add(Subject::Stage, to.id, "order", boost::json::value(old_order), boost::json::value(new_order),
        ChangeKind::Modified, by_order(old_order == "sequential", new_order == "sequential"));
}

void Differ::diff_approvals(const WrittenStage& from, const WrittenStage& to) {
  std::vector<Approval> old_list = approvals_of(old_, from);
  std::vector<Approval> new_list = approvals_of(new_, to);
  walk_merged(old_list, new_list, [&](const Approval* a, const Approval* b) {
    std::string field = "approvals." + (b ? b->role : a->role);
    if (!a || !b) {
      ChangeKind change = b ? ChangeKind::Added : ChangeKind::Removed;
      add(Subject::Stage, to.id, field, a ? *a->json : nullptr, b ? *b->json : nullptr, change,
          by_presence(change));
      return;
    }
    if (a->compiled->min != b->compiled->min)
      add(Subject::Stage, to.id, field + ".min", a->compiled->min, b->compiled->min, ChangeKind::Modified,
          higher_is_tighter(a->compiled->min, b->compiled->min));
    if (a->compiled->max_age != b->compiled->max_age)
      add(Subject::Stage, to.id, field + ".max_age", duration_json(a->compiled->max_age),
          duration_json(b->compiled->max_age), ChangeKind::Modified,
          shorter_is_tighter(a->compiled->max_age, b->compiled->max_age));
  });
}

}  // namespace rollgate::diff::detail
