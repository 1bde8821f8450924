// The --help screens of `rollgate` and its subcommands: CLI11's usage line
// and option lists, framed by the words of command_texts (summary,
// description, EXAMPLES, EXIT STATUS), so that every screen has the same
// sections as the man page.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace rollgate::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;
  // A subcommand in the program's list: its name and its one-line summary.
  std::string make_subcommand(const CLI::App* subcommand) const override;
  // An option's value in the left column: its choices or its value name.
  std::string make_option_opts(const CLI::Option* option) const override;
};

}  // namespace rollgate::cli
