// The steps of the C ABI that the sweep runs (alloc_failure_sweep.cpp):
// on an example plan with its facts, and the failing compile of a bad plan.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rollgate.h"
#include "sweep.hpp"

namespace alloc_failure {

// An example plan with its facts, and the handles its steps share (made
// without failures, before the sweep).
struct Example {
  std::string name;
  std::string plan_text, loosened_text, facts_text;
  std::int64_t now = 0;
  rollgate_plan* plan = nullptr;
  rollgate_plan* loosened = nullptr;
  rollgate_session* evaluated = nullptr;  // with facts, evaluated once
  rollgate_report* report = nullptr;      // that evaluation's report
  std::string state_text;                 // its state, saved
  std::string empty_inputs;               // a new session's inputs document
  std::string first_gate_expr;
  std::string first_stage;
};

// Compiles the plan and its loosened copy, evaluates the facts once and
// saves that state: the handles and texts the steps share.  Exits the
// program when the example does not load.
void open_example(Example& e);
void close_example(Example& e);

// Every step on the example: compile, sessions and inputs, evaluation,
// reports, state, diff, what-if, report readers, lookups, expressions.
// `reference_json` is the report of a first evaluation of the facts;
std::vector<Step> example_steps(const Example& e, const std::string& reference_json);

// rollgate_plan_compile of `text`, which gives `expected` without failures;
// the output is the plan's digest, or its error read whole through the
// error object readers.
Step compile_step(const std::string& label, const std::string& text, rollgate_status expected);

// The plan with its first threshold ">= D..." lowered by one in its first
// digit: a loosened gate for the diff to find.
std::string loosen_one_threshold(std::string text);

rollgate_plan* compile_or_die(const std::string& text);

// A new session of the example's plan with its facts.
rollgate_session* session_with_facts(const Example& e);

}  // namespace alloc_failure
