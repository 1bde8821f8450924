// The specialised gate paths (fast_gate.hpp) and constant folding against
// the general evaluator: for random expressions of every recognised shape,
// random constants and random facts of every kind (unknowns, errors and
// wrongly typed dyn values included), the fast program, the general
// evaluator with folding and the general evaluator without folding return
// the same value, error message and unknown slots.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "cel/compiler.hpp"
#include "cel/checking/environment.hpp"
#include "cel/program.hpp"

using namespace rollgate::cel;

namespace {

struct Fact {
  const char* name;
  Type type;
};

// Facts of every declared type, plus dyn ones; "p.n" is dotted.
std::vector<Fact> facts() {
  return {{"i", Type::int64()},
          {"u", Type::uint64()},
          {"d", Type::double_type()},
          {"s", Type::string()},
          {"b", Type::boolean()},
          {"t", Type::timestamp()},
          {"t2", Type::timestamp()},
          {"du", Type::duration()},
          {"x", Type::dyn()},
          {"y", Type::dyn()},
          {"li", Type::list(Type::int64())},
          {"ls", Type::list(Type::string())},
          {"ld", Type::list(Type::dyn())},
          {"m", Type::map(Type::string(), Type::int64())},
          {"p.n", Type::int64()},
          {"by", Type::bytes()}};
}

class Random {
 public:
  explicit Random(uint32_t seed) : rng_(seed) {}
  size_t below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  template <typename T>
  const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }
  bool chance(int percent) { return below(100) < size_t(percent); }

 private:
  std::mt19937 rng_;
};

// Constants as CEL text.
const std::vector<std::string> kInts = {"0", "8", "10", "-3", "9223372036854775807",
                                        "-9223372036854775808", "3"};
const std::vector<std::string> kConstants = {
    "0", "8", "10", "-3", "9223372036854775807", "8u", "0u", "18446744073709551615u",
    "8.0", "8.5", "-0.0", "1e300", "double('NaN')", "double('Infinity')", "'ab'", "''",
    "'a'", "'é'", "b'ab'", "true", "false", "null",
    "timestamp('2026-01-01T00:00:00Z')", "timestamp('2026-01-01T00:00:00.5Z')",
    "duration('1h')", "duration('-1s')", "duration('90m')", "int('7')", "1 + 2",
    "[1, 2]", "{'a': 1}", "type(1)"};
const std::vector<std::string> kStrings = {"'a'", "''", "'ab'", "'é'", "'b' + 'c'"};
const std::vector<std::string> kOps = {"==", "!=", "<", "<=", ">", ">="};

std::string constant(Random& r) { return r.pick(kConstants); }

std::string list_constant(Random& r) {
  std::string out = "[";
  const size_t n = r.below(5);
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += r.chance(50) ? r.pick(kInts) : constant(r);
  }
  return out + "]";
}

std::string fact_name(Random& r) { return r.pick(facts()).name; }

// A leaf over `operand` (a fact, or the element variable inside exists/all).
std::string leaf(Random& r, const std::string& operand) {
  switch (r.below(11)) {
    case 0:
    case 1: return operand + " " + r.pick(kOps) + " " + constant(r);
    case 2: return constant(r) + " " + r.pick(kOps) + " " + operand;
    case 3: return operand + " >= " + r.pick(kInts) + " && " + operand + " <= " + r.pick(kInts);
    case 4: return operand + " in " + list_constant(r);
    case 5: return (r.chance(50) ? "size(" + operand + ")" : operand + ".size()") + " " +
                   r.pick(kOps) + " " + (r.chance(70) ? r.pick(kInts) : constant(r));
    case 6: {
      static const std::vector<std::string> fns = {"startsWith", "endsWith", "contains"};
      return operand + "." + r.pick(fns) + "(" + r.pick(kStrings) + ")";
    }
    case 7: return operand;
    case 9: {
      static const std::vector<std::string> keys = {"'a'", "'b'", "'c'"};
      return "m[" + r.pick(keys) + "] " + r.pick(kOps) + " " + constant(r);
    }
    case 10: return std::string(r.chance(50) ? "t - t2 " : "t2 - t ") + r.pick(kOps) + " " + constant(r);
    default: return "!(" + operand + " " + r.pick(kOps) + " " + constant(r) + ")";
  }
}

