#include "arguments.hpp"

namespace rollgate::cli {

const char* const kUsage =
    "usage: rollgate eval PLAN [--facts FACTS] [--now RFC3339] [--format text|json]\n"
    "                     [--state STATE] [--what-if PATCH] [--fail-on-drift]\n"
    "                     [--detail full|summary] [--compact]\n"
    "       rollgate diff OLD NEW [--format text|json]\n"
    "       rollgate --version\n"
    "       rollgate --help\n"
    "\n"
    "eval   evaluates the plan against the facts document at --now (default: the\n"
    "       current time) and prints the readiness report.\n"
    "       --state STATE    continue from the state in STATE when it exists (soaks,\n"
    "                        drift, transitions) and replace it atomically with the\n"
    "                        new state once the report is written\n"
    "       --what-if PATCH  evaluate with the facts, progress and approvals of PATCH\n"
    "                        applied; saves no state; the report lists what changed\n"
    "       --fail-on-drift  exit 1 while a started stage's gate drifts\n"
    "       --detail summary in JSON, each stage lists only its gates that do not\n"
    "                        pass and counts the others in passing_gates\n"
    "       --compact        JSON without whitespace\n"
    "diff   compares two versions of a plan and classes each change as tightened,\n"
    "       loosened or changed, loosened changes first.\n"
    "\n"
    "exit status: eval: 0 when the plan's target (or, without a target, every\n"
    "stage) is ready or done, 1 when it is not (or, with --fail-on-drift, while\n"
    "something drifts); diff: 0 when no change loosens, 1 when one does; both:\n"
    "2 on bad input or usage, with the located error on standard error.\n";

namespace {

ParseOutcome fail(std::string message) { return {std::nullopt, std::move(message)}; }

// Accepts "--name value" and "--name=value".
bool take_option(const std::vector<std::string>& args, size_t& i, const std::string& name,
                 std::optional<std::string>& out, std::string& error) {
  const std::string& arg = args[i];
  if (arg == name) {
    if (i + 1 >= args.size()) {
      error = name + " needs a value";
      return true;
    }
    out = args[++i];
    return true;
  }
  if (arg.rfind(name + "=", 0) == 0) {
    out = arg.substr(name.size() + 1);
    return true;
  }
  return false;
}

ParseOutcome parse_eval(const std::vector<std::string>& args) {
  Arguments parsed;
  parsed.command = Arguments::Command::Eval;
  EvalArguments& eval = parsed.eval;
  std::optional<std::string> format, detail;
  std::string error;
  for (size_t i = 1; i < args.size(); ++i) {
    if (take_option(args, i, "--facts", eval.facts_path, error) ||
        take_option(args, i, "--detail", detail, error) ||
        take_option(args, i, "--now", eval.now, error) ||
        take_option(args, i, "--format", format, error) ||
        take_option(args, i, "--state", eval.state_path, error) ||
        take_option(args, i, "--what-if", eval.what_if_path, error)) {
      if (!error.empty()) return fail(error);
      continue;
    }
    if (args[i] == "--fail-on-drift") {
      eval.fail_on_drift = true;
      continue;
    }
    if (args[i] == "--compact") {
      eval.compact = true;
      continue;
    }
    if (args[i].rfind("--", 0) == 0) return fail("unknown option '" + args[i] + "'");
    if (!eval.plan_path.empty()) return fail("eval takes one PLAN, got '" + eval.plan_path + "' and '" + args[i] + "'");
    eval.plan_path = args[i];
  }
  if (eval.plan_path.empty()) return fail("eval needs a PLAN file");
  if (format) {
    if (*format != "text" && *format != "json") return fail("--format must be text or json, not '" + *format + "'");
    eval.format = *format;
  }
  if (detail) {
    if (*detail != "full" && *detail != "summary")
      return fail("--detail must be full or summary, not '" + *detail + "'");
    eval.summary = *detail == "summary";
  }
  return {parsed, ""};
}

ParseOutcome parse_diff(const std::vector<std::string>& args) {
  Arguments parsed;
  parsed.command = Arguments::Command::Diff;
  DiffArguments& diff = parsed.diff;
  std::optional<std::string> format;
  std::vector<std::string> plans;
  std::string error;
  for (size_t i = 1; i < args.size(); ++i) {
    if (take_option(args, i, "--format", format, error)) {
      if (!error.empty()) return fail(error);
      continue;
    }
    if (args[i].rfind("--", 0) == 0) return fail("unknown option '" + args[i] + "'");
    plans.push_back(args[i]);
  }
  if (plans.size() != 2) return fail("diff needs two plan files, OLD and NEW");
  diff.old_path = plans[0];
  diff.new_path = plans[1];
  if (format) {
    if (*format != "text" && *format != "json") return fail("--format must be text or json, not '" + *format + "'");
    diff.format = *format;
  }
  return {parsed, ""};
}

}  // namespace

ParseOutcome parse_arguments(const std::vector<std::string>& args) {
  if (args.empty()) return fail("no command given");
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help") return {Arguments{}, ""};
  if (command == "--version") {
    Arguments a;
    a.command = Arguments::Command::Version;
    return {a, ""};
  }
  if (command == "eval") return parse_eval(args);
  if (command == "diff") return parse_diff(args);
  return fail("unknown command '" + command + "'");
}

}  // namespace rollgate::cli
