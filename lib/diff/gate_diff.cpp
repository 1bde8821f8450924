// Gates of a stage in both plans: added, removed or redefined.
#include "diff/bound.hpp"
#include "diff/classify.hpp"
#include "diff/differ.hpp"
#include "diff/same_json.hpp"

namespace rollgate::diff::detail {

namespace {

const plan::Gate& compiled_gate(const WrittenPlan& plan, int stage, const WrittenGate& gate) {
  return plan.compiled().stages[size_t(stage)].gates[gate.index];
}

}  // namespace

void Differ::diff_gates(const WrittenStage& from, const WrittenStage& to, bool matrix_unchanged) {
  walk_merged(from.gates, to.gates, [&](const WrittenGate* a, const WrittenGate* b) {
    if (a && b && matrix_unchanged && same_json(*a->json, *b->json)) return;
    if (a && b) return diff_gate(from, *a, to, *b);
    ChangeKind change = b ? ChangeKind::Added : ChangeKind::Removed;
    const plan::Gate& gate =
        b ? compiled_gate(new_, to.expansions.front(), *b) : compiled_gate(old_, from.expansions.front(), *a);
    ChangeClass cls = gate.kind == plan::GateKind::Advisory ? ChangeClass::Changed : by_presence(change);
    add(Subject::Gate, to.id + "/" + (b ? b->id : a->id), std::nullopt,
        a ? boost::json::value(*a->json) : nullptr, b ? boost::json::value(*b->json) : nullptr, change, cls);
  });
}

void Differ::diff_gate(const WrittenStage& from_stage, const WrittenGate& from, const WrittenStage& to_stage,
                       const WrittenGate& to) {
  std::string id = to_stage.id + "/" + to.id;
  const plan::Gate& a = compiled_gate(old_, from_stage.expansions.front(), from);
  const plan::Gate& b = compiled_gate(new_, to_stage.expansions.front(), to);
  // An advisory gate never affects a status: no change to it tightens or
  // loosens anything, except making it count (its kind).
  bool advisory = a.kind == plan::GateKind::Advisory || b.kind == plan::GateKind::Advisory;
  auto unless_advisory = [&](ChangeClass cls) { return advisory ? ChangeClass::Changed : cls; };

  if (std::optional<ChangeClass> cls = compare_expr(from_stage, from, to_stage, to))
    add(Subject::Gate, id, "expr", member_or_null(*from.json, "expr"), member_or_null(*to.json, "expr"),
        ChangeKind::Modified, unless_advisory(*cls));
  if (a.kind != b.kind)
    add(Subject::Gate, id, "kind", plan::to_string(a.kind), plan::to_string(b.kind), ChangeKind::Modified,
        by_kind(a.kind, b.kind));
  // A weight means something for should-gates only (the loader rejects it
  // on others); a kind change says the rest.
  if (a.kind == plan::GateKind::Should && b.kind == plan::GateKind::Should && a.weight != b.weight)
    add(Subject::Gate, id, "weight", a.weight, b.weight, ChangeKind::Modified, ChangeClass::Changed);
  if (a.hold_for != b.hold_for)
    add(Subject::Gate, id, "hold_for", duration_json(a.hold_for), duration_json(b.hold_for),
        ChangeKind::Modified, unless_advisory(longer_is_tighter(a.hold_for, b.hold_for)));
  if (a.on_unknown != b.on_unknown)
    add(Subject::Gate, id, "on_unknown", plan::to_string(a.on_unknown), plan::to_string(b.on_unknown),
        ChangeKind::Modified, unless_advisory(by_on_unknown(a.on_unknown, b.on_unknown)));
  for (const char* field : {"owner", "description", "category"})
    compare_text(Subject::Gate, id, field, *from.json, *to.json);
}

std::optional<ChangeClass> Differ::compare_expr(const WrittenStage& from_stage, const WrittenGate& from,
                                                const WrittenStage& to_stage, const WrittenGate& to) {
  IsDeclaredFact old_fact = [&](std::string_view name) { return old_.declares_fact(name); };
  IsDeclaredFact new_fact = [&](std::string_view name) { return new_.declares_fact(name); };
  std::unordered_map<std::string_view, int> old_expansions;
  for (int s : from_stage.expansions) old_expansions.emplace(old_.compiled().stages[size_t(s)].id, s);

  bool common = false;
  std::optional<ChangeClass> agreed;
  for (int s : to_stage.expansions) {
    auto it = old_expansions.find(new_.compiled().stages[size_t(s)].id);
    if (it == old_expansions.end()) continue;
    common = true;
    const std::string& a = compiled_gate(old_, it->second, from).expr;
    const std::string& b = compiled_gate(new_, s, to).expr;
    if (a == b) continue;  // agrees in this expansion; others decide
    ChangeClass cls = classify_expr_change(a, b, old_fact, new_fact);
    agreed = !agreed || *agreed == cls ? cls : ChangeClass::Changed;
    if (*agreed == ChangeClass::Changed) break;  // nothing can change it back
  }
  if (common) return agreed;
  // No expansion in common (the matrix values all changed): as written.
  std::string a(from.json->at("expr").get_string()), b(to.json->at("expr").get_string());
  if (a == b) return std::nullopt;
  return classify_expr_change(a, b, old_fact, new_fact);
}

}  // namespace rollgate::diff::detail
