// A whole file as a string, for the benchmarks: a file that cannot be read
// ends the benchmark with exit status 2.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sbs {

inline std::string slurp(const std::string& path) {
  FILE* fp = std::fopen(path.c_str(), "rb");
  if (!fp) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) out.append(buf, n);
  std::fclose(fp);
  return out;
}

}  // namespace sbs
