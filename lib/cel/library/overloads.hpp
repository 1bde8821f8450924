// The functions and operators CEL knows: for each, its overloads with
// parameter and result types (for the checker) and an implementation (for
// the evaluator).  Operators are functions with CEL's internal names: _+_,
// _==_, !_, @in, _[_] ...
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cel/common/type.hpp"
#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// Implementations are strict: the evaluator calls them only with arguments
// that are neither errors nor unknowns, and of the kinds the overload
// declares.  A CEL error comes back as an Error value.
using FunctionImpl = Value (*)(std::span<const Value> args);

// For the functions whose result can be far longer than their arguments
// (replace, join: a count times a length): the implementation builds at
// most `max_string_bytes` bytes (Limits) and returns nullopt past them,
// which the evaluator turns into the limit's error.
using BoundedImpl = std::optional<Value> (*)(std::span<const Value> args, uint64_t max_string_bytes);

struct Overload {
  std::string id;            // "add_int64", as cel-go names overloads
  std::vector<Type> params;  // the receiver first for member overloads
  Type result;
  bool member = false;       // called as x.f(...)
  FunctionImpl impl = nullptr;
  BoundedImpl bounded = nullptr;  // instead of impl, for the functions above
  // Copies its first argument, a list or map, to return it with one more
  // element (cel.@mapInsert, transformMap's step): the evaluator counts
  // the copy as that many comprehension iterations, so that a loop of
  // them, quadratic in time, stays within max_iterations and max_cost.
  bool copies_first = false;
};

struct FunctionDecl {
  std::string name;
  std::vector<Overload> overloads;
};

class FunctionRegistry {
 public:
  // The standard library, built once.
  static const FunctionRegistry& standard();

  const FunctionDecl* find(std::string_view name) const;

  // Declares an overload (global or member).
  void add(std::string_view function, Overload overload);
  // Declares both the global f(x, ...) and the member x.f(...) forms.
  void add_both(std::string_view function, Overload overload);

 private:
  std::unordered_map<std::string, FunctionDecl> functions_;
};

// Whether runtime arguments have the kinds an overload declares (type
// parameters and dyn accept anything).  Used to dispatch among overloads the
// checker could not tell apart (dyn arguments).
bool runtime_matches(const Overload& overload, std::span<const Value> args);

// The parts of the standard library, one per file.
void register_arithmetic(FunctionRegistry& registry);
void register_comparisons(FunctionRegistry& registry);
void register_collections(FunctionRegistry& registry);
void register_strings(FunctionRegistry& registry);
void register_conversions(FunctionRegistry& registry);
void register_time_functions(FunctionRegistry& registry);
// Extensions cel-go offers as options; here always available.
void register_math(FunctionRegistry& registry);
void register_encoders(FunctionRegistry& registry);
void register_strings_ext(FunctionRegistry& registry);
// Optional values (cel-go's optional types library).
void register_optional(FunctionRegistry& registry);

// Shorthands for declaring overloads.
inline Type type_a() { return Type::type_param("A"); }
inline Type type_b() { return Type::type_param("B"); }

}  // namespace rollgate::cel::detail
