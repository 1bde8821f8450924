// The checker: name resolution against the Environment, inferred types,
// overload resolution and its error messages.
#include "test_helpers.hpp"

using namespace rollgate::cel;
using namespace rollgate::cel::testing;

namespace {

// The result type of `source`, or "error: <first issue>".
std::string type_of(std::string_view source, const Environment& env = {}) {
  const CompileResult r = compile(source, env);
  if (!r.ok()) return "error: " + r.issues[0].message;
  return r.program->result_type().to_string();
}

Environment rollout_env() {
  Environment env;
  env.add_variable("pilot.departments", Type::list(Type::string()));
  env.add_variable("error_rate", Type::double_type());
  env.add_variable("uptime_pct", Type::double_type());
  env.add_variable("open_incidents", Type::int64());
  env.add_variable("budget", Type::uint64());
  env.add_variable("owners", Type::map(Type::string(), Type::string()));
  env.add_variable("released", Type::timestamp());
  env.add_variable("soak", Type::duration());
  env.add_variable("anything", Type::dyn());
  return env;
}

}  // namespace

TEST_CASE("literals have their own types") {
  CHECK(type_of("1") == "int");
  CHECK(type_of("1u") == "uint");
  CHECK(type_of("1.0") == "double");
  CHECK(type_of("'a'") == "string");
  CHECK(type_of("b'a'") == "bytes");
  CHECK(type_of("true") == "bool");
  CHECK(type_of("null") == "null_type");
}

TEST_CASE("list and map literals: one element type, or dyn when mixed") {
  CHECK(type_of("[1, 2]") == "list(int)");
  CHECK(type_of("[1, 'a']") == "list(dyn)");
  CHECK(type_of("[]") == "list(dyn)");
  CHECK(type_of("{'a': 1}") == "map(string, int)");
  CHECK(type_of("{'a': 1, 2: 'b'}") == "map(dyn, dyn)");
  CHECK(type_of("[] + [1]") == "list(int)");
  CHECK(type_of("[[1], []]") == "list(list(int))");
}

TEST_CASE("variables have their declared types") {
  const Environment env = rollout_env();
  CHECK(type_of("error_rate", env) == "double");
  CHECK(type_of("pilot.departments", env) == "list(string)");
  CHECK(type_of("owners['sre']", env) == "string");
  CHECK(type_of("owners.sre", env) == "string");
  CHECK(type_of("pilot.departments[0]", env) == "string");
  CHECK(type_of("anything.field", env) == "dyn");
  CHECK(type_of("released - soak", env) == "timestamp");
  CHECK(type_of("released - released", env) == "duration");
}

TEST_CASE("result type: bool for gates, other types when the expression is not one") {
  const Environment env = rollout_env();
  CHECK(type_of("error_rate < 0.01 && open_incidents == 0", env) == "bool");
  CHECK(type_of("size(pilot.departments)", env) == "int");
  CHECK(type_of("anything", env) == "dyn");
  CHECK(type_of("anything && true", env) == "bool");
  CHECK(type_of("true ? 1 : 2", env) == "int");
  CHECK(type_of("dyn(1) + 1", env) == "int");
  // A dyn operand leaves several overloads possible: the result is dyn.
  CHECK(type_of("anything + anything", env) == "dyn");
}

TEST_CASE("the longest dotted prefix that names a variable wins") {
  Environment env;
  env.add_variable("a", Type::map(Type::string(), Type::string()));
  env.add_variable("a.b", Type::int64());
  CHECK(type_of("a.b", env) == "int");
  CHECK(type_of("a.c", env) == "string");
  CHECK(type_of("a.b + 1", env) == "int");
  // Parentheses force the field-selection reading.
  CHECK(type_of("(a).b", env) == "string");
  const CompileResult r = compile("a.b", env);
  REQUIRE(r.ok());
  CHECK(r.program->referenced_slots() == std::vector<int>{1});
}

TEST_CASE("a dotted fact name is one variable, usable in calls and macros") {
  const Environment env = rollout_env();
  CHECK(type_of("size(pilot.departments) > 2", env) == "bool");
  CHECK(type_of("pilot.departments.size()", env) == "int");
  CHECK(type_of("pilot.departments.exists(d, d == 'ops')", env) == "bool");
  CHECK(type_of("'ops' in pilot.departments", env) == "bool");
  CHECK(type_of(".error_rate", env) == "double");
}

TEST_CASE("undeclared references name the dotted name and suggest the closest") {
  const Environment env = rollout_env();
  CHECK(compile_error("size(pilot.departmnts)", env) ==
        "undeclared reference to 'pilot.departmnts' (did you mean "
        "'pilot.departments'?)");
  CHECK(compile_error("eror_rate < 1.0", env) ==
        "undeclared reference to 'eror_rate' (did you mean 'error_rate'?)");
  CHECK(compile_error("completely_unrelated", env) ==
        "undeclared reference to 'completely_unrelated'");
  CHECK(compile_error("x", Environment{}) == "undeclared reference to 'x'");
}

TEST_CASE("an undeclared reference is located at the start of the identifier") {
  const Environment env = rollout_env();
  const CompileResult r = compile("true &&\n  size(pilot.departmnts) > 0", env);
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].line == 2);
  CHECK(r.issues[0].column == 8);
  CHECK(r.issues[0].offset == 15);
}

