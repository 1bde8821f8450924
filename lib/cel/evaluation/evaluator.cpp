// The planner: turns the checked AST into evaluation nodes.
#include "cel/evaluation/evaluator.hpp"

#include <algorithm>

#include "cel/evaluation/eval_nodes.hpp"

namespace rollgate::cel::detail {

namespace {

class Planner {
 public:
  explicit Planner(const CheckResult& checked) : checked_(checked) {}

  Plan run(const Expr& root) {
    Plan plan;
    plan.root = build(root);
    plan.local_count = local_count_;
    std::sort(slots_.begin(), slots_.end());
    slots_.erase(std::unique(slots_.begin(), slots_.end()), slots_.end());
    plan.referenced_slots = std::move(slots_);
    plan.referenced_slots.shrink_to_fit();  // kept for the program's lifetime
    return plan;
  }

 private:
  NodePtr build(const Expr& e) {
    if (auto it = checked_.references.find(e.id); it != checked_.references.end())
      return reference(it->second);
    switch (e.kind) {
      case ExprKind::Const: return std::make_unique<ConstNode>(e.constant);
      case ExprKind::Ident:
        return std::make_unique<ErrorNode>("undeclared reference to '" + e.name + "'");
      case ExprKind::Select:
        return std::make_unique<SelectNode>(build(*e.target), e.name, e.test_only,
                                            e.optional_select);
      case ExprKind::Call: return call(e);
      case ExprKind::List: return list(e);
      case ExprKind::Map: return map(e);
      case ExprKind::Struct:
        return std::make_unique<ErrorNode>("message construction is not supported");
      case ExprKind::Comprehension: return comprehension(e);
    }
    return std::make_unique<ErrorNode>("unsupported expression");
  }

  NodePtr reference(const Reference& ref) {
    switch (ref.kind) {
      case Reference::Kind::Variable:
        slots_.push_back(ref.slot);
        return std::make_unique<SlotNode>(ref.slot);
      case Reference::Kind::Local: return std::make_unique<LocalNode>(local(ref.name));
      case Reference::Kind::Constant: return std::make_unique<ConstNode>(ref.constant);
      case Reference::Kind::Unresolved: break;
    }
    return std::make_unique<ErrorNode>("undeclared reference to '" + ref.name + "'");
  }

  // The innermost comprehension variable of that name.
  size_t local(const std::string& name) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
      if (it->first == name) return it->second;
    return 0;  // the checker resolved it as a local, so this cannot happen
  }

  size_t push_local(const std::string& name) {
    scopes_.emplace_back(name, local_count_);
    return local_count_++;
  }

  std::vector<NodePtr> build_all(const std::vector<ExprPtr>& exprs) {
    std::vector<NodePtr> nodes;
    nodes.reserve(exprs.size());
    for (const ExprPtr& e : exprs) nodes.push_back(build(*e));
    return nodes;
  }

  NodePtr call(const Expr& e) {
    const std::string& fn = e.name;
    if (!e.target) {
      if (fn == "_&&_" || fn == "_||_")
        return std::make_unique<LogicNode>(fn == "_&&_", build(*e.args[0]),
                                           build(*e.args[1]));
      if (fn == "_?_:_")
        return std::make_unique<ConditionalNode>(
            build(*e.args[0]), build(*e.args[1]), build(*e.args[2]));
      if (fn == "@not_strictly_false" && e.args.size() == 1)
        return std::make_unique<NotStrictlyFalseNode>(build(*e.args[0]));
      if ((fn == "_[_]" || fn == "_[?_]") && e.args.size() == 2)
        return std::make_unique<IndexNode>(build(*e.args[0]), build(*e.args[1]),
                                           fn == "_[?_]");
    }
    if (e.target && (fn == "or" || fn == "orValue") && e.args.size() == 1 &&
        !checked_.namespaced_calls.count(e.id))
      return std::make_unique<OptionalOrNode>(build(*e.target), build(*e.args[0]),
                                              fn == "orValue");
    std::string function = fn;
    std::vector<NodePtr> args;
    if (auto it = checked_.namespaced_calls.find(e.id);
        it != checked_.namespaced_calls.end())
      function = it->second;  // the target was the function's namespace
    else if (e.target)
      args.push_back(build(*e.target));
    for (const ExprPtr& arg : e.args) args.push_back(build(*arg));
    std::vector<const Overload*> overloads;
    if (auto it = checked_.overloads.find(e.id); it != checked_.overloads.end())
      overloads = it->second;
    return std::make_unique<CallNode>(std::move(function), std::move(args),
                                      std::move(overloads));
  }

  NodePtr list(const Expr& e) {
    std::vector<bool> optional;
    if (!e.optional_indices.empty()) {
      optional.resize(e.args.size(), false);
      for (const size_t i : e.optional_indices) optional[i] = true;
    }
    return std::make_unique<ListNode>(build_all(e.args), std::move(optional));
  }

