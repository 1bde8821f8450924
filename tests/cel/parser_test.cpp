// The parser: precedence and associativity, macros, positions of syntax
// errors, and the nesting limit.
#include <doctest/doctest.h>

#include <string>

#include "cel/syntax/parser.hpp"
#include "cel/program.hpp"

using namespace rollgate::cel;
using namespace rollgate::cel::detail;

namespace {

// The tree of `source` in to_debug_string form, or "error: <message>".
std::string tree(std::string_view source) {
  const ParseResult r = parse(source);
  if (r.error) return "error: " + r.error->message;
  return to_debug_string(*r.expr);
}

// The "line:column" of the first compile issue of `source`.
std::string error_position(std::string_view source) {
  const CompileResult r = compile(source, Environment{});
  if (r.issues.empty()) return "no error";
  return std::to_string(r.issues[0].line) + ":" + std::to_string(r.issues[0].column);
}

std::string error_message(std::string_view source) {
  const CompileResult r = compile(source, Environment{});
  return r.issues.empty() ? "" : r.issues[0].message;
}

}  // namespace

TEST_CASE("multiplication binds tighter than addition, both left to right") {
  CHECK(tree("a + b * c") == "_+_(a, _*_(b, c))");
  CHECK(tree("a * b + c") == "_+_(_*_(a, b), c)");
  CHECK(tree("a - b - c") == "_-_(_-_(a, b), c)");
  CHECK(tree("a / b % c") == "_%_(_/_(a, b), c)");
}

TEST_CASE("relations bind looser than arithmetic and tighter than &&") {
  CHECK(tree("a + 1 < b * 2") == "_<_(_+_(a, 1), _*_(b, 2))");
  CHECK(tree("a < b == c") == "_==_(_<_(a, b), c)");
  CHECK(tree("x in y && z") == "_&&_(@in(x, y), z)");
  CHECK(tree("a == b != c") == "_!=_(_==_(a, b), c)");
}

TEST_CASE("&& binds tighter than ||, and ?: is loosest and right-associative") {
  CHECK(tree("a || b && c") == "_||_(a, _&&_(b, c))");
  CHECK(tree("a ? b : c ? d : e") == "_?_:_(a, b, _?_:_(c, d, e))");
  CHECK(tree("a || b ? c : d") == "_?_:_(_||_(a, b), c, d)");
}

TEST_CASE("long && and || chains become balanced trees") {
  CHECK(tree("a && b && c && d") == "_&&_(_&&_(a, b), _&&_(c, d))");
  const ParseResult r = parse("a || b || c || d || e || f || g || h");
  REQUIRE(r.expr);
  CHECK(r.expr->height == 4);
}

TEST_CASE("unary operators: runs of ! and - cancel in pairs") {
  CHECK(tree("!a") == "!_(a)");
  CHECK(tree("!!a") == "a");
  CHECK(tree("!!!a") == "!_(a)");
  CHECK(tree("-a") == "-_(a)");
  CHECK(tree("--a") == "a");
  CHECK(tree("-a.b") == "-_(a.b)");
}

TEST_CASE("a minus sign directly before a number is part of the literal") {
  CHECK(tree("-1") == "-1");
  CHECK(tree("-9223372036854775808") == "-9223372036854775808");
  CHECK(tree("-1.5") == "-1.5");
  CHECK(tree("2 - 1") == "_-_(2, 1)");
  CHECK(tree("9223372036854775808") == "error: invalid int literal");
  CHECK(tree("18446744073709551616u") == "error: invalid uint literal");
  CHECK(tree("1e999") == "error: invalid double literal");
}

TEST_CASE("literals of every kind") {
  CHECK(tree("0x1F") == "31");
  CHECK(tree("1u") == "1u");
  CHECK(tree("2.0") == "2.0");
  CHECK(tree(".5") == "0.5");
  CHECK(tree("'s'") == "\"s\"");
  CHECK(tree("b'\\x01'") == "b\"\\x01\"");
  CHECK(tree("null") == "null");
  CHECK(tree("[1, 2,]") == "[1, 2]");
  CHECK(tree("{'a': 1, 'b': 2,}") == "{\"a\": 1, \"b\": 2}");
  CHECK(tree("[]") == "[]");
  CHECK(tree("{}") == "{}");
}

TEST_CASE("member selection, indexing and calls") {
  CHECK(tree("a.b.c") == "a.b.c");
  CHECK(tree(".a.b") == ".a.b");
  CHECK(tree("a[0].b") == "_[_](a, 0).b");
  CHECK(tree("f(x, y)") == "f(x, y)");
  CHECK(tree("a.f(x)") == "a.f(x)");
  CHECK(tree("a.b.f()") == "a.b.f()");
  CHECK(tree("(a + b).size()") == "_+_(a, b).size()");
  CHECK(tree("m.`dashed-key`") == "m.dashed-key");
}

TEST_CASE("message construction is parsed after a qualified name") {
  CHECK(tree("a.B{f: 1, g: x}") == "a.B{f: 1, g: x}");
  CHECK(tree("B{}") == "B{}");
  CHECK(tree("f(){}").starts_with("error: Syntax error: mismatched input '{'"));
}

TEST_CASE("has() becomes a presence test and needs a field selection") {
  CHECK(tree("has(a.b)") == "has(a.b)");
  CHECK(tree("has(a)") == "error: invalid argument to has() macro");
  CHECK(error_position("has(a)") == "1:5");
}

