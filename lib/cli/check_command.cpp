// `rollgate check PLAN... [--format text|json]`: compiles each plan and
// shows every problem as a compiler would, with its source line and a
// caret; or, for editors, everything as one JSON object.
#include <rollgate/rollgate.hpp>

#include <boost/json.hpp>

#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "commands.hpp"
#include "evaluation_limits.hpp"
#include "exit_codes.hpp"
#include "read_file.hpp"
#include "source_excerpt.hpp"

namespace rollgate::cli {

namespace {

struct PlanSize {
  std::size_t stages = 0;  // after matrix expansion
  std::size_t gates = 0;
  std::size_t facts = 0;
};

// One plan's verdict: its size when valid, else its problems.
struct PlanCheck {
  std::string path;
  std::string text;  // the file as read, for the source lines of problems
  std::optional<PlanSize> size;
  std::vector<rollgate::Problem> problems;
};

PlanSize size_of(const rollgate::Plan& plan) {
  PlanSize size;
  size.stages = plan.stage_count();
  for (std::size_t i = 0; i < size.stages; ++i) size.gates += plan.stage(i).gate_count;
  size.facts = plan.facts().size();
  return size;
}

// A file that cannot be read is one more problem of that plan, so that
// the other plans are still checked.
rollgate::Problem unreadable(const std::string& path, const std::runtime_error& error) {
  rollgate::Problem problem;
  problem.kind = "unreadable-file";
  problem.file = path;
  problem.message = error.what();  // "PATH: cannot open the file", from read_file
  return problem;
}

PlanCheck check_plan(const std::string& path, const CommandLimits& limits) {
  PlanCheck check{path, "", std::nullopt, {}};
  try {
    check.text = read_file(path);
  } catch (const std::runtime_error& error) {
    check.problems.push_back(unreadable(path, error));
    return check;
  }
  try {
    check.size = size_of(compile_plan(check.text, path, limits));
  } catch (const rollgate::Error& error) {
    if (error.code() != ROLLGATE_EJSON && error.code() != ROLLGATE_EPLAN) throw;  // not the plan's fault
    check.problems = error.problems();
  }
  return check;
}

std::string counted(std::size_t n, std::string_view thing) {
  return std::to_string(n) + " " + std::string(thing) + (n == 1 ? "" : "s");
}

// "plans/x.json:6:46: /stages/0/gates/0/expr: error: message", the parts
// a problem does not have left out.
std::string problem_line(const rollgate::Problem& problem, const std::string& path) {
  if (problem.kind == "unreadable-file") return problem.message;
  std::ostringstream line;
  line << (problem.file.empty() ? path : problem.file);
  if (problem.line > 0) line << ':' << problem.line << ':' << problem.column;
  if (!problem.pointer.empty()) line << ": " << problem.pointer;
  line << ": error: " << problem.message;
  return line.str();
}

void print_text(const PlanCheck& check) {
  if (check.size) {
    std::cout << check.path << ": ok (" << counted(check.size->stages, "stage") << ", "
              << counted(check.size->gates, "gate") << ", " << counted(check.size->facts, "fact") << ")\n";
    // Now, before a later plan's problems reach the unbuffered stderr.
    std::cout.flush();
    return;
  }
  const SourceText source(check.text);  // line starts indexed once per file
  for (const rollgate::Problem& problem : check.problems) {
    std::cerr << problem_line(problem, check.path) << '\n';
    if (problem.file == check.path) std::cerr << source.excerpt(problem.line, problem.column);
  }
}

std::string_view subject_kind_name(rollgate::SubjectKind kind) {
  switch (kind) {
    case rollgate::SubjectKind::Stage: return "stage";
    case rollgate::SubjectKind::Gate: return "gate";
    case rollgate::SubjectKind::Fact: return "fact";
    case rollgate::SubjectKind::None: break;
  }
  return "";
}

boost::json::object problem_json(const rollgate::Problem& problem) {
  return {{"file", problem.file},       {"line", problem.line},
          {"column", problem.column},   {"pointer", problem.pointer},
          {"message", problem.message}, {"suggestion", problem.suggestion},
          {"kind", problem.kind},       {"subject", problem.subject},
          {"subject_kind", subject_kind_name(problem.subject_kind)}};
}

boost::json::object plan_json(const PlanCheck& check) {
  // An invalid plan has no size: its counts are null.
  boost::json::object plan{{"path", check.path}, {"valid", check.size.has_value()},
                           {"stages", nullptr},  {"gates", nullptr},
                           {"facts", nullptr}};
  if (check.size) {
    plan["stages"] = check.size->stages;
    plan["gates"] = check.size->gates;
    plan["facts"] = check.size->facts;
  }
  boost::json::array problems;
  problems.reserve(check.problems.size());
  for (const rollgate::Problem& problem : check.problems) problems.push_back(problem_json(problem));
  plan["problems"] = std::move(problems);
  return plan;
}

}  // namespace

int run_check(const CheckOptions& options) {
  const bool json = options.format == "json";
  boost::json::array plans;
  bool all_valid = true;
  const CommandLimits limits = read_limits(options.limits);
  // Every plan is checked, also after one fails; each file is let go once
  // it has been reported.
  for (const std::string& path : options.plan_paths) {
    const PlanCheck check = check_plan(path, limits);
    all_valid = all_valid && check.size.has_value();
    if (json)
      plans.push_back(plan_json(check));
    else
      print_text(check);
  }
  if (json) std::cout << boost::json::serialize(boost::json::object{{"plans", std::move(plans)}}) << '\n';
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write to standard output");
  return all_valid ? kExitOk : kExitBadInput;
}

}  // namespace rollgate::cli
