#include "cel/program.hpp"

#include "cel/checker.hpp"
#include "cel/compiler.hpp"
#include "cel/evaluator.hpp"
#include "cel/parser.hpp"
#include "cel/source.hpp"

namespace rollgate::cel {

namespace detail {

namespace {

class CompiledProgram final : public Program {
 public:
  CompiledProgram(Type result_type, Plan plan, size_t slot_count)
      : result_type_(std::move(result_type)), plan_(std::move(plan)),
        slot_count_(slot_count) {}

  const Type& result_type() const override { return result_type_; }
  const std::vector<int>& referenced_slots() const override {
    return plan_.referenced_slots;
  }

  Value evaluate(std::span<const Value> slots) const override {
    if (slots.size() < slot_count_)
      return Value::error("activation has " + std::to_string(slots.size()) +
                          " slots, the environment declares " +
                          std::to_string(slot_count_));
    Frame frame{slots, std::vector<Value>(plan_.local_count), 0};
    return plan_.root->eval(frame);
  }

 private:
  Type result_type_;
  Plan plan_;
  size_t slot_count_;
};

CompileIssue make_issue(std::string_view source, std::string message,
                        size_t offset) {
  const LineColumn at = locate(source, offset);
  return CompileIssue{std::move(message), offset, at.line, at.column};
}

}  // namespace

CompileResult compile_with(std::string_view source, const Environment& env,
                           const CompileOptions& options) {
  ParseOptions parse_options;
  parse_options.macros = options.macros;
  ParseResult parsed = parse(source, parse_options);
  CompileResult result;
  if (parsed.error) {
    result.issues.push_back(
        make_issue(source, parsed.error->message, parsed.error->offset));
    return result;
  }
  CheckOptions check_options;
  check_options.check_types = options.check_types;
  CheckResult checked = check(*parsed.expr, env, FunctionRegistry::standard(),
                              check_options);
  for (const CheckIssue& issue : checked.issues)
    result.issues.push_back(make_issue(source, issue.message, issue.offset));
  if (!result.issues.empty()) return result;
  result.program = std::make_shared<CompiledProgram>(
      checked.result_type, plan(*parsed.expr, checked), env.slot_count());
  return result;
}

}  // namespace detail

CompileResult compile(std::string_view source, const Environment& env) {
  return detail::compile_with(source, env, detail::CompileOptions{});
}

}  // namespace rollgate::cel
