#include "cel/syntax/ast.hpp"
#include "support/gcc_restrict_false_positive.hpp"

#include <algorithm>

namespace rollgate::cel::detail {

namespace {

std::string join_args(const std::vector<ExprPtr>& args) {
  std::string out;
  for (const ExprPtr& arg : args) {
    if (!out.empty()) out += ", ";
    out += to_debug_string(*arg);
  }
  return out;
}

std::string comprehension_text(const ComprehensionExpr& c) {
  std::string vars = c.iter_var;
  if (!c.iter_var2.empty()) vars += ", " + c.iter_var2;
  return "__comprehension__(" + vars + ", " + to_debug_string(*c.iter_range) +
         ", " + c.accu_var + ", " + to_debug_string(*c.accu_init) + ", " +
         to_debug_string(*c.loop_condition) + ", " +
         to_debug_string(*c.loop_step) + ", " + to_debug_string(*c.result) +
         ")";
}

std::string entries_text(const Expr& expr) {
  std::string out;
  for (const EntryExpr& entry : expr.entries) {
    if (!out.empty()) out += ", ";
    if (entry.optional) out += "?";
    out += entry.key ? to_debug_string(*entry.key) : entry.field;
    out += ": " + to_debug_string(*entry.value);
  }
  return out;
}

std::string list_text(const Expr& expr) {
  std::string out;
  for (size_t i = 0; i < expr.args.size(); ++i) {
    if (i > 0) out += ", ";
    for (const size_t o : expr.optional_indices)
      if (o == i) out += "?";
    out += to_debug_string(*expr.args[i]);
  }
  return "[" + out + "]";
}

}  // namespace

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
std::string to_debug_string(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Const: return expr.constant.debug_string();
    case ExprKind::Ident: return expr.name;
    case ExprKind::Select: {
      const std::string sel = to_debug_string(*expr.target) +
                              (expr.optional_select ? ".?" : ".") + expr.name;
      return expr.test_only ? "has(" + sel + ")" : sel;
    }
    case ExprKind::Call:
      if (expr.target)
        return to_debug_string(*expr.target) + "." + expr.name + "(" +
               join_args(expr.args) + ")";
      return expr.name + "(" + join_args(expr.args) + ")";
    case ExprKind::List: return list_text(expr);
    case ExprKind::Map: return "{" + entries_text(expr) + "}";
    case ExprKind::Struct: return expr.name + "{" + entries_text(expr) + "}";
    case ExprKind::Comprehension: return comprehension_text(*expr.comprehension);
  }
  return "?";
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

}  // namespace rollgate::cel::detail

namespace rollgate::cel::detail {

namespace {

int height_of(const ExprPtr& e) { return e ? e->height : 0; }

int comprehension_height(const ComprehensionExpr& c) {
  return std::max({height_of(c.iter_range), height_of(c.accu_init),
                   height_of(c.loop_condition), height_of(c.loop_step),
                   height_of(c.result)});
}

}  // namespace

void update_height(Expr& expr) {
  int tallest = height_of(expr.target);
  for (const ExprPtr& arg : expr.args) tallest = std::max(tallest, height_of(arg));
  for (const EntryExpr& entry : expr.entries)
    tallest = std::max({tallest, height_of(entry.key), height_of(entry.value)});
  if (expr.comprehension)
    tallest = std::max(tallest, comprehension_height(*expr.comprehension));
  expr.height = tallest + 1;
}

ExprPtr ExprFactory::make(ExprKind kind, size_t offset) {
  auto expr = std::make_unique<Expr>();
  expr->id = next_id_++;
  expr->kind = kind;
  expr->offset = offset;
  return expr;
}

ExprPtr ExprFactory::constant(Value value, std::string literal, size_t offset) {
  ExprPtr expr = make(ExprKind::Const, offset);
  expr->constant = std::move(value);
  expr->literal = std::move(literal);
  return expr;
}

ExprPtr ExprFactory::ident(std::string name, size_t offset) {
  ExprPtr expr = make(ExprKind::Ident, offset);
  expr->name = std::move(name);
  return expr;
}

ExprPtr ExprFactory::select(ExprPtr operand, std::string field, size_t offset) {
  ExprPtr expr = make(ExprKind::Select, offset);
  expr->target = std::move(operand);
  expr->name = std::move(field);
  update_height(*expr);
  return expr;
}

ExprPtr ExprFactory::call(std::string function, size_t offset,
                          std::vector<ExprPtr> args) {
  ExprPtr expr = make(ExprKind::Call, offset);
  expr->name = std::move(function);
  expr->args = std::move(args);
  update_height(*expr);
  return expr;
}

ExprPtr ExprFactory::member_call(std::string function, size_t offset,
                                 ExprPtr target, std::vector<ExprPtr> args) {
  ExprPtr expr = make(ExprKind::Call, offset);
  expr->name = std::move(function);
  expr->target = std::move(target);
  expr->args = std::move(args);
  update_height(*expr);
  return expr;
}

ExprPtr ExprFactory::comprehension(size_t offset,
                                   std::unique_ptr<ComprehensionExpr> c) {
  ExprPtr expr = make(ExprKind::Comprehension, offset);
  expr->comprehension = std::move(c);
  update_height(*expr);
  return expr;
}

}  // namespace rollgate::cel::detail
