// One compiled CEL program evaluated by many threads at once: a Program is
// immutable after compile, and what it caches on the way (patterns, time
// zones) is shared safely.
#include <pthread.h>

#include <doctest/doctest.h>

#include <fstream>
#include <vector>

#include "cel/program.hpp"

using namespace rollgate::cel;

TEST_CASE("one program evaluates concurrently from many threads" *
          doctest::skip(!std::ifstream("/usr/share/zoneinfo/Europe/Paris").good())) {
  Environment env;
  env.add_variable("names", Type::list(Type::string()));
  const CompileResult r = compile(
      "names.filter(n, n.matches('^svc-[0-9]+$')).size() == 2 && "
      "timestamp('2024-07-15T12:00:00Z').getHours('Europe/Paris') >= 0",
      env);
  REQUIRE(r.ok());
  const std::vector<Value> slots{Value::list(
      {Value::string("svc-1"), Value::string("db"), Value::string("svc-22")})};
  struct Shared {
    const Program* program;
    const std::vector<Value>* slots;
    int wrong = 0;
  } shared{r.program.get(), &slots};
  auto work = [](void* arg) -> void* {
    auto* s = static_cast<Shared*>(arg);
    for (int i = 0; i < 200; ++i) {
      const Value v = s->program->evaluate(*s->slots);
      if (v.kind() != Value::Kind::Bool || !v.as_bool())
        __atomic_add_fetch(&s->wrong, 1, __ATOMIC_RELAXED);
    }
    return nullptr;
  };
  std::vector<pthread_t> threads(8);
  for (pthread_t& t : threads) REQUIRE(pthread_create(&t, nullptr, work, &shared) == 0);
  for (pthread_t& t : threads) pthread_join(t, nullptr);
  CHECK(shared.wrong == 0);
}
