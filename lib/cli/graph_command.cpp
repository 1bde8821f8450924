// `rollgate graph`: the stage graph as DOT, SVG or Mermaid.  With facts,
// progress or state the plan is evaluated at --now and the stages coloured
// by status; without them only the plan is compiled.  Nothing is saved.
#include <iostream>
#include <stdexcept>

#include "commands.hpp"
#include "evaluation_limits.hpp"
#include "exit_codes.hpp"
#include "picture.hpp"
#include "read_file.hpp"
#include "session_loader.hpp"

namespace rollgate::cli {

namespace {

bool has_inputs(const EvaluationInputs& inputs) {
  return inputs.facts_path || inputs.progress_path || inputs.state_path;
}

std::string picture(const GraphOptions& options) {
  if (!has_inputs(options.inputs)) {
    const rollgate::Plan plan = compile_plan(read_file(options.inputs.plan_path), options.inputs.plan_path,
                                             read_limits(options.inputs.limits));
    return render_picture(options.format, build_stage_graph(plan, nullptr, std::nullopt));
  }
  LoadedSession loaded = load_session(options.inputs);
  const rollgate::Report report = loaded.session.evaluate(loaded.now.seconds, loaded.now.nanos);
  return render_picture(options.format, build_stage_graph(loaded.plan, &report, loaded.now));
}

}  // namespace

int run_graph(const GraphOptions& options) {
  std::cout << picture(options);
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write the graph to standard output");
  return kExitOk;
}

}  // namespace rollgate::cli
