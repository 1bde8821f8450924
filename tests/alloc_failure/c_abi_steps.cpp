#include "c_abi_steps.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

namespace alloc_failure {

namespace {

// Takes a buffer the library returned (NULL allowed) and frees it.
std::string take_buffer(char* buffer, size_t length) {
  std::string text = buffer ? std::string(buffer, length) : std::string();
  rollgate_free(buffer);
  return text;
}

// Every field of every problem of an error, for comparing errors whole.
std::string error_text(const rollgate_error* err) {
  std::string text = std::to_string(int(rollgate_error_code(err))) + "\n" + rollgate_error_message(err);
  for (size_t i = 0; i < rollgate_error_count(err); ++i) {
    rollgate_problem p = ROLLGATE_PROBLEM_INIT;
    if (rollgate_error_problem(&p, err, i, nullptr) != ROLLGATE_OK) return text + "\n<unreadable problem>";
    text += std::string("\n") + p.kind + "|" + p.message + "|" + p.suggestion + "|" + p.file + "|" + p.pointer +
            "|" + p.subject + "|" + std::to_string(p.line) + ":" + std::to_string(p.column);
  }
  return text;
}

// The error a call left: none, or one of ROLLGATE_ENOMEM's, is fine after
// a failing run; "" when so, else what is wrong.  Frees it.
std::string check_error(rollgate_status status, rollgate_error*& err) {
  std::string problem;
  if (status == ROLLGATE_ENOMEM && err && rollgate_error_code(err) != ROLLGATE_ENOMEM)
    problem = "ROLLGATE_ENOMEM with an error object of code " + std::to_string(int(rollgate_error_code(err)));
  rollgate_error_free(err);
  err = nullptr;
  return problem;
}

// A step that hands back a buffer (char**, size_t*): its text is the output.
Step buffer_step(std::string name, std::function<rollgate_status(char**, size_t*, rollgate_error**)> call) {
  struct Slots {
    char* buffer = nullptr;
    size_t length = 0;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = std::move(name);
  step.prepare = [slots] { *slots = Slots{}; };
  step.call = [slots, call] { return call(&slots->buffer, &slots->length, &slots->err); };
  step.finish = [slots](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    if (status != ROLLGATE_OK && (slots->buffer || slots->length))
      outcome.problem += " a failing call set its output";
    outcome.output = take_buffer(slots->buffer, slots->length);
    return outcome;
  };
  return step;
}

std::string report_json_of(rollgate_report* report) {
  char* buffer = nullptr;
  size_t length = 0;
  if (rollgate_report_json(&buffer, &length, report, nullptr) != ROLLGATE_OK) return "<report_json failed>";
  return take_buffer(buffer, length);
}

std::string state_of(const rollgate_session* session) {
  char* buffer = nullptr;
  size_t length = 0;
  if (rollgate_session_state(&buffer, &length, session, nullptr) != ROLLGATE_OK) return "<state failed>";
  return take_buffer(buffer, length);
}

std::string inputs_of(const rollgate_session* session) {
  char* buffer = nullptr;
  size_t length = 0;
  if (rollgate_session_inputs(&buffer, &length, session, nullptr) != ROLLGATE_OK) return "<inputs failed>";
  return take_buffer(buffer, length);
}

// rollgate_session_new, then rollgate_session_set_inputs with the facts;
// when set_inputs fails, the session keeps the inputs it had (none).
Step new_session_step(const Example& e) {
  struct Slots {
    rollgate_session* session = nullptr;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = e.name + ": session_new + set_inputs";
  step.prepare = [slots] { *slots = Slots{}; };
  step.call = [slots, &e] {
    rollgate_status status = rollgate_session_new(&slots->session, e.plan, &slots->err);
    if (status != ROLLGATE_OK) return status;
    return rollgate_session_set_inputs(slots->session, e.facts_text.data(), e.facts_text.size(), "facts.json",
                                       &slots->err);
  };
  step.finish = [slots, &e](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    if (slots->session) {
      const std::string inputs = inputs_of(slots->session);
      if (status != ROLLGATE_OK && inputs != e.empty_inputs)
        outcome.problem += " a failing set_inputs changed the session's inputs";
      outcome.output = inputs;
    }
    rollgate_session_free(slots->session);
    return outcome;
  };
  return step;
}

// rollgate_session_evaluate on a new session with the facts; a failing
// evaluation leaves the session as it was, so evaluating it again gives
// the first report.
Step evaluate_step(const Example& e, const std::string& reference_json) {
  struct Slots {
    rollgate_session* session = nullptr;
    rollgate_report* report = nullptr;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = e.name + ": session_evaluate";
  step.prepare = [slots, &e] { *slots = Slots{session_with_facts(e), nullptr, nullptr}; };
  step.call = [slots, &e] { return rollgate_session_evaluate(&slots->report, slots->session, e.now, 0, &slots->err); };
  step.finish = [slots, &e, reference_json](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    if (slots->report) {
      outcome.output = report_json_of(slots->report);
      if (status != ROLLGATE_OK) outcome.problem += " a failing evaluate set its report";
    } else if (status != ROLLGATE_OK) {
      rollgate_report* again = nullptr;
      if (rollgate_session_evaluate(&again, slots->session, e.now, 0, nullptr) != ROLLGATE_OK ||
          report_json_of(again) != reference_json)
        outcome.problem += " the session evaluates differently after a failing evaluation";
      rollgate_report_free(again);
    }
    rollgate_report_free(slots->report);
    rollgate_session_free(slots->session);
    return outcome;
  };
  return step;
}

// rollgate_session_set_state on a new session; a failing restore leaves it
// without state.
Step restore_state_step(const Example& e) {
  struct Slots {
    rollgate_session* session = nullptr;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = e.name + ": session_set_state";
  step.prepare = [slots, &e] { *slots = Slots{session_with_facts(e), nullptr}; };
  step.call = [slots, &e] {
    return rollgate_session_set_state(slots->session, e.state_text.data(), e.state_text.size(), "state.json",
                                      &slots->err);
  };
  step.finish = [slots](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    outcome.output = state_of(slots->session);
    if (status != ROLLGATE_OK && !outcome.output.empty()) outcome.problem += " a failing set_state left a state";
    rollgate_session_free(slots->session);
    return outcome;
  };
  return step;
}

// rollgate_session_what_if on the evaluated session, which keeps its state.
Step what_if_step(const Example& e) {
  struct Slots {
    rollgate_report* report = nullptr;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  const std::string patch = "{\"progress\": {\"" + e.first_stage + "\": {\"state\": \"held\"}}}";
  Step step;
  step.name = e.name + ": session_what_if";
  step.prepare = [slots] { *slots = Slots{}; };
  step.call = [slots, &e, patch] {
    return rollgate_session_what_if(&slots->report, e.evaluated, patch.data(), patch.size(), "patch.json", e.now, 0,
                                    &slots->err);
  };
  step.finish = [slots, &e](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    if (slots->report) outcome.output = report_json_of(slots->report);
    if (status != ROLLGATE_OK && slots->report) outcome.problem += " a failing what_if set its report";
    if (state_of(e.evaluated) != e.state_text) outcome.problem += " what_if changed the session's state";
    rollgate_report_free(slots->report);
    return outcome;
  };
  return step;
}

// Every gate's and blocker's texts through the report readers, which make
// them on first read and keep them with the report.  `text` (NULL while
// armed: only the library's allocations are counted down) receives them.
rollgate_status read_report(const rollgate_report* report, rollgate_error** err, std::string* text) {
  for (size_t s = 0; s < rollgate_report_stage_count(report); ++s) {
    rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
    if (rollgate_status status = rollgate_report_stage(&stage, report, s, err)) return status;
    for (size_t g = 0; g < stage.gate_count; ++g) {
      rollgate_gate_info gate = ROLLGATE_GATE_INFO_INIT;
      if (rollgate_status status = rollgate_report_gate(&gate, report, s, g, err)) return status;
      if (text) *text += std::string(gate.id) + "=" + gate.value + ": " + gate.message + "\n";
    }
  }
  for (size_t b = 0; b < rollgate_report_blocker_count(report); ++b) {
    rollgate_blocker_info blocker = ROLLGATE_BLOCKER_INFO_INIT;
    if (rollgate_status status = rollgate_report_blocker(&blocker, report, b, err)) return status;
    if (text) *text += std::string(blocker.id) + ": " + blocker.message + "\n";
  }
  return ROLLGATE_OK;
}

// The report readers, then the stages the first blocker holds back, on a
// new report each run, so that no text is made already.
Step report_readers_step(const Example& e) {
  struct Slots {
    rollgate_session* session = nullptr;
    rollgate_report* report = nullptr;
    char* held_back = nullptr;
    size_t length = 0;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = e.name + ": report_gate, report_blocker, report_holds_back";
  step.prepare = [slots, &e] {
    *slots = Slots{session_with_facts(e)};
    rollgate_session_evaluate(&slots->report, slots->session, e.now, 0, nullptr);
  };
  step.call = [slots] {
    if (rollgate_status status = read_report(slots->report, &slots->err, nullptr)) return status;
    if (rollgate_report_blocker_count(slots->report) == 0) return ROLLGATE_OK;
    rollgate_blocker_info first = ROLLGATE_BLOCKER_INFO_INIT;
    if (rollgate_status status = rollgate_report_blocker(&first, slots->report, 0, &slots->err)) return status;
    return rollgate_report_holds_back(&slots->held_back, &slots->length, slots->report, first.id,
                                      ROLLGATE_NUL_TERMINATED, &slots->err);
  };
  step.finish = [slots](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    if (read_report(slots->report, nullptr, &outcome.output) != ROLLGATE_OK)
      outcome.problem += " the report cannot be read after a failing read";
    outcome.output += take_buffer(slots->held_back, slots->length);
    rollgate_report_free(slots->report);
    rollgate_session_free(slots->session);
    return outcome;
  };
  return step;
}

// rollgate_session_update_inputs with a patch; a failing update leaves the
// session's inputs as they were.
Step update_inputs_step(const Example& e, const std::string& patch) {
  struct Slots {
    rollgate_session* session = nullptr;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = e.name + ": session_update_inputs";
  step.prepare = [slots, &e] { *slots = Slots{session_with_facts(e)}; };
  step.call = [slots, patch] {
    return rollgate_session_update_inputs(slots->session, patch.data(), patch.size(), "progress.json", &slots->err);
  };
  step.finish = [slots, &e](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    outcome.output = inputs_of(slots->session);
    if (status != ROLLGATE_OK && outcome.output != inputs_of(e.evaluated))
      outcome.problem += " a failing update_inputs changed the session's inputs";
    rollgate_session_free(slots->session);
    return outcome;
  };
  return step;
}

// rollgate_plan_stage_find with a misspelt id: an error with a suggestion.
Step misspelt_stage_step(const Example& e) {
  auto err = std::make_shared<rollgate_error*>(nullptr);
  const std::string misspelt = e.first_stage.substr(0, e.first_stage.size() - 1);
  Step step;
  step.name = e.name + ": plan_stage_find '" + misspelt + "'";
  step.expected = ROLLGATE_EINPUT;
  step.prepare = [err] { *err = nullptr; };
  step.call = [err, &e, misspelt] {
    size_t index = 0;
    return rollgate_plan_stage_find(&index, e.plan, misspelt.data(), misspelt.size(), err.get());
  };
  step.finish = [err](rollgate_status status) {
    Outcome outcome;
    if (status == ROLLGATE_ENOMEM) {
      outcome.problem = check_error(status, *err);
    } else {
      outcome.output = error_text(*err);
      rollgate_error_free(*err);
    }
    return outcome;
  };
  return step;
}

// rollgate_session_evaluate_expr with a pattern matches() has not seen, so
// that it is compiled under the failing allocator: compiled patterns are
// cached process-wide (lib/cel/library/regex.cpp, at most 256), and a
// pattern seen before would only be looked up.  Each run adds at most one
// entry; the sweep stays below the bound, where the cache would be emptied.
Step new_pattern_step(const Example& e) {
  struct Slots {
    std::string expr;
    char* json = nullptr;
    size_t length = 0;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  auto runs = std::make_shared<int>(0);
  Step step;
  step.name = e.name + ": session_evaluate_expr with a new matches() pattern";
  step.fills_a_cache = true;
  step.prepare = [slots, runs, &e] {
    char expr[128];
    std::snprintf(expr, sizeof expr, "'rollgate'.matches('^r(o|a)l+.*e$|%s%06d')", e.name.c_str(), ++*runs);
    *slots = Slots{expr};
  };
  step.call = [slots, &e] {
    return rollgate_session_evaluate_expr(&slots->json, &slots->length, e.evaluated, slots->expr.data(),
                                          slots->expr.size(), 0, e.now, 0, &slots->err);
  };
  step.finish = [slots](rollgate_status status) {
    Outcome outcome;
    outcome.problem = check_error(status, slots->err);
    const std::string json = take_buffer(slots->json, slots->length);
    // The value, without the expression (which differs from run to run).
    const size_t value = json.find("\"value\"");
    outcome.output = value == std::string::npos ? json : json.substr(value);
    return outcome;
  };
  return step;
}

}  // namespace

std::string loosen_one_threshold(std::string text) {
  for (size_t at = text.find(">= "); at != std::string::npos; at = text.find(">= ", at + 1)) {
    char& digit = text[at + 3];
    if (digit >= '1' && digit <= '9') {
      --digit;
      return text;
    }
  }
  std::fprintf(stderr, "no threshold to loosen\n");
  std::exit(2);
}

rollgate_plan* compile_or_die(const std::string& text) {
  rollgate_plan* plan = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_plan_compile(&plan, text.data(), text.size(), "plan.json", &err) != ROLLGATE_OK) {
    std::fprintf(stderr, "example plan does not compile: %s\n", rollgate_error_message(err));
    std::exit(2);
  }
  return plan;
}

rollgate_session* session_with_facts(const Example& e) {
  rollgate_session* session = nullptr;
  if (rollgate_session_new(&session, e.plan, nullptr) != ROLLGATE_OK ||
      rollgate_session_set_inputs(session, e.facts_text.data(), e.facts_text.size(), "facts.json", nullptr) !=
          ROLLGATE_OK) {
    std::fprintf(stderr, "%s: the facts do not load\n", e.name.c_str());
    std::exit(2);
  }
  return session;
}

void open_example(Example& e) {
  e.plan = compile_or_die(e.plan_text);
  e.loosened = compile_or_die(e.loosened_text);
  e.evaluated = session_with_facts(e);
  if (rollgate_session_evaluate(&e.report, e.evaluated, e.now, 0, nullptr) != ROLLGATE_OK) std::exit(2);
  e.state_text = state_of(e.evaluated);
  rollgate_session* empty = nullptr;
  rollgate_session_new(&empty, e.plan, nullptr);
  e.empty_inputs = inputs_of(empty);
  rollgate_session_free(empty);
  rollgate_plan_gate_info gate = ROLLGATE_PLAN_GATE_INFO_INIT;
  rollgate_plan_gate(&gate, e.plan, 0, 0, nullptr);
  e.first_gate_expr = gate.expression ? gate.expression : "true";
  e.first_stage = rollgate_plan_stage_id(e.plan, 0);
}

void close_example(Example& e) {
  rollgate_report_free(e.report);
  rollgate_session_free(e.evaluated);
  rollgate_plan_free(e.loosened);
  rollgate_plan_free(e.plan);
}

Step compile_step(const std::string& label, const std::string& text, rollgate_status expected) {
  struct Slots {
    rollgate_plan* plan = nullptr;
    rollgate_error* err = nullptr;
  };
  auto slots = std::make_shared<Slots>();
  Step step;
  step.name = label;
  step.expected = expected;
  step.prepare = [slots] { *slots = Slots{}; };
  step.call = [slots, text] {
    return rollgate_plan_compile(&slots->plan, text.data(), text.size(), "plan.json", &slots->err);
  };
  step.finish = [slots](rollgate_status status) {
    Outcome outcome;
    if (status == ROLLGATE_ENOMEM) {
      outcome.problem = check_error(status, slots->err);
    } else {
      // A failing compile's error, read whole: the error object readers.
      outcome.output = slots->err ? error_text(slots->err) : rollgate_plan_digest(slots->plan);
      rollgate_error_free(slots->err);
    }
    if (status != ROLLGATE_OK && slots->plan) outcome.problem += " a failing compile set its plan";
    rollgate_plan_free(slots->plan);
    return outcome;
  };
  return step;
}

std::vector<Step> example_steps(const Example& e, const std::string& reference_json) {
  std::vector<Step> steps;
  steps.push_back(compile_step(e.name + ": plan_compile", e.plan_text, ROLLGATE_OK));
  steps.push_back(new_session_step(e));
  steps.push_back(evaluate_step(e, reference_json));
  steps.push_back(buffer_step(e.name + ": report_json", [&e](char** out, size_t* len, rollgate_error** err) {
    return rollgate_report_json(out, len, e.report, err);
  }));
  steps.push_back(buffer_step(e.name + ": report_json_with compact summary",
                              [&e](char** out, size_t* len, rollgate_error** err) {
                                rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
                                options.flags = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
                                return rollgate_report_json_with(out, len, e.report, &options, err);
                              }));
  steps.push_back(buffer_step(e.name + ": report_text", [&e](char** out, size_t* len, rollgate_error** err) {
    return rollgate_report_text(out, len, e.report, err);
  }));
  steps.push_back(buffer_step(e.name + ": session_state", [&e](char** out, size_t* len, rollgate_error** err) {
    return rollgate_session_state(out, len, e.evaluated, err);
  }));
  steps.push_back(restore_state_step(e));
  for (rollgate_format format : {ROLLGATE_FORMAT_JSON, ROLLGATE_FORMAT_TEXT})
    steps.push_back(buffer_step(e.name + (format == ROLLGATE_FORMAT_JSON ? ": plan_diff json" : ": plan_diff text"),
                                [&e, format](char** out, size_t* len, rollgate_error** err) {
                                  return rollgate_plan_diff(out, len, nullptr, e.plan, e.loosened, format, err);
                                }));
  steps.push_back(what_if_step(e));
  steps.push_back(report_readers_step(e));
  steps.push_back(update_inputs_step(e, "{\"progress\": {\"" + e.first_stage + "\": {\"state\": \"held\"}}}"));
  steps.push_back(misspelt_stage_step(e));
  // The first gate's expression broken into operands, and one that builds
  // lists and strings and runs matches().
  for (const std::string& expr :
       {e.first_gate_expr, std::string("[1, 2, 3].map(x, x * 2).size() == 3 && 'rollgate'.matches('^r(o|a)l+.*e$')")})
    steps.push_back(buffer_step(e.name + ": session_evaluate_expr " + expr,
                                [&e, expr](char** out, size_t* len, rollgate_error** err) {
                                  return rollgate_session_evaluate_expr(out, len, e.evaluated, expr.data(),
                                                                        expr.size(), ROLLGATE_EXPR_OPERANDS, e.now,
                                                                        0, err);
                                }));
  steps.push_back(new_pattern_step(e));
  return steps;
}

}  // namespace alloc_failure
