// The command line of `rollgate`, parsed into a plain struct.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rollgate::cli {

struct EvalArguments {
  std::string plan_path;
  std::optional<std::string> facts_path;
  std::optional<std::string> now;  // RFC 3339; default: the current time
  std::string format = "text";     // text | json
  // Read when present, replaced atomically after the report is written.
  std::optional<std::string> state_path;
  std::optional<std::string> what_if_path;  // a patch; nothing is saved
  bool fail_on_drift = false;               // exit 1 while drift[] is not empty
  bool compact = false;                     // JSON without whitespace
  bool summary = false;                     // --detail summary: only gates that do not pass
};

struct DiffArguments {
  std::string old_path;
  std::string new_path;
  std::string format = "text";  // text | json
};

struct Arguments {
  enum class Command { Help, Version, Eval, Diff } command = Command::Help;
  EvalArguments eval;
  DiffArguments diff;
};

// Parses argv (without argv[0]).  Returns the problem as a message when the
// words are not a valid command line.
struct ParseOutcome {
  std::optional<Arguments> arguments;
  std::string error;
};
ParseOutcome parse_arguments(const std::vector<std::string>& args);

extern const char* const kUsage;

}  // namespace rollgate::cli
