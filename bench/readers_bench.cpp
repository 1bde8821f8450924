// rollgate_readers_bench: reading a plan and a report through the C ABI's
// readers (issue 8, item 1) against rendering the JSON report, at
// organisation scale.  Reads the side-by-side workload that rollgate_sbs_gen
// writes (bench/sbs/workload.hpp: G gates, G/10 stages in 20 layers):
//
//   rollgate_sbs_gen 1000000 /tmp/w1m && rollgate_readers_bench /tmp/w1m
//   (ctest runs 2000 gates)
//
// Times, in process CPU time (sbs/timing.hpp): building the plan outline the
// readers need (after edges, fact types; part of compiling); introspecting
// the whole plan (every stage, gate and fact); finding every stage by id;
// reading every stage's status; reading every gate (first read formats the
// messages, the second finds them made); the blockers; and, for comparison,
// rendering the JSON report (full and compact summary) and parsing it.
// Checks that the readers and the JSON agree on every stage's status.
#include <boost/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "plan/loader.hpp"
#include "plan_outline.hpp"
#include "rollgate.h"
#include "sbs/slurp.hpp"
#include "sbs/timing.hpp"
#include "sbs/workload.hpp"

namespace {

using sbs::cpu_seconds;
using sbs::slurp;

void require(rollgate_status status, rollgate_error* err, const char* what) {
  if (status == ROLLGATE_OK) return;
  std::fprintf(stderr, "%s: %s\n", what, rollgate_error_message(err));
  std::exit(1);
}

// Runs `body` and prints its CPU time in total and per `per` items.
template <class F>
double timed(const char* what, double per, const char* unit, F&& body) {
  const double start = cpu_seconds();
  body();
  const double s = cpu_seconds() - start;
  std::printf("%-58s %9.4f s  %9.1f ns/%s\n", what, s, s * 1e9 / per, unit);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR  (a workload written by rollgate_sbs_gen)\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const std::string plan_text = slurp(dir + "/plan.json");
  const std::string facts_text = slurp(dir + "/facts.json");

  rollgate_error* err = nullptr;
  rollgate_plan* plan = nullptr;
  timed("compile the plan (C ABI, outline included)", 1, "plan", [&] {
    require(rollgate_plan_compile(&plan, plan_text.data(), plan_text.size(), "plan.json", &err), err, "compile");
  });
  const size_t stages = rollgate_plan_stage_count(plan);
  size_t gates = 0;
  for (size_t s = 0; s < stages; ++s) {
    rollgate_plan_stage_info info = ROLLGATE_PLAN_STAGE_INFO_INIT;
    require(rollgate_plan_stage(&info, plan, s, &err), err, "stage");
    gates += info.gate_count;
  }
  std::printf("%zu stages, %zu gates, %zu facts\n", stages, gates, rollgate_plan_fact_count(plan));
  {
    // The outline alone, built again from the engine's plan.
    std::shared_ptr<const rollgate::plan::Plan> model = rollgate::plan::load_plan(plan_text, "plan.json").plan;
    timed("  of which: the readers' outline (after edges, fact types)", double(stages), "stage",
          [&] { rollgate::capi::PlanOutline outline(*model); });
  }

  size_t edges = 0, text_bytes = 0;
  timed("plan introspection: every stage, gate and fact", double(gates), "gate", [&] {
    for (size_t s = 0; s < stages; ++s) {
      rollgate_plan_stage_info info = ROLLGATE_PLAN_STAGE_INFO_INIT;
      require(rollgate_plan_stage(&info, plan, s, &err), err, "stage");
      edges += info.after_count;
      for (size_t g = 0; g < info.gate_count; ++g) {
        rollgate_plan_gate_info gate = ROLLGATE_PLAN_GATE_INFO_INIT;
        require(rollgate_plan_gate(&gate, plan, s, g, &err), err, "gate");
        text_bytes += std::strlen(gate.expression);
      }
    }
    for (size_t f = 0; f < rollgate_plan_fact_count(plan); ++f) {
      rollgate_fact_info fact = ROLLGATE_FACT_INFO_INIT;
      require(rollgate_plan_fact(&fact, plan, f, &err), err, "fact");
      text_bytes += std::strlen(fact.type);
    }
  });
  timed("find every stage by id", double(stages), "stage", [&] {
    for (size_t s = 0; s < stages; ++s) {
      const char* id = rollgate_plan_stage_id(plan, s);
      size_t index = 0;
      require(rollgate_plan_stage_find(&index, plan, id, ROLLGATE_NUL_TERMINATED, &err), err, "find");
      if (index != s) std::exit(1);
    }
  });
  std::printf("(%zu after edges, %zu bytes of expressions read)\n", edges, text_bytes);

  rollgate_session* session = nullptr;
  rollgate_report* report = nullptr;
  require(rollgate_session_new(&session, plan, &err), err, "session");
  require(rollgate_session_set_inputs(session, facts_text.data(), facts_text.size(), "facts.json", &err), err,
          "inputs");
  timed("evaluate (first evaluation)", double(gates), "gate",
        [&] { require(rollgate_session_evaluate(&report, session, sbs::kNow, 0, &err), err, "evaluate"); });

  std::vector<int> status(stages);
  const double read_stages = timed("read every stage's status (readers)", double(stages), "stage", [&] {
    for (size_t s = 0; s < stages; ++s) {
      rollgate_stage_info info = ROLLGATE_STAGE_INFO_INIT;
      require(rollgate_report_stage(&info, report, s, &err), err, "report stage");
      status[s] = info.status;
    }
  });
  size_t message_bytes = 0;
  const double first_gates = timed("read every gate, first read (formats messages)", double(gates), "gate", [&] {
    for (size_t s = 0; s < stages; ++s) {
      rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
      require(rollgate_report_stage(&stage, report, s, &err), err, "report stage");
      for (size_t g = 0; g < stage.gate_count; ++g) {
        rollgate_gate_info info = ROLLGATE_GATE_INFO_INIT;
        require(rollgate_report_gate(&info, report, s, g, &err), err, "report gate");
        message_bytes += std::strlen(info.message);
      }
    }
  });
  timed("read every gate again (messages already made)", double(gates), "gate", [&] {
    for (size_t s = 0; s < stages; ++s) {
      rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
      require(rollgate_report_stage(&stage, report, s, &err), err, "report stage");
      for (size_t g = 0; g < stage.gate_count; ++g) {
        rollgate_gate_info info = ROLLGATE_GATE_INFO_INIT;
        require(rollgate_report_gate(&info, report, s, g, &err), err, "report gate");
        message_bytes += std::strlen(info.message);
      }
    }
  });
  const size_t blockers = rollgate_report_blocker_count(report);
  timed("read every blocker (first read formats messages)", double(blockers ? blockers : 1), "blocker", [&] {
    for (size_t b = 0; b < blockers; ++b) {
      rollgate_blocker_info info = ROLLGATE_BLOCKER_INFO_INIT;
      require(rollgate_report_blocker(&info, report, b, &err), err, "blocker");
      message_bytes += std::strlen(info.message);
    }
  });
  std::printf("(%zu blockers, %zu bytes of messages read)\n", blockers, message_bytes);

  char* json = nullptr;
  size_t json_len = 0;
  const double render = timed("render the full JSON report", double(gates), "gate", [&] {
    require(rollgate_report_json(&json, &json_len, report, &err), err, "json");
  });
  boost::json::value parsed;
  const double parse = timed("parse it (Boost.JSON)", double(gates), "gate",
                             [&] { parsed = boost::json::parse(std::string_view(json, json_len)); });
  std::printf("(full JSON report: %.1f MB)\n", double(json_len) / 1e6);
  {
    rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
    options.flags = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
    char* summary = nullptr;
    size_t summary_len = 0;
    timed("render the compact summary JSON report", double(gates), "gate", [&] {
      require(rollgate_report_json_with(&summary, &summary_len, report, &options, &err), err, "summary");
    });
    std::printf("(compact summary: %.1f MB)\n", double(summary_len) / 1e6);
    rollgate_free(summary);
  }

  // The readers and the JSON agree on every stage's status.
  const boost::json::array& json_stages = parsed.as_object().at("stages").as_array();
  size_t disagree = json_stages.size() == stages ? 0 : 1;
  for (size_t s = 0; s < stages && s < json_stages.size(); ++s)
    if (json_stages[s].as_object().at("status").as_string() !=
        rollgate_stage_status_string(static_cast<rollgate_stage_status>(status[s])))
      ++disagree;
  std::printf("every stage's status: readers %.1fx faster than rendering the JSON, %.1fx than rendering and "
              "parsing it; all gates with messages %.1fx faster than rendering\n",
              render / read_stages, (render + parse) / read_stages, render / first_gates);
  std::printf("RESULT stages=%zu gates=%zu disagree=%zu\n", stages, gates, disagree);

  rollgate_free(json);
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
  return disagree ? 1 : 0;
}