std::string gate(Random& r, int depth = 0) {
  if (depth < 2 && r.chance(45)) {
    const char* op = r.chance(50) ? " && " : " || ";
    return "(" + gate(r, depth + 1) + op + gate(r, depth + 1) + ")";
  }
  if (r.chance(15)) {
    const std::string fn = r.chance(50) ? "exists" : "all";
    std::string predicate = leaf(r, "v");
    if (r.chance(30)) predicate += (r.chance(50) ? " && " : " || ") + leaf(r, fact_name(r));
    return fact_name(r) + "." + fn + "(v, " + predicate + ")";
  }
  return leaf(r, fact_name(r));
}

Value scalar(Random& r) {
  switch (r.below(14)) {
    case 0: return Value::int64(static_cast<int64_t>(r.below(14)) - 2);
    case 1: {
      static const std::vector<int64_t> edges = {std::numeric_limits<int64_t>::min(),
                                                 std::numeric_limits<int64_t>::max(), 8, 10, 9};
      return Value::int64(r.pick(edges));
    }
    case 2: return Value::uint64(r.chance(10) ? std::numeric_limits<uint64_t>::max() : r.below(12));
    case 3: {
      static const std::vector<double> ds = {8.0, 8.5, 10.0, -0.0, 0.0, 9.999, 1e300,
                                             std::nan(""), INFINITY, -INFINITY,
                                             9223372036854775808.0};
      return Value::double_value(r.pick(ds));
    }
    case 4: {
      static const std::vector<std::string> ss = {"", "a", "ab", "abc", "b", "é", "aé", "ba"};
      return Value::string(r.pick(ss));
    }
    case 5: return Value::bytes(r.chance(50) ? "ab" : "");
    case 6: return Value::boolean(r.chance(50));
    case 7:
      if (r.chance(10))  // the ends of CEL's range: their difference is near the duration limit
        return Value::timestamp({r.chance(50) ? -62135596800 : 253402300799, 0});
      return Value::timestamp({1767225600 + int64_t(r.below(3)) - 1, int32_t(r.below(2)) * 500000000});
    case 8: return Value::duration({int64_t(r.below(3)) * 3600 - 1, 0});
    case 9: return Value::null();
    case 10: return Value::type_value(Type::int64());
    case 11: return Value::int64(8);
    case 12: return Value::string("ab");
    default: return Value::double_value(static_cast<double>(r.below(12)));
  }
}

Value value(Random& r, int slot, int depth = 0) {
  const size_t k = r.below(100);
  if (k < 12) return Value::unknown({slot});
  if (k < 20) return Value::error("boom " + std::to_string(slot));
  if (k < 35 && depth == 0) {
    ValueList items;
    const size_t n = r.below(5);
    for (size_t i = 0; i < n; ++i)
      items.push_back(r.chance(10) ? (r.chance(50) ? Value::unknown({slot + 100})
                                                   : Value::error("bad element"))
                                   : scalar(r));
    return Value::list(std::move(items));
  }
  if (k < 40 && depth == 0) {
    MapEntries entries;
    if (r.chance(70)) entries.emplace_back(Value::string("a"), Value::int64(1));
    if (r.chance(50)) entries.emplace_back(Value::string("b"), Value::int64(2));
    return Value::map(std::move(entries));
  }
  return scalar(r);
}

detail::CompileOptions options(bool fold, bool fast) {
  detail::CompileOptions o;
  o.fold_constants = fold;
  o.fast_paths = fast;
  return o;
}

}  // namespace

