// Evaluation semantics: operators on every type, errors, unknowns and the
// commutative logical operators.
#include "test_helpers.hpp"

#include <cmath>

using namespace rollgate::cel;
using namespace rollgate::cel::testing;

namespace {

// Slots: 0 ok=true, 1 no=false, 2 err (bool error), 3 unk (bool unknown),
// 4 unk2 (bool unknown), 5 n=int 3, 6 d=double 1.5, 7 ud (dyn unknown),
// 8 x (dyn 1), 9 items (list(int) [1,2,3]), 10 m (map(string,int)).
Facts logic_facts() {
  Facts f;
  f.add("ok", Type::boolean(), Value::boolean(true));
  f.add("no", Type::boolean(), Value::boolean(false));
  f.add("err", Type::boolean(), Value::error("boom"));
  f.add("unk", Type::boolean(), Value::unknown({3}));
  f.add("unk2", Type::boolean(), Value::unknown({4}));
  f.add("n", Type::int64(), Value::int64(3));
  f.add("d", Type::double_type(), Value::double_value(1.5));
  f.add("ud", Type::dyn(), Value::unknown({7}));
  f.add("x", Type::dyn(), Value::int64(1));
  f.add("items", Type::list(Type::int64()),
        Value::list({Value::int64(1), Value::int64(2), Value::int64(3)}));
  f.add("m", Type::map(Type::string(), Type::int64()),
        Value::map({{Value::string("a"), Value::int64(1)}}));
  return f;
}

}  // namespace

TEST_CASE("int arithmetic") {
  CHECK(eval_text("7 + 3") == "10");
  CHECK(eval_text("7 - 10") == "-3");
  CHECK(eval_text("7 * -3") == "-21");
  CHECK(eval_text("7 / 2") == "3");
  CHECK(eval_text("-7 / 2") == "-3");  // truncates toward zero
  CHECK(eval_text("7 % 3") == "1");
  CHECK(eval_text("-7 % 3") == "-1");
  CHECK(eval_text("-(3)") == "-3");
}

TEST_CASE("int overflow is an error, never a wrap") {
  CHECK(eval_text("9223372036854775807 + 1") == "error(integer overflow)");
  CHECK(eval_text("-9223372036854775808 - 1") == "error(integer overflow)");
  CHECK(eval_text("4611686018427387904 * 2") == "error(integer overflow)");
  CHECK(eval_text("-9223372036854775808 / -1") == "error(integer overflow)");
  CHECK(eval_text("-9223372036854775808 % -1") == "error(integer overflow)");
  CHECK(eval_text("-(-9223372036854775808)") == "error(integer overflow)");
  CHECK(eval_text("9223372036854775807 + 0") == "9223372036854775807");
}

TEST_CASE("integer division and modulus by zero are errors") {
  CHECK(eval_text("1 / 0") == "error(division by zero)");
  CHECK(eval_text("1 % 0") == "error(modulus by zero)");
  CHECK(eval_text("1u / 0u") == "error(division by zero)");
  CHECK(eval_text("1u % 0u") == "error(modulus by zero)");
}

TEST_CASE("uint arithmetic, with subtraction below zero an overflow") {
  CHECK(eval_text("3u + 4u") == "7u");
  CHECK(eval_text("3u * 4u") == "12u");
  CHECK(eval_text("7u / 2u") == "3u");
  CHECK(eval_text("7u % 4u") == "3u");
  CHECK(eval_text("1u - 2u") == "error(integer overflow)");
  CHECK(eval_text("18446744073709551615u + 1u") == "error(integer overflow)");
  CHECK(eval_text("9223372036854775808u * 2u") == "error(integer overflow)");
}

TEST_CASE("double arithmetic follows IEEE 754") {
  CHECK(eval_text("1.5 + 2.25") == "3.75");
  CHECK(eval_text("1.0 - 3.0") == "-2.0");
  CHECK(eval_text("1.5 * 2.0") == "3.0");
  CHECK(eval_text("1.0 / 4.0") == "0.25");
  CHECK(eval_text("1.0 / 0.0") == "double(\"Infinity\")");
  CHECK(eval_text("-1.0 / 0.0") == "double(\"-Infinity\")");
  CHECK(std::isnan(eval("0.0 / 0.0").as_double()));
  CHECK(eval_text("-(1.5)") == "-1.5");
}

