// The C++ API's readers (rollgate::Plan::stage/gate/facts, rollgate::Report::
// target/stage/gate/next/blockers/warnings) over the C ABI: every field they
// give equals what the JSON report of the same evaluation says, for every
// plan and story under examples/ and a matrix plan.  (One report read by
// many threads at once: tests/threads/report_readers_test.cpp.)
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include <rollgate/rollgate.hpp>

#include "cel/common/time.hpp"
#include "plan/loader.hpp"
#include "read_file.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string text_or_empty(const json::value& v) { return v.is_null() ? std::string() : std::string(v.as_string()); }

std::string member_or_empty(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v ? text_or_empty(*v) : std::string();
}

std::string instant(rollgate::Timestamp t) { return rollgate::cel::format_timestamp({t.seconds, t.nanos}); }

std::string span(const std::optional<rollgate::Duration>& d) {
  return d ? rollgate::cel::format_duration({d->seconds, d->nanos}) : std::string();
}

const char* kind_name(rollgate::GateKind kind) {
  switch (kind) {
    case rollgate::GateKind::Must: return "must";
    case rollgate::GateKind::Should: return "should";
    case rollgate::GateKind::Advisory: return "advisory";
  }
  return "?";
}

// The stages an `after` entry of the JSON report stands for: the stage of
// that id, or every expansion of that matrix id.
std::vector<std::size_t> expand(const json::array& stages, const std::string& id) {
  std::vector<std::size_t> out;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    const json::object& stage = stages[s].as_object();
    if (stage.at("id").as_string() == id || member_or_empty(stage, "matrix") == id) out.push_back(s);
  }
  return out;
}

// The plan readers against the report's stage and gate members and the
// compiled plan's declarations.
void check_plan_readers(const rollgate::Plan& plan, const rollgate::plan::Plan& model, const json::object& report) {
  const json::array& stages = report.at("stages").as_array();
  REQUIRE(plan.stage_count() == stages.size());
  CHECK(plan.target() == model.target_id);
  for (std::size_t s = 0; s < stages.size(); ++s) {
    const json::object& expected = stages[s].as_object();
    const rollgate::PlanStage stage = plan.stage(s);
    CAPTURE(stage.id);
    CHECK(stage.id == std::string(expected.at("id").as_string()));
    CHECK(plan.stage_index(stage.id) == s);
    CHECK(stage.title == text_or_empty(expected.at("title")));
    CHECK(stage.owner == text_or_empty(expected.at("owner")));
    CHECK(stage.description == model.stages[s].description);
    CHECK(stage.matrix_id == member_or_empty(expected, "matrix"));
    std::set<std::size_t> after;
    for (const json::value& id : expected.at("after").as_array())
      for (std::size_t t : expand(stages, std::string(id.as_string()))) after.insert(t);
    CHECK(stage.after == std::vector<std::size_t>(after.begin(), after.end()));
    const json::array& gates = expected.at("gates").as_array();
    REQUIRE(stage.gate_count == gates.size());
    // The report lists approvals only for stages whose progress does not
    // settle their status; the plan has them all.
    CHECK(stage.approval_count == model.stages[s].approvals.size());
    CHECK(stage.approval_count >= expected.at("approvals").as_array().size());
    for (std::size_t g = 0; g < gates.size(); ++g) {
      const json::object& want = gates[g].as_object();
      const rollgate::PlanGate gate = plan.gate(s, g);
      CAPTURE(gate.id);
      CHECK(gate.name == std::string(want.at("id").as_string()));
      CHECK(gate.id == stage.id + "/" + gate.name);
      CHECK(kind_name(gate.kind) == std::string(want.at("kind").as_string()));
      CHECK(gate.expression == std::string(want.at("expr").as_string()));
      CHECK(gate.owner == text_or_empty(want.at("owner")));
      CHECK(gate.category == member_or_empty(want, "category"));
      CHECK(gate.description == model.stages[s].gates[g].description);
      if (const json::value* weight = want.if_contains("weight")) CHECK(gate.weight == weight->to_number<double>());
      CHECK(span(gate.hold_for) == member_or_empty(want, "hold_for"));
    }
  }
  const std::vector<rollgate::FactDeclaration> facts = plan.facts();
  REQUIRE(facts.size() == model.facts.size());
  for (std::size_t f = 0; f < facts.size(); ++f) {
    const rollgate::plan::FactDecl& want = model.facts[f];
    CAPTURE(want.name);
    CHECK(facts[f].name == want.name);
    CHECK(facts[f].type == want.type.to_string());
    CHECK(facts[f].owner == want.owner);
    CHECK(facts[f].unit == want.unit);
    CHECK(facts[f].description == want.description);
    CHECK(facts[f].max_age.has_value() == want.max_age.has_value());
    if (want.max_age) CHECK(span(facts[f].max_age) == rollgate::cel::format_duration(*want.max_age));
    CHECK(plan.fact(want.name).name == want.name);
  }
}

