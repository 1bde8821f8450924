#include "bash_completion.hpp"

#include <sstream>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "joined.hpp"

namespace rollgate::cli {

namespace {

// The words and patterns written below are option names and fixed choices
// (letters, digits, dashes): nothing in them needs quoting in bash.

// What may follow each option of one command, sorted by kind.
struct CommandCompletion {
  std::vector<std::string> options;  // every visible option, for a word starting with -
  std::vector<std::pair<std::string, std::vector<std::string>>> choices;  // --format: text json
  std::vector<std::string> file_options;   // their value is a file name
  std::vector<std::string> other_options;  // their value cannot be guessed (--now)
  bool positionals_are_files = false;
};

CommandCompletion completion_of(const CommandLine& command_line, const CLI::App& command) {
  CommandCompletion completion;
  for (const CLI::Option* option : command.get_options()) {
    if (CommandLine::is_hidden(*option)) continue;
    if (option->get_positional()) {
      completion.positionals_are_files |= CommandLine::takes_file(*option);
      continue;
    }
    const std::string name = CommandLine::long_name(*option);
    completion.options.push_back(name);
    if (CommandLine::is_flag(*option)) continue;
    if (const auto& choices = command_line.choices(*option); !choices.empty())
      completion.choices.emplace_back(name, choices);
    else if (CommandLine::takes_file(*option))
      completion.file_options.push_back(name);
    else
      completion.other_options.push_back(name);
  }
  return completion;
}

void write_command_case(std::ostream& out, const std::string& name, const CommandCompletion& completion) {
  out << "    " << name << ")\n      case $prev in\n";
  for (const auto& [option, values] : completion.choices)
    out << "        " << option << ") _rollgate_words \"" << joined(values, " ") << "\"; return ;;\n";
  if (!completion.file_options.empty())
    out << "        " << joined(completion.file_options, "|") << ") _rollgate_files; return ;;\n";
  if (!completion.other_options.empty()) out << "        " << joined(completion.other_options, "|") << ") return ;;\n";
  out << "      esac\n"
      << "      if [[ $cur == -* ]]; then _rollgate_words \"" << joined(completion.options, " ") << "\"";
  if (completion.positionals_are_files) out << "; else _rollgate_files";
  out << "; fi ;;\n";
}

}  // namespace

std::string bash_completion(const CommandLine& command_line) {
  const CLI::App& program = command_line.app();
  std::vector<std::string> top_words;
  for (const CLI::App* command : program.get_subcommands({})) top_words.push_back(command->get_name());
  for (const CLI::Option* option : program.get_options())
    if (!CommandLine::is_hidden(*option)) top_words.push_back(CommandLine::long_name(*option));

  std::ostringstream out;
  out << "# bash completion for rollgate(1), written by `rollgate --generate bash-completion`: do not edit.\n"
         "\n"
         "_rollgate_words() { mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }\n"
         "_rollgate_files() {\n"
         "  compopt -o filenames 2>/dev/null\n"
         "  mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
         "}\n"
         "\n"
         "_rollgate() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} command=\"\" i\n"
         "  # bash splits --format=json at the =: complete the value of --format.\n"
         "  if [[ $cur == = ]]; then cur=\"\"\n"
         "  elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then prev=${COMP_WORDS[COMP_CWORD - 2]}; fi\n"
         "  # The subcommand is the first word that is not an option.\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    if [[ ${COMP_WORDS[i]} != -* ]]; then command=${COMP_WORDS[i]}; break; fi\n"
         "  done\n"
         "  COMPREPLY=()\n"
         "  case $command in\n"
         "    \"\") _rollgate_words \""
      << joined(top_words, " ") << "\" ;;\n";
  for (const CLI::App* command : program.get_subcommands({}))
    write_command_case(out, command->get_name(), completion_of(command_line, *command));
  out << "  esac\n"
         "}\n"
         "\n"
         "complete -F _rollgate rollgate\n";
  return out.str();
}

}  // namespace rollgate::cli
