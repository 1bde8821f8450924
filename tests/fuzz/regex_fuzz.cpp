// Fuzz target: matches() against RE2 (a differential fuzzer).  The input is
// a pattern, a NUL byte and a text (no NUL: the whole input is the pattern,
// searched in itself).  Our answer must be RE2's, apart from the documented
// deviations that tests/regex_differential/re2_oracle.hpp checks; a pattern
// past matches()'s own limits (kMaxPatternBytes, kMaxPatternNesting) must be
// an error.  A difference aborts with both inputs shown.  Unlike the other
// targets this one reaches the engine directly, not through the C ABI: the
// oracle judges regex_search itself.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "cel/library/regex.hpp"
#include "re2_oracle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  const std::string_view pattern = input.substr(0, nul);
  const std::string_view text = nul == std::string_view::npos ? pattern : input.substr(nul + 1);
  if (!rollgate::cel::detail::pattern_limit_problem(pattern).empty()) {
    if (!rollgate::cel::detail::regex_search(text, pattern).is_error()) {
      std::fprintf(stderr, "a pattern past the limits was not refused\n");
      std::abort();
    }
    return 0;
  }
  const rollgate::testing::regex_oracle::Re2Oracle oracle(pattern);
  const auto judgement = oracle.judge(text);
  if (!judgement.agrees) {
    std::fprintf(stderr, "matches() differs from RE2\n  pattern (%zu bytes): %.*s\n  text (%zu bytes)\n"
                         "  RE2: %s\n  expected: %s\n  ours: %s\n",
                 pattern.size(), int(pattern.size()), pattern.data(), text.size(), oracle.re2_verdict().c_str(),
                 judgement.expected.c_str(), judgement.ours.c_str());
    std::abort();
  }
  return 0;
}
