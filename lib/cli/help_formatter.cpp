#include "help_formatter.hpp"

#include <sstream>
#include <string_view>

#include "command_line.hpp"
#include "command_texts.hpp"

namespace rollgate::cli {

namespace {

constexpr std::size_t kOptionColumn = 26;

// `text` with every line after the first indented by `indent` spaces.
std::string indent_lines(std::string_view text, std::string_view indent) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

std::string examples_section(const CommandText& text) {
  std::ostringstream out;
  out << "\nEXAMPLES\n";
  for (const CommandExample& example : text.examples)
    out << "  " << indent_lines(example.command, "  ") << "\n      " << indent_lines(example.meaning, "      ")
        << '\n';
  return out.str();
}

std::string exit_status_section() {
  std::ostringstream out;
  out << "\nEXIT STATUS\n";
  for (const ExitStatusText& exit : exit_status_texts())
    out << "  " << exit.status << "  " << indent_lines(exit.meaning, "     ") << '\n';
  return out.str();
}

}  // namespace

HelpFormatter::HelpFormatter() { column_width(kOptionColumn); }

std::string HelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const {
  const CommandText& text = command_text(app->get_parent() ? app->get_name() : "");
  std::ostringstream out;
  std::string options = make_groups(app, mode);
  // CLI11 ends a group that is not the last with a blank line, and the
  // hidden group of --generate comes last.
  if (options.ends_with("\n\n")) options.pop_back();
  out << name << " - " << text.summary << "\n\n"
      << make_usage(app, name) << '\n'
      << text.description << '\n'
      << make_positionals(app) << options << make_subcommands(app, mode)
      << examples_section(text) << exit_status_section();
  return out.str();
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
  // The program takes exactly one subcommand, but declares it optional so
  // that a missing one gets our message (CommandLine::parse): say it here.
  if (!app->get_parent()) return "Usage: " + name + " SUBCOMMAND [OPTIONS] [ARGUMENTS]\n";
  return CLI::Formatter::make_usage(app, name);
}

std::string HelpFormatter::make_subcommand(const CLI::App* subcommand) const {
  std::ostringstream out;
  CLI::detail::format_help(out, subcommand->get_name(), std::string(command_text(subcommand->get_name()).summary),
                           column_width_);
  return out.str();
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  // A positional's name already says what it is, and a flag takes no value.
  if (option->get_positional() || CommandLine::is_flag(*option)) return "";
  return " " + option->get_type_name() + (option->get_required() ? " (required)" : "");
}

}  // namespace rollgate::cli
