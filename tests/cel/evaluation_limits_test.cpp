// Program::evaluate within Limits (cel/limits.hpp): each limit makes the
// result an error naming the limit and its value, stops before the work it
// bounds is done, and reports its use; the cancellation flag and the
// deadline stop a long comprehension from outside.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "cel/limits.hpp"
#include "test_helpers.hpp"

using namespace rollgate::cel;
using rollgate::cel::testing::Facts;

namespace {

// s: a 10-byte string; items: 1..5; many: 0..999.
Facts limit_facts() {
  Facts f;
  f.add("s", Type::string(), Value::string("abcdefghij"));
  ValueList items;
  for (int i = 1; i <= 5; ++i) items.push_back(Value::int64(i));
  f.add("items", Type::list(Type::int64()), Value::list(items));
  ValueList many;
  for (int i = 0; i < 1000; ++i) many.push_back(Value::int64(i));
  f.add("many", Type::list(Type::int64()), Value::list(many));
  return f;
}

struct Run {
  std::string text;
  Usage usage;
};

Run run(const char* source, const Limits& limits, const Facts& f = limit_facts()) {
  const CompileResult r = compile(source, f.env);
  REQUIRE_MESSAGE(r.ok(), source);
  Run out;
  out.text = r.program->evaluate(f.slots, limits, out.usage).debug_string();
  return out;
}

Limits small_sizes() {
  Limits limits;
  limits.max_string_bytes = 16;
  limits.max_list_size = 3;
  return limits;
}

}  // namespace

TEST_CASE("the default limits let ordinary expressions through") {
  const Limits limits;
  CHECK(run("size(s + s) == 20", limits).text == "true");
  CHECK(run("items.map(x, x * 2) == [2, 4, 6, 8, 10]", limits).text == "true");
  CHECK(run("many.all(x, many.exists(y, y == x))", limits).text == "true");  // 500,500 iterations
  CHECK(run("s.replace('a', 'xy') == 'xybcdefghij'", limits).text == "true");
}

TEST_CASE("a string longer than max_string_bytes is an error naming the limit") {
  const Limits limits = small_sizes();
  const std::string error = "error(max_string_bytes limit exceeded: more than 16 bytes in a string)";
  CHECK(run("size(s + 'abcdef') == 16", limits).text == "true");  // exactly at the limit
  CHECK(run("size(s + s) > 0", limits).text == error);
  CHECK(run("size(bytes(s) + bytes(s)) > 0", limits).text ==
        "error(max_string_bytes limit exceeded: more than 16 bytes in a string)");
  CHECK(run("[s, s].join() != ''", limits).text == error);
  CHECK(run("[s.substring(0, 1), 'b', 'c'].join('0123456789') != ''", limits).text == error);
  CHECK(run("'%s%s'.format([s, s]) != ''", limits).text == error);
  CHECK(run("s.replace('a', 'abcdefghij') != ''", limits).text == error);
}

