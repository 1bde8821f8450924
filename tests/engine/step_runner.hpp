// Runs a sequence of evaluations of one plan through one session state, as
// a long-lived process would (the "live" track), and again saving the state
// to JSON and loading it back before every step, as the command line's
// --state FILE does (the "restored" track).  Every report of the two tracks
// must be byte-identical: saving state loses nothing (DESIGN rule 15).
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>

#include "cel/common/time.hpp"
#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"
#include "report_checks.hpp"
#include "state/state_json.hpp"

namespace rollgate::testing {

// A failed precondition ends this step only.
#define CHECK_OR_FALSE(cond)   \
  do {                         \
    CHECK(cond);               \
    if (!(cond)) return false; \
  } while (0)

struct Step {
  std::optional<std::string> plan;     // plan text: replaces the plan from here on
  std::optional<std::string> inputs;   // facts document: replaces the inputs
  std::optional<std::string> what_if;  // a patch: evaluate what-if, keep state
  std::optional<std::string> state;    // state text to restore before evaluating
  std::string now;
};

class StepRunner {
 public:
  // Runs one step and checks `expect` against its JSON report.  Returns
  // false when the step could not run (the failure is already recorded).
  bool run(const Step& step, const json::object& expect) {
    if (step.plan && !compile(*step.plan)) return false;
    CHECK_OR_FALSE(plan_);
    if (step.inputs && !load_inputs(*step.inputs, expect)) return false;
    if (!inputs_) inputs_ = std::make_shared<const engine::Inputs>(empty_inputs());
    if (step.state && !restore(*step.state, expect)) return false;
    std::optional<cel::Timestamp> now = cel::parse_timestamp(step.now);
    CHECK_OR_FALSE(now);
    if (auto* error = expect.if_contains("state_error")) return expect_late_state(*now, *error);
    std::shared_ptr<const engine::Inputs> patched;
    if (step.what_if && !(patched = load_patch(*step.what_if, expect))) return false;
    std::string live = evaluate(*now, patched, live_state_);
    std::shared_ptr<const state::State> reloaded = reload();
    std::string restored = evaluate(*now, patched, reloaded);
    if (!patched) restored_json_ = state::to_json(*reloaded_next_, *plan_);
    CHECK_MESSAGE(live == restored, "saving and restoring the state changed the report");
    INFO(live);
    json::value report = json::parse(live);
    check_report(report.as_object(), expect);
    if (auto* exit = expect.if_contains("exit"))
      CHECK((report.at("target").at("met").as_bool() ? 0 : 1) == exit->to_number<int>());
    return true;
  }

 private:
  engine::Inputs empty_inputs() const {
    engine::Inputs inputs;
    inputs.facts.resize(plan_->facts.size());
    inputs.progress.resize(plan_->stages.size());
    return inputs;
  }

  bool compile(const std::string& text) {
    auto loaded = plan::load_plan(text, "plan.json");
    INFO(rollgate::to_string(loaded.errors));
    CHECK_OR_FALSE(loaded.plan);
    plan_ = loaded.plan;
    inputs_.reset();
    return true;
  }

  bool load_inputs(const std::string& text, const json::object& expect) {
    auto loaded = engine::load_inputs(*plan_, text, "facts.json");
    if (auto* error = expect.if_contains("input_error")) {
      CHECK(!loaded.inputs);
      std::string all = rollgate::to_string(loaded.errors);
      INFO(all);
      CHECK(contains(all, error->as_string()));
      return false;
    }
    INFO(rollgate::to_string(loaded.errors));
    CHECK_OR_FALSE(loaded.inputs);
    inputs_ = std::make_shared<const engine::Inputs>(std::move(*loaded.inputs));
    return true;
  }

  std::shared_ptr<const engine::Inputs> load_patch(const std::string& text, const json::object& expect) {
    auto loaded = engine::load_patch(*plan_, *inputs_, text, "patch.json");
    if (auto* error = expect.if_contains("patch_error")) {
      CHECK(!loaded.inputs);
      std::string all = rollgate::to_string(loaded.errors);
      INFO(all);
      CHECK(contains(all, error->as_string()));
      return nullptr;
    }
    INFO(rollgate::to_string(loaded.errors));
    CHECK(loaded.inputs);  // an unexpected patch error fails the step
    if (!loaded.inputs) return nullptr;
    return std::make_shared<const engine::Inputs>(std::move(*loaded.inputs));
  }

  // Bad state is an error naming the file and field, and the state the
  // session had stays (rule 15).
  bool restore(const std::string& text, const json::object& expect) {
    auto loaded = state::load_state(*plan_, text, "state.json");
    if (auto* error = expect.if_contains("state_error"); error && !loaded.state) {
      std::string all = rollgate::to_string(loaded.errors);
      INFO(all);
      CHECK(contains(all, error->as_string()));
      CHECK(contains(all, "state.json"));
      return false;
    }
    INFO(rollgate::to_string(loaded.errors));
    CHECK_OR_FALSE(loaded.state);
    live_state_ = std::make_shared<const state::State>(std::move(*loaded.state));
    restored_json_ = text;
    return true;
  }

  bool expect_late_state(cel::Timestamp now, const json::value& error) {
    CHECK_OR_FALSE(live_state_);
    std::optional<Diagnostic> late = state::check_not_after(*live_state_, now);
    CHECK_OR_FALSE(late);
    INFO(late->to_string());
    CHECK(contains(late->to_string(), error.as_string()));
    CHECK(late->pointer == "/evaluated_at");
    return false;
  }

  // The restored track's state as the next process reads it back.
  std::shared_ptr<const state::State> reload() {
    if (restored_json_.empty()) return nullptr;
    auto loaded = state::load_state(*plan_, restored_json_, "state.json");
    INFO(rollgate::to_string(loaded.errors));
    REQUIRE(loaded.state);
    return std::make_shared<const state::State>(std::move(*loaded.state));
  }

  // Evaluates, what-if or not, from `previous`; a plain evaluation's state
  // is kept in reloaded_next_ for the caller's track.
  std::string evaluate(cel::Timestamp now, const std::shared_ptr<const engine::Inputs>& patched,
                       std::shared_ptr<const state::State>& previous) {
    engine::Evaluation e = patched ? engine::evaluate_what_if(plan_, inputs_, patched, now, previous)
                                   : engine::evaluate(plan_, inputs_, now, previous);
    if (!patched) {
      previous = e.state;
      reloaded_next_ = e.state;
    }
    return report::to_json(e);
  }

#undef CHECK_OR_FALSE

  std::shared_ptr<const plan::Plan> plan_;
  std::shared_ptr<const engine::Inputs> inputs_;
  std::shared_ptr<const state::State> live_state_;
  std::string restored_json_;  // the restored track's state, as saved
  std::shared_ptr<const state::State> reloaded_next_;
};

}  // namespace rollgate::testing
