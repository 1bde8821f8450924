// The node kinds of the evaluation tree (see evaluator.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cel/evaluation/evaluator.hpp"
#include "cel/library/overloads.hpp"

namespace rollgate::cel::detail {

// CEL's rule for strict functions: if any argument is unknown the result is
// unknown (the union of all unknown slots), else the first error, else
// nullopt (all arguments are plain values).
std::optional<Value> strict_failure(std::span<const Value> args);

// The union of the slots of the unknowns among `values`.
Value merge_unknowns(std::span<const Value> values);

class ConstNode final : public Node {
 public:
  explicit ConstNode(Value v) : value_(std::move(v)) {}
  Value eval(Frame&) const override { return value_; }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

class SlotNode final : public Node {
 public:
  explicit SlotNode(int slot) : slot_(slot) {}
  Value eval(Frame& frame) const override;

 private:
  int slot_;
};

class LocalNode final : public Node {
 public:
  explicit LocalNode(size_t index) : index_(index) {}
  Value eval(Frame& frame) const override { return frame.locals[index_]; }

 private:
  size_t index_;
};

// a.f, has(a.f) (test_only) and a.?f (optional).  On an optional operand
// the selection is optional too: none stays none, a missing field is none.
class SelectNode final : public Node {
 public:
  SelectNode(NodePtr operand, std::string field, bool test_only, bool optional = false)
      : operand_(std::move(operand)), field_(Value::string(std::move(field))),
        test_only_(test_only), optional_(optional) {}
  Value eval(Frame& frame) const override;

 private:
  NodePtr operand_;
  Value field_;  // as a string value, ready for map lookup
  bool test_only_;
  bool optional_;
};

class CallNode final : public Node {
 public:
  CallNode(std::string function, std::vector<NodePtr> args,
           std::vector<const Overload*> overloads)
      : function_(std::move(function)), args_(std::move(args)),
        overloads_(std::move(overloads)) {}
  Value eval(Frame& frame) const override;

 private:
  Value dispatch(std::span<const Value> args, Frame& frame) const;

  std::string function_;
  std::vector<NodePtr> args_;
  std::vector<const Overload*> overloads_;
};

// `_&&_` (is_and) and `_||_`: commutative over errors and unknowns.
class LogicNode final : public Node {
 public:
  LogicNode(bool is_and, NodePtr left, NodePtr right)
      : is_and_(is_and), left_(std::move(left)), right_(std::move(right)) {}
  Value eval(Frame& frame) const override;

 private:
  bool is_and_;
  NodePtr left_, right_;
};

class NotStrictlyFalseNode final : public Node {
 public:
  explicit NotStrictlyFalseNode(NodePtr operand) : operand_(std::move(operand)) {}
  Value eval(Frame& frame) const override;

 private:
  NodePtr operand_;
};

class ConditionalNode final : public Node {
 public:
  ConditionalNode(NodePtr condition, NodePtr yes, NodePtr no)
      : condition_(std::move(condition)), yes_(std::move(yes)), no_(std::move(no)) {}
  Value eval(Frame& frame) const override;

 private:
  NodePtr condition_, yes_, no_;
};

// x[i], and x[?i] (optional): an optional of the element, none when it
// is absent.  On an optional operand indexing is optional too.
class IndexNode final : public Node {
 public:
  IndexNode(NodePtr operand, NodePtr index, bool optional = false)
      : operand_(std::move(operand)), index_(std::move(index)), optional_(optional) {}
  Value eval(Frame& frame) const override;

 private:
  NodePtr operand_, index_;
  bool optional_;
};

// x.or(y) and x.orValue(y): y is evaluated only when x is none.
class OptionalOrNode final : public Node {
 public:
  OptionalOrNode(NodePtr optional, NodePtr alternative, bool or_value)
      : optional_(std::move(optional)), alternative_(std::move(alternative)),
        or_value_(or_value) {}
  Value eval(Frame& frame) const override;

 private:
  NodePtr optional_, alternative_;
  bool or_value_;  // orValue (a plain value) rather than or (an optional)
};

// [a, ?b]: `optional` flags the elements written "?e", which are left out
// when none and unwrapped otherwise.
class ListNode final : public Node {
 public:
  explicit ListNode(std::vector<NodePtr> elements, std::vector<bool> optional = {})
      : elements_(std::move(elements)), optional_(std::move(optional)) {}
  Value eval(Frame& frame) const override;

 private:
  std::vector<NodePtr> elements_;
  std::vector<bool> optional_;  // empty, or one flag per element
};

// {k: v, ?k2: v2}: an optional entry is left out when its value is none.
class MapNode final : public Node {
 public:
  MapNode(std::vector<NodePtr> keys, std::vector<NodePtr> values,
          std::vector<bool> optional = {})
      : keys_(std::move(keys)), values_(std::move(values)), optional_(std::move(optional)) {}
  Value eval(Frame& frame) const override;

 private:
  std::vector<NodePtr> keys_, values_;
  std::vector<bool> optional_;  // empty, or one flag per entry
};

// An evaluation error known at planning time (unchecked mode: undeclared
// names and functions).
class ErrorNode final : public Node {
 public:
  explicit ErrorNode(std::string message) : message_(std::move(message)) {}
  Value eval(Frame&) const override { return Value::error(message_); }

 private:
  std::string message_;
};

struct ComprehensionSlots {
  size_t iter_var = 0;
  std::optional<size_t> iter_var2;
  size_t accu_var = 0;
};

class ComprehensionNode final : public Node {
 public:
  struct Parts {
    NodePtr range, init, condition, step, result;
  };
  ComprehensionNode(ComprehensionSlots slots, Parts parts)
      : slots_(slots), parts_(std::move(parts)) {}
  Value eval(Frame& frame) const override;

 private:
  ComprehensionSlots slots_;
  Parts parts_;
};

// map() and filter() without the quadratic cost of `accu + [x]` on every
// step: the list is built in place, with the same results (errors and
// unknowns included) as the general comprehension.
class ListBuilderNode final : public Node {
 public:
  ListBuilderNode(ComprehensionSlots slots, NodePtr range, NodePtr predicate,
                  NodePtr transform)
      : slots_(slots), range_(std::move(range)), predicate_(std::move(predicate)),
        transform_(std::move(transform)) {}
  Value eval(Frame& frame) const override;

 private:
  ComprehensionSlots slots_;
  NodePtr range_, predicate_, transform_;  // predicate may be null
};

}  // namespace rollgate::cel::detail
