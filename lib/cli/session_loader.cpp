#include "session_loader.hpp"

#include <chrono>
#include <filesystem>

#include "evaluation_limits.hpp"
#include "read_file.hpp"

namespace rollgate::cli {

rollgate::Timestamp evaluation_instant(const std::optional<std::string>& now) {
  if (now) {
    auto [seconds, nanos] = rollgate::parse_timestamp(*now);
    return {seconds, nanos};
  }
  using namespace std::chrono;
  const auto since_epoch = system_clock::now().time_since_epoch();
  const auto secs = floor<seconds>(since_epoch);
  return {secs.count(), std::int32_t(duration_cast<nanoseconds>(since_epoch - secs).count())};
}

LoadedSession load_session(const EvaluationInputs& inputs) {
  const CommandLimits limits = read_limits(inputs.limits);
  rollgate::Plan plan = compile_plan(read_file(inputs.plan_path), inputs.plan_path, limits);
  rollgate::Session session(plan);
  apply_limits(session, limits);
  if (inputs.facts_path) session.set_inputs(read_file(*inputs.facts_path), *inputs.facts_path);
  // Progress and approvals kept apart from facts: merged over them, as a
  // what-if patch would be but kept.
  if (inputs.progress_path) session.update_inputs(read_file(*inputs.progress_path), *inputs.progress_path);
  // A state file that does not exist yet means a first evaluation; one that
  // exists but cannot be used is bad input, and is left as it is.
  if (inputs.state_path && std::filesystem::exists(*inputs.state_path))
    session.set_state(read_file(*inputs.state_path), *inputs.state_path);
  return LoadedSession{std::move(plan), std::move(session), evaluation_instant(inputs.now)};
}

}  // namespace rollgate::cli