// A gate's value text against the JSON report's "value" (and, for a value
// that is not a bool, the message that quotes it).
void check_value(const rollgate::GateResult& gate, const json::value& value) {
  if (value.is_bool()) {
    CHECK(gate.value == (value.as_bool() ? "true" : "false"));
  } else if (gate.value.empty()) {
    CHECK((gate.status == rollgate::GateStatus::Unknown || gate.status == rollgate::GateStatus::Error));
  } else {
    CHECK(gate.status == rollgate::GateStatus::Error);
    CHECK(gate.message == "the gate yielded " + gate.value + ", not a bool");
  }
}

// Every field of every stage and gate the report readers give, and the
// target, next[], blockers[] and warnings[], against the JSON report.
void check_report_readers(const rollgate::Report& report, const json::object& expected) {
  const json::object& target = expected.at("target").as_object();
  const rollgate::Target t = report.target();
  CHECK(t.id == text_or_empty(target.at("id")));
  CHECK(t.status == std::string(target.at("status").as_string()));
  CHECK(t.met == target.at("met").as_bool());
  CHECK(t.met == report.target_met());

  std::set<std::string> drifting;
  for (const json::value& d : expected.at("drift").as_array())
    drifting.insert(std::string(d.as_object().at("gate").as_string()));

  const json::array& stages = expected.at("stages").as_array();
  REQUIRE(report.stage_count() == stages.size());
  std::vector<std::string> ids;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    const json::object& want = stages[s].as_object();
    const rollgate::StageResult stage = report.stage(s);
    CAPTURE(stage.id);
    ids.push_back(stage.id);
    CHECK(stage.id == std::string(want.at("id").as_string()));
    CHECK(report.stage(stage.id).id == stage.id);
    CHECK(report.stage_index(stage.id) == s);
    CHECK(rollgate::to_string(stage.status) == std::string(want.at("status").as_string()));
    CHECK(instant(stage.since) == std::string(want.at("since").as_string()));
    CHECK(stage.drift == want.at("drift").as_bool());
    const json::value& score = want.at("score");
    CHECK(stage.score.has_value() == !score.is_null());
    if (stage.score) CHECK(*stage.score == score.to_number<double>());
    const json::array& gates = want.at("gates").as_array();
    REQUIRE(stage.gate_count == gates.size());
    for (std::size_t g = 0; g < gates.size(); ++g) {
      const json::object& w = gates[g].as_object();
      const rollgate::GateResult gate = report.gate(s, g);
      CAPTURE(gate.id);
      CHECK(gate.id == stage.id + "/" + std::string(w.at("id").as_string()));
      CHECK(kind_name(gate.kind) == std::string(w.at("kind").as_string()));
      CHECK(rollgate::to_string(gate.status) == std::string(w.at("status").as_string()));
      CHECK(instant(gate.since) == std::string(w.at("since").as_string()));
      check_value(gate, w.at("value"));
      CHECK(gate.message == std::string(w.at("message").as_string()));
      CHECK(gate.drift == (drifting.count(gate.id) == 1));
    }
  }

  std::vector<std::string> next;
  for (std::size_t s : report.next()) next.push_back(ids.at(s));
  std::vector<std::string> want_next;
  for (const json::value& id : expected.at("next").as_array()) want_next.emplace_back(id.as_string());
  CHECK(next == want_next);

  const json::array& blockers = expected.at("blockers").as_array();
  const std::vector<rollgate::Blocker> got = report.blockers();
  REQUIRE(got.size() == blockers.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    const json::object& w = blockers[i].as_object();
    CAPTURE(got[i].id);
    CHECK(got[i].id == std::string(w.at("id").as_string()));
    CHECK(got[i].kind == std::string(w.at("kind").as_string()));
    CHECK(ids.at(got[i].stage) == std::string(w.at("stage").as_string()));
    CHECK(got[i].status == std::string(w.at("status").as_string()));
    CHECK(got[i].owner == text_or_empty(w.at("owner")));
    CHECK(got[i].message == std::string(w.at("message").as_string()));
    CHECK(got[i].holds_back_count == w.at("holds_back_count").to_number<std::size_t>());
  }

  std::vector<std::string> warnings;
  for (const json::value& w : expected.at("warnings").as_array()) warnings.emplace_back(w.as_string());
  CHECK(report.warnings() == warnings);
}

