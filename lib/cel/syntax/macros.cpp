#include "cel/syntax/macros.hpp"

namespace rollgate::cel::detail {

namespace {

// Builds the comprehension parts that all macros share.
class Expander {
 public:
  Expander(ExprFactory& factory, const MacroCall& call,
           std::optional<MacroError>& error)
      : f_(factory), call_(call), error_(error) {}

  ExprPtr expand() {
    const std::string_view fn = call_.function;
    const size_t argc = call_.args->size();
    if (call_.target == nullptr) {
      if (fn == "has" && argc == 1) return has();
      return nullptr;
    }
    if (target_is("cel") && fn == "bind" && argc == 3) return bind();
    if (target_is("math") && (fn == "greatest" || fn == "least") && argc >= 3)
      return variadic_as_list();
    if (fn == "all" && (argc == 2 || argc == 3)) return quantifier(Kind::All);
    if (fn == "exists" && (argc == 2 || argc == 3)) return quantifier(Kind::Exists);
    if ((fn == "exists_one" || fn == "existsOne") && (argc == 2 || argc == 3))
      return quantifier(Kind::ExistsOne);
    if (fn == "map" && (argc == 2 || argc == 3)) return map();
    if (fn == "filter" && argc == 2) return filter();
    if (fn == "optMap" && argc == 2) return opt_map(false);
    if (fn == "optFlatMap" && argc == 2) return opt_map(true);
    if (fn == "transformList" && (argc == 3 || argc == 4)) return transform_list();
    if (fn == "transformMap" && (argc == 3 || argc == 4)) return transform_map();
    return nullptr;
  }

 private:
  enum class Kind { All, Exists, ExistsOne };

  ExprPtr& arg(size_t i) { return (*call_.args)[i]; }

  bool target_is(std::string_view name) const {
    const Expr& target = **call_.target;
    return target.kind == ExprKind::Ident && target.name == name;
  }

  // cel.bind(var, init, body): body with var bound to init.
  ExprPtr bind() {
    auto var = iter_var(arg(0));
    if (!var) return nullptr;
    return bound(*var, std::move(arg(1)), std::move(arg(2)), call_.offset);
  }

  // `body` with `var` bound to `init`, as a fold over an empty list whose
  // accumulator is the variable (cel-go's expansion of cel.bind).
  ExprPtr bound(const std::string& var, ExprPtr init, ExprPtr body, size_t at) {
    auto c = std::make_unique<ComprehensionExpr>();
    c->iter_var = "#unused";
    c->accu_var = var;
    c->iter_range = f_.make(ExprKind::List, at);
    c->accu_init = std::move(init);
    c->loop_condition = bool_const(false);
    c->loop_step = f_.ident(var, at);
    c->result = std::move(body);
    return f_.comprehension(at, std::move(c));
  }

  // math.greatest(a, b, c, ...) is math.greatest([a, b, c, ...]).
  ExprPtr variadic_as_list() {
    ExprPtr list = f_.make(ExprKind::List, call_.offset);
    list->args = std::move(*call_.args);
    update_height(*list);
    std::vector<ExprPtr> args;
    args.push_back(std::move(list));
    return f_.member_call(std::string(call_.function), call_.offset,
                          std::move(*call_.target), std::move(args));
  }

  // The iteration variables of a two-variable macro (index or key, value):
  // the first two arguments, distinct simple names.
  std::optional<std::pair<std::string, std::string>> iter_vars() {
    auto first = iter_var(arg(0));
    if (!first) return std::nullopt;
    auto second = iter_var(arg(1));
    if (!second) return std::nullopt;
    if (*first == *second) {
      fail("duplicate variable name '" + *first + "'", arg(1)->offset);
      return std::nullopt;
    }
    return std::make_pair(*first, *second);
  }

  ExprPtr fail(std::string message, size_t offset) {
    error_ = MacroError{std::move(message), offset};
    return nullptr;
  }

