// The command line of `rollgate`: the one declaration (with CLI11) of its
// subcommands and their options, which fills the option structs of
// commands.hpp.  --help, the man page and the bash completion are all
// generated from it and from the texts of command_texts.hpp.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace rollgate::cli {

class CommandLine {
 public:
  CommandLine();
  // CLI11 holds pointers to the option structs below: the object stays put.
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  // Parses argv.  When that alone finishes the job - --help, --version, a
  // hidden --generate, a usage error - writes the answer on `out` (a usage
  // error on `err`) and returns the exit status; otherwise returns none
  // and run() runs the subcommand chosen.
  std::optional<int> parse(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

  // Runs the subcommand parse() chose; returns its exit status.  Bad input
  // and internal errors are thrown (main() turns them into exit statuses).
  int run() const;

  const CLI::App& app() const { return app_; }

  // The values an option accepts (--format: text, json), or none when any
  // value goes.
  const std::vector<std::string>& choices(const CLI::Option& option) const;

  // Whether an option names a file (its value completes as a path).
  static bool takes_file(const CLI::Option& option);
  // Whether an option is left out of help, the man page and completion.
  static bool is_hidden(const CLI::Option& option);
  // Whether an option takes no value (--compact).
  static bool is_flag(const CLI::Option& option) { return option.get_expected_max() == 0; }
  // "--format" for --format and "--help" for -h,--help (a positional: its name).
  static std::string long_name(const CLI::Option& option) {
    return option.get_lnames().empty() ? option.get_name() : "--" + option.get_lnames().front();
  }

 private:
  CLI::App& add_subcommand(const std::string& name, std::function<int()> runner);
  CLI::Option* add_choice(CLI::App& command, const std::string& name, std::vector<std::string> choices,
                          std::function<void(const std::string&)> store, const std::string& help);
  void add_evaluation_inputs(CLI::App& command, EvaluationInputs& inputs, const std::string& state_help);
  void add_color(CLI::App& command, ColorMode& color);
  // --limit NAME=N, repeatable: the session's evaluation options.
  void add_limits(CLI::App& command, std::vector<std::string>& limits);

  void declare_check();
  void declare_eval();
  void declare_explain();
  void declare_graph();
  void declare_expr();
  void declare_diff();

  std::string usage_error(const CLI::ParseError& error) const;
  std::string generated(const std::string& kind) const;

  CheckOptions check_;
  EvalOptions eval_;
  ExplainOptions explain_;
  GraphOptions graph_;
  ExprOptions expr_;
  DiffOptions diff_;
  std::optional<std::string> generate_;  // "man" or "bash-completion"

  std::map<const CLI::Option*, std::vector<std::string>> choices_;
  std::function<int()> chosen_;  // set by the subcommand CLI11 parsed
  CLI::App app_;
};

}  // namespace rollgate::cli
