// rollgate::PlanOptions with Plan::compile, and SessionOptions' document
// limits (the C++ API over rollgate_plan_options and version 3 of
// rollgate_session_options): a plan or document past a limit throws Error
// with one problem of kind "limit", located, naming the limit.
#include <doctest/doctest.h>

#include <string>

#include <rollgate/rollgate.hpp>

namespace {

const char* kPlan = R"json({"rollgate": 1, "name": "api",
  "facts": {"n": {"type": "int"}},
  "stages": [{"id": "a", "title": "Canary", "gates": [{"id": "g", "expr": "n > 1"}]}]})json";

// The error compiling kPlan within `options` throws (none: a failed check).
rollgate::Error compile_error(const rollgate::PlanOptions& options) {
  try {
    rollgate::Plan::compile(kPlan, "plan.json", options);
  } catch (const rollgate::Error& error) {
    return error;
  }
  FAIL("the plan compiled");
  throw;
}

}  // namespace

TEST_CASE("PlanOptions::defaults gives the default plan limits as numbers") {
  const rollgate::PlanOptions d = rollgate::PlanOptions::defaults();
  CHECK(d.max_document_bytes == 64u << 20);
  CHECK(d.max_json_depth == 64u);
  CHECK(d.max_stages == 1'000'000u);
  CHECK(d.max_gates == 10'000'000u);
  CHECK(d.max_facts == 1'000'000u);
  CHECK(d.max_matrix_expansions == 100'000u);
  CHECK(d.max_matrix_text_bytes == 64u << 20);
  CHECK(d.max_id_bytes == 1024u);
  CHECK(d.max_title_bytes == 4096u);
  CHECK(d.max_expression_bytes == 64u << 10);
  CHECK(rollgate::Plan::compile(kPlan, "plan.json", d).stage_count() == 1);
  CHECK(rollgate::Plan::compile(kPlan, "plan.json", rollgate::PlanOptions{}).stage_count() == 1);
}

TEST_CASE("Plan::compile with PlanOptions refuses a plan past a limit at the place it goes past") {
  rollgate::PlanOptions options;
  options.max_title_bytes = 5;
  const rollgate::Error error = compile_error(options);
  CHECK(error.code() == ROLLGATE_EPLAN);
  REQUIRE(error.problems().size() == 1);
  const rollgate::Problem& p = error.problems()[0];
  CHECK(p.kind == "limit");
  CHECK(p.pointer == "/stages/0/title");
  CHECK(p.line == 3);
  CHECK(p.message == "a title of 6 bytes, longer than the limit of 5 (max_title_bytes)");

  options = {};
  options.max_document_bytes = 64;
  CHECK(compile_error(options).code() == ROLLGATE_EJSON);
  options = {};
  options.max_json_depth = 5000;
  CHECK(compile_error(options).code() == ROLLGATE_EINVAL);
}

TEST_CASE("SessionOptions' document limits bound the facts a session reads next") {
  const rollgate::Plan plan = rollgate::Plan::compile(kPlan, "plan.json");
  rollgate::Session session(plan);
  CHECK(rollgate::SessionOptions::defaults().max_document_bytes == 64u << 20);
  CHECK(rollgate::SessionOptions::defaults().max_state_bytes == 1u << 30);
  CHECK(rollgate::SessionOptions::defaults().max_json_depth == 64u);
  rollgate::SessionOptions options;
  options.max_document_bytes = 8;
  session.set_options(options);
  try {
    session.set_inputs(R"({"facts": {"n": 5}})", "facts.json");
    FAIL("the facts were read");
  } catch (const rollgate::Error& error) {
    CHECK(error.code() == ROLLGATE_EJSON);
    REQUIRE(error.problems().size() == 1);
    CHECK(error.problems()[0].kind == "limit");
    CHECK(error.problems()[0].message == "the document is 19 bytes long, more than the limit of 8 (max_document_bytes)");
  }
  session.set_options(rollgate::SessionOptions{});
  CHECK_NOTHROW(session.set_inputs(R"({"facts": {"n": 5}})", "facts.json"));
}
