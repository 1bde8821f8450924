#include "manual_page.hpp"

#include <rollgate/rollgate.hpp>

#include <sstream>
#include <string_view>

#include "command_line.hpp"
#include "command_texts.hpp"

namespace rollgate::cli {

namespace {

// Text as roff reads it literally: a backslash is roff's escape, a dash
// is written \- so that options render as the minus a shell wants, and a
// line starting with a dot or a quote would be a request.
std::string roff(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

// "PLAN...", "[PLAN]": a positional as a synopsis writes it, in italics.
std::string positional_synopsis(const CLI::Option& positional) {
  std::string usage = "\\fI" + roff(positional.get_name()) + "\\fR";
  if (positional.get_expected_max() > 1) usage += "...";
  return positional.get_required() ? usage : "[" + usage + "]";
}

std::string synopsis(const CLI::App& command) {
  std::string line = "\\fBrollgate " + roff(command.get_name()) + "\\fR [\\fIoptions\\fR]";
  for (const CLI::Option* option : command.get_options())
    if (option->get_positional()) line += " " + positional_synopsis(*option);
  return line;
}

// The tag of an option's paragraph: "--format text|json", "--now TIME".
std::string option_tag(const CommandLine& command_line, const CLI::Option& option) {
  if (option.get_positional()) return "\\fI" + roff(option.get_name()) + "\\fR";
  std::string tag = "\\fB" + roff(CommandLine::long_name(option)) + "\\fR";
  if (CommandLine::is_flag(option)) return tag;
  const std::vector<std::string>& choices = command_line.choices(option);
  if (choices.empty()) return tag + " \\fI" + roff(option.get_type_name()) + "\\fR";
  std::string values;
  for (const std::string& choice : choices) values += (values.empty() ? "" : "|") + ("\\fI" + roff(choice) + "\\fR");
  return tag + " " + values;
}

void write_command(std::ostream& out, const CommandLine& command_line, const CLI::App& command) {
  out << ".SS \"" << synopsis(command) << "\"\n" << roff(command_text(command.get_name()).description) << '\n';
  for (const CLI::Option* option : command.get_options()) {
    if (CommandLine::is_hidden(*option) || option == command.get_help_ptr()) continue;
    out << ".TP\n" << option_tag(command_line, *option) << '\n' << roff(option->get_description()) << '\n';
  }
}

void write_examples(std::ostream& out, const CLI::App& program) {
  out << ".SH EXAMPLES\n";
  for (const CLI::App* command : program.get_subcommands({}))
    for (const CommandExample& example : command_text(command->get_name()).examples)
      out << ".PP\n" << roff(example.meaning) << "\n.PP\n.RS 4\n.nf\n" << roff(example.command) << "\n.fi\n.RE\n";
}

void write_tagged_paragraph(std::ostream& out, std::string_view tag, std::string_view text) {
  out << ".TP\n.B " << roff(tag) << '\n' << roff(text) << '\n';
}

}  // namespace

std::string manual_page(const CommandLine& command_line) {
  const CLI::App& program = command_line.app();
  const CommandText& text = program_text();
  std::ostringstream out;
  out << ".\\\" rollgate(1), written by `rollgate --generate man`: do not edit.\n"
      << ".TH ROLLGATE 1 \"\" \"rollgate " << rollgate::version_string() << "\" \"User Commands\"\n"
      // Neither hyphenate nor stretch lines: paths and options stay whole.
      << ".nh\n.ad l\n"
      << ".SH NAME\nrollgate \\- " << roff(text.summary) << '\n'
      << ".SH SYNOPSIS\n";
  for (const CLI::App* command : program.get_subcommands({})) out << synopsis(*command) << "\n.br\n";
  out << "\\fBrollgate \\-\\-help\\fR | \\fB\\-\\-version\\fR\n"
      << ".SH DESCRIPTION\n" << roff(text.description) << '\n'
      << "Every subcommand prints its own help with \\fB\\-\\-help\\fR.\n"
      << ".SH COMMANDS\n";
  for (const CLI::App* command : program.get_subcommands({})) write_command(out, command_line, *command);
  write_examples(out, program);
  out << ".SH \"EXIT STATUS\"\n";
  for (const ExitStatusText& exit : exit_status_texts())
    write_tagged_paragraph(out, std::to_string(exit.status), exit.meaning);
  out << ".SH ENVIRONMENT\n";
  for (const EnvironmentText& variable : environment_texts())
    write_tagged_paragraph(out, variable.variable, variable.meaning);
  out << ".SH FILES\n" << roff(files_text()) << '\n' << ".SH \"SEE ALSO\"\n" << roff(see_also_text()) << '\n';
  return out.str();
}

}  // namespace rollgate::cli
