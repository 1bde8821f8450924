// Reading an input file for the command line: a file that cannot be read is
// bad input like any other, reported with its path.
#pragma once

#include <string>

namespace rollgate::cli {

// The file's bytes; throws std::runtime_error "<path>: cannot open the file".
std::string read_file(const std::string& path);

}  // namespace rollgate::cli
