#include "cel/checking/checker.hpp"

#include <cmath>
#include <optional>

#include "cel/common/type_names.hpp"
#include "cel/checking/unify.hpp"
#include "text/suggest.hpp"
#include "support/gcc_restrict_false_positive.hpp"

namespace rollgate::cel::detail {

namespace {

using K = Type::Kind;

// Type names usable as values: `type(x) == int`.
std::optional<Type> builtin_type_name(std::string_view name) {
  if (name == "int") return Type::int64();
  if (name == "uint") return Type::uint64();
  if (name == "double") return Type::double_type();
  if (name == "bool") return Type::boolean();
  if (name == "string") return Type::string();
  if (name == "bytes") return Type::bytes();
  if (name == "null_type") return Type::null_type();
  if (name == "type") return Type::type_type();
  if (name == "list") return Type::list(Type::dyn());
  if (name == "map") return Type::map(Type::dyn(), Type::dyn());
  if (name == "optional_type") return Type::optional(Type::dyn());
  if (name == "google.protobuf.Timestamp") return Type::timestamp();
  if (name == "google.protobuf.Duration") return Type::duration();
  return std::nullopt;
}

std::string_view strip_root(std::string_view name) {
  return name.starts_with(".") ? name.substr(1) : name;
}

class Checker {
 public:
  Checker(const Environment& env, const FunctionRegistry& functions,
          const CheckOptions& options)
      : env_(env), functions_(functions), options_(options) {}

  CheckResult run(const Expr& root) {
    const Type root_type = check(root);
    for (auto& [id, type] : out_.types) type = substitute(type, subst_, true);
    out_.result_type = substitute(root_type, subst_, true);
    if (out_.result_type.kind() == K::Error) out_.result_type = Type::dyn();
    return std::move(out_);
  }

 private:
  // ------------------------------------------------------------ helpers
  Type record(const Expr& e, Type t) {
    out_.types[e.id] = t;
    return t;
  }

  // A type error (ignored in unchecked mode); the node's type becomes
  // `error` (dyn in unchecked mode) so that no cascade of errors follows.
  Type type_error(const Expr& e, std::string message) {
    if (!options_.check_types) return record(e, Type::dyn());
    out_.issues.push_back(CheckIssue{std::move(message), e.offset});
    return record(e, Type::error());
  }

  std::string display(const Type& t) const {
    return substitute(t, subst_, true).to_string();
  }

  const Type* find_local(std::string_view name) const {
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
      if (it->first == name) return &it->second;
    return nullptr;
  }

  // ------------------------------------------------------------ dispatch
  Type check(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Const: return record(e, constant_type(e.constant));
      case ExprKind::Ident: return check_ident(e);
      case ExprKind::Select: return check_select(e);
      case ExprKind::Call: return check_call(e);
      case ExprKind::List: return check_list(e);
      case ExprKind::Map: return check_map(e);
      case ExprKind::Struct:
        return type_error(e, "unsupported: message construction '" + e.name + "'");
      case ExprKind::Comprehension: return check_comprehension(e);
    }
    return record(e, Type::dyn());
  }

  // Literals are scalars or null: their type is their runtime type.
  static Type constant_type(const Value& v) { return runtime_type(v); }

  // ------------------------------------------------------------ names
  Type check_ident(const Expr& e) {
    const bool root_only = e.name.starts_with(".");
    if (!root_only) {
      if (const Type* local = find_local(e.name)) {
        out_.references[e.id] =
            Reference{Reference::Kind::Local, -1, e.name, Value()};
        return record(e, *local);
      }
    }
    if (auto t = resolve_global(e, strip_root(e.name))) return *t;
    return undeclared(e, std::string(strip_root(e.name)), e.offset);
  }

