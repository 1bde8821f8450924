#include "cel/macros.hpp"

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
    if (fn == "all" && argc == 2) return quantifier(Kind::All);
    if (fn == "exists" && argc == 2) return quantifier(Kind::Exists);
    if (fn == "exists_one" && argc == 2) return quantifier(Kind::ExistsOne);
    if (fn == "map" && (argc == 2 || argc == 3)) return map();
    if (fn == "filter" && argc == 2) return filter();
    return nullptr;
  }

 private:
  enum class Kind { All, Exists, ExistsOne };

  ExprPtr& arg(size_t i) { return (*call_.args)[i]; }

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

  ExprPtr fold(std::string var, ExprPtr init, ExprPtr condition, ExprPtr step,
               ExprPtr result) {
    auto c = std::make_unique<ComprehensionExpr>();
    c->iter_var = std::move(var);
    c->accu_var = std::string(kAccumulatorName);
    c->iter_range = std::move(*call_.target);
    c->accu_init = std::move(init);
    c->loop_condition = std::move(condition);
    c->loop_step = std::move(step);
    c->result = std::move(result);
    return f_.comprehension(call_.offset, std::move(c));
  }

  ExprPtr quantifier(Kind kind) {
    auto var = iter_var(arg(0));
    if (!var) return nullptr;
    ExprPtr predicate = std::move(arg(1));
    switch (kind) {
      case Kind::All:
        return fold(*var, bool_const(true), call1("@not_strictly_false", accu()),
                    call2("_&&_", accu(), std::move(predicate)), accu());
      case Kind::Exists:
        return fold(*var, bool_const(false),
                    call1("@not_strictly_false", call1("!_", accu())),
                    call2("_||_", accu(), std::move(predicate)), accu());
      case Kind::ExistsOne:
        return fold(*var, int_const(0), bool_const(true),
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

  ExprPtr filter() {
    auto var = iter_var(arg(0));
    if (!var) return nullptr;
    ExprPtr element = f_.ident(*var, arg(0)->offset);
    ExprPtr step = ternary(std::move(arg(1)), append(std::move(element)), accu());
    return fold(*var, f_.make(ExprKind::List, call_.offset), bool_const(true),
                std::move(step), accu());
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