TEST_CASE("concatenation of strings, bytes and lists") {
  CHECK(eval_text("'ab' + 'cd'") == "\"abcd\"");
  CHECK(eval_text("b'a' + b'b'") == "b\"ab\"");
  CHECK(eval_text("[1, 2] + [3]") == "[1, 2, 3]");
  CHECK(eval_text("[] + [1]") == "[1]");
  CHECK(eval_text("[1] + []") == "[1]");
}

TEST_CASE("equality: numbers compare by value across kinds at runtime") {
  CHECK(eval_text("dyn(1) == 1.0") == "true");
  CHECK(eval_text("dyn(1u) == 1") == "true");
  CHECK(eval_text("dyn(1.5) == 1") == "false");
  CHECK(eval_text("dyn(18446744073709551615u) == -1") == "false");
  CHECK(eval_text("dyn(2) != 2.0") == "false");
}

TEST_CASE("equality: values of different non-numeric kinds are just unequal") {
  CHECK(eval_text("dyn('1') == 1") == "false");
  CHECK(eval_text("dyn(null) == false") == "false");
  CHECK(eval_text("dyn([1]) != {'a': 1}") == "true");
  CHECK(eval_text("dyn(b'a') == 'a'") == "false");
}

TEST_CASE("equality: deep for lists and maps, NaN unequal to itself") {
  CHECK(eval_text("[1, [2, 3]] == [1, [2, 3]]") == "true");
  CHECK(eval_text("[1, 2] == [2, 1]") == "false");
  CHECK(eval_text("[1, 2] == [1, 2, 3]") == "false");
  CHECK(eval_text("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}") == "true");
  CHECK(eval_text("{'a': 1} == {'a': 2}") == "false");
  CHECK(eval_text("{'a': 1} == {'b': 1}") == "false");
  CHECK(eval_text("[dyn(1)] == [1.0]") == "true");
  CHECK(eval_text("0.0/0.0 == 0.0/0.0") == "false");
  CHECK(eval_text("0.0/0.0 != 0.0/0.0") == "true");
  CHECK(eval_text("[0.0/0.0] == [0.0/0.0]") == "false");
  CHECK(eval_text("null == null") == "true");
  CHECK(eval_text("timestamp('2020-01-01T00:00:00Z') == timestamp('2020-01-01T01:00:00+01:00')") ==
        "true");
}

TEST_CASE("ordering across int, uint and double is exact") {
  CHECK(eval_text("1 < 1.5") == "true");
  CHECK(eval_text("2u > 1.5") == "true");
  CHECK(eval_text("-1 < 0u") == "true");
  CHECK(eval_text("18446744073709551615u > 9223372036854775807") == "true");
  // Near 2^63 a double cannot hold the int: compare without rounding it.
  CHECK(eval_text("9223372036854775807 < 9223372036854775808.0") == "true");
  CHECK(eval_text("9007199254740993 > 9007199254740992.0") == "true");
  CHECK(eval_text("9007199254740993 >= 9007199254740994.0") == "false");
  CHECK(eval_text("-9223372036854775808 <= -9223372036854775808.0") == "true");
  CHECK(eval_text("18446744073709551615u < 18446744073709551616.0") == "true");
  CHECK(eval_text("1 < 0.0/0.0") == "false");
  CHECK(eval_text("1 >= 0.0/0.0") == "false");
}

TEST_CASE("ordering of strings, bytes, bools, timestamps and durations") {
  CHECK(eval_text("'abc' < 'abd'") == "true");
  CHECK(eval_text("'a' < 'é'") == "true");
  CHECK(eval_text("b'\\x01' > b'\\x00\\xff'") == "true");
  CHECK(eval_text("false < true") == "true");
  CHECK(eval_text("timestamp('2020-01-01T00:00:00Z') < timestamp('2020-01-01T00:00:00.000000001Z')") ==
        "true");
  CHECK(eval_text("duration('1h') > duration('59m59s')") == "true");
  CHECK(eval_text("duration('-1s') < duration('0s')") == "true");
}

