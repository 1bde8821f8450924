// The man page rollgate(1), in roff, generated from the command line's
// declaration and command_texts: docs/rollgate.1 is this function's
// output (`rollgate --generate man`), committed and installed; a test
// fails when the two differ.
#pragma once

#include <string>

namespace rollgate::cli {

class CommandLine;

std::string manual_page(const CommandLine& command_line);

}  // namespace rollgate::cli
