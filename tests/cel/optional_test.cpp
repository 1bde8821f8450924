// Optional values: optional.of / none / ofNonZeroValue, hasValue, value,
// or, orValue, optMap, optFlatMap, a.?f, x[?i], [?e] and {?k: v}.  The
// conformance suite's `optionals` section covers the rest.
#include <string>

#include "test_helpers.hpp"

using namespace rollgate::cel;
using namespace rollgate::cel::testing;

namespace {

std::string result_type(std::string_view source, const Environment& env = {}) {
  const CompileResult r = compile(source, env);
  if (!r.ok()) return "compile error: " + r.issues.front().message;
  return r.program->result_type().to_string();
}

Facts config() {
  Facts f;
  f.add("config", Type::map(Type::string(), Type::map(Type::string(), Type::int64())),
        Value::map({{Value::string("limits"),
                     Value::map({{Value::string("cpu"), Value::int64(4)}})}}));
  return f;
}

}  // namespace

TEST_CASE("optional values print, compare and report their type") {
  CHECK(eval_text("optional.of(1)") == "optional.of(1)");
  CHECK(eval_text("optional.none()") == "optional.none()");
  CHECK(eval_text("dyn(optional.of(1)) == optional.of(1.0)") == "true");
  CHECK(eval_text("optional.of(1) != optional.none()") == "true");
  CHECK(eval_text("type(optional.of(1)) == optional_type") == "true");
  CHECK(eval_text("type(optional.of(1))") == "optional_type");
}

TEST_CASE("the checker types optionals as optional_type(T)") {
  CHECK(result_type("optional.of(1)") == "optional_type(int)");
  CHECK(result_type("optional.none()") == "optional_type(dyn)");
  CHECK(result_type("optional.of('a').orValue('b')") == "string");
  CHECK(result_type("{'a': 1}.?a") == "optional_type(int)");
  CHECK(result_type("[1, 2][?0]") == "optional_type(int)");
  CHECK(result_type("[?optional.of(1), 2]") == "list(int)");
  CHECK(result_type("{?'a': optional.of(1)}") == "map(string, int)");
  CHECK(result_type("config.?limits.cpu", config().env) == "optional_type(int)");
  CHECK(result_type("optional.of(2).optMap(x, x * 2)") == "optional_type(int)");
  CHECK(result_type("[?1]") ==
        "compile error: expected type 'optional_type' but found 'int'");
  CHECK(result_type("{?'a': 1}") ==
        "compile error: expected type 'optional_type' but found 'int'");
  CHECK(result_type("optional.of(1).orValue('x')").starts_with(
        "compile error: found no matching overload for 'orValue'"));
}

TEST_CASE("optional selection and indexing over facts") {
  const Facts f = config();
  CHECK(eval_text("config.?limits.cpu.orValue(1)", f) == "4");
  CHECK(eval_text("config.?quotas.cpu.orValue(1)", f) == "1");
  CHECK(eval_text("config.?limits.memory.hasValue()", f) == "false");
  CHECK(eval_text("config[?'limits'][?'cpu'].value()", f) == "4");
  CHECK(eval_text("has(config.?limits.cpu)", f) == "true");
  CHECK(eval_text("has(config.?quotas.cpu)", f) == "false");
  CHECK(eval_text("[1, 2][?5].hasValue()") == "false");
  CHECK(eval_text("[1, 2][?-1].hasValue()") == "false");
}

TEST_CASE("value() of none is an error; or/orValue evaluate the alternative only when needed") {
  CHECK(eval_text("optional.none().value()") == "error(optional.none() dereference)");
  CHECK(eval_text("optional.of(1).orValue(1 / 0)") == "1");
  CHECK(eval_text("optional.of(1).or(optional.of(1 / 0)).value()") == "1");
  CHECK(eval_text("optional.none().orValue(1 / 0)") == "error(division by zero)");
  Facts f;
  f.add("missing", Type::int64(), Value::unknown({0}));
  CHECK(eval_text("optional.of(missing).hasValue()", f) == "unknown(0)");
  CHECK(eval_text("optional.of(1).orValue(missing)", f) == "1");
}

TEST_CASE("optional elements and entries are left out when none") {
  CHECK(eval_text("[?optional.none(), ?optional.of(2), 3]") == "[2, 3]");
  CHECK(eval_text("{?'a': optional.none(), ?'b': optional.of(2)}") == "{\"b\": 2}");
  CHECK(eval_text("optional.ofNonZeroValue(0).hasValue()") == "false");
  CHECK(eval_text("optional.ofNonZeroValue('').hasValue()") == "false");
  CHECK(eval_text("optional.ofNonZeroValue(duration('0s')).hasValue()") == "false");
  CHECK(eval_text("optional.ofNonZeroValue([0]).hasValue()") == "true");
}

TEST_CASE("optMap and optFlatMap bind the optional's value") {
  CHECK(eval_text("optional.of(2).optMap(x, x * 3).value()") == "6");
  CHECK(eval_text("optional.none().optMap(x, x * 3).hasValue()") == "false");
  CHECK(eval_text("optional.of(2).optFlatMap(x, x > 1 ? optional.of(x) : optional.none())") ==
        "optional.of(2)");
  CHECK(compile_error("optional.of(2).optMap(a.b, 1)") ==
        "optMap() variable name must be a simple identifier");
}