TEST_CASE("&& is false when either side is false even if the other is an error") {
  const Facts f = logic_facts();
  CHECK(eval_text("no && err", f) == "false");
  CHECK(eval_text("err && no", f) == "false");
  CHECK(eval_text("1/0 > 0 && false", f) == "false");
  CHECK(eval_text("false && 1/0 > 0", f) == "false");
}

TEST_CASE("&& is false when either side is false even if the other is unknown") {
  const Facts f = logic_facts();
  CHECK(eval_text("no && unk", f) == "false");
  CHECK(eval_text("unk && no", f) == "false");
}

TEST_CASE("|| is true when either side is true even if the other is an error or unknown") {
  const Facts f = logic_facts();
  CHECK(eval_text("ok || err", f) == "true");
  CHECK(eval_text("err || ok", f) == "true");
  CHECK(eval_text("ok || unk", f) == "true");
  CHECK(eval_text("unk || ok", f) == "true");
}

TEST_CASE("undecided && and ||: unknown wins over error, on either side") {
  const Facts f = logic_facts();
  CHECK(eval_text("unk && err", f) == "unknown(3)");
  CHECK(eval_text("err && unk", f) == "unknown(3)");
  CHECK(eval_text("unk || err", f) == "unknown(3)");
  CHECK(eval_text("err || unk", f) == "unknown(3)");
  CHECK(eval_text("ok && unk", f) == "unknown(3)");
  CHECK(eval_text("no || unk", f) == "unknown(3)");
}

TEST_CASE("undecided && and || merge the unknown slots of both sides") {
  const Facts f = logic_facts();
  CHECK(eval_text("unk && unk2", f) == "unknown(3, 4)");
  CHECK(eval_text("unk2 || unk", f) == "unknown(3, 4)");
}

TEST_CASE("undecided && and || without unknowns give the error") {
  const Facts f = logic_facts();
  CHECK(eval_text("ok && err", f) == "error(boom)");
  CHECK(eval_text("err && ok", f) == "error(boom)");
  CHECK(eval_text("no || err", f) == "error(boom)");
  CHECK(eval_text("err || no", f) == "error(boom)");
  CHECK(eval_text("ok && ok", f) == "true");
  CHECK(eval_text("no || no", f) == "false");
}

TEST_CASE("! passes errors and unknowns through") {
  const Facts f = logic_facts();
  CHECK(eval_text("!err", f) == "error(boom)");
  CHECK(eval_text("!unk", f) == "unknown(3)");
  CHECK(eval_text("!no", f) == "true");
}

TEST_CASE("strict operators: unknown wins over error, unknown slots merge") {
  const Facts f = logic_facts();
  CHECK(eval_text("ud + 1/0", f) == "unknown(7)");
  CHECK(eval_text("1/0 + ud", f) == "unknown(7)");
  CHECK(eval_text("ud == (1/0 == 1)", f) == "unknown(7)");
  CHECK(eval_text("[ud, 1/0]", f) == "unknown(7)");
  CHECK(eval_text("{'a': ud, 'b': err}", f) == "unknown(7)");
  CHECK(eval_text("size([unk, unk2, err])", f) == "unknown(3, 4)");
  CHECK(eval_text("n + 1/0", f) == "error(division by zero)");
}

TEST_CASE("a slot holding an unknown makes every reader unknown") {
  const Facts f = logic_facts();
  CHECK(eval_text("ud", f) == "unknown(7)");
  CHECK(eval_text("ud.field", f) == "unknown(7)");
  CHECK(eval_text("ud[0]", f) == "unknown(7)");
  CHECK(eval_text("size(ud)", f) == "unknown(7)");
  CHECK(eval_text("ud in items", f) == "unknown(7)");
  CHECK(eval_text("items.exists(i, i == ud)", f) == "unknown(7)");
}

TEST_CASE("an unknown read from a slot names that slot") {
  Facts f;
  f.add("a", Type::int64(), Value::unknown({}));
  CHECK(eval_text("a + 1", f) == "unknown(0)");
}

