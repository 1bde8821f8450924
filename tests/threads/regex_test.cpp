// matches() from many threads: each cached pattern keeps one DFA that one
// thread at a time extends; the others search with their own.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "cel/library/regex.hpp"

using namespace rollgate::cel;

TEST_CASE("threads searching the same patterns at once get the answers one thread gets") {
  const std::vector<std::string> patterns = {"^release-[0-9]{4}\\.[0-9]+$", "(?i)ñandú|\\bk\\w+", "a.*b.*c"};
  const std::vector<std::string> texts = {"release-2024.11", "ÑANDÚ", "the kelvin", "axbyc", "abx", "", "release-24.1"};
  std::vector<bool> expected;
  for (const std::string& pattern : patterns)
    for (const std::string& text : texts) {
      const Value value = detail::regex_search(text, pattern);
      REQUIRE(value.kind() == Value::Kind::Bool);
      expected.push_back(value.as_bool());
    }
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round) {
        size_t i = 0;
        for (const std::string& pattern : patterns)
          for (const std::string& text : texts) {
            const Value value = detail::regex_search(text, pattern);
            if (value.kind() != Value::Kind::Bool || value.as_bool() != expected[i]) ++wrong;
            ++i;
          }
        if ((round + t) % 50 == 0) (void)detail::regex_search("x", "fresh-" + std::to_string(t) + "-" + std::to_string(round));
      }
    });
  for (std::thread& thread : threads) thread.join();
  CHECK(wrong.load() == 0);
  CHECK(expected == std::vector<bool>{true, false, false, false, false, false, false,   // release
                                      false, true, true, false, false, false, false,    // ñandú / k-word
                                      false, false, false, true, false, false, false});  // a.*b.*c
}
