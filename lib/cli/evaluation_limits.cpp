#include "evaluation_limits.hpp"

#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "closest_name.hpp"

namespace rollgate::cli {

namespace {

using PlanField = std::uint64_t rollgate::PlanOptions::*;
using SessionField = std::uint64_t rollgate::SessionOptions::*;

// A limit by its name in rollgate_plan_options, rollgate_session_options
// and docs/LIMITS.md, and the fields it sets (one or both).
struct NamedLimit {
  std::string name;
  PlanField plan = nullptr;
  SessionField session = nullptr;
};

const std::vector<NamedLimit>& named_limits() {
  using P = rollgate::PlanOptions;
  using S = rollgate::SessionOptions;
  static const std::vector<NamedLimit> limits{
      {"max_cost", nullptr, &S::max_cost},
      {"max_iterations", nullptr, &S::max_iterations},
      {"max_string_bytes", nullptr, &S::max_string_bytes},
      {"max_list_size", nullptr, &S::max_list_size},
      {"max_bytes", nullptr, &S::max_bytes},
      {"max_total_cost", nullptr, &S::max_total_cost},
      {"max_total_bytes", nullptr, &S::max_total_bytes},
      {"max_document_bytes", &P::max_document_bytes, &S::max_document_bytes},
      {"max_json_depth", &P::max_json_depth, &S::max_json_depth},
      {"max_state_bytes", nullptr, &S::max_state_bytes},
      {"max_stages", &P::max_stages, nullptr},
      {"max_gates", &P::max_gates, nullptr},
      {"max_facts", &P::max_facts, nullptr},
      {"max_matrix_expansions", &P::max_matrix_expansions, nullptr},
      {"max_matrix_text_bytes", &P::max_matrix_text_bytes, nullptr},
      {"max_id_bytes", &P::max_id_bytes, nullptr},
      {"max_title_bytes", &P::max_title_bytes, nullptr},
      {"max_expression_bytes", &P::max_expression_bytes, nullptr},
  };
  return limits;
}

const NamedLimit& limit_named(const std::string& name, const std::string& setting) {
  std::vector<std::string> names;
  for (const NamedLimit& limit : named_limits()) {
    if (limit.name == name) return limit;
    names.push_back(limit.name);
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

CommandLimits read_limits(const std::vector<std::string>& settings) {
  CommandLimits limits;  // 0: the default
  for (const std::string& setting : settings) {
    const std::size_t equals = setting.find('=');
    if (equals == std::string::npos) throw std::runtime_error("--limit " + setting + ": write NAME=N, e.g. max_cost=1000000");
    const NamedLimit& limit = limit_named(setting.substr(0, equals), setting);
    const std::uint64_t value = whole_number(setting.substr(equals + 1), setting);
    if (limit.plan) limits.plan.*limit.plan = value;
    if (limit.session) limits.session.*limit.session = value;
    limits.any = true;
  }
  return limits;
}

rollgate::Plan compile_plan(const std::string& text, std::string_view path, const CommandLimits& limits) {
  return rollgate::Plan::compile(text, path, limits.plan);
}

void apply_limits(rollgate::Session& session, const CommandLimits& limits) {
  if (limits.any) session.set_options(limits.session);
}

std::string limit_names(std::size_t width) {
  std::string out;
  std::size_t line_start = 0;
  for (const NamedLimit& limit : named_limits()) {
    if (!out.empty()) out += ',';
    if (!out.empty() && out.size() - line_start + 1 + limit.name.size() + 1 > width) {
      out += '\n';
      line_start = out.size();
    } else if (!out.empty()) {
      out += ' ';
    }
    out += limit.name;
  }
  return out;
}

}  // namespace rollgate::cli
