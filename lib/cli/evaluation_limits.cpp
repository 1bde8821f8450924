#include "evaluation_limits.hpp"

#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "closest_name.hpp"

namespace rollgate::cli {

namespace {

using Field = std::uint64_t rollgate::SessionOptions::*;

// Every limit by its name in rollgate_session_options and docs/LIMITS.md.
const std::vector<std::pair<std::string, Field>>& limit_fields() {
  static const std::vector<std::pair<std::string, Field>> fields{
      {"max_cost", &rollgate::SessionOptions::max_cost},
      {"max_iterations", &rollgate::SessionOptions::max_iterations},
      {"max_string_bytes", &rollgate::SessionOptions::max_string_bytes},
      {"max_list_size", &rollgate::SessionOptions::max_list_size},
      {"max_bytes", &rollgate::SessionOptions::max_bytes},
      {"max_total_cost", &rollgate::SessionOptions::max_total_cost},
      {"max_total_bytes", &rollgate::SessionOptions::max_total_bytes},
  };
  return fields;
}

Field field_named(const std::string& name, const std::string& setting) {
  std::vector<std::string> names;
  for (const auto& [known, field] : limit_fields()) {
    if (known == name) return field;
    names.push_back(known);
  }
  std::string message = "--limit " + setting + ": no limit is named '" + name + "'";
  if (std::optional<std::string> close = closest_name(name, names)) message += " (did you mean '" + *close + "'?)";
  throw std::runtime_error(message);
}

std::uint64_t whole_number(const std::string& text, const std::string& setting) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0)
    throw std::runtime_error("--limit " + setting + ": '" + text + "' is not a whole number from 1 to 2^64-1");
  return value;
}

}  // namespace

void apply_limits(rollgate::Session& session, const std::vector<std::string>& settings) {
  if (settings.empty()) return;
  rollgate::SessionOptions options;  // 0: the default
  for (const std::string& setting : settings) {
    const std::size_t equals = setting.find('=');
    if (equals == std::string::npos) throw std::runtime_error("--limit " + setting + ": write NAME=N, e.g. max_cost=1000000");
    options.*field_named(setting.substr(0, equals), setting) = whole_number(setting.substr(equals + 1), setting);
  }
  session.set_options(options);
}

}  // namespace rollgate::cli
