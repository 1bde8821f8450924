#include "cel/checking/unify.hpp"

namespace rollgate::cel::detail {

namespace {

using K = Type::Kind;

// Follows bindings until reaching an unbound parameter or a concrete type.
Type walk(const Type& t, const Substitution& s) {
  Type current = t;
  while (current.kind() == K::TypeParam) {
    const auto it = s.find(current.param_name());
    if (it == s.end()) break;
    current = it->second;
  }
  return current;
}

bool occurs(const std::string& param, const Type& t, const Substitution& s) {
  const Type w = walk(t, s);
  switch (w.kind()) {
    case K::TypeParam: return w.param_name() == param;
    case K::List:
    case K::Optional: return occurs(param, w.element(), s);
    case K::Map: return occurs(param, w.key(), s) || occurs(param, w.value(), s);
    default: return false;
  }
}

bool bind(const Type& param, const Type& t, Substitution& s) {
  if (t.kind() == K::TypeParam && t.param_name() == param.param_name())
    return true;
  if (occurs(param.param_name(), t, s)) return false;
  s[param.param_name()] = t;
  return true;
}

// Whether `t` mentions a type parameter anywhere (without allocating).
bool has_param(const Type& t) {
  switch (t.kind()) {
    case K::TypeParam: return true;
    case K::List:
    case K::Optional: return has_param(t.element());
    case K::Map: return has_param(t.key()) || has_param(t.value());
    default: return false;
  }
}

}  // namespace

bool mentions_type_param(const Type& t) { return has_param(t); }

bool is_assignable(const Type& formal, const Type& actual, Substitution& s) {
  const Type f = walk(formal, s);
  const Type a = walk(actual, s);
  if (f.kind() == K::TypeParam) return bind(f, a, s);
  if (a.kind() == K::TypeParam) return bind(a, f, s);
  if (f.kind() == K::Dyn || a.kind() == K::Dyn || f.kind() == K::Error ||
      a.kind() == K::Error)
    return true;
  if (f.kind() != a.kind()) return false;
  if (f.kind() == K::List || f.kind() == K::Optional)
    return is_assignable(f.element(), a.element(), s);
  if (f.kind() == K::Map)
    return is_assignable(f.key(), a.key(), s) &&
           is_assignable(f.value(), a.value(), s);
  return true;
}

Type substitute(const Type& t, const Substitution& s, bool free_to_dyn) {
  if (!has_param(t)) return t;  // nothing to replace: the same type, shared
  const Type w = walk(t, s);
  switch (w.kind()) {
    case K::TypeParam: return free_to_dyn ? Type::dyn() : w;
    case K::List: return Type::list(substitute(w.element(), s, free_to_dyn));
    case K::Optional: return Type::optional(substitute(w.element(), s, free_to_dyn));
    case K::Map:
      return Type::map(substitute(w.key(), s, free_to_dyn),
                       substitute(w.value(), s, free_to_dyn));
    default: return w;
  }
}

Type rename_params(const Type& t, const std::string& suffix) {
  if (!has_param(t)) return t;  // nothing to rename: the same type, shared
  switch (t.kind()) {
    case K::TypeParam: return Type::type_param(t.param_name() + suffix);
    case K::List: return Type::list(rename_params(t.element(), suffix));
    case K::Optional: return Type::optional(rename_params(t.element(), suffix));
    case K::Map:
      return Type::map(rename_params(t.key(), suffix),
                       rename_params(t.value(), suffix));
    default: return t;
  }
}

Type join_types(const Type& a, const Type& b, Substitution& s) {
  // Try on a copy: a failed attempt must not leave partial bindings.
  Substitution trial = s;
  if (is_assignable(a, b, trial) && is_assignable(b, a, trial)) {
    s = std::move(trial);
    // The more general of the two: dyn absorbs anything.
    if (walk(a, s).kind() == K::Dyn || walk(b, s).kind() == K::Dyn)
      return Type::dyn();
    return a;
  }
  return Type::dyn();
}

}  // namespace rollgate::cel::detail
