// The evaluation tree a checked expression is compiled into: identifiers
// are already slot or local indexes, calls already know their overloads,
// so evaluation never looks a name up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "cel/syntax/ast.hpp"
#include "cel/checking/checker.hpp"
#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// Comprehension iterations allowed per evaluation, so that nested
// comprehensions over large lists cannot run away.
inline constexpr uint64_t kIterationBudget = 1'000'000;

// The state of one evaluation: the activation, the comprehension variables
// and what is left of the iteration budget.
struct Frame {
  std::span<const Value> slots;
  std::vector<Value> locals;
  uint64_t iterations = 0;
};

class Node {
 public:
  virtual ~Node() = default;
  virtual Value eval(Frame& frame) const = 0;
};
using NodePtr = std::unique_ptr<const Node>;

struct Plan {
  NodePtr root;
  size_t local_count = 0;
  std::vector<int> referenced_slots;  // sorted, unique
};

// Builds the evaluation tree of a checked expression.
Plan plan(const Expr& root, const CheckResult& checked);

}  // namespace rollgate::cel::detail
