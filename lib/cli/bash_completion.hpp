// The bash completion of `rollgate`, generated from the command line's
// declaration: subcommands, each one's options, the values of an option
// with choices, file names where a file is expected.  The committed
// completions/rollgate.bash is this function's output
// (`rollgate --generate bash-completion`); a test fails when they differ.
#pragma once

#include <string>

namespace rollgate::cli {

class CommandLine;

std::string bash_completion(const CommandLine& command_line);

}  // namespace rollgate::cli
