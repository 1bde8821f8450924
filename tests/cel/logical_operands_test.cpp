// Splitting an expression into the operands of its && / || chain, as
// spans of its source (what `rollgate explain` shows as the deciding
// conjunct).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cel/syntax/logical_operands.hpp"

using rollgate::cel::detail::OperandSpan;
using rollgate::cel::detail::split_logical_operands;

namespace {

std::string text(std::string_view source, const OperandSpan& s) {
  return std::string(source.substr(s.begin, s.end - s.begin));
}

std::vector<std::string> operand_texts(std::string_view source, const OperandSpan& s) {
  std::vector<std::string> out;
  for (const OperandSpan& o : s.operands) out.push_back(text(source, o));
  return out;
}

}  // namespace

TEST_CASE("a chain of && is split into its operands in source order, however the parser balanced it") {
  const std::string source = "a > 1 && b.size() == 2 &&  c  && d in ['x', 'y'] && e";
  const OperandSpan root = split_logical_operands(source);
  CHECK(root.op == "&&");
  CHECK(operand_texts(source, root) ==
        std::vector<std::string>{"a > 1", "b.size() == 2", "c", "d in ['x', 'y']", "e"});
  CHECK(root.begin == 0);
  CHECK(root.end == source.size());
}

TEST_CASE("a parenthesised chain among the operands is split too, without its parentheses") {
  const std::string source = "a && (b || (c && d)) && (e)";
  const OperandSpan root = split_logical_operands(source);
  REQUIRE(root.operands.size() == 3);
  const OperandSpan& middle = root.operands[1];
  CHECK(text(source, middle) == "b || (c && d)");
  CHECK(middle.op == "||");
  CHECK(operand_texts(source, middle) == std::vector<std::string>{"b", "c && d"});
  CHECK(operand_texts(source, middle.operands[1]) == std::vector<std::string>{"c", "d"});
  CHECK(text(source, root.operands[2]) == "e");
  CHECK(root.operands[2].operands.empty());
}

TEST_CASE("a parenthesised && inside a && chain stays one operand") {
  const std::string source = "(a && b) && c";
  const OperandSpan root = split_logical_operands(source);
  CHECK(operand_texts(source, root) == std::vector<std::string>{"a && b", "c"});
  CHECK(operand_texts(source, root.operands[0]) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("|| binds looser than &&: the root of a || b && c is the ||") {
  const std::string source = "a || b && c";
  const OperandSpan root = split_logical_operands(source);
  CHECK(root.op == "||");
  CHECK(operand_texts(source, root) == std::vector<std::string>{"a", "b && c"});
}

TEST_CASE("an expression that is no chain, or does not parse, is one span without operands") {
  for (std::string source : {"a ? b && c : d", "[a && b].all(x, x)", "a &&", "  x  "}) {
    const OperandSpan root = split_logical_operands(source);
    CHECK(root.op.empty());
    CHECK(root.operands.empty());
  }
  const std::string source = "  (a && b)  ";
  const OperandSpan root = split_logical_operands(source);
  CHECK(text(source, root) == "a && b");
  CHECK(root.op == "&&");
}

TEST_CASE("operators inside strings and comprehensions do not split") {
  const std::string source = "s == 'x && y' && l.exists(v, v && true)";
  const OperandSpan root = split_logical_operands(source);
  CHECK(operand_texts(source, root) == std::vector<std::string>{"s == 'x && y'", "l.exists(v, v && true)"});
}
