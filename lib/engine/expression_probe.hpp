// Evaluating an expression that is not one of the plan's gates against a
// session's inputs, as a gate would be: `rollgate expr` tries one, and
// `rollgate explain` breaks a gate's expression into the operands of its
// && / || chain to say which one decided the verdict.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cel/limits.hpp"
#include "cel/program.hpp"
#include "engine/gate_verdict.hpp"

namespace rollgate::engine {

// One expression or operand: its span in the probed source and its value.
struct ProbeNode {
  size_t begin = 0;  // byte offsets into the probed source: [begin, end)
  size_t end = 0;
  cel::Value value;  // a value, an Unknown (missing or stale facts) or an Error
  // Whether this operand's outcome is its chain's: in a && chain that is
  // false, each false operand (any one of them makes it false); in one
  // that is unknown, the unknown operands; and so on.  The root decides.
  bool decides = true;
  std::string op;  // "&&" or "||" for a chain, else ""
  std::vector<ProbeNode> operands;
};

struct ExpressionProbe {
  std::vector<cel::CompileIssue> issues;  // not empty: it does not compile
  bool parsed = true;                      // false when the issues are the parser's
  cel::Type type;                          // the checker's type (dyn where it cannot tell)
  std::vector<int> fact_slots;             // the facts it reads (plan.facts indices)
  ProbeNode root;
};

// Compiles `source` against the plan's declared facts and built-ins and
// evaluates it against `activation` (make_activation at the instant)
// within `limits`; with `operands`, breaks the root's && / || chain down
// recursively (cel/syntax/logical_operands.hpp), each operand evaluated on
// its own.  Linear in the size of the source times the chain's nesting.
ExpressionProbe probe_expression(const plan::Plan& plan, const Activation& activation,
                                 std::string_view source, const cel::Limits& limits, bool operands);

// The outcome of a value as a gate's status would name it: "true",
// "false", "unknown", "error", or "value" for anything else that is no
// error (an expression need not be a bool).
const char* outcome_name(const cel::Value& value);

}  // namespace rollgate::engine
