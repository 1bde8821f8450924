// What each subcommand of `rollgate` is given once its command line is
// parsed (command_line.cpp fills these from one declaration), and the
// functions that run them.  Each run_* prints its output on stdout and
// returns the exit status (exit_codes.hpp); bad input throws
// rollgate::Error (a located problem) or std::runtime_error (a file that
// cannot be read or written, a missing program), which main() prints on
// stderr with exit status 2.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rollgate::cli {

// Whether text output uses colour: `auto` when standard output is a
// terminal and NO_COLOR is unset (terminal.hpp).
enum class ColorMode { Auto, Always, Never };

// The inputs of one evaluation, shared by eval, graph and explain.
struct EvaluationInputs {
  std::string plan_path;
  std::optional<std::string> facts_path;     // a facts document (docs/FACTS.md)
  std::optional<std::string> progress_path;  // progress and approvals, kept apart from facts
  std::optional<std::string> state_path;     // read when it exists (soaks, drift, transitions)
  std::optional<std::string> now;            // RFC 3339; default: the current time
  std::vector<std::string> limits;           // --limit NAME=N: plan, document and evaluation limits (docs/LIMITS.md)
};

// rollgate check PLAN... [--format text|json]
struct CheckOptions {
  std::vector<std::string> plan_paths;
  std::string format = "text";  // text | json
  std::vector<std::string> limits;  // --limit NAME=N: plan limits (docs/LIMITS.md)
};
int run_check(const CheckOptions& options);

// rollgate eval PLAN [inputs] [--what-if PATCH] [--format ...]
struct EvalOptions {
  EvaluationInputs inputs;
  std::optional<std::string> what_if_path;  // a patch; nothing is saved
  std::string format = "text";              // text | json | markdown | dot | svg | mermaid
  bool fail_on_drift = false;               // exit 1 while drift[] is not empty
  bool compact = false;                     // JSON without whitespace
  bool summary = false;                     // --detail summary
  ColorMode color = ColorMode::Auto;
};
int run_eval(const EvalOptions& options);

// rollgate graph PLAN [inputs] --format dot|svg|mermaid
struct GraphOptions {
  EvaluationInputs inputs;  // without facts_path, progress_path and state_path: the bare plan
  std::string format = "dot";
};
int run_graph(const GraphOptions& options);

// rollgate explain PLAN [inputs] STAGE|STAGE/GATE
struct ExplainOptions {
  EvaluationInputs inputs;
  std::string subject;  // a stage id or a full gate id
  std::string format = "text";  // text | json
  ColorMode color = ColorMode::Auto;
};
int run_explain(const ExplainOptions& options);

// rollgate expr EXPR [--plan PLAN] [--facts F] [--now T]
struct ExprOptions {
  std::string expression;
  std::optional<std::string> plan_path;
  std::optional<std::string> facts_path;
  std::optional<std::string> now;
  std::vector<std::string> limits;  // --limit NAME=N
  std::string format = "text";  // text | json
};
int run_expr(const ExprOptions& options);

// rollgate diff OLD NEW [--format text|json]
struct DiffOptions {
  std::string old_path;
  std::string new_path;
  std::string format = "text";
  std::vector<std::string> limits;  // --limit NAME=N: plan limits (docs/LIMITS.md)
};
int run_diff(const DiffOptions& options);

}  // namespace rollgate::cli