  // A declared variable or a type name called `name`, recorded on `e`.
  std::optional<Type> resolve_global(const Expr& e, std::string_view name) {
    if (const VariableDecl* var = env_.find_variable(name)) {
      out_.references[e.id] =
          Reference{Reference::Kind::Variable, var->slot, var->name, Value()};
      return record(e, var->type);
    }
    if (auto type = builtin_type_name(name)) {
      out_.references[e.id] = Reference{Reference::Kind::Constant, -1,
                                        std::string(name), Value::type_value(*type)};
      return record(e, Type::type_type());
    }
    return std::nullopt;
  }

  Type undeclared(const Expr& e, const std::string& name, size_t offset) {
    if (!options_.check_types) {
      out_.references[e.id] =
          Reference{Reference::Kind::Unresolved, -1, name, Value()};
      return record(e, Type::dyn());
    }
    text::SuggestionBudget own_budget;
    text::ClosestMatchSearch search(name, text::typo_distance(name),
                                    options_.suggestions ? *options_.suggestions : own_budget);
    for (const VariableDecl& var : env_.variables()) search.consider(var.name);
    std::string message = "undeclared reference to '" + name + "'" + text::did_you_mean_words(search.result());
    out_.issues.push_back(CheckIssue{std::move(message), offset});
    return record(e, Type::error());
  }

  // The nodes of a chain a.b.c (Ident first), when `e` is one whose head
  // is not a comprehension variable.
  bool qualified_chain(const Expr& e, std::vector<const Expr*>& chain) const {
    const Expr* node = &e;
    bool indexed = false;
    while (node->kind == ExprKind::Select || is_literal_index(*node)) {
      if (node->kind == ExprKind::Select && (node->test_only || node->optional_select)) return false;
      indexed = indexed || node->kind == ExprKind::Call;
      chain.insert(chain.begin(), node);
      node = node->kind == ExprKind::Select ? node->target.get() : node->args[0].get();
      if (node->parenthesized) return false;
    }
    if (node->kind != ExprKind::Ident) return false;
    if (!node->name.starts_with(".") && find_local(node->name)) return false;
    // Only an indexable namespace (rollgate's `stages`) reads names that are
    // not CEL identifiers as stages['full-rollout']; elsewhere [..] indexes.
    if (indexed && !env_.is_indexable_namespace(strip_root(node->name))) return false;
    chain.insert(chain.begin(), node);
    return true;
  }

  // x['literal']: a link of a qualified name in an indexable namespace.
  static bool is_literal_index(const Expr& e) {
    return e.kind == ExprKind::Call && e.name == "_[_]" && !e.target && e.args.size() == 2 &&
           e.args[1]->kind == ExprKind::Const && e.args[1]->constant.kind() == Value::Kind::String;
  }

  // The name a chain link contributes: a field, or an index's literal.
  static const std::string& link_name(const Expr& e) {
    return e.kind == ExprKind::Select ? e.name : e.args[1]->constant.as_string();
  }

  // CEL's rule for a.b.c: the longest dotted prefix that names a variable
  // wins ("a.b.c", then "a.b", then "a"); the rest are field selections.
  Type resolve_chain(const std::vector<const Expr*>& chain) {
    std::vector<std::string> prefixes;
    std::string name(strip_root(chain[0]->name));
    prefixes.push_back(name);
    for (size_t i = 1; i < chain.size(); ++i)
      prefixes.push_back(name += "." + link_name(*chain[i]));
    for (size_t k = chain.size(); k > 0; --k) {
      auto type = resolve_global(*chain[k - 1], prefixes[k - 1]);
      if (!type) continue;
      Type t = *type;
      for (size_t j = k; j < chain.size(); ++j)
        t = record(*chain[j], field_type(*chain[j], t));
      return t;
    }
    return undeclared(*chain.back(), prefixes.back(), chain[0]->offset);
  }

  // a.f, has(a.f), and a.?f (optional: an optional of the field's type).
  // Selecting on an optional gives an optional (field_type).
  Type check_select(const Expr& e) {
    std::vector<const Expr*> chain;
    if (!e.test_only && qualified_chain(e, chain)) return resolve_chain(chain);
    const Type operand = check(*e.target);
    const Type field = field_type(e, operand);
    if (field.kind() == K::Error) return record(e, field);
    if (e.test_only) return record(e, Type::boolean());
    if (e.optional_select && substitute(operand, subst_, false).kind() != K::Optional)
      return record(e, Type::optional(field));
    return record(e, field);
  }

