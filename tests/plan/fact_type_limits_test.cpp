// A declared fact type past the type reader's limits is a plan error of
// kind "limit" at the fact's type, never a deep recursion (issue 10).
#include <doctest/doctest.h>

#include <string>

#include "cel/common/type.hpp"
#include "plan_test_support.hpp"

using rollgate::Diagnostic;
using rollgate::testing::plan_errors;
using rollgate::testing::valid_plan;

namespace {

std::string plan_with_fact_type(const std::string& type) {
  return R"({"rollgate": 1, "facts": {"deep": {"type": ")" + type +
         R"("}}, "stages": [{"id": "s"}]})";
}

std::string nested_lists(size_t depth) {
  std::string type;
  for (size_t i = 0; i < depth; ++i) type += "list(";
  return type + "int" + std::string(depth, ')');
}

}  // namespace

TEST_CASE("a fact type nested past the limit is a limit error at the fact's type") {
  const std::vector<Diagnostic> errors =
      plan_errors(plan_with_fact_type(nested_lists(rollgate::cel::kMaxTypeNesting + 1)));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].kind == "limit");
  CHECK(errors[0].pointer == "/facts/deep/type");
  CHECK(errors[0].subject_kind == "fact");
  CHECK(errors[0].subject == "deep");
  CHECK(errors[0].line == 1);
  CHECK(errors[0].column == 44);  // the type's opening quote
  CHECK(errors[0].message.find("type nested more than 32 levels deep (at byte 160)") !=
        std::string::npos);
  valid_plan(plan_with_fact_type(nested_lists(rollgate::cel::kMaxTypeNesting)));
}

TEST_CASE("a fact type of 50,000 levels is refused by its length before it is read") {
  const std::vector<Diagnostic> errors = plan_errors(plan_with_fact_type(nested_lists(50000)));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].kind == "limit");
  CHECK(errors[0].pointer == "/facts/deep/type");
  CHECK(errors[0].message.find("type of 300003 bytes, longer than the limit of 1024") !=
        std::string::npos);
}
