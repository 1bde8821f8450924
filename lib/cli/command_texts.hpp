// The words of `rollgate`'s documentation, in one table: what the program
// and each subcommand do, with examples, and what the exit statuses mean.
// --help (help_formatter), the man page (manual_page) and the bash
// completion (bash_completion) are all generated from this table and from
// the options declared in command_line.cpp, so they cannot disagree.
//
// Texts are plain, already wrapped at 76 columns with "\n"; a help screen
// indents them, the man page lets roff fill them.
#pragma once

#include <span>
#include <string_view>

namespace rollgate::cli {

struct CommandExample {
  // A shell command; a long one continues on the next line after " \".
  std::string_view command;
  std::string_view meaning;
};

struct CommandText {
  std::string_view name;         // "eval"; "rollgate" for the program itself
  std::string_view summary;      // one line, for lists and completion menus
  std::string_view description;  // one paragraph
  std::span<const CommandExample> examples;
};

struct ExitStatusText {
  int status;
  std::string_view meaning;
};

struct EnvironmentText {
  std::string_view variable;
  std::string_view meaning;
};

// The program as a whole (name "rollgate").
const CommandText& program_text();

// Every subcommand, in the order help lists them.
std::span<const CommandText> subcommand_texts();

// The subcommand `name`, or the program's text when `name` is none of them.
const CommandText& command_text(std::string_view name);

// The same for every subcommand: 0, 1, 2, 3 (exit_codes.hpp).
std::span<const ExitStatusText> exit_status_texts();

std::span<const EnvironmentText> environment_texts();

// What the man page lists under FILES and SEE ALSO.
std::string_view files_text();
std::string_view see_also_text();

}  // namespace rollgate::cli
