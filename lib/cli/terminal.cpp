#include "terminal.hpp"

#include <unistd.h>

#include <cstdlib>

namespace rollgate::cli {

namespace {

struct StatusLook {
  std::string_view status;
  std::string_view sgr;     // ANSI Select Graphic Rendition parameters
  std::string_view symbol;  // one column in common terminal fonts
};

// Red for what stops a rollout, yellow for what time will settle, magenta
// for what nobody knows yet, green for what is through or may start.
constexpr StatusLook kLooks[] = {
    {"blocked", "1;31", "✗"},   {"fail", "1;31", "✗"},     {"error", "1;31", "✗"},
    {"missing", "1;31", "✗"},   {"unknown", "35", "?"},     {"soaking", "33", "◐"},
    {"waiting", "33", "…"},     {"frozen", "36", "❄"},      {"ready", "1;32", "●"},
    {"in_progress", "34", "▶"}, {"held", "33", "‖"},        {"done", "32", "✓"},
    {"pass", "32", "✓"},        {"cancelled", "2", "⊘"},
};

const StatusLook* look_of(std::string_view status) {
  for (const StatusLook& look : kLooks)
    if (look.status == status) return &look;
  return nullptr;
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

TerminalFacts stdout_terminal() {
  return TerminalFacts{::isatty(STDOUT_FILENO) == 1, environment("NO_COLOR"), environment("TERM")};
}

bool use_color(ColorMode mode, const TerminalFacts& facts) {
  switch (mode) {
    case ColorMode::Always: return true;
    case ColorMode::Never: return false;
    case ColorMode::Auto: break;
  }
  return facts.is_tty && facts.no_color.empty() && facts.term != "dumb";
}

std::string TextStyle::wrap(std::string_view sgr, std::string_view text) const {
  if (!color_ || sgr.empty()) return std::string(text);
  return "\x1b[" + std::string(sgr) + "m" + std::string(text) + "\x1b[0m";
}

std::string TextStyle::status(std::string_view status_name, std::string_view text) const {
  const StatusLook* look = look_of(status_name);
  return wrap(look ? look->sgr : "", text);
}

std::string TextStyle::symbol(std::string_view status_name) const {
  if (!color_) return {};
  const StatusLook* look = look_of(status_name);
  return look ? wrap(look->sgr, look->symbol) + " " : "• ";
}

std::string TextStyle::heading(std::string_view text) const { return wrap("1", text); }

std::string TextStyle::dim(std::string_view text) const { return wrap("2", text); }

}  // namespace rollgate::cli
