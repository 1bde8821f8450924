// rollgate_regex_bench: matches() (regex_search, rollgate's own engine)
// side by side with RE2 in one run, on what gates do with it:
//
//   rollgate_regex_bench            the numbers in docs/BENCHMARKS.md
//   rollgate_regex_bench --smoke    a few iterations (ctest), answers checked
//
//   - short texts: a gate's pattern over ids and versions of 10 to 40
//     bytes, the pattern compiled once (RE2: one RE2 object; ours: the
//     process-wide cache, looked up under its lock at every call, as a
//     gate does);
//   - a long text: one 1 MiB log-like text, searched for a word near its
//     end and for a class pattern that does not occur;
//   - new patterns: 10,000 distinct patterns, each compiled and matched
//     once (RE2: construct and match; ours: a cache miss, compile, match);
//   - catastrophic: (a+)+$ and (.*a){12} over 100,000 characters.
// Every pair of answers is compared: a difference ends the run with 1.
// Times are process CPU seconds (sbs/timing.hpp), per call in ns or in MB/s.
#include <re2/re2.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cel/common/value.hpp"
#include "cel/library/regex.hpp"
#include "sbs/timing.hpp"

namespace {

using rollgate::cel::Value;
using rollgate::cel::detail::regex_search;

bool failed = false;

bool ours(std::string_view text, std::string_view pattern) {
  const Value value = regex_search(text, pattern);
  if (value.is_error()) {
    std::fprintf(stderr, "ours refuses %.*s: %s\n", int(pattern.size()), pattern.data(),
                 value.error_message().c_str());
    failed = true;
    return false;
  }
  return value.as_bool();
}

std::unique_ptr<re2::RE2> re2_of(const std::string& pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<re2::RE2>(pattern, options);
  if (!re->ok()) {
    std::fprintf(stderr, "RE2 refuses %s: %s\n", pattern.c_str(), re->error().c_str());
    failed = true;
  }
  return re;
}

void agree(bool a, bool b, const std::string& what) {
  if (a == b) return;
  std::fprintf(stderr, "answers differ (%s): RE2 %d, ours %d\n", what.c_str(), a, b);
  failed = true;
}

// One row: the same work timed for RE2 and for ours.
void row(const char* what, double re2_seconds, double our_seconds, double units, const char* unit) {
  std::printf("%-44s  RE2 %10.1f %-6s  ours %10.1f %-6s  ours/RE2 %5.2f\n", what, re2_seconds / units * 1e9,
              unit, our_seconds / units * 1e9, unit, our_seconds / re2_seconds);
}

void short_texts(size_t rounds) {
  const std::vector<std::string> patterns = {
      "^release-[0-9]{4}\\.[0-9]+$",
      "(?i)^(prod|staging)-eu-[a-z]+-\\d+$",
      "^[a-z][a-z0-9-]{2,30}$",
      "\\p{Lu}\\p{Ll}+",
  };
  const std::vector<std::string> texts = {
      "release-2024.11", "release-24.1", "PROD-eu-west-12", "staging-us-east-3",
      "payments-api", "Zürich-Süd", "x", "a-very-long-service-name-that-is-too-long-to-pass",
  };
  for (const std::string& pattern : patterns) {
    const auto re = re2_of(pattern);
    size_t re2_true = 0;
    size_t our_true = 0;
    double start = sbs::cpu_seconds();
    for (size_t r = 0; r < rounds; ++r)
      for (const std::string& text : texts) re2_true += re2::RE2::PartialMatch(text, *re);
    const double re2_seconds = sbs::cpu_seconds() - start;
    start = sbs::cpu_seconds();
    for (size_t r = 0; r < rounds; ++r)
      for (const std::string& text : texts) our_true += ours(text, pattern);
    const double our_seconds = sbs::cpu_seconds() - start;
    for (const std::string& text : texts)
      agree(re2::RE2::PartialMatch(text, *re), ours(text, pattern), pattern + " on " + text);
    if (re2_true != our_true) agree(true, false, pattern + " (counts)");
    row(("short texts: " + pattern).c_str(), re2_seconds, our_seconds, double(rounds * texts.size()), "ns");
  }
}

void long_text(size_t rounds) {
  std::string text;
  for (size_t line = 0; text.size() < (1u << 20); ++line)
    text += "2026-12-05T09:00:" + std::to_string(line % 60) + "Z info request served in " +
            std::to_string(line % 997) + " ms by node-" + std::to_string(line % 13) + "\n";
  text += "2026-12-05T10:00:00Z fatal: out of disk\n";
  const double megabytes = double(text.size()) / (1 << 20);
  for (const std::string& pattern : {std::string("fatal|panic"), std::string("\\d{5,} ms by node-\\pL")}) {
    const auto re = re2_of(pattern);
    bool a = false;
    bool b = false;
    double start = sbs::cpu_seconds();
    for (size_t r = 0; r < rounds; ++r) a = re2::RE2::PartialMatch(text, *re);
    const double re2_seconds = sbs::cpu_seconds() - start;
    start = sbs::cpu_seconds();
    for (size_t r = 0; r < rounds; ++r) b = ours(text, pattern);
    const double our_seconds = sbs::cpu_seconds() - start;
    agree(a, b, pattern + " on the long text");
    std::printf("%-44s  RE2 %10.0f MB/s    ours %10.0f MB/s    ours/RE2 %5.2f\n",
                ("1 MiB text: " + pattern).c_str(), megabytes * double(rounds) / re2_seconds,
                megabytes * double(rounds) / our_seconds, our_seconds / re2_seconds);
  }
}

void new_patterns(size_t count) {
  std::vector<std::string> patterns;
  for (size_t i = 0; i < count; ++i)
    patterns.push_back("^(svc|api)-" + std::to_string(i) + "-[a-z]+(-v\\d+)?$");
  const std::string text = "api-" + std::to_string(count / 2) + "-payments-v2";
  size_t re2_true = 0;
  size_t our_true = 0;
  double start = sbs::cpu_seconds();
  for (const std::string& pattern : patterns) re2_true += re2::RE2::PartialMatch(text, *re2_of(pattern));
  const double re2_seconds = sbs::cpu_seconds() - start;
  start = sbs::cpu_seconds();
  for (const std::string& pattern : patterns) our_true += ours(text, pattern);
  const double our_seconds = sbs::cpu_seconds() - start;
  if (re2_true != our_true || re2_true != 1) agree(re2_true == 1, our_true == 1, "new patterns");
  row("new pattern each call (compile + match)", re2_seconds, our_seconds, double(count), "ns");
}

void catastrophic() {
  const std::string as(100000, 'a');
  for (const auto& [pattern, text] : {std::pair<std::string, std::string>{"(a+)+$", as + "!"},
                                      std::pair<std::string, std::string>{"(.*a){12}", as}}) {
    const auto re = re2_of(pattern);
    double start = sbs::cpu_seconds();
    const bool a = re2::RE2::PartialMatch(text, *re);
    const double re2_seconds = sbs::cpu_seconds() - start;
    start = sbs::cpu_seconds();
    const bool b = ours(text, pattern);
    const double our_seconds = sbs::cpu_seconds() - start;
    agree(a, b, pattern);
    std::printf("%-44s  RE2 %10.2f ms      ours %10.2f ms      ours/RE2 %5.2f\n",
                ("100k chars: " + pattern).c_str(), re2_seconds * 1e3, our_seconds * 1e3,
                our_seconds / re2_seconds);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
  short_texts(smoke ? 10 : 200000);
  long_text(smoke ? 1 : 20);
  new_patterns(smoke ? 50 : 10000);
  catastrophic();
  if (failed) std::fprintf(stderr, "rollgate_regex_bench: RE2 and ours differ\n");
  return failed ? 1 : 0;
}