  ExprPtr has() {
    ExprPtr& operand = arg(0);
    if (operand->kind != ExprKind::Select || operand->test_only ||
        operand->optional_select)
      return fail("invalid argument to has() macro", operand->offset);
    operand->test_only = true;
    return std::move(operand);
  }

  ExprPtr accu() { return f_.ident(std::string(kAccumulatorName), call_.offset); }

  // The iteration variable: a plain identifier other than the accumulator.
  std::optional<std::string> iter_var(const ExprPtr& e) {
    if (e->kind != ExprKind::Ident || e->name.starts_with(".")) {
      fail("argument must be a simple name", e->offset);
      return std::nullopt;
    }
    if (e->name == kAccumulatorName) {
      fail("iteration variable overwrites accumulator variable", e->offset);
      return std::nullopt;
    }
    return e->name;
  }

  ExprPtr bool_const(bool b) {
    return f_.constant(Value::boolean(b), b ? "true" : "false", call_.offset);
  }

  ExprPtr int_const(int64_t i) {
    return f_.constant(Value::int64(i), std::to_string(i), call_.offset);
  }

  ExprPtr call2(const char* fn, ExprPtr a, ExprPtr b) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    args.push_back(std::move(b));
    return f_.call(fn, call_.offset, std::move(args));
  }

  ExprPtr call1(const char* fn, ExprPtr a) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    return f_.call(fn, call_.offset, std::move(args));
  }