TEST_CASE("?: evaluates only the chosen branch") {
  const Facts f = logic_facts();
  CHECK(eval_text("ok ? 1 : 1/0", f) == "1");
  CHECK(eval_text("no ? 1/0 : 2", f) == "2");
  CHECK(eval_text("no ? ud : 2", f) == "2");
  CHECK(eval_text("unk ? 1 : 2", f) == "unknown(3)");
  CHECK(eval_text("err ? 1 : 2", f) == "error(boom)");
  CHECK(eval_text("x ? 1 : 2", f).starts_with("error(no matching overload"));
}

TEST_CASE("list indexing: bounds are errors, any whole number works") {
  const Facts f = logic_facts();
  CHECK(eval_text("items[0]", f) == "1");
  CHECK(eval_text("items[2]", f) == "3");
  CHECK(eval_text("items[3]", f).starts_with("error(index out of range"));
  CHECK(eval_text("items[-1]", f).starts_with("error(index out of range"));
  CHECK(eval_text("items[dyn(1u)]", f) == "2");
  CHECK(eval_text("items[dyn(1.0)]", f) == "2");
  CHECK(eval_text("items[dyn(1.5)]", f).starts_with("error("));
  CHECK(eval_text("items[dyn('a')]", f).starts_with("error("));
}

TEST_CASE("map indexing and field selection") {
  const Facts f = logic_facts();
  CHECK(eval_text("m['a']", f) == "1");
  CHECK(eval_text("m.a", f) == "1");
  CHECK(eval_text("m['b']", f) == "error(no such key: \"b\")");
  CHECK(eval_text("m.b", f) == "error(no such key: b)");
  CHECK(eval_text("has(m.a)", f) == "true");
  CHECK(eval_text("has(m.b)", f) == "false");
  CHECK(eval_text("dyn(n).field", f) ==
        "error(type 'int' does not support field selection)");
}

TEST_CASE("map keys: 1, 1u and 1.0 address the same entry") {
  CHECK(eval_text("{1: 'one'}[dyn(1u)]") == "\"one\"");
  CHECK(compile_error("{1: 'one'}[1u]").starts_with("found no matching overload for '_[_]'"));
  CHECK(eval_text("{1u: 'one'}[dyn(1)]") == "\"one\"");
  CHECK(eval_text("{1: 'one'}[dyn(1.0)]") == "\"one\"");
  CHECK(eval_text("{1: 'one'}[dyn(1.5)]").starts_with("error(no such key"));
  CHECK(eval_text("dyn(1.0) in {1: 'one'}") == "true");
  CHECK(eval_text("{1: 'a', 1u: 'b'}").starts_with("error(Failed with repeated key"));
  CHECK(eval_text("{'a': 1, 'a': 2}").starts_with("error(Failed with repeated key"));
  CHECK(eval_text("{dyn(1.5): 1}").starts_with("error(unsupported key type"));
}

TEST_CASE("in: list membership by equality, map membership by key") {
  const Facts f = logic_facts();
  CHECK(eval_text("2 in items", f) == "true");
  CHECK(eval_text("5 in items", f) == "false");
  CHECK(eval_text("dyn(2.0) in items", f) == "true");
  CHECK(eval_text("'a' in m", f) == "true");
  CHECK(eval_text("'z' in m", f) == "false");
  CHECK(eval_text("[1] in [[1], [2]]") == "true");
}

TEST_CASE("size counts code points of strings, bytes of bytes") {
  CHECK(eval_text("size('héllo')") == "5");
  CHECK(eval_text("'🐱'.size()") == "1");
  CHECK(eval_text("size(b'h\\xc3\\xa9')") == "3");
  CHECK(eval_text("size([1, 2])") == "2");
  CHECK(eval_text("size({'a': 1})") == "1");
  CHECK(eval_text("size('')") == "0");
}