std::shared_ptr<const rollgate::plan::Plan> model_of(const std::string& text) {
  rollgate::plan::LoadResult loaded = rollgate::plan::load_plan(text, "plan.json");
  REQUIRE(loaded.plan);
  return loaded.plan;
}

void check_both(const rollgate::Plan& plan, const rollgate::plan::Plan& model, const rollgate::Report& report) {
  const json::object expected = json::parse(report.json()).as_object();
  check_plan_readers(plan, model, expected);
  check_report_readers(report, expected);
}

rollgate::Timestamp parse_instant(const std::string& text) {
  const std::optional<rollgate::cel::Timestamp> t = rollgate::cel::parse_timestamp(text);
  REQUIRE(t);
  return {t->seconds, t->nanos};
}

// A plan with a two-key sequential matrix, a parallel matrix, should-gates,
// a soak, and gates that fail, are unknown, error out, or yield a non-bool.
const char* kMatrixPlan = R"J({"rollgate": 1, "name": "matrix", "target": "last",
  "defaults": {"max_age": "24h"},
  "facts": {"n": {"type": "int", "owner": "ops", "unit": "things", "description": "a count"},
            "up": {"type": "double", "max_age": "1h"}, "names": {"type": "list(string)"},
            "m": {"type": "map(string, int)"}, "d": {"type": "dyn"}, "missing": {"type": "bool"}},
  "stages": [
    {"id": "first", "title": "First", "owner": "pmo", "description": "the start",
     "gates": [{"id": "n", "expr": "n > 2", "description": "enough things"},
               {"id": "dyn", "expr": "d"},
               {"id": "div", "expr": "10 / (n - n) > 1"},
               {"id": "unknown", "expr": "missing", "kind": "advisory"},
               {"id": "soak", "expr": "up >= 99.0", "hold_for": "2h", "category": "technical"},
               {"id": "s1", "expr": "'a' in names", "kind": "should", "weight": 3},
               {"id": "s2", "expr": "m['k'] == 1", "kind": "should"}],
     "approvals": [{"role": "lead", "min": 1}]},
    {"id": "wave", "title": "Wave ${region} ${tier}", "after": ["first"], "order": "sequential",
     "matrix": {"tier": [1, 2], "region": ["x", "y"]},
     "gates": [{"id": "g", "expr": "n > ${tier}", "owner": "team-${region}"}]},
    {"id": "par", "after": ["first", "wave"], "matrix": {"k": ["a", "b", "c"]}, "order": "parallel",
     "gates": [{"id": "g", "expr": "size(names) > 0"}]},
    {"id": "last", "after": ["par", "wave-1-x", "first"]}]})J";

const char* kMatrixFacts = R"J({"facts": {"n": 4, "up": {"value": 99.5, "observed_at": "2026-11-22T09:30:00Z"},
  "names": ["a"], "m": {"k": 2}, "d": 7, "undeclared": true},
  "progress": {"first": {"state": "in_progress", "started_at": "2026-11-22T08:00:00Z"}}})J";

constexpr std::int64_t kMatrixNow = 1795341600;  // 2026-11-22T10:00:00Z

}  // namespace

