// Evaluating a scalar gate on the fast path allocates nothing: this file
// replaces the global operator new (for the whole rollgate_cel_tests binary)
// with one that counts calls, and checks that the count does not move while
// gates are evaluated.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "cel/checking/environment.hpp"
#include "cel/program.hpp"

namespace {
std::atomic<uint64_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace rollgate::cel;

TEST_CASE("evaluating a scalar gate on the fast path does not allocate") {
  Environment env;
  env.add_variable("pilot.advisors", Type::int64());
  env.add_variable("ratio", Type::double_type());
  env.add_variable("region", Type::string());
  env.add_variable("ready", Type::boolean());
  env.add_variable("since", Type::timestamp());
  env.add_variable("lag", Type::duration());
  env.add_variable("regions", Type::list(Type::string()));
  env.add_variable("count", Type::uint64());
  env.add_variable("anything", Type::dyn());
  std::vector<Value> slots = {
      Value::int64(9),
      Value::double_value(0.25),
      Value::string("eu-west-1"),
      Value::boolean(true),
      Value::timestamp({1767312000, 0}),
      Value::duration({60, 0}),
      Value::list({Value::string("eu-west-1"), Value::string("us-east-1")}),
      Value::uint64(3),
      Value::int64(4)};
  const char* gates[] = {
      "pilot.advisors >= 8 && pilot.advisors <= 10",
      "ratio < 0.5 || ratio > 0.9",
      "region == 'eu-west-1'",
      "region.startsWith('eu-')",
      "region in ['eu-west-1', 'eu-central-1']",
      "ready && pilot.advisors > 3",
      "!ready || since > timestamp('2026-01-01T00:00:00Z')",
      "lag <= duration('5m')",
      "size(regions) >= 2",
      "regions.exists(r, r.startsWith('us-'))",
      "regions.all(r, r != '')",
      "count > 2u && pilot.advisors > 2.5",
      "anything == 4",
      "size(region) < 20",
  };
  for (const char* source : gates) {
    const CompileResult compiled = compile(source, env);
    INFO(std::string(source));
    REQUIRE(compiled.ok());
    CHECK(compiled.program->uses_fast_path());
    const Program& program = *compiled.program;
    const uint64_t before = g_allocations.load();
    bool all_true = true;
    for (int i = 0; i < 100; ++i) {
      const Value v = program.evaluate(slots);
      all_true = all_true && v.kind() == Value::Kind::Bool && v.as_bool();
    }
    const uint64_t after = g_allocations.load();
    CHECK(all_true);
    CHECK(after - before == 0);
  }
  // The counter does count: building a value that needs the heap moves it.
  const uint64_t before = g_allocations.load();
  const Value s = Value::string("a string long enough for the heap");
  CHECK(g_allocations.load() > before);
}
