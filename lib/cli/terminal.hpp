// How text output looks on a terminal: whether to colour, the colour and
// symbol of each status, and (through the headers below) widths and times
// in a person's units.  Shared by eval, explain and every text renderer.
#pragma once

#include <string>
#include <string_view>

#include "commands.hpp"
#include "display_width.hpp"
#include "human_time.hpp"

namespace rollgate::cli {

// What decides ColorMode::Auto, read once from the process (stdout_terminal)
// so that the decision itself is a pure function.
struct TerminalFacts {
  bool is_tty = false;    // standard output is a terminal
  std::string no_color;   // $NO_COLOR ("" when unset)
  std::string term;       // $TERM ("" when unset)
};

TerminalFacts stdout_terminal();

// auto: a terminal, NO_COLOR unset or empty, TERM not "dumb"; always and
// never are what the user asked for, whatever the environment says.
bool use_color(ColorMode mode, const TerminalFacts& facts);

// Colour and status symbols when `color` is on; plain ASCII words otherwise,
// so that piped output and logs read the same in every font (DECISIONS.md).
class TextStyle {
 public:
  explicit TextStyle(bool color) : color_(color) {}

  bool color() const { return color_; }

  // `text` in the colour of a stage, gate or blocker status ("blocked",
  // "pass", "missing", ...); unchanged without colour.
  std::string status(std::string_view status_name, std::string_view text) const;
  // The status's symbol and a space ("✗ "), in its colour; "" without
  // colour.  Always one column plus the space.
  std::string symbol(std::string_view status_name) const;
  std::string heading(std::string_view text) const;  // bold
  std::string dim(std::string_view text) const;      // owners, counts
  std::string_view arrow() const { return color_ ? "→" : "->"; }

 private:
  std::string wrap(std::string_view sgr, std::string_view text) const;

  bool color_;
};

// The symbol's width in columns (symbol() without colour is empty).
inline std::size_t symbol_width(const TextStyle& style) { return style.color() ? 2 : 0; }

}  // namespace rollgate::cli
