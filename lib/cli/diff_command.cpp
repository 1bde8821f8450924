// `rollgate diff OLD NEW [--format text|json]` (DESIGN rule 20).
#include <iostream>
#include <rollgate/diff.hpp>

#include "commands.hpp"
#include "evaluation_limits.hpp"
#include "exit_codes.hpp"
#include "read_file.hpp"

namespace rollgate::cli {

namespace {

rollgate::Plan compile_file(const std::string& path, const CommandLimits& limits) {
  return compile_plan(read_file(path), path, limits);
}

}  // namespace

int run_diff(const DiffOptions& options) {
  // Both plans are compiled before anything is printed: bad input gives
  // exit 2 and no half-written diff.
  const CommandLimits limits = read_limits(options.limits);
  rollgate::Plan old_plan = compile_file(options.old_path, limits);
  rollgate::Plan new_plan = compile_file(options.new_path, limits);
  rollgate::Diff diff = rollgate::diff(
      old_plan, new_plan, options.format == "json" ? rollgate::Format::Json : rollgate::Format::Text);
  std::cout << diff.text;
  std::cout.flush();
  return diff.loosened ? kExitNotReady : kExitOk;
}

}  // namespace rollgate::cli