  ExprPtr ternary(ExprPtr cond, ExprPtr yes, ExprPtr no) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(cond));
    args.push_back(std::move(yes));
    args.push_back(std::move(no));
    return f_.call("_?_:_", call_.offset, std::move(args));
  }

  ExprPtr singleton_list(ExprPtr element) {
    ExprPtr list = f_.make(ExprKind::List, call_.offset);
    list->args.push_back(std::move(element));
    update_height(*list);
    return list;
  }

  // accu + [element]
  ExprPtr append(ExprPtr element) {
    return call2("_+_", accu(), singleton_list(std::move(element)));
  }

  ExprPtr fold(const std::string& var, ExprPtr init, ExprPtr condition, ExprPtr step,
               ExprPtr result) {
    auto c = std::make_unique<ComprehensionExpr>();
    c->iter_var = var;
    c->accu_var = std::string(kAccumulatorName);
    c->iter_range = std::move(*call_.target);
    c->accu_init = std::move(init);
    c->loop_condition = std::move(condition);
    c->loop_step = std::move(step);
    c->result = std::move(result);
    return f_.comprehension(call_.offset, std::move(c));
  }

  ExprPtr quantifier(Kind kind) {
    std::optional<std::string> var;
    std::string var2;
    if (call_.args->size() == 3) {
      auto vars = iter_vars();
      if (!vars) return nullptr;
      var = vars->first;
      var2 = vars->second;
    } else {
      var = iter_var(arg(0));
      if (!var) return nullptr;
    }
    ExprPtr predicate = std::move(call_.args->back());
    ExprPtr folded = quantifier_fold(kind, *var, std::move(predicate));
    if (folded && !var2.empty()) {
      folded->comprehension->iter_var2 = var2;
    }
    return folded;
  }

  ExprPtr quantifier_fold(Kind kind, const std::string& var, ExprPtr predicate) {
    switch (kind) {
      case Kind::All:
        return fold(var, bool_const(true), call1("@not_strictly_false", accu()),
                    call2("_&&_", accu(), std::move(predicate)), accu());
      case Kind::Exists:
        return fold(var, bool_const(false),
                    call1("@not_strictly_false", call1("!_", accu())),
                    call2("_||_", accu(), std::move(predicate)), accu());
      case Kind::ExistsOne:
        return fold(var, int_const(0), bool_const(true),
                    ternary(std::move(predicate),
                            call2("_+_", accu(), int_const(1)), accu()),
                    call2("_==_", accu(), int_const(1)));
    }
    return nullptr;
  }

  ExprPtr map() {
    auto var = iter_var(arg(0));
    if (!var) return nullptr;
    ExprPtr step;
    if (call_.args->size() == 3) {
      step = ternary(std::move(arg(1)), append(std::move(arg(2))), accu());
    } else {
      step = append(std::move(arg(1)));
    }
    return fold(*var, f_.make(ExprKind::List, call_.offset), bool_const(true),
                std::move(step), accu());
  }

  // transformList(i, v, [p,] t): like map() with the index as well.
  ExprPtr transform_list() {
    auto vars = iter_vars();
    if (!vars) return nullptr;
    ExprPtr step;
    if (call_.args->size() == 4)
      step = ternary(std::move(arg(2)), append(std::move(arg(3))), accu());
    else
      step = append(std::move(arg(2)));
    ExprPtr folded = fold(vars->first, f_.make(ExprKind::List, call_.offset),
                          bool_const(true), std::move(step), accu());
    folded->comprehension->iter_var2 = vars->second;
    return folded;
  }

  // transformMap(k, v, [p,] t): a map from each key to t.
  ExprPtr transform_map() {
    auto vars = iter_vars();
    if (!vars) return nullptr;
    auto insert = [&](ExprPtr value) {
      std::vector<ExprPtr> args;
      args.push_back(accu());
      args.push_back(f_.ident(vars->first, call_.offset));
      args.push_back(std::move(value));
      return f_.call("cel.@mapInsert", call_.offset, std::move(args));
    };
    ExprPtr step;
    if (call_.args->size() == 4)
      step = ternary(std::move(arg(2)), insert(std::move(arg(3))), accu());
    else
      step = insert(std::move(arg(2)));
    ExprPtr folded = fold(vars->first, f_.make(ExprKind::Map, call_.offset),
                          bool_const(true), std::move(step), accu());
    folded->comprehension->iter_var2 = vars->second;
    return folded;
  }

  ExprPtr filter() {
    auto var = iter_var(arg(0));
    if (!var) return nullptr;
    ExprPtr element = f_.ident(*var, arg(0)->offset);
    ExprPtr step = ternary(std::move(arg(1)), append(std::move(element)), accu());
    return fold(*var, f_.make(ExprKind::List, call_.offset), bool_const(true),
                std::move(step), accu());
  }

  // opt.optMap(v, e):     opt.hasValue() ? optional.of(e with v = opt.value()) : optional.none()
  // opt.optFlatMap(v, e): opt.hasValue() ? (e with v = opt.value()) : optional.none()
  // with the receiver bound once to a hidden variable, not copied into both
  // places as cel-go does: a chain of n calls is then n nodes deep rather
  // than 2^n (a fuzz finding; an identifier with '@' cannot be written).
  ExprPtr opt_map(bool flat) {
    if (arg(0)->kind != ExprKind::Ident || arg(0)->name.starts_with("."))
      return fail(std::string(call_.function) + "() variable name must be a simple identifier",
                  arg(0)->offset);
    auto var = iter_var(arg(0));
    if (!var) return nullptr;
    const size_t at = call_.offset;
    const std::string receiver = "@optional";
    ExprPtr unwrapped = f_.member_call("value", at, f_.ident(receiver, at), {});
    ExprPtr mapped = bound(*var, std::move(unwrapped), std::move(arg(1)), at);
    if (!flat) mapped = call1("optional.of", std::move(mapped));
    ExprPtr test = f_.member_call("hasValue", at, f_.ident(receiver, at), {});
    ExprPtr chosen = ternary(std::move(test), std::move(mapped), f_.call("optional.none", at, {}));
    return bound(receiver, std::move(*call_.target), std::move(chosen), at);
  }

  ExprFactory& f_;
  const MacroCall& call_;
  std::optional<MacroError>& error_;
};

}  // namespace

ExprPtr expand_macro(ExprFactory& factory, const MacroCall& call,
                     std::optional<MacroError>& error) {
  return Expander(factory, call, error).expand();
}

}  // namespace rollgate::cel::detail