TEST_CASE("comprehensions: all, exists, exists_one, map, filter") {
  const Facts f = logic_facts();
  CHECK(eval_text("items.all(i, i > 0)", f) == "true");
  CHECK(eval_text("items.all(i, i > 1)", f) == "false");
  CHECK(eval_text("items.exists(i, i == 2)", f) == "true");
  CHECK(eval_text("items.exists(i, i == 5)", f) == "false");
  CHECK(eval_text("items.exists_one(i, i > 1)", f) == "false");
  CHECK(eval_text("items.exists_one(i, i > 2)", f) == "true");
  CHECK(eval_text("items.map(i, i * i)", f) == "[1, 4, 9]");
  CHECK(eval_text("items.map(i, i > 1, i * 10)", f) == "[20, 30]");
  CHECK(eval_text("items.filter(i, i % 2 == 1)", f) == "[1, 3]");
  CHECK(eval_text("m.all(k, k == 'a')", f) == "true");
  CHECK(eval_text("[].all(i, false)") == "true");
  CHECK(eval_text("[].exists(i, true)") == "false");
  CHECK(eval_text("[[1, 2], [3]].map(l, l.map(i, i + 1))") == "[[2, 3], [4]]");
}

TEST_CASE("all() and exists() absorb errors once the answer is known") {
  CHECK(eval_text("[0, 1].all(i, 1 / i > 0)") == "error(division by zero)");
  CHECK(eval_text("[0, -1].all(i, 1 / i > 0)") == "false");
  CHECK(eval_text("[-1, 0].all(i, 1 / i > 0)") == "false");
  CHECK(eval_text("[0, 1].exists(i, 1 / i > 0)") == "true");
  CHECK(eval_text("[0, -1].exists(i, 1 / i > 0)") == "error(division by zero)");
}

TEST_CASE("map() and filter() propagate errors and unknowns like the fold they expand to") {
  const Facts f = logic_facts();
  CHECK(eval_text("[1, 0].map(i, 1 / i)") == "error(division by zero)");
  CHECK(eval_text("[1, 0].filter(i, 1 / i > 0)") == "error(division by zero)");
  CHECK(eval_text("[1, 2].map(i, i == 1 ? ud : i)", f) == "unknown(7)");
  CHECK(eval_text("[0, 1].map(i, i == 0 ? 1 / i : ud)", f) == "unknown(7)");
  CHECK(eval_text("[1, 2].filter(i, unk)", f) == "unknown(3)");
}

TEST_CASE("comprehensions stop at the iteration budget instead of hanging") {
  ValueList big;
  for (int i = 0; i < 1100; ++i) big.push_back(Value::int64(i));
  Facts f;
  f.add("big", Type::list(Type::int64()), Value::list(big));
  CHECK(eval_text("big.map(i, i).size()", f) == "1100");
  CHECK(eval_text("big.all(i, big.all(j, true))", f)
            .starts_with("error(max_iterations limit exceeded"));
}

TEST_CASE("referenced_slots lists the slots an expression reads, sorted") {
  const Facts f = logic_facts();
  const CompileResult r = compile("n > 1 && (ok || items.exists(i, i == x))", f.env);
  REQUIRE(r.ok());
  CHECK(r.program->referenced_slots() == std::vector<int>{0, 5, 8, 9});
  const CompileResult none = compile("1 + 2 == 3", f.env);
  REQUIRE(none.ok());
  CHECK(none.program->referenced_slots().empty());
}

TEST_CASE("a short activation is an evaluation error, not a crash") {
  const Facts f = logic_facts();
  const CompileResult r = compile("n + 1", f.env);
  REQUIRE(r.ok());
  const std::vector<Value> too_few(2);
  CHECK(r.program->evaluate(too_few).is_error());
}

TEST_CASE("one program evaluates against many activations") {
  Environment env;
  env.add_variable("error_rate", Type::double_type());
  const CompileResult r = compile("error_rate < 0.01", env);
  REQUIRE(r.ok());
  const std::vector<Value> good{Value::double_value(0.001)};
  const std::vector<Value> bad{Value::double_value(0.5)};
  const std::vector<Value> missing{Value::unknown({0})};
  CHECK(r.program->evaluate(good).debug_string() == "true");
  CHECK(r.program->evaluate(bad).debug_string() == "false");
  CHECK(r.program->evaluate(missing).debug_string() == "unknown(0)");
}
