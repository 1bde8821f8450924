// `rollgate expr 'EXPR' [--plan PLAN] [--facts F] [--now T]`: one CEL
// expression evaluated against the plan's declared facts and the given
// facts, as a gate would be; its value in CEL's notation and its type.
#include <boost/json.hpp>

#include <iostream>
#include <stdexcept>

#include "commands.hpp"
#include "evaluation_limits.hpp"
#include "evidence_text.hpp"
#include "exit_codes.hpp"
#include "json_fields.hpp"
#include "read_file.hpp"
#include "session_loader.hpp"
#include "source_excerpt.hpp"

namespace rollgate::cli {

namespace {

// Without --plan the expression sees no facts; a plan needs one stage.
constexpr std::string_view kNoPlan = R"({"rollgate": 1, "name": "expr", "stages": [{"id": "expr"}]})";

// A compile error, located in the expression with a caret under it, as
// `rollgate check` shows problems in a plan.
int report_compile_error(const rollgate::Error& error, std::string_view expression) {
  const SourceText source(expression);
  for (const rollgate::Problem& p : error.problems()) {
    std::cerr << "expr:" << p.line << ':' << p.column << ": error: " << p.message << '\n'
              << source.excerpt(p.line, p.column);
  }
  return kExitBadInput;
}

void print_text(const boost::json::object& result, rollgate::Timestamp now) {
  const std::string outcome = text_of(result, "outcome");
  if (outcome == "unknown" || outcome == "error") std::cout << outcome << ": " << text_of(result, "message") << '\n';
  else std::cout << text_of(result, "cel") << '\n';
  std::cout << "  type: " << text_of(result, "type");
  const std::string runtime = text_of(result, "value_type");
  if (text_of(result, "type") == "dyn" && !runtime.empty()) std::cout << " (" << runtime << " at run time)";
  std::cout << '\n';
  for (const boost::json::value& v : result.at("facts").as_array()) {
    const boost::json::object& fact = v.as_object();
    const std::string about = observation_text(fact, now);
    std::cout << "  reads " << fact_value_text(fact) << '\n';
    if (!about.empty()) std::cout << "        " << about << '\n';
  }
}

}  // namespace

int run_expr(const ExprOptions& options) {
  if (options.facts_path && !options.plan_path)
    throw std::runtime_error("--facts needs --plan: facts take their types from the plan's declarations");
  const CommandLimits limits = read_limits(options.limits);
  rollgate::Plan plan = options.plan_path ? compile_plan(read_file(*options.plan_path), *options.plan_path, limits)
                                          : rollgate::Plan::compile(kNoPlan, "(no plan)");
  rollgate::Session session(plan);
  apply_limits(session, limits);
  if (options.facts_path) session.set_inputs(read_file(*options.facts_path), *options.facts_path);
  const rollgate::Timestamp now = evaluation_instant(options.now);
  std::string json;
  try {
    json = session.evaluate_expr(options.expression, now);
  } catch (const rollgate::Error& error) {
    if (error.code() != ROLLGATE_EINPUT) throw;
    return report_compile_error(error, options.expression);
  }
  const boost::json::object result = boost::json::parse(json).as_object();
  if (options.format == "json") std::cout << json << '\n';
  else print_text(result, now);
  // As a gate: 0 when it holds (or yields a value that is not a bool), 1
  // when it is false, unknown or an error, so that a pipeline can test one
  // condition with the plan's facts.
  const std::string outcome = text_of(result, "outcome");
  return outcome == "true" || outcome == "value" ? kExitOk : kExitNotReady;
}

}  // namespace rollgate::cli
