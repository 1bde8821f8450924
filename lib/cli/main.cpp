// `rollgate`: the readiness engine for people and CI pipelines.
#include <rollgate/rollgate.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>

#include "arguments.hpp"
#include "atomic_file.hpp"
#include "diff_command.hpp"
#include "read_file.hpp"

namespace {

constexpr int kExitMet = 0;
constexpr int kExitNotMet = 1;
constexpr int kExitBadInput = 2;

// The evaluation instant: --now, else the current time.
std::pair<std::int64_t, std::int32_t> evaluation_instant(const std::optional<std::string>& now) {
  if (now) return rollgate::parse_timestamp(*now);
  using namespace std::chrono;
  const auto since_epoch = system_clock::now().time_since_epoch();
  const auto secs = floor<seconds>(since_epoch);
  return {secs.count(), std::int32_t(duration_cast<nanoseconds>(since_epoch - secs).count())};
}

int run_eval(const rollgate::cli::EvalArguments& args) {
  rollgate::Plan plan = rollgate::Plan::compile(rollgate::cli::read_file(args.plan_path), args.plan_path);
  rollgate::Session session(plan);
  if (args.facts_path) session.set_inputs(rollgate::cli::read_file(*args.facts_path), *args.facts_path);
  // A state file that does not exist yet means a first evaluation; one that
  // exists but cannot be used is bad input, and is left as it is.
  if (args.state_path && std::filesystem::exists(*args.state_path))
    session.set_state(rollgate::cli::read_file(*args.state_path), *args.state_path);
  auto [seconds, nanos] = evaluation_instant(args.now);
  rollgate::Report report = args.what_if_path
                                ? session.what_if(rollgate::cli::read_file(*args.what_if_path), seconds, nanos, *args.what_if_path)
                                : session.evaluate(seconds, nanos);
  unsigned layout = (args.compact ? ROLLGATE_JSON_COMPACT : 0u) | (args.summary ? ROLLGATE_JSON_SUMMARY : 0u);
  std::cout << (args.format == "json" ? report.json(layout) : report.text());
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write the report to standard output");
  // Only after the report is out, and never for a what-if (rule 15).
  if (args.state_path && !args.what_if_path)
    rollgate::cli::replace_file_atomically(*args.state_path, session.state());
  if (args.fail_on_drift && report.drift_count() > 0) return kExitNotMet;
  return report.target_met() ? kExitMet : kExitNotMet;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  rollgate::cli::ParseOutcome parsed = rollgate::cli::parse_arguments(words);
  if (!parsed.arguments) {
    std::cerr << "rollgate: " << parsed.error << "\n\n" << rollgate::cli::kUsage;
    return kExitBadInput;
  }
  try {
    switch (parsed.arguments->command) {
      case rollgate::cli::Arguments::Command::Help:
        std::cout << rollgate::cli::kUsage;
        return kExitMet;
      case rollgate::cli::Arguments::Command::Version:
        std::cout << "rollgate " << rollgate::version_string() << '\n';
        return kExitMet;
      case rollgate::cli::Arguments::Command::Eval:
        return run_eval(parsed.arguments->eval);
      case rollgate::cli::Arguments::Command::Diff: {
        const rollgate::cli::DiffArguments& diff = parsed.arguments->diff;
        return rollgate::cli::run_diff(diff.old_path, diff.new_path, diff.format);
      }
    }
  } catch (const rollgate::Error& e) {
    std::cerr << e.what() << '\n';
    std::cerr << "rollgate: " << e.status_string() << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "rollgate: " << e.what() << '\n';
    return kExitBadInput;
  }
  return kExitBadInput;
}
