// `rollgate diff OLD NEW [--format text|json]` (DESIGN rule 20).
#include <iostream>
#include <rollgate/diff.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "read_file.hpp"

namespace rollgate::cli {

namespace {

rollgate::Plan compile_file(const std::string& path) {
  return rollgate::Plan::compile(read_file(path), path);
}

}  // namespace

int run_diff(const DiffOptions& options) {
  // Both plans are compiled before anything is printed: bad input gives
  // exit 2 and no half-written diff.
  rollgate::Plan old_plan = compile_file(options.old_path);
  rollgate::Plan new_plan = compile_file(options.new_path);
  rollgate::Diff diff = rollgate::diff(
      old_plan, new_plan, options.format == "json" ? rollgate::Format::Json : rollgate::Format::Text);
  std::cout << diff.text;
  std::cout.flush();
  return diff.loosened ? kExitNotReady : kExitOk;
}

}  // namespace rollgate::cli
