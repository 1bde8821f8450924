#include "diff_command.hpp"

#include <iostream>
#include <rollgate/diff.hpp>

#include "read_file.hpp"

namespace rollgate::cli {

namespace {

constexpr int kExitNothingLoosens = 0;
constexpr int kExitLoosens = 1;

rollgate::Plan compile_file(const std::string& path) {
  return rollgate::Plan::compile(read_file(path), path);
}

}  // namespace

int run_diff(const std::string& old_path, const std::string& new_path, const std::string& format) {
  // Both plans are compiled before anything is printed: bad input gives
  // exit 2 and no half-written diff.
  rollgate::Plan old_plan = compile_file(old_path);
  rollgate::Plan new_plan = compile_file(new_path);
  rollgate::Diff diff =
      rollgate::diff(old_plan, new_plan, format == "json" ? rollgate::Format::Json : rollgate::Format::Text);
  std::cout << diff.text;
  std::cout.flush();
  return diff.loosened ? kExitLoosens : kExitNothingLoosens;
}

}  // namespace rollgate::cli
