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
#include "cel/limits.hpp"

namespace rollgate::cel::detail {

// Why an evaluation stopped before its end (Frame::stop): a limit of
// Limits, or an interruption from outside.
enum class Stop : unsigned char { None, Cost, Iterations, StringBytes, ListSize, Bytes, Cancelled, Deadline };

// The state of one evaluation: the activation, the comprehension variables,
// the iterations run against their limit, and whether a limit stopped it.
// A stop is sticky: every comprehension ends at once, and the evaluation's
// result is the limit's error even where || or && would have absorbed it.
struct Frame {
  std::span<const Value> slots;
  std::vector<Value> locals;
  uint64_t iterations = 0;
  const Limits* limits = &kDefaultLimits;
  uint64_t iteration_limit = kDefaultMaxIterations;
  // The iteration at which checkpoint() looks again (the limit, or sooner
  // to poll the cancellation flag and the clock).
  uint64_t next_checkpoint = kDefaultMaxIterations;
  bool cost_binds = false;  // iteration_limit comes from max_cost
  // The bytes built so far (max_bytes): a string's length, a list's or
  // map's element slots.
  uint64_t bytes = 0;
  Stop stop = Stop::None;

  // Sets the limits of one evaluation.
  void begin(const Limits& l, uint64_t iterations_allowed, bool from_cost);

  // Counts one comprehension iteration; false when the evaluation must stop
  // (then return stopped_error()).
  bool next_iteration() { return ++iterations <= next_checkpoint || checkpoint(); }
  // Counts `n` iterations' worth of work done at once (Overload::copies_first).
  bool charge(uint64_t n) {
    iterations = n > UINT64_MAX - iterations ? UINT64_MAX : iterations + n;
    return iterations <= next_checkpoint || checkpoint();
  }

  // `v`, unless it is a string, bytes, list or map larger than the limits
  // allow, or it takes the bytes built past max_bytes: then the evaluation
  // stops and this is the limit's error.
  Value built(Value v) {
    switch (v.kind()) {
      case Value::Kind::String:
      case Value::Kind::Bytes:
        if (v.as_string().size() > limits->max_string_bytes) return stop_with(Stop::StringBytes);
        return count_bytes(v.as_string().size()) ? v : stop_with(Stop::Bytes);
      case Value::Kind::List:
        if (v.as_list().size() > limits->max_list_size) return stop_with(Stop::ListSize);
        return count_bytes(v.as_list().size() * sizeof(Value)) ? v : stop_with(Stop::Bytes);
      case Value::Kind::Map:
        if (v.as_map().size() > limits->max_list_size) return stop_with(Stop::ListSize);
        return count_bytes(v.as_map().size() * 2 * sizeof(Value)) ? v : stop_with(Stop::Bytes);
      default: return v;
    }
  }

  // Adds `n` to the bytes built; false past max_bytes.
  bool count_bytes(uint64_t n) {
    bytes = n > UINT64_MAX - bytes ? UINT64_MAX : bytes + n;
    return bytes <= limits->max_bytes;
  }

  // Stops the evaluation for `why`; returns stopped_error().
  Value stop_with(Stop why);
  // The error value of `stop`, naming the limit and its value.
  Value stopped_error() const;

 private:
  bool checkpoint();
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