TEST_CASE("the readers give every stage and gate field as the JSON report does, for every example plan") {
  int compared = 0;
  for (const fs::directory_entry& folder : fs::directory_iterator(ROLLGATE_EXAMPLES_DIR)) {
    if (!folder.is_directory()) continue;
    std::vector<fs::path> plans, facts;
    for (const fs::directory_entry& file : fs::directory_iterator(folder.path())) {
      const std::string name = file.path().filename().string();
      if (name.rfind("plan", 0) == 0 && file.path().extension() == ".json") plans.push_back(file.path());
      if (name.rfind("facts", 0) == 0 && file.path().extension() == ".json") facts.push_back(file.path());
    }
    std::sort(facts.begin(), facts.end());
    for (const fs::path& plan_path : plans) {
      CAPTURE(plan_path.string());
      const std::string text = rollgate::testing::read_file(plan_path.string());
      const rollgate::Plan plan = rollgate::Plan::compile(text, plan_path.filename().string());
      const auto model = model_of(text);
      // Every facts file at one instant, without state.
      for (const fs::path& facts_path : facts) {
        CAPTURE(facts_path.string());
        rollgate::Session session(plan);
        session.set_inputs(rollgate::testing::read_file(facts_path.string()));
        check_both(plan, *model, session.evaluate(kMatrixNow + 86400 * 365));
        ++compared;
      }
    }
    // The story, with state carried from step to step: soaks, drift,
    // transitions and plan versions.
    const json::object story = json::parse(rollgate::testing::read_file((folder.path() / "story.json").string())).as_object();
    std::string state;
    for (const json::value& step_value : story.at("steps").as_array()) {
      const json::object& step = step_value.as_object();
      const std::string plan_file = member_or_empty(step, "plan").empty() ? "plan.json" : member_or_empty(step, "plan");
      CAPTURE(member_or_empty(step, "name"));
      const std::string text = rollgate::testing::read_file((folder.path() / plan_file).string());
      const rollgate::Plan plan = rollgate::Plan::compile(text, plan_file);
      rollgate::Session session(plan);
      if (!state.empty()) session.set_state(state);
      session.set_inputs(rollgate::testing::read_file((folder.path() / member_or_empty(step, "facts")).string()));
      const rollgate::Timestamp now = parse_instant(member_or_empty(step, "now"));
      const rollgate::Report report = session.evaluate(now.seconds, now.nanos);
      check_both(plan, *model_of(text), report);
      state = session.state();
      ++compared;
    }
  }
  CHECK(compared > 40);
}

TEST_CASE("the readers give every field of a matrix plan's report as the JSON report does") {
  const rollgate::Plan plan = rollgate::Plan::compile(kMatrixPlan);
  const auto model = model_of(kMatrixPlan);
  rollgate::Session session(plan);
  session.set_inputs(kMatrixFacts);
  const rollgate::Report report = session.evaluate(kMatrixNow);
  check_both(plan, *model, report);

  // The statuses the matrix plan was written to show.
  CHECK(plan.stage_count() == 9);
  CHECK(plan.stage_index("wave-1-y") == 2);  // matrix keys in the order written
  CHECK(plan.stage("wave-2-x").after == std::vector<std::size_t>{0, 2});
  CHECK(plan.stage("par-b").matrix_id == "par");
  CHECK(plan.stage("par-b").after == std::vector<std::size_t>{0, 1, 2, 3, 4});
  CHECK(plan.stage("last").after == std::vector<std::size_t>{0, 1, 5, 6, 7});
  CHECK(plan.gate(1, 0).owner == "team-x");
  CHECK(plan.gate(0, 4).hold_for == rollgate::Duration{7200, 0});
  CHECK(plan.fact("up").max_age == rollgate::Duration{3600, 0});
  CHECK(plan.fact("names").max_age == rollgate::Duration{86400, 0});
  CHECK(plan.fact("m").type == "map(string, int)");
  CHECK(report.gate(0, 1).value == "7");
  CHECK(report.gate(0, 1).status == rollgate::GateStatus::Error);
  CHECK(report.gate(0, 2).status == rollgate::GateStatus::Error);
  CHECK(report.gate(0, 2).value.empty());
  CHECK(report.gate(0, 3).status == rollgate::GateStatus::Unknown);
  CHECK(report.gate(0, 4).status == rollgate::GateStatus::Soaking);
  CHECK(report.gate(0, 4).value == "true");
  CHECK(report.stage(0).score.has_value());
  CHECK(report.stage(1).score == std::nullopt);
  CHECK(report.warnings().size() == 1);
}

TEST_CASE("a failed look-up by id throws EINPUT with the closest id as suggestion") {
  const rollgate::Plan plan = rollgate::Plan::compile(kMatrixPlan);
  rollgate::Session session(plan);
  const rollgate::Report report = session.evaluate(kMatrixNow);
  try {
    (void)report.stage("frist");
    FAIL("expected an Error");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    CHECK(std::string(e.what()).find("did you mean 'first'?") != std::string::npos);
  }
  try {
    (void)plan.stage("wave");
    FAIL("expected an Error");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    CHECK(std::string(e.what()).find("'wave-1-x', 'wave-1-y', 'wave-2-x', 'wave-2-y'") != std::string::npos);
  }
  try {
    (void)plan.fact("nn");
    FAIL("expected an Error");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    CHECK(std::string(e.what()).find("fact 'nn' is not declared") != std::string::npos);
  }
  CHECK_THROWS_AS((void)plan.stage(9), rollgate::Error);
  CHECK_THROWS_AS((void)plan.gate(0, 7), rollgate::Error);
  CHECK_THROWS_AS((void)report.gate(8, 1), rollgate::Error);
}
