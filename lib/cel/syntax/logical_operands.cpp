#include "cel/syntax/logical_operands.hpp"

#include "cel/syntax/parser.hpp"

namespace rollgate::cel::detail {

namespace {

bool is_logical(const Expr& e, std::string_view function) {
  return e.kind == ExprKind::Call && !e.target && e.name == function && e.args.size() == 2;
}

// The parser builds a chain as a balanced tree of calls whose inner nodes
// were not written in parentheses: collect its leaves and the offsets of
// its operator tokens, both in source order.
void flatten(const Expr& e, std::string_view function, std::vector<const Expr*>& leaves,
             std::vector<size_t>& operators, bool root) {
  if (!is_logical(e, function) || (!root && e.parenthesized)) {
    leaves.push_back(&e);
    return;
  }
  flatten(*e.args[0], function, leaves, operators, false);
  operators.push_back(e.offset);
  flatten(*e.args[1], function, leaves, operators, false);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Narrows [begin, end) to its text without surrounding white space and, for
// an expression written in parentheses, without them.
void trim(std::string_view source, size_t& begin, size_t& end, bool parenthesized) {
  while (begin < end && is_space(source[begin])) ++begin;
  while (end > begin && is_space(source[end - 1])) --end;
  if (parenthesized && end - begin >= 2 && source[begin] == '(' && source[end - 1] == ')') {
    ++begin;
    --end;
    trim(source, begin, end, false);
  }
}

OperandSpan split(std::string_view source, const Expr& e, size_t begin, size_t end) {
  trim(source, begin, end, e.parenthesized);
  OperandSpan span{begin, end, {}, {}};
  const std::string_view function = is_logical(e, "_&&_") ? "_&&_" : is_logical(e, "_||_") ? "_||_" : "";
  if (function.empty()) return span;
  span.op = function == "_&&_" ? "&&" : "||";
  std::vector<const Expr*> leaves;
  std::vector<size_t> operators;
  flatten(e, function, leaves, operators, true);
  // Operand i lies between operator i-1 (two bytes long) and operator i.
  size_t from = begin;
  for (size_t i = 0; i < leaves.size(); ++i) {
    const size_t to = i < operators.size() ? operators[i] : end;
    span.operands.push_back(split(source, *leaves[i], from, to));
    if (i < operators.size()) from = operators[i] + 2;
  }
  return span;
}

}  // namespace

OperandSpan split_logical_operands(std::string_view source) {
  ParseResult parsed = parse(source);
  if (!parsed.expr) return OperandSpan{0, source.size(), {}, {}};
  return split(source, *parsed.expr, 0, source.size());
}

}  // namespace rollgate::cel::detail
