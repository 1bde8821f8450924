// Mangled inputs never crash, hang or throw: each either loads and then
// evaluates and renders, or is rejected with located errors.  The mutations
// come from a fixed seed, so a failure reproduces; run under the asan
// preset this also checks memory safety.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "engine/evaluation.hpp"
#include "read_file.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace {

// One random edit: drop, insert, repeat or cut a piece of the text, or
// swap in a character that matters to JSON or CEL.
std::string mutate(std::string text, std::mt19937& rng) {
  static const std::string kSignificant = "{}[]:,\"\\0123456789.-+eE ntfu$&|!=<>()'";
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : size_t(rng() % n); };
  size_t at = pick(text.size());
  switch (rng() % 5) {
    case 0: text.erase(at, 1 + pick(8)); break;
    case 1: text.insert(at, 1, kSignificant[pick(kSignificant.size())]); break;
    case 2: text.insert(at, text.substr(pick(text.size()), 1 + pick(40))); break;
    case 3: text.resize(at); break;
    default:
      if (!text.empty()) text[at] = kSignificant[pick(kSignificant.size())];
  }
  return text;
}

void check_located(const std::vector<rollgate::Diagnostic>& errors, const std::string& text) {
  for (const rollgate::Diagnostic& d : errors) {
    INFO(d.to_string() << "\n--- input ---\n" << text);
    CHECK_FALSE(d.message.empty());
    CHECK_FALSE(d.kind.empty());  // every problem says what kind it is (docs/ERRORS.md)
    CHECK(d.line > 0);
    CHECK(d.column > 0);
  }
}

}  // namespace

TEST_CASE("mangled plans load or are rejected with located errors, never crash") {
  const std::string original = rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/plan.json");
  const std::string facts = rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/facts.json");
  REQUIRE_FALSE(original.empty());
  std::mt19937 rng(20261123);
  int loaded = 0, rejected = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string text = original;
    for (int edits = 1 + int(rng() % 3); edits > 0; --edits) text = mutate(text, rng);
    auto result = rollgate::plan::load_plan(text, "plan.json");
    if (!result.plan) {
      ++rejected;
      CHECK_FALSE(result.errors.empty());
      check_located(result.errors, text);
      continue;
    }
    ++loaded;
    auto inputs = rollgate::engine::load_inputs(*result.plan, facts, "facts.json");
    if (!inputs.inputs) continue;  // the mutation renamed something the facts use
    auto e = rollgate::engine::evaluate(result.plan,
                                        std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs),
                                        rollgate::cel::Timestamp{1795424400, 0});
    CHECK_FALSE(rollgate::report::to_json(e).empty());
    CHECK_FALSE(rollgate::report::to_text(e).empty());
  }
  MESSAGE("plans loaded: " << loaded << ", rejected: " << rejected);
  CHECK(loaded > 0);
  CHECK(rejected > 0);
}

TEST_CASE("mangled facts documents are used or rejected with located errors") {
  auto plan = rollgate::plan::load_plan(rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/plan.json"), "plan.json").plan;
  REQUIRE(plan);
  const std::string original = rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/facts.json");
  std::mt19937 rng(42);
  int used = 0, rejected = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string text = original;
    for (int edits = 1 + int(rng() % 3); edits > 0; --edits) text = mutate(text, rng);
    auto inputs = rollgate::engine::load_inputs(*plan, text, "facts.json");
    if (!inputs.inputs) {
      ++rejected;
      check_located(inputs.errors, text);
      continue;
    }
    ++used;
    auto e = rollgate::engine::evaluate(plan, std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs),
                                        rollgate::cel::Timestamp{1795424400, 0});
    CHECK_FALSE(rollgate::report::to_json(e).empty());
  }
  MESSAGE("facts used: " << used << ", rejected: " << rejected);
  CHECK(used > 0);
  CHECK(rejected > 0);
}

TEST_CASE("mangled gate expressions compile and evaluate or are located inside expr") {
  // The bookme plan with each gate's expr replaced by a mangled version.
  boost::json::value plan_json = boost::json::parse(rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/plan.json"));
  const std::string facts = rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/facts.json");
  std::vector<std::string> expressions;
  for (const auto& stage : plan_json.at("stages").as_array())
    if (const auto* gates = stage.as_object().if_contains("gates"))
      for (const auto& gate : gates->as_array()) expressions.emplace_back(gate.at("expr").as_string());
  std::mt19937 rng(7);
  int compiled = 0, rejected = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string expr = expressions[rng() % expressions.size()];
    for (int edits = 1 + int(rng() % 4); edits > 0; --edits) expr = mutate(expr, rng);
    boost::json::value mangled = plan_json;
    mangled.at("stages").at(0).at("gates").at(0).as_object()["expr"] = expr;
    std::string text = boost::json::serialize(mangled);
    auto result = rollgate::plan::load_plan(text, "plan.json");
    if (!result.plan) {
      ++rejected;
      check_located(result.errors, expr);
      for (const auto& d : result.errors) CHECK(d.pointer == "/stages/0/gates/0/expr");
      continue;
    }
    ++compiled;
    auto inputs = rollgate::engine::load_inputs(*result.plan, facts, "facts.json");
    REQUIRE(inputs.inputs);
    auto e = rollgate::engine::evaluate(result.plan,
                                        std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs),
                                        rollgate::cel::Timestamp{1795424400, 0});
    CHECK_FALSE(rollgate::report::to_json(e).empty());
  }
  MESSAGE("expressions compiled: " << compiled << ", rejected: " << rejected);
  CHECK(compiled > 0);
  CHECK(rejected > 0);
}