TEST_CASE("comprehension macros expand to folds") {
  CHECK(tree("l.all(x, x > 0)") ==
        "__comprehension__(x, l, __result__, true, "
        "@not_strictly_false(__result__), _&&_(__result__, _>_(x, 0)), __result__)");
  CHECK(tree("l.exists(x, p)") ==
        "__comprehension__(x, l, __result__, false, "
        "@not_strictly_false(!_(__result__)), _||_(__result__, p), __result__)");
  CHECK(tree("l.exists_one(x, p)") ==
        "__comprehension__(x, l, __result__, 0, true, "
        "_?_:_(p, _+_(__result__, 1), __result__), _==_(__result__, 1))");
  CHECK(tree("l.map(x, x * 2)") ==
        "__comprehension__(x, l, __result__, [], true, "
        "_+_(__result__, [_*_(x, 2)]), __result__)");
  CHECK(tree("l.map(x, p, t)") ==
        "__comprehension__(x, l, __result__, [], true, "
        "_?_:_(p, _+_(__result__, [t]), __result__), __result__)");
  CHECK(tree("l.filter(x, p)") ==
        "__comprehension__(x, l, __result__, [], true, "
        "_?_:_(p, _+_(__result__, [x]), __result__), __result__)");
}

TEST_CASE("macros with the wrong shape are errors or plain calls") {
  CHECK(tree("l.all(x.y, true)") == "error: argument must be a simple name");
  CHECK(error_position("l.all(x.y, true)") == "1:8");
  CHECK(tree("l.map(__result__, 1)") ==
        "error: iteration variable overwrites accumulator variable");
  // Other argument counts are not the macro.
  CHECK(tree("l.all(x)") == "l.all(x)");
  CHECK(tree("all(l, x, p)") == "all(l, x, p)");
}

TEST_CASE("reserved words cannot be identifiers but may be field names") {
  CHECK(tree("var") == "error: reserved identifier: var");
  CHECK(tree("while + 1") == "error: reserved identifier: while");
  CHECK(tree("a.package") == "a.package");
  CHECK(tree("a.if()") == "a.if()");
  CHECK(tree("in").starts_with("error: Syntax error: mismatched input 'in'"));
}

TEST_CASE("syntax errors report line and column of the offending token") {
  CHECK(error_position("1 + ") == "1:5");
  CHECK(error_position("(1 + 2") == "1:7");
  CHECK(error_position("a ? b") == "1:6");
  CHECK(error_position("1 + 2\n3 +") == "2:1");
  CHECK(error_position("x &&\n  y ) ") == "2:5");
  CHECK(error_position("[1, 2") == "1:6");
  CHECK(error_position("{'a' 1}") == "1:6");
  CHECK(error_position("a.+b") == "1:3");
  CHECK(error_position("a.1") == "1:2");  // ".1" is a double literal
  // Columns count code points, not bytes.
  CHECK(error_position("'é' + )") == "1:7");
}

TEST_CASE("syntax error messages say what was found and what was expected") {
  CHECK(error_message("(1 + 2") ==
        "Syntax error: mismatched input '<EOF>' expecting ')'");
  CHECK(error_message("1 2") ==
        "Syntax error: mismatched input '2' expecting <EOF>");
  CHECK(error_message("1 + )").starts_with(
      "Syntax error: mismatched input ')' expecting {'[', '{', '('"));
  CHECK(error_message("a | b") == "Syntax error: token recognition error at: '|'");
}

TEST_CASE("every node records the offset of its token") {
  const ParseResult r = parse("ab +\n  cd.ef");
  REQUIRE(r.expr);
  CHECK(r.expr->offset == 3);                   // the '+'
  CHECK(r.expr->args[0]->offset == 0);          // ab
  CHECK(r.expr->args[1]->offset == 9);          // the '.' of cd.ef
  CHECK(r.expr->args[1]->target->offset == 7);  // cd
}

TEST_CASE("deep nesting is a syntax error, not a stack overflow") {
  const std::string deep = std::string(250, '(') + "1" + std::string(250, ')');
  CHECK(error_message(deep).find("nested too deeply") != std::string::npos);
  const std::string fine = std::string(100, '(') + "1" + std::string(100, ')');
  CHECK(error_message(fine).empty());
  const std::string lists = std::string(5000, '[') + std::string(5000, ']');
  CHECK(error_message(lists).find("nested too deeply") != std::string::npos);
}

TEST_CASE("long left-associative chains are limited by tree height") {
  std::string sum = "1";
  for (int i = 0; i < 2000; ++i) sum += " + 1";
  INFO("message: " << error_message(sum));
  CHECK(error_message(sum).find("expression too complex") != std::string::npos);
  std::string ok = "1";
  for (int i = 0; i < 100; ++i) ok += " + 1";
  CHECK(error_message(ok).empty());
}

TEST_CASE("a chain of optMap and optFlatMap calls binds each receiver once, so it grows linearly") {
  // Copying each receiver into both branches, as cel-go does, would make
  // 2^40 nodes of 40 calls; bound once, they take a few hundred.
  std::string chain = "optional.of(1)";
  for (int i = 0; i < 40; ++i) chain += i % 2 ? ".optMap(y, y + 1)" : ".optFlatMap(y, optional.of(y + 1))";
  ParseOptions small;
  small.max_nodes = 1000;
  CHECK_FALSE(parse(chain, small).error);
}

TEST_CASE("an expression past the node limit is refused with the limit named") {
  // Macros are where a tree outgrows its source: each of these expands to
  // a dozen nodes.
  std::string list = "[[1].all(y, y > 0)";
  for (int i = 0; i < 10000; ++i) list += ",[1].all(y, y > 0)";
  list += "]";
  const ParseResult refused = parse(list);
  REQUIRE(refused.error);
  CHECK(refused.error->message.find("expression too large: more than 100000 nodes") != std::string::npos);
  ParseOptions larger;
  larger.max_nodes = 200000;
  CHECK_FALSE(parse(list, larger).error);
}
