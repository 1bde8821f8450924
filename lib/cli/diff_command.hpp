// `rollgate diff OLD NEW [--format text|json]` (DESIGN rule 20).
#pragma once

#include <string>

namespace rollgate::cli {

// Reads and compiles both plans, prints their diff (`format` "text" or
// "json") to stdout and returns the exit status: 0 when nothing loosens,
// 1 when some change loosens.  A file that cannot be read throws
// std::runtime_error and an invalid plan throws rollgate::Error (its located
// message says which file and where); main() prints either on stderr and
// exits 2, as for `eval`.
int run_diff(const std::string& old_path, const std::string& new_path, const std::string& format);

}  // namespace rollgate::cli
