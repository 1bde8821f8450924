// Resource limits: expressions at the nesting limits compile and evaluate
// on a small thread stack, and nothing past them is accepted.
#include <pthread.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cel/program.hpp"

using namespace rollgate::cel;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kStackBytes = 8u << 20;  // sanitizers need far more stack
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr size_t kStackBytes = 8u << 20;
#else
constexpr size_t kStackBytes = 512u << 10;
#endif
#else
constexpr size_t kStackBytes = 512u << 10;
#endif

struct Job {
  std::string source;
  std::string outcome;
};

void* compile_and_evaluate(void* arg) {
  auto* job = static_cast<Job*>(arg);
  const CompileResult r = compile(job->source, Environment{});
  job->outcome = r.ok() ? r.program->evaluate({}).debug_string()
                        : "error: " + r.issues[0].message;
  return nullptr;
}

// Runs compile + evaluate on a thread with a 512 KiB stack.
std::string on_small_stack(std::string source) {
  Job job{std::move(source), {}};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackBytes);
  pthread_t thread;
  REQUIRE(pthread_create(&thread, &attr, compile_and_evaluate, &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  return job.outcome;
}

std::string wrap(int depth, const std::string& open, const std::string& inner,
                 const std::string& close) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += open;
  out += inner;
  for (int i = 0; i < depth; ++i) out += close;
  return out;
}

}  // namespace

TEST_CASE("expressions at the nesting limit run on a 512 KiB stack") {
  CHECK(on_small_stack(wrap(127, "int(", "7", ")")) == "7");
  CHECK(on_small_stack(wrap(127, "[", "1", "]")).starts_with("[[[["));
  CHECK(on_small_stack(wrap(127, "(1 + ", "1", ")")) == "128");
  CHECK(on_small_stack(wrap(127, "true ? (", "1", ") : 2")) == "1");
  CHECK(on_small_stack(wrap(60, "[1].map(x, ", "x", ")")).starts_with("[[[["));
  std::string sum = "0";
  for (int i = 0; i < 255; ++i) sum += " + 1";
  CHECK(on_small_stack(sum) == "255");
}

TEST_CASE("one level past the limits is a syntax error") {
  CHECK(on_small_stack(wrap(129, "int(", "7", ")")).find("nested too deeply") !=
        std::string::npos);
  std::string sum = "0";
  for (int i = 0; i < 256; ++i) sum += " + 1";
  CHECK(on_small_stack(sum).find("expression too complex") != std::string::npos);
}