TEST_CASE("replace and join stop at the limit before building a huge string") {
  // Unlimited, this replace would build 10^6 x 10^5 bytes = 100 GB.
  Facts f = limit_facts();
  f.add("long", Type::string(), Value::string(std::string(1'000'000, 'a')));
  f.add("wide", Type::string(), Value::string(std::string(100'000, 'b')));
  const Limits limits;  // 1 MiB
  CHECK(run("long.replace('a', wide).size() > 0", limits, f).text ==
        "error(max_string_bytes limit exceeded: more than 1048576 bytes in a string)");
  CHECK(run("[long, long].join(wide).size() > 0", limits, f).text ==
        "error(max_string_bytes limit exceeded: more than 1048576 bytes in a string)");
}

TEST_CASE("a list or map larger than max_list_size is an error naming the limit") {
  const Limits limits = small_sizes();
  const std::string error = "error(max_list_size limit exceeded: more than 3 elements in a list or map)";
  CHECK(run("items.map(x, x).size() > 0", limits).text == error);
  CHECK(run("items.filter(x, x > 2).size() == 3", limits).text == "true");
  CHECK(run("items.filter(x, x > 1).size() > 0", limits).text == error);
  CHECK(run("size([items[0], 2] + [3, 4]) > 0", limits).text == error);
  CHECK(run("size(s.split('')) > 0", limits).text == error);
  CHECK(run("size({1: 1, 2: 2, 3: 3, 4: items[0]}) > 0", limits).text == error);
  CHECK(run("size([items[0], 2, 3, 4]) > 0", limits).text == error);
  CHECK(run("items.transformMap(i, v, v).size() > 0", limits).text == error);
}

TEST_CASE("max_bytes bounds what a gate builds in all, however small each value is") {
  // Every string is far within max_string_bytes; a thousand of them are not
  // within max_bytes.  Unbounded, a list fact of 50,000 and a 100 kB string
  // made 5 GB this way.
  Facts f = limit_facts();
  f.add("kb", Type::string(), Value::string(std::string(1024, 'k')));
  Limits limits;
  limits.max_bytes = 100 * 1024;
  Run r = run("many.map(i, kb + 'x').size() > 0", limits, f);
  CHECK(r.text == "error(max_bytes limit exceeded: more than 102400 bytes built)");
  CHECK(r.usage.bytes > 100 * 1024);
  CHECK(r.usage.bytes < 110 * 1024);  // stopped at the limit, not after the loop
  limits.max_bytes = 10 * 1024 * 1024;
  r = run("many.map(i, kb + 'x').size() > 0", limits, f);
  CHECK(r.text == "true");
  CHECK(r.usage.bytes >= 1000 * 1025);  // each string built is counted
}

TEST_CASE("max_bytes counts lists and maps built by their element slots") {
  Limits limits;
  limits.max_bytes = 1000;
  CHECK(run("many.map(i, i).size() > 0", limits).text == "error(max_bytes limit exceeded: more than 1000 bytes built)");
  CHECK(run("items.map(i, i).size() > 0", limits).text == "true");
}

TEST_CASE("map and filter build their list in place, one element slot each, after constant folding") {
  // Folding turns the macros' `[]` into a constant; the planner still
  // recognises the shape, so the list is appended to rather than copied at
  // every step (which max_bytes would count as quadratic).
  Limits limits;
  Run r = run("many.map(i, i * 2).size() == 1000", limits);
  CHECK(r.text == "true");
  CHECK(r.usage.bytes == 1000 * sizeof(Value));
  r = run("many.filter(i, i % 2 == 0).size() == 500", limits);
  CHECK(r.text == "true");
  CHECK(r.usage.bytes == 500 * sizeof(Value));
}

TEST_CASE("a limit fails the whole expression, even where || would absorb an error") {
  const Limits limits = small_sizes();
  CHECK(run("size(s + s) > 0 || true", limits).text ==
        "error(max_string_bytes limit exceeded: more than 16 bytes in a string)");
  CHECK(run("true || size(s + s) > 0", limits).text == "true");  // never evaluated
  CHECK(run("1 / 0 == 1 || true", limits).text == "true");       // other errors as before
}

TEST_CASE("max_iterations and max_cost each name themselves when they bind") {
  Limits limits;
  limits.max_iterations = 10;
  CHECK(run("items.all(x, x > 0)", limits).text == "true");  // 5 iterations (fast path)
  CHECK(run("items.all(x, items.all(y, y > 0))", limits).text ==
        "error(max_iterations limit exceeded: more than 10 comprehension iterations)");
  limits = Limits{};
  limits.max_cost = 20;
  CHECK(run("items.all(x, items.all(y, y > 0))", limits).text ==
        "error(max_cost limit exceeded: more than 20 steps)");
  // The fast path too: over a list longer than the iterations allowed it
  // leaves the gate to the general evaluator, which reports the limit.
  limits = Limits{};
  limits.max_iterations = 100;
  CHECK(run("many.exists(x, x == 999)", limits).text ==
        "error(max_iterations limit exceeded: more than 100 comprehension iterations)");
}

TEST_CASE("usage adds each evaluation's cost and says what stopped it") {
  const Facts f = limit_facts();
  const CompileResult simple = compile("size(s) > 1", f.env);
  const CompileResult loop = compile("items.all(x, items.all(y, y > 0))", f.env);
  REQUIRE(simple.ok());
  REQUIRE(loop.ok());
  Usage usage;
  const Limits limits;
  simple.program->evaluate(f.slots, limits, usage);
  CHECK(usage.cost == simple.program->cost_estimate().fixed_steps);
  loop.program->evaluate(f.slots, limits, usage);
  const CostEstimate c = loop.program->cost_estimate();
  // 5 outer iterations and 5 x 5 inner ones.
  CHECK(usage.cost == simple.program->cost_estimate().fixed_steps + c.fixed_steps + 30 * c.steps_per_iteration);
  CHECK_FALSE(usage.cost_exceeded);
  Limits tight;
  tight.max_cost = c.fixed_steps + 3 * c.steps_per_iteration;
  Usage stopped;
  CHECK(loop.program->evaluate(f.slots, tight, stopped).is_error());
  CHECK(stopped.cost_exceeded);
  CHECK(stopped.cost <= tight.max_cost);
  CHECK(stopped.interrupted == Interruption::None);
}

TEST_CASE("a set cancellation flag stops a long comprehension") {
  const Facts f = limit_facts();
  volatile int32_t cancel = 1;
  Limits limits;
  limits.cancel = &cancel;
  limits.max_iterations = 2'000'000'000;
  limits.max_cost = UINT64_MAX;
  // 10^9 iterations without the flag.
  const CompileResult r = compile("many.all(x, many.all(y, many.all(z, z >= 0)))", f.env);
  REQUIRE(r.ok());
  Usage usage;
  CHECK(r.program->evaluate(f.slots, limits, usage).debug_string() == "error(evaluation cancelled)");
  CHECK(usage.interrupted == Interruption::Cancelled);
  CHECK(usage.cost <= r.program->cost_estimate().fixed_steps +
                          (kPollIterations + 8) * r.program->cost_estimate().steps_per_iteration);
  // An expression without comprehensions is not interrupted: it is short
  // (the engine looks at the flag between gates).
  CHECK(run("size(s) == 10", limits).text == "true");
}

TEST_CASE("a deadline in the past stops a long comprehension") {
  const Facts f = limit_facts();
  Limits limits;
  limits.deadline = Timestamp{1, 0};
  limits.max_iterations = 2'000'000'000;
  limits.max_cost = UINT64_MAX;
  const CompileResult r = compile("many.all(x, many.all(y, many.all(z, z >= 0)))", f.env);
  REQUIRE(r.ok());
  Usage usage;
  CHECK(r.program->evaluate(f.slots, limits, usage).debug_string() == "error(evaluation deadline passed)");
  CHECK(usage.interrupted == Interruption::Deadline);
  CHECK(poll_interruption(limits) == Interruption::Deadline);
  limits.deadline = Timestamp{253402300799, 0};  // 9999-12-31
  CHECK(poll_interruption(limits) == Interruption::None);
}

TEST_CASE("constants over the default limits are not folded but evaluated under the limits given") {
  // 2 MiB built from constants: folding refuses it (default 1 MiB), so the
  // evaluation builds it under its own, larger limit.
  Limits big;
  big.max_string_bytes = 4u << 20;
  const std::string source =
      "'" + std::string(1024, 'a') + "'.replace('a', '" + std::string(2048, 'b') + "').size() == 2097152";
  Facts none;
  const CompileResult r = compile(source, none.env);
  REQUIRE(r.ok());
  Usage usage;
  CHECK(r.program->evaluate(none.slots, big, usage).debug_string() == "true");
  CHECK(r.program->evaluate(none.slots).debug_string() ==
        "error(max_string_bytes limit exceeded: more than 1048576 bytes in a string)");
}

TEST_CASE("transformMap's copying counts as iterations, so its quadratic time stays bounded") {
  // Each cel.@mapInsert step copies the map: 1000 entries copy ~500,000.
  const Limits limits;
  CHECK(run("many.transformMap(i, v, v).size() == 1000", limits).text == "true");
  Facts f = limit_facts();
  ValueList more;
  for (int i = 0; i < 3000; ++i) more.push_back(Value::int64(i));
  f.add("more", Type::list(Type::int64()), Value::list(more));
  // 3000 entries would copy ~4.5 million: past max_iterations, or past the
  // bytes the copies build (max_bytes), whichever the copying meets first.
  const std::string text = run("more.transformMap(i, v, v).size() == 3000", limits, f).text;
  CHECK((text.starts_with("error(max_iterations limit exceeded") || text.starts_with("error(max_cost limit exceeded") ||
         text.starts_with("error(max_bytes limit exceeded")));
}
