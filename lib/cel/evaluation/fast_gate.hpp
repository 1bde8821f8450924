// Specialised evaluation of the common gate shapes, recognised at compile
// time from the checked (and constant-folded) AST:
//
//   fact op constant            op in == != < <= > >=, either side constant
//   size(fact) op constant      also fact.size()
//   fact in [constants]         a constant list (folded from a literal)
//   map_fact['key'] op constant a map fact indexed by a constant string
//   t1 - t2 op constant         two timestamp facts (or `now`), e.g.
//                               now - t < duration('72h')
//   fact.startsWith(constant)   also endsWith, contains
//   fact                        a bool fact on its own
//   list_fact.exists(v, p)      also all(); p any of these shapes over v
//                               (and facts), without a nested exists/all
//   a && b, a || b, !a          over any of these
//
// A FastGate answers True or False only when the general evaluator would
// return exactly that bool; anything else (an unknown or error operand, a
// dyn fact of a kind the operator's overloads do not take, a map range, a
// list too long for the iteration limit) is Other, and the caller evaluates
// the expression with the general evaluator, which builds the exact error
// or unknown.  Kleene logic over True/False/Other is what CEL's commutative
// && and || do with errors and unknowns (false && x is false, true || x is
// true), so `false && unknown` stays false on the fast path.
//
// Evaluating a FastGate never allocates: it reads slot values in place,
// compares with precomputed constants (value_ops), and returns a Tri.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cel/syntax/ast.hpp"
#include "cel/checking/checker.hpp"
#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

enum class Tri : unsigned char { False, True, Other };

class FastGate {
 public:
  // The fast form of `root`, or nullopt when it is not one of the shapes.
  static std::optional<FastGate> match(const Expr& root, const CheckResult& checked);

  Tri eval(std::span<const Value> slots) const {
    // The commonest gate, an int fact against int constants (a threshold,
    // a range), without leaving this function.
    const Node& n = nodes_[root_];
    if (n.int_interval) {
      const Value& v = slots[static_cast<size_t>(n.slot)];
      if (v.kind() == Value::Kind::Int) {
        const int64_t x = v.as_int();
        return (n.int_low <= x && x <= n.int_high) != n.int_negated ? Tri::True : Tri::False;
      }
    }
    return eval_node(root_, slots.data(), nullptr);
  }

  // Where the nodes are, for prefetching (Program::prefetch).
  const void* node_data() const { return nodes_.data(); }

  // Whether the gate has an exists()/all() (iterations to count).
  bool has_loops() const { return loops_ > 0; }

  // The sizes of the lists its exists()/all() range over, added up: at
  // most the iterations eval() runs, and at most the general evaluator's
  // count for the same gate.
  uint64_t loop_range_sizes(std::span<const Value> slots) const;

  enum class Op : unsigned char { Eq, Ne, Lt, Le, Gt, Ge };
  enum class Kind : unsigned char {
    And, Or, Range, Not, BoolOperand, Compare, SizeCompare, InList, StringTest, Exists, All,
    IndexCompare, TimeDifferenceCompare
  };
  enum class StringFn : unsigned char { StartsWith, EndsWith, Contains };
  enum class ConstKind : unsigned char { Int, Uint, Double, String, Other };

  struct Node {
    Kind kind = Kind::Compare;
    bool element = false;  // the operand is the exists/all element, not a slot
    Op op = Op::Eq;
    StringFn string_fn = StringFn::StartsWith;
    ConstKind const_kind = ConstKind::Other;
    uint32_t a = 0, b = 0;     // children (And/Or/Range: both; Not, Exists/All: a)
    int slot = 0;              // the operand's slot (unless element)
    int slot2 = 0;             // TimeDifferenceCompare: the subtrahend's slot
    uint64_t kinds = 0;        // operand kinds the operator takes (bit per Value::Kind)
    uint64_t size_kinds = 0;   // SizeCompare: operand kinds size() takes
    int64_t int_constant = 0;  // the constant, unpacked
    uint64_t uint_constant = 0;
    double double_constant = 0;
    std::string_view string_constant;  // into `constant`
    // Compare and Range over a slot whose operators take ints, with int
    // constants: for an int value the result is low <= x <= high (negated
    // for !=).
    bool int_interval = false;
    bool int_negated = false;
    int64_t int_low = 0, int_high = 0;
    Value constant;
    Value key;  // IndexCompare: the map key (a string)
  };

 private:
  Tri eval_node(uint32_t index, const Value* slots, const Value* element) const;
  Tri compare(const Node& n, const Value& v) const;
  Tri size_compare(const Node& n, const Value& v) const;
  Tri time_difference_compare(const Node& n, const Value* slots) const;
  Tri loop(const Node& n, const Value* slots) const;

  std::vector<Node> nodes_;
  uint32_t root_ = 0;
  uint32_t loops_ = 0;
  friend class FastGateBuilder;
};

}  // namespace rollgate::cel::detail