TEST_CASE("the fast gate paths and folding agree with the general evaluator") {
  Environment env;
  for (const Fact& f : facts()) env.add_variable(f.name, f.type);
  Random r(20261203);
  int compiled = 0, fast = 0, runs = 0, decided = 0;
  for (int n = 0; n < 6000; ++n) {
    const std::string source = gate(r);
    const CompileResult a = detail::compile_with(source, env, options(true, true));
    const CompileResult b = detail::compile_with(source, env, options(true, false));
    const CompileResult c = detail::compile_with(source, env, options(false, false));
    REQUIRE(a.ok() == c.ok());
    REQUIRE(b.ok() == c.ok());
    if (!a.ok()) continue;
    ++compiled;
    CHECK_FALSE(b.program->uses_fast_path());
    if (a.program->uses_fast_path()) ++fast;
    for (int k = 0; k < 30; ++k) {
      std::vector<Value> slots;
      for (size_t s = 0; s < env.slot_count(); ++s) slots.push_back(value(r, int(s)));
      const Value fa = a.program->evaluate(slots);
      const Value fb = b.program->evaluate(slots);
      const Value fc = c.program->evaluate(slots);
      const Value budgeted = a.program->evaluate(slots, 1'000'000'000);
      ++runs;
      if (fa.kind() == Value::Kind::Bool) ++decided;
      INFO("expression: " << source);
      for (size_t s = 0; s < slots.size(); ++s)
        INFO("slot " << s << " = " << slots[s].debug_string());
      REQUIRE(fa.kind() == fc.kind());
      REQUIRE(fa.debug_string() == fc.debug_string());
      REQUIRE(fb.debug_string() == fc.debug_string());
      REQUIRE(budgeted.debug_string() == fc.debug_string());
    }
  }
  MESSAGE(compiled << " expressions compiled, " << fast << " on the fast path, " << runs
                   << " evaluations, " << decided << " bool results");
  CHECK(fast > compiled / 2);
  CHECK(decided > runs / 5);
}

TEST_CASE("the common gate shapes take the fast path") {
  Environment env;
  for (const Fact& f : facts()) env.add_variable(f.name, f.type);
  const char* shapes[] = {
      "p.n >= 8 && p.n <= 10",
      "i > 3",
      "3 < i",
      "d <= 8.5",
      "u == 8u",
      "s == 'ab'",
      "b",
      "!b || i != 2",
      "t > timestamp('2026-01-01T00:00:00Z')",
      "du < duration('1h')",
      "x == 1",
      "s in ['a', 'b']",
      "i in [1, 2, 3]",
      "size(li) > 2",
      "ls.size() == 0",
      "size(s) <= 3",
      "li.exists(v, v > 3)",
      "li.all(v, v >= 0 && v < 100)",
      "ls.exists(v, v.startsWith('a'))",
      "s.startsWith('ab')",
      "s.endsWith('b') && s.contains('a')",
      "(i > 3 && d < 2.0) || (s == 'x' && b)",
      "i > -3",
      "i < 1 + 2",
      "m['a'] > 0",
      "m['b'] >= 3 && m['b'] < 9",
      "t - t2 < duration('72h')",
      "duration('1h') <= t2 - t",
  };
  for (const char* shape : shapes) {
    const CompileResult r = compile(shape, env);
    INFO(std::string(shape));
    REQUIRE(r.ok());
    CHECK(r.program->uses_fast_path());
  }
  const char* general[] = {"i + 1 > 3", "li.map(v, v * 2)[0] > 1", "m[s] > 0", "t - du < t2",
                           "li.exists(v, li.exists(w, w > v))", "s.matches('a+')",
                           "i > 3 ? true : false"};
  for (const char* expression : general) {
    const CompileResult r = compile(expression, env);
    INFO(std::string(expression));
    REQUIRE(r.ok());
    CHECK_FALSE(r.program->uses_fast_path());
  }
}

TEST_CASE("the fast path keeps CEL's errors, unknowns and commutative logic") {
  Environment env;
  const int n = env.add_variable("n", Type::int64());
  const int x = env.add_variable("x", Type::dyn());
  const int k = env.add_variable("k", Type::int64());
  auto eval = [&](const char* source, std::vector<Value> slots) {
    const CompileResult r = compile(source, env);
    REQUIRE(r.ok());
    CHECK(r.program->uses_fast_path());
    return r.program->evaluate(slots).debug_string();
  };
  const Value unknown_n = Value::unknown({n}), unknown_k = Value::unknown({k});
  // false && unknown is false; true || error is true.
  CHECK(eval("n > 3 && k > 1", {Value::int64(1), Value::int64(0), unknown_k}) == "false");
  CHECK(eval("k > 1 && n > 3", {Value::int64(1), Value::int64(0), unknown_k}) == "false");
  CHECK(eval("x > 1 || n > 3", {Value::int64(9), Value::string("s"), unknown_k}) == "true");
  // unknown wins over error; unknown slots merged.
  CHECK(eval("x > 1 && n > 3", {unknown_n, Value::string("s"), unknown_k}) ==
        "unknown(" + std::to_string(n) + ")");
  CHECK(eval("n > 3 && k > 3", {unknown_n, Value::int64(0), unknown_k}) == "unknown(0, 2)");
  // A dyn fact of the wrong kind: the evaluator's message.
  CHECK(eval("x > 1", {Value::int64(0), Value::string("s"), Value::int64(0)}) ==
        "error(no matching overload for '_>_' applied to (string, int))");
  (void)x;
}
