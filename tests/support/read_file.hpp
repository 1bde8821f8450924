// Reading a whole test data file, for the test suites and the benchmark.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace rollgate::testing {

// The file's bytes, or "" when it cannot be read (tests then fail on it).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace rollgate::testing
