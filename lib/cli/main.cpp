// `rollgate`: the readiness engine for people and CI pipelines.  Parses the
// command line (command_line.hpp), runs the subcommand and turns whatever
// escapes it into an exit status (uncaught_error.hpp).
#include <exception>
#include <iostream>
#include <optional>

#include "command_line.hpp"
#include "uncaught_error.hpp"

int main(int argc, char** argv) {
  using namespace rollgate::cli;
  try {
    CommandLine command_line;
    if (std::optional<int> finished = command_line.parse(argc, argv, std::cout, std::cerr)) return *finished;
    return command_line.run();
  } catch (...) {
    return report_uncaught(std::current_exception(), std::cerr);
  }
}