TEST_CASE("comprehension variables are local and shadow declared variables") {
  const Environment env = rollout_env();
  CHECK(type_of("[1, 2].all(error_rate, error_rate > 0)", env) == "bool");
  CHECK(type_of("[1, 2].map(x, x * 2)", env) == "list(int)");
  CHECK(type_of("['a'].map(x, x + 'b')", env) == "list(string)");
  CHECK(type_of("{'a': 1}.filter(k, k != 'b')", env) == "list(string)");
  CHECK(compile_error("[1].all(x, x > 0) && x > 0", env) ==
        "undeclared reference to 'x'");
  CHECK(compile_error("1.all(x, true)", env) ==
        "expression of type 'int' cannot be the range of a comprehension "
        "(must be list, map, or dynamic)");
}

TEST_CASE("== needs the same type on both sides and hints at the literal") {
  const Environment env = rollout_env();
  CHECK(compile_error("error_rate == 0", env) ==
        "found no matching overload for '_==_' applied to '(double, int)' "
        "(use 0.0 for a double literal)");
  CHECK(compile_error("0 != error_rate", env) ==
        "found no matching overload for '_!=_' applied to '(int, double)' "
        "(use 0.0 for a double literal)");
  CHECK(compile_error("budget == 10", env) ==
        "found no matching overload for '_==_' applied to '(uint, int)' "
        "(use 10u for a uint literal)");
  CHECK(compile_error("open_incidents == 'none'", env) ==
        "found no matching overload for '_==_' applied to '(int, string)'");
  CHECK(type_of("error_rate == 0.0", env) == "bool");
  CHECK(type_of("anything == 0", env) == "bool");
  CHECK(type_of("null == null", env) == "bool");
}

TEST_CASE("ordering accepts mixed numeric types") {
  const Environment env = rollout_env();
  CHECK(type_of("uptime_pct >= 99", env) == "bool");
  CHECK(type_of("open_incidents < 1.5", env) == "bool");
  CHECK(type_of("budget > 0", env) == "bool");
  CHECK(type_of("'a' < 'b'", env) == "bool");
  CHECK(type_of("released < timestamp('2030-01-01T00:00:00Z')", env) == "bool");
  CHECK(compile_error("'a' < 1", env) ==
        "found no matching overload for '_<_' applied to '(string, int)'");
  CHECK(compile_error("released < soak", env) ==
        "found no matching overload for '_<_' applied to '(timestamp, duration)'");
}

TEST_CASE("arithmetic needs one numeric type") {
  const Environment env = rollout_env();
  CHECK(compile_error("error_rate * 100", env) ==
        "found no matching overload for '_*_' applied to '(double, int)' "
        "(use 100.0 for a double literal)");
  CHECK(compile_error("open_incidents + 1u", env) ==
        "found no matching overload for '_+_' applied to '(int, uint)' "
        "(use 1 for an int literal)");
  CHECK(type_of("'a' + 'b'", env) == "string");
  CHECK(type_of("[1] + [2]", env) == "list(int)");
  CHECK(compile_error("[1] + ['a']", env) ==
        "found no matching overload for '_+_' applied to '(list(int), list(string))'");
}

TEST_CASE("in: element of a list, key of a map") {
  const Environment env = rollout_env();
  CHECK(type_of("'sre' in owners", env) == "bool");
  CHECK(compile_error("1 in owners", env) ==
        "found no matching overload for '@in' applied to '(int, map(string, string))'");
  CHECK(compile_error("error_rate in [1, 2]", env) ==
        "found no matching overload for '@in' applied to '(double, list(int))' "
        "(use 1.0 for a double literal)");
}

TEST_CASE("logical operators need bool operands") {
  const Environment env = rollout_env();
  CHECK(compile_error("open_incidents && true", env) ==
        "found no matching overload for '_&&_' applied to '(int, bool)'");
  CHECK(compile_error("!error_rate", env) ==
        "found no matching overload for '!_' applied to '(double)'");
  CHECK(compile_error("open_incidents ? 1 : 2", env) ==
        "found no matching overload for '_?_:_' applied to '(int, int, int)'");
  CHECK(type_of("anything || false", env) == "bool");
}

TEST_CASE("size() on strings, bytes, lists and maps, in both call styles") {
  const Environment env = rollout_env();
  CHECK(type_of("size('abc')", env) == "int");
  CHECK(type_of("b'abc'.size()", env) == "int");
  CHECK(type_of("owners.size()", env) == "int");
  CHECK(compile_error("size(open_incidents)", env) ==
        "found no matching overload for 'size' applied to '(int)'");
  CHECK(compile_error("open_incidents.size()", env) ==
        "found no matching overload for 'size' applied to 'int.()'");
}

TEST_CASE("selecting a field of a non-map is a type error") {
  const Environment env = rollout_env();
  CHECK(compile_error("error_rate.value", env) ==
        "type 'double' does not support field selection");
  CHECK(compile_error("has(open_incidents.x)", env) ==
        "type 'int' does not support field selection");
  CHECK(type_of("has(owners.sre)", env) == "bool");
}

TEST_CASE("unknown functions and message construction are compile errors") {
  CHECK(compile_error("frobnicate(1)") == "undeclared reference to 'frobnicate'");
  CHECK(compile_error("google.type.Money{units: 1}") ==
        "unsupported: message construction 'google.type.Money'");
}

TEST_CASE("type names are values of type type") {
  CHECK(type_of("int") == "type");
  CHECK(type_of("type(1) == int") == "bool");
}
