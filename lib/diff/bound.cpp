#include "diff/bound.hpp"

#include "cel/syntax/parser.hpp"

namespace rollgate::diff {

namespace {

using cel::detail::Expr;
using cel::detail::ExprKind;

// "a.b.c" for a chain of plain field selections on an identifier.
std::optional<std::string> dotted_name(const Expr& e) {
  if (e.kind == ExprKind::Ident) {
    if (e.name.empty() || e.name[0] == '.') return std::nullopt;
    return e.name;
  }
  if (e.kind != ExprKind::Select || e.test_only || e.optional_select || !e.target || e.target->parenthesized)
    return std::nullopt;
  std::optional<std::string> operand = dotted_name(*e.target);
  if (!operand) return std::nullopt;
  return *operand + "." + e.name;
}

std::optional<std::string> fact_operand(const Expr& e, const IsDeclaredFact& is_fact) {
  if (std::optional<std::string> name = dotted_name(e); name && is_fact(*name)) return name;
  if (e.kind != ExprKind::Call || e.name != "size") return std::nullopt;
  // size(fact) or fact.size()
  const Expr* counted = nullptr;
  if (!e.target && e.args.size() == 1) counted = e.args[0].get();
  if (e.target && e.args.empty()) counted = e.target.get();
  if (!counted) return std::nullopt;
  std::optional<std::string> name = dotted_name(*counted);
  if (!name || !is_fact(*name)) return std::nullopt;
  return "size(" + *name + ")";
}

std::optional<double> numeric_literal(const Expr& e) {
  if (e.kind != ExprKind::Const) return std::nullopt;
  switch (e.constant.kind()) {
    case cel::Value::Kind::Int:
      return double(e.constant.as_int());
    case cel::Value::Kind::Uint:
      return double(e.constant.as_uint());
    case cel::Value::Kind::Double:
      return e.constant.as_double();
    default:
      return std::nullopt;
  }
}

// The operator with its operands swapped: 1 < x is x > 1.
std::string_view mirrored(std::string_view op) {
  if (op == "_<_") return "_>_";
  if (op == "_<=_") return "_>=_";
  if (op == "_>_") return "_<_";
  return "_<=_";
}

std::optional<Bound> as_bound(const Expr& e, const IsDeclaredFact& is_fact) {
  if (e.kind != ExprKind::Call || e.target || e.args.size() != 2) return std::nullopt;
  std::string_view op = e.name;
  if (op != "_<_" && op != "_<=_" && op != "_>_" && op != "_>=_") return std::nullopt;
  const Expr* left = e.args[0].get();
  const Expr* right = e.args[1].get();
  if (numeric_literal(*left)) {
    std::swap(left, right);
    op = mirrored(op);
  }
  std::optional<std::string> operand = fact_operand(*left, is_fact);
  std::optional<double> limit = numeric_literal(*right);
  if (!operand || !limit) return std::nullopt;
  return Bound{*operand, op == "_>_" || op == "_>=_", op == "_<_" || op == "_>_", *limit};
}

// Appends the bounds of an && tree in written (left to right) order.
bool collect_bounds(const Expr& e, const IsDeclaredFact& is_fact, std::vector<Bound>& out) {
  if (e.kind == ExprKind::Call && e.name == "_&&_" && !e.target && e.args.size() == 2)
    return collect_bounds(*e.args[0], is_fact, out) && collect_bounds(*e.args[1], is_fact, out);
  std::optional<Bound> bound = as_bound(e, is_fact);
  if (!bound) return false;
  out.push_back(std::move(*bound));
  return true;
}

// -1: the new bound admits fewer values, +1: more, 0: it did not move.
int admitted_change(const Bound& from, const Bound& to) {
  if (from.limit == to.limit && from.strict == to.strict) return 0;
  bool fewer;
  if (from.limit == to.limit)
    fewer = to.strict;  // > -> >=, or < -> <=, admit more
  else
    fewer = from.lower ? to.limit > from.limit : to.limit < from.limit;
  return fewer ? -1 : 1;
}

}  // namespace

std::optional<std::vector<Bound>> parse_bounds(std::string_view expr, const IsDeclaredFact& is_fact) {
  cel::detail::ParseResult parsed = cel::detail::parse(expr);
  if (!parsed.expr) return std::nullopt;
  std::vector<Bound> bounds;
  if (!collect_bounds(*parsed.expr, is_fact, bounds)) return std::nullopt;
  return bounds;
}

ChangeClass classify_expr_change(std::string_view from, std::string_view to,
                                 const IsDeclaredFact& from_is_fact, const IsDeclaredFact& to_is_fact) {
  std::optional<std::vector<Bound>> old_bounds = parse_bounds(from, from_is_fact);
  std::optional<std::vector<Bound>> new_bounds = parse_bounds(to, to_is_fact);
  if (!old_bounds || !new_bounds || old_bounds->size() != new_bounds->size()) return ChangeClass::Changed;
  bool fewer = false, more = false;
  for (size_t i = 0; i < old_bounds->size(); ++i) {
    const Bound& a = (*old_bounds)[i];
    const Bound& b = (*new_bounds)[i];
    if (a.operand != b.operand || a.lower != b.lower) return ChangeClass::Changed;
    int moved = admitted_change(a, b);
    fewer |= moved < 0;
    more |= moved > 0;
  }
  if (fewer && !more) return ChangeClass::Tightened;
  if (more && !fewer) return ChangeClass::Loosened;
  return ChangeClass::Changed;  // mixed moves, or only the writing changed
}

}  // namespace rollgate::diff