  NodePtr map(const Expr& e) {
    std::vector<NodePtr> keys, values;
    std::vector<bool> optional;
    bool any_optional = false;
    for (const EntryExpr& entry : e.entries) {
      keys.push_back(build(*entry.key));
      values.push_back(build(*entry.value));
      optional.push_back(entry.optional);
      any_optional = any_optional || entry.optional;
    }
    if (!any_optional) optional.clear();
    return std::make_unique<MapNode>(std::move(keys), std::move(values), std::move(optional));
  }

  NodePtr comprehension(const Expr& e) {
    const ComprehensionExpr& c = *e.comprehension;
    NodePtr range = build(*c.iter_range);
    if (NodePtr builder = list_builder(c, range)) return builder;
    ComprehensionNode::Parts parts;
    parts.range = std::move(range);
    parts.init = build(*c.accu_init);
    ComprehensionSlots slots;
    slots.accu_var = push_local(c.accu_var);
    slots.iter_var = push_local(c.iter_var);
    if (!c.iter_var2.empty()) slots.iter_var2 = push_local(c.iter_var2);
    parts.condition = build(*c.loop_condition);
    parts.step = build(*c.loop_step);
    scopes_.resize(scopes_.size() - (c.iter_var2.empty() ? 1 : 2));
    parts.result = build(*c.result);
    scopes_.pop_back();
    return std::make_unique<ComprehensionNode>(slots, std::move(parts));
  }

  // --- map() / filter() fast path -------------------------------------

  static bool is_ident(const Expr& e, const std::string& name) {
    return e.kind == ExprKind::Ident && e.name == name;
  }

  static bool mentions(const Expr& e, const std::string& name) {
    if (is_ident(e, name)) return true;
    if (e.target && mentions(*e.target, name)) return true;
    for (const ExprPtr& arg : e.args)
      if (mentions(*arg, name)) return true;
    for (const EntryExpr& entry : e.entries)
      if ((entry.key && mentions(*entry.key, name)) || mentions(*entry.value, name))
        return true;
    if (const ComprehensionExpr* c = e.comprehension.get())
      return mentions(*c->iter_range, name) || mentions(*c->accu_init, name) ||
             mentions(*c->loop_condition, name) || mentions(*c->loop_step, name) ||
             mentions(*c->result, name);
    return false;
  }

  // `accu + [x]`: the x, or null.
  static const Expr* appended(const Expr& step, const std::string& accu) {
    if (step.kind != ExprKind::Call || step.name != "_+_" || step.target ||
        step.args.size() != 2 || !is_ident(*step.args[0], accu))
      return nullptr;
    const Expr& list = *step.args[1];
    if (list.kind != ExprKind::List || list.args.size() != 1 ||
        !list.optional_indices.empty())
      return nullptr;
    return list.args[0].get();
  }

  // The shapes the map and filter macros expand to: accu = [], condition
  // true, step `accu + [t]` or `p ? accu + [t] : accu`, result accu, with
  // p and t not reading the accumulator.
  // The accumulator's `[]`, as written or folded to a constant (constant
  // folding runs before planning and turns it into one).
  static bool is_empty_list(const Expr& e) {
    if (e.kind == ExprKind::List) return e.args.empty();
    return e.kind == ExprKind::Const && e.constant.kind() == Value::Kind::List && e.constant.as_list().empty();
  }

  NodePtr list_builder(const ComprehensionExpr& c, NodePtr& range) {
    const Expr& init = *c.accu_init;
    const Expr& cond = *c.loop_condition;
    if (!is_empty_list(init) ||
        !is_ident(*c.result, c.accu_var) || cond.kind != ExprKind::Const ||
        cond.constant.kind() != Value::Kind::Bool || !cond.constant.as_bool())
      return nullptr;
    const Expr& step = *c.loop_step;
    const Expr* predicate = nullptr;
    const Expr* transform = appended(step, c.accu_var);
    if (!transform && step.kind == ExprKind::Call && step.name == "_?_:_" &&
        step.args.size() == 3 && is_ident(*step.args[2], c.accu_var)) {
      predicate = step.args[0].get();
      transform = appended(*step.args[1], c.accu_var);
    }
    if (!transform || mentions(*transform, c.accu_var) ||
        (predicate && mentions(*predicate, c.accu_var)))
      return nullptr;
    ComprehensionSlots slots;
    slots.accu_var = push_local(c.accu_var);
    slots.iter_var = push_local(c.iter_var);
    if (!c.iter_var2.empty()) slots.iter_var2 = push_local(c.iter_var2);
    NodePtr p = predicate ? build(*predicate) : nullptr;
    NodePtr t = build(*transform);
    scopes_.resize(scopes_.size() - (c.iter_var2.empty() ? 2 : 3));
    return std::make_unique<ListBuilderNode>(slots, std::move(range), std::move(p),
                                             std::move(t));
  }

  const CheckResult& checked_;
  std::vector<std::pair<std::string, size_t>> scopes_;
  size_t local_count_ = 0;
  std::vector<int> slots_;
};

}  // namespace

Plan plan(const Expr& root, const CheckResult& checked) {
  return Planner(checked).run(root);
}

}  // namespace rollgate::cel::detail
