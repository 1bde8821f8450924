// Resolves identifiers against the Environment (CEL's qualified-name rule)
// and infers the type of every node, choosing the overloads of each call.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "cel/syntax/ast.hpp"
#include "cel/checking/environment.hpp"
#include "cel/library/overloads.hpp"
#include "cel/common/type.hpp"
#include "cel/common/value.hpp"
#include "text/suggestion_budget.hpp"

namespace rollgate::cel::detail {

// What an Ident (or a Select chain read as one dotted name) refers to.
struct Reference {
  enum class Kind : unsigned char {
    Variable,    // an activation slot
    Local,       // a comprehension variable, by name
    Constant,    // a type name such as `int`, as a type value
    Unresolved,  // unchecked mode only: an error at evaluation time
  };
  Kind kind = Kind::Variable;
  int slot = -1;
  std::string name;  // Local: the variable; Unresolved: the name written
  Value constant;
};

struct CheckIssue {
  std::string message;
  size_t offset = 0;
};

struct CheckOptions {
  // When false (CEL's "disable check"), type errors are not reported: calls
  // dispatch on runtime kinds, undeclared names and functions become
  // evaluation errors.  Names still resolve to slots.
  bool check_types = true;
  // Pays for did-you-mean on undeclared names: the whole document's budget
  // when one document holds many expressions (a plan's gates); null for a
  // budget per name.
  text::SuggestionBudget* suggestions = nullptr;
};

struct CheckResult {
  std::unordered_map<int64_t, Type> types;  // by node id, final
  std::unordered_map<int64_t, Reference> references;
  // The overloads a call may use (one when the checker could tell).
  std::unordered_map<int64_t, std::vector<const Overload*>> overloads;
  // Member-style calls that are really namespaced global functions
  // (math.abs(x)): the function's full name, by call id.
  std::unordered_map<int64_t, std::string> namespaced_calls;
  std::vector<CheckIssue> issues;
  Type result_type;
};

CheckResult check(const Expr& root, const Environment& env,
                  const FunctionRegistry& functions,
                  const CheckOptions& options = {});

}  // namespace rollgate::cel::detail