  Type field_type(const Expr& e, const Type& operand) {
    const Type t = substitute(operand, subst_, false);
    switch (t.kind()) {
      case K::Optional: {
        const Type inner = field_type(e, t.element());
        return inner.kind() == K::Error ? inner : Type::optional(inner);
      }
      case K::Map:
        if (is_assignable(t.key(), Type::string(), subst_)) return t.value();
        break;
      case K::Dyn:
      case K::TypeParam: return Type::dyn();
      case K::Error: return Type::error();
      default: break;
    }
    return type_error(e, "type '" + display(t) +
                             "' does not support field selection");
  }

  // ------------------------------------------------------------ calls
  Type check_call(const Expr& e) {
    if (is_literal_index(e)) {
      std::vector<const Expr*> chain;
      if (qualified_chain(e, chain)) return resolve_chain(chain);
    }
    if (e.target) {
      if (const FunctionDecl* fn = namespaced_function(*e.target, e.name))
        return check_namespaced_call(e, *fn);
    }
    std::vector<Type> arg_types;
    if (e.target) arg_types.push_back(check(*e.target));
    for (const ExprPtr& arg : e.args) arg_types.push_back(check(*arg));
    const FunctionDecl* fn = functions_.find(strip_root(e.name));
    if (fn == nullptr) {
      out_.overloads[e.id] = {};
      if (!options_.check_types) return record(e, Type::dyn());
      return type_error(e, "undeclared reference to '" + e.name + "'");
    }
    for (const Type& t : arg_types)
      if (t.kind() == K::Error) return record(e, Type::error());
    return resolve_overload(e, *fn, arg_types, e.target != nullptr);
  }

  // `math.abs(x)` parses as a member call on `math`; when "math.abs" is a
  // function, it is that global function (as in cel-go).
  const FunctionDecl* namespaced_function(const Expr& target,
                                          const std::string& name) const {
    std::string prefix;
    if (!dotted_name(target, prefix)) return nullptr;
    return functions_.find(prefix + "." + name);
  }

  bool dotted_name(const Expr& e, std::string& out) const {
    if (e.kind == ExprKind::Ident) {
      if (e.name.starts_with(".") || find_local(e.name)) return false;
      out = e.name;
      return true;
    }
    if (e.kind != ExprKind::Select || e.test_only || e.optional_select ||
        !dotted_name(*e.target, out))
      return false;
    out += "." + e.name;
    return true;
  }

  Type check_namespaced_call(const Expr& e, const FunctionDecl& fn) {
    std::vector<Type> arg_types;
    for (const ExprPtr& arg : e.args) arg_types.push_back(check(*arg));
    out_.namespaced_calls[e.id] = fn.name;
    for (const Type& t : arg_types)
      if (t.kind() == K::Error) return record(e, Type::error());
    return resolve_overload(e, fn, arg_types, false);
  }

  // GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
  ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
  Type resolve_overload(const Expr& e, const FunctionDecl& fn,
                        const std::vector<Type>& args, bool member) {
    std::vector<const Overload*> matched;
    std::optional<Type> result;
    Substitution chosen;
    bool chosen_is_current = false;  // `chosen` would equal subst_
    const std::string suffix = "#" + std::to_string(e.id);
    // With no type parameter in the arguments, an overload without any
    // either binds nothing: it is tried against subst_ itself, uncopied.
    bool concrete_args = true;
    for (const Type& a : args) concrete_args = concrete_args && !mentions_type_param(a);
    for (const Overload& o : fn.overloads) {
      if (o.member != member || o.params.size() != args.size()) continue;
      if (options_.check_types && concrete_args && !overload_has_params(o)) {
        bool fits = true;
        for (size_t i = 0; i < args.size() && fits; ++i)
          fits = is_assignable(o.params[i], args[i], subst_);
        if (!fits) continue;
        matched.push_back(&o);
        if (!result) {
          result = o.result;
          chosen_is_current = true;
        } else if (!(*result == o.result)) {
          result = Type::dyn();
        }
        continue;
      }
      Substitution trial = subst_;
      if (options_.check_types && !arguments_fit(o, args, suffix, trial)) continue;
      matched.push_back(&o);
      const Type r = options_.check_types
                         ? substitute(rename_params(o.result, suffix), trial, false)
                         : Type::dyn();
      if (!result) {
        result = r;
        chosen = std::move(trial);
      } else if (!(*result == r)) {
        result = Type::dyn();
      }
    }
    if (matched.empty()) {
      out_.overloads[e.id] = {};
      if (!options_.check_types) return record(e, Type::dyn());
      return type_error(e, no_overload_message(e, fn.name, args, member));
    }
    if (matched.size() == 1 && !chosen_is_current) subst_ = std::move(chosen);
    out_.overloads[e.id] = std::move(matched);
    return record(e, *result);
  }
  ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

  static bool overload_has_params(const Overload& o) {
    if (mentions_type_param(o.result)) return true;
    for (const Type& p : o.params)
      if (mentions_type_param(p)) return true;
    return false;
  }

  static bool arguments_fit(const Overload& o, const std::vector<Type>& args,
                            const std::string& suffix, Substitution& s) {
    for (size_t i = 0; i < args.size(); ++i)
      if (!is_assignable(rename_params(o.params[i], suffix), args[i], s))
        return false;
    return true;
  }

  std::string no_overload_message(const Expr& e, const std::string& function,
                                  const std::vector<Type>& args, bool member) {
    std::string shown;
    size_t first = 0;
    if (member) {
      shown = display(args[0]) + ".";
      first = 1;
    }
    shown += "(";
    for (size_t i = first; i < args.size(); ++i) {
      if (i > first) shown += ", ";
      shown += display(args[i]);
    }
    shown += ")";
    return "found no matching overload for '" + function + "' applied to '" +
           shown + "'" + literal_hint(e, args);
  }

  // When an int literal meets a double (or uint) operand, the fix is
  // almost always to write the literal in the other type: say so.
  std::string literal_hint(const Expr& e, const std::vector<Type>& args) const {
    if (e.target || e.args.size() != 2) return "";
    const Type first = substitute(args[0], subst_, true);
    const Type second = substitute(args[1], subst_, true);
    if (e.name == "@in") {
      // x in [1, 2]: the element (or key) type against the other side.
      K wanted = K::Dyn;
      if (second.kind() == K::List) wanted = second.element().kind();
      if (second.kind() == K::Map) wanted = second.key().kind();
      std::string hint = hint_for(*e.args[0], wanted);
      const Expr& collection = *e.args[1];
      if (hint.empty() && collection.kind == ExprKind::List &&
          !collection.args.empty())
        hint = hint_for(*collection.args[0], first.kind());
      return hint;
    }
    std::string hint = hint_for(*e.args[0], second.kind());
    return hint.empty() ? hint_for(*e.args[1], first.kind()) : hint;
  }

  static std::string hint_for(const Expr& literal, K wanted) {
    if (literal.kind != ExprKind::Const) return "";
    auto text = rewrite_literal(literal.constant, wanted);
    return text ? " (use " + *text + ")" : "";
  }

  static std::optional<std::string> rewrite_literal(const Value& v, K wanted) {
    if (v.kind() == Value::Kind::Int && wanted == K::Double)
      return std::to_string(v.as_int()) + ".0 for a double literal";
    if (v.kind() == Value::Kind::Int && wanted == K::Uint && v.as_int() >= 0)
      return std::to_string(v.as_int()) + "u for a uint literal";
    if (v.kind() == Value::Kind::Uint && wanted == K::Int)
      return std::to_string(v.as_uint()) + " for an int literal";
    if (v.kind() == Value::Kind::Double && wanted == K::Int &&
        std::trunc(v.as_double()) == v.as_double() &&
        std::fabs(v.as_double()) < 9e15)
      return std::to_string(static_cast<int64_t>(v.as_double())) +
             " for an int literal";
    return std::nullopt;
  }

  // ------------------------------------------------------------ literals
  Type fresh_param() { return Type::type_param("_T" + std::to_string(++fresh_)); }

  // The type a `?e` element or `?k: v` value contributes: T of the
  // optional_type(T) it must be.
  Type optional_element(const Expr& e, const Type& t) {
    const Type w = substitute(t, subst_, false);
    if (w.kind() == K::Optional) return w.element();
    if (w.kind() == K::Dyn || w.kind() == K::Error) return w;
    const Type wanted = Type::optional(fresh_param());
    if (is_assignable(wanted, w, subst_)) return substitute(wanted, subst_, false).element();
    return type_error(e, "expected type 'optional_type' but found '" + display(w) + "'");
  }

  static bool is_optional_index(const Expr& list, size_t i) {
    for (const size_t o : list.optional_indices)
      if (o == i) return true;
    return false;
  }

  Type check_list(const Expr& e) {
    Type element = fresh_param();
    bool first = true;
    for (size_t i = 0; i < e.args.size(); ++i) {
      const Expr& item = *e.args[i];
      Type t = check(item);
      if (is_optional_index(e, i)) t = optional_element(item, t);
      element = first ? t : join_types(element, t, subst_);
      first = false;
    }
    return record(e, Type::list(element));
  }

  Type check_map(const Expr& e) {
    Type key = fresh_param(), value = fresh_param();
    bool first = true;
    for (const EntryExpr& entry : e.entries) {
      const Type k = check(*entry.key);
      Type v = check(*entry.value);
      if (entry.optional) v = optional_element(*entry.value, v);
      key = first ? k : join_types(key, k, subst_);
      value = first ? v : join_types(value, v, subst_);
      first = false;
    }
    return record(e, Type::map(key, value));
  }

  // ------------------------------------------------------------ folds
  Type check_comprehension(const Expr& e) {
    const ComprehensionExpr& c = *e.comprehension;
    const Type range = substitute(check(*c.iter_range), subst_, false);
    Type var1 = Type::dyn(), var2 = Type::dyn();
    switch (range.kind()) {
      case K::List:
        var1 = c.iter_var2.empty() ? range.element() : Type::int64();
        var2 = range.element();
        break;
      case K::Map:
        var1 = range.key();
        var2 = range.value();
        break;
      case K::Dyn:
      case K::TypeParam:
      case K::Error: break;
      default:
        type_error(*c.iter_range,
                   "expression of type '" + display(range) +
                       "' cannot be the range of a comprehension (must be "
                       "list, map, or dynamic)");
    }
    const Type accu = check(*c.accu_init);
    locals_.emplace_back(c.accu_var, accu);
    locals_.emplace_back(c.iter_var, var1);
    if (!c.iter_var2.empty()) locals_.emplace_back(c.iter_var2, var2);
    expect_type(*c.loop_condition, check(*c.loop_condition), Type::boolean());
    expect_type(*c.loop_step, check(*c.loop_step), accu);
    locals_.resize(locals_.size() - (c.iter_var2.empty() ? 1 : 2));
    const Type result = check(*c.result);
    locals_.pop_back();
    return record(e, result);
  }

  void expect_type(const Expr& e, const Type& actual, const Type& expected) {
    if (!is_assignable(expected, actual, subst_))
      type_error(e, "expected type '" + display(expected) + "' but found '" +
                        display(actual) + "'");
  }

  const Environment& env_;
  const FunctionRegistry& functions_;
  CheckOptions options_;
  CheckResult out_;
  Substitution subst_;
  std::vector<std::pair<std::string, Type>> locals_;
  int fresh_ = 0;
};

}  // namespace

CheckResult check(const Expr& root, const Environment& env,
                  const FunctionRegistry& functions, const CheckOptions& options) {
  return Checker(env, functions, options).run(root);
}

}  // namespace rollgate::cel::detail
