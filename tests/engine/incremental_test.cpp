// Incremental evaluation (issue 7, item 3) equals full evaluation, byte for
// byte: random plans (DAGs, matrix stages, must/should/advisory gates with
// hold_for, max_age, on_unknown, approvals, freezes, `stages` and `now`
// reads) through random sequences of fact changes (set_fact and set_inputs
// paths), progress changes, approvals and instants.  After every step the
// incremental report and state must equal a fresh full evaluation's from
// the same previous state.  Deterministic seed; no timing.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/incremental.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"
#include "state/state_json.hpp"
#include "support/diagnostic.hpp"

namespace {

using namespace rollgate;

constexpr int64_t kT0 = 1767225600;  // 2026-01-01T00:00:00Z

std::string rfc3339(int64_t unix_seconds) {
  return cel::format_timestamp(cel::Timestamp{unix_seconds, 0});
}

class Random {
 public:
  explicit Random(uint32_t seed) : rng_(seed) {}
  int below(int n) { return int(rng_() % uint32_t(n)); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[size_t(below(int(v.size())))]; }

 private:
  std::mt19937 rng_;
};

struct FactSpec {
  std::string name;
  std::string type;
};

const std::vector<FactSpec> kFacts = {
    {"i0", "int"}, {"i1", "int"}, {"i2", "int"}, {"d0", "double"}, {"b0", "bool"},
    {"b1", "bool"}, {"ts", "timestamp"}, {"l0", "list(string)"},
};

struct GeneratedPlan {
  std::string text;
  std::vector<std::string> stage_ids;  // as written (matrix ids included)
};

std::string gate_expr(Random& r, const std::vector<std::string>& ids, bool matrix) {
  int c = r.below(6);
  std::string k = std::to_string(r.below(3));
  switch (r.below(matrix ? 15 : 14)) {
    case 0: return "i" + k + " > " + std::to_string(c);
    case 1: return "i" + k + " >= " + std::to_string(c) + " && i" + k + " <= " + std::to_string(c + 2);
    case 2: return "d0 >= " + std::to_string(c) + ".5";
    case 3: return "b" + std::to_string(r.below(2));
    case 4: return "!b" + std::to_string(r.below(2)) + " || i0 > " + std::to_string(c);
    case 5: return "size(l0) >= " + std::to_string(c % 3);
    case 6: return "l0.exists(x, x == 'a')";
    case 7: return "now - ts < duration('" + std::to_string(1 + c) + "h')";
    case 8: return "stages." + r.pick(ids) + ".state == 'done'";
    case 9: return "now > stages." + r.pick(ids) + ".started_at + duration('1h')";
    case 10: return "'b' in l0";
    case 11: return "i0 / i1 > 0";
    case 12: return "b0 && d0 < 3.0";
    case 13: return "stages." + r.pick(ids) + ".state != 'not_started' || i2 >= " + std::to_string(c);
    default: return "i" + k + " > ${v}";
  }
}

GeneratedPlan generate_plan(Random& r) {
  GeneratedPlan p;
  int stage_count = 3 + r.below(6);
  for (int s = 0; s < stage_count; ++s) p.stage_ids.push_back("s" + std::to_string(s));
  std::string t = "{\"rollgate\": 1, \"name\": \"random\",";
  if (r.chance(0.3)) t += "\"defaults\": {\"max_age\": \"6h\"},";
  t += "\"facts\": {";
  for (size_t f = 0; f < kFacts.size(); ++f) {
    t += (f ? "," : "") + std::string("\"") + kFacts[f].name + "\": {\"type\": \"" + kFacts[f].type + "\"";
    if (r.chance(0.3)) t += ", \"max_age\": \"" + std::to_string(1 + r.below(4)) + "h\"";
    t += "}";
  }
  t += "}, \"stages\": [";
  int matrix_stage = r.chance(0.5) ? r.below(stage_count) : -1;
  for (int s = 0; s < stage_count; ++s) {
    bool matrix = s == matrix_stage;
    t += (s ? "," : "") + std::string("{\"id\": \"") + p.stage_ids[size_t(s)] + "\"";
    std::vector<std::string> after;
    for (int u = 0; u < s; ++u)
      if (r.chance(0.4)) after.push_back(p.stage_ids[size_t(u)]);
    if (!after.empty()) {
      t += ", \"after\": [";
      for (size_t i = 0; i < after.size(); ++i) t += (i ? ",\"" : "\"") + after[i] + "\"";
      t += "]";
      if (r.chance(0.25)) t += ", \"join\": \"any\"";
    }
    if (matrix) {
      t += ", \"matrix\": {\"v\": [1, 2, 3]}";
      if (r.chance(0.5)) t += ", \"order\": \"parallel\"";
    }
    int gates = r.below(4);
    t += ", \"gates\": [";
    for (int g = 0; g < gates; ++g) {
      t += (g ? "," : "") + std::string("{\"id\": \"g") + std::to_string(g) + "\", \"expr\": \"" +
           gate_expr(r, p.stage_ids, matrix) + "\"";
      int kind = r.below(20);
      if (kind < 5) t += ", \"kind\": \"should\", \"weight\": " + std::to_string(1 + r.below(3));
      else if (kind < 8) t += ", \"kind\": \"advisory\"";
      if (r.chance(0.25)) t += ", \"hold_for\": \"" + std::to_string(1 + r.below(3)) + "h\"";
      if (r.chance(0.4)) t += std::string(", \"on_unknown\": \"") + (r.chance(0.5) ? "block" : "ignore") + "\"";
      t += "}";
    }
    t += "]";
    if (r.chance(0.3)) t += ", \"min_score\": 0.5";
    if (r.chance(0.3)) {
      t += ", \"approvals\": [{\"role\": \"sec\", \"min\": " + std::to_string(1 + r.below(2));
      if (r.chance(0.5)) t += ", \"max_age\": \"5h\"";
      t += "}]";
    }
    t += "}";
  }
  t += "]";
  if (r.chance(0.4)) {
    int64_t from = kT0 + 3600 * (8 + r.below(30));
    t += ", \"freezes\": [{\"from\": \"" + rfc3339(from) + "\", \"to\": \"" + rfc3339(from + 3600 * (1 + r.below(8))) +
         "\", \"reason\": \"change freeze\"";
    if (r.chance(0.5)) t += ", \"stages\": [\"" + r.pick(p.stage_ids) + "\"]";
    t += "}]";
  }
  if (r.chance(0.5)) t += ", \"target\": \"" + p.stage_ids.back() + "\"";
  t += "}";
  p.text = t;
  return p;
}

std::string random_value(Random& r, const std::string& type) {
  if (type == "int") return std::to_string(r.below(7));
  if (type == "double") return std::to_string(r.below(6)) + ".5";
  if (type == "bool") return r.chance(0.6) ? "true" : "false";
  if (type == "timestamp") return "\"" + rfc3339(kT0 + 3600 * r.below(40)) + "\"";
  std::vector<std::string> items;
  for (const char* s : {"a", "b", "c"})
    if (r.chance(0.5)) items.push_back(std::string("\"") + s + "\"");
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out + "]";
}

// One fact's entry: missing, a bare value, or a wrapper with observed_at.
std::string random_fact(Random& r, const std::string& type, int64_t now) {
  int shape = r.below(10);
  if (shape == 0) return "null";
  std::string value = random_value(r, type);
  if (shape < 4) return value;
  return "{\"value\": " + value + ", \"observed_at\": \"" + rfc3339(now - 600 * r.below(40)) +
         "\", \"source\": \"monitoring\"}";
}

std::string random_progress(Random& r, int64_t now) {
  static const std::vector<std::string> states = {"not_started", "not_started", "in_progress", "done",
                                                  "held", "cancelled", "rolled_back"};
  std::string state = r.pick(states);
  std::string out = "{\"state\": \"" + state + "\"";
  if (state != "not_started" && r.chance(0.7)) out += ", \"started_at\": \"" + rfc3339(now - 1800 * r.below(8)) + "\"";
  if (state == "done" && r.chance(0.7)) out += ", \"done_at\": \"" + rfc3339(now - 600 * r.below(3)) + "\"";
  if (r.chance(0.3)) out += ", \"requested_by\": \"kim\"";
  if (state == "held") out += ", \"reason\": \"waiting for a fix\"";
  return out + "}";
}

// The inputs a host keeps, as the text of a facts document.
struct Model {
  std::map<std::string, std::string> facts;
  std::map<std::string, std::string> progress;
  std::vector<std::string> approvals;

  std::string document() const {
    std::string t = "{\"facts\": {";
    bool first = true;
    for (const auto& [name, value] : facts) {
      t += (first ? "\"" : ",\"") + name + "\": " + value;
      first = false;
    }
    t += "}, \"progress\": {";
    first = true;
    for (const auto& [id, p] : progress) {
      t += (first ? "\"" : ",\"") + id + "\": " + p;
      first = false;
    }
    t += "}, \"approvals\": [";
    for (size_t i = 0; i < approvals.size(); ++i) t += (i ? "," : "") + approvals[i];
    return t + "]}";
  }
};

struct Totals {
  int steps = 0;
  int incremental = 0;
  int partial = 0;  // incremental with fewer gates than the plan has
  int copies = 0;
  int skipped_summaries = 0;
};

void run_plan(Random& r, Totals& totals, int steps) {
  GeneratedPlan generated = generate_plan(r);
  plan::LoadResult loaded = plan::load_plan(generated.text, "plan.json");
  INFO(generated.text);
  INFO(to_string(loaded.errors));
  REQUIRE(loaded.plan);
  std::shared_ptr<const plan::Plan> plan = loaded.plan;
  size_t gate_count = 0;
  for (const plan::Stage& s : plan->stages) gate_count += s.gates.size();

  engine::IncrementalEvaluator evaluator(plan);
  Model model;
  int64_t now = kT0 + 10 * 3600;
  auto inputs = std::make_shared<engine::Inputs>();
  inputs->facts.resize(plan->facts.size());
  inputs->progress.resize(plan->stages.size());
  std::shared_ptr<const state::State> restored;
  // A report kept for a while: it must not change as the session moves on.
  std::shared_ptr<const engine::Evaluation> kept;
  std::string kept_json;

  auto set_inputs = [&] {
    engine::InputsResult fresh = engine::load_inputs(*plan, model.document(), "facts.json");
    INFO(model.document());
    INFO(to_string(fresh.errors));
    REQUIRE(fresh.inputs);
    engine::share_unchanged(*fresh.inputs, *inputs);
    inputs = std::make_shared<engine::Inputs>(std::move(*fresh.inputs));
  };

  for (int step = 0; step < steps; ++step) {
    int changes = 1 + r.below(3);
    bool via_inputs = false;
    for (int c = 0; c < changes; ++c) {
      int what = r.below(20);
      if (what < 9) {  // one fact, as rollgate_session_set_fact does
        const FactSpec& f = r.pick(kFacts);
        std::string entry = random_fact(r, f.type, now);
        if (entry == "null") model.facts.erase(f.name);
        else model.facts[f.name] = entry;
        const plan::FactDecl* decl = plan->find_fact(f.name);
        REQUIRE(decl);
        engine::FactResult fact = engine::load_fact(*decl, entry);
        REQUIRE(fact.errors.empty());
        if (inputs.use_count() > 1) inputs = std::make_shared<engine::Inputs>(*inputs);
        inputs->facts.set(size_t(decl - plan->facts.data()), std::move(fact.fact));
      } else if (what < 12) {
        model.progress[r.pick(generated.stage_ids)] = random_progress(r, now);
        via_inputs = true;
      } else if (what < 14) {
        if (!model.approvals.empty() && r.chance(0.3)) {
          model.approvals.erase(model.approvals.begin() + r.below(int(model.approvals.size())));
        } else {
          static const std::vector<std::string> people = {"alice", "bob", "kim"};
          model.approvals.push_back("{\"stage\": \"" + r.pick(generated.stage_ids) +
                                    "\", \"role\": \"sec\", \"by\": \"" + r.pick(people) + "\", \"at\": \"" +
                                    rfc3339(now - 3600 * r.below(8)) + "\"}");
        }
        via_inputs = true;
      } else if (what < 15) {
        via_inputs = true;  // the same document again: nothing changes
      } else {
        static const std::vector<int64_t> steps_s = {0, 60, 600, 1800, 3600, 3 * 3600, 7 * 3600};
        now += r.pick(steps_s);
      }
    }
    if (via_inputs) set_inputs();

    // Sometimes the host clears or restores state: then a full evaluation.
    std::shared_ptr<const state::State> previous = evaluator.state();
    int event = r.below(40);
    if (event == 0) {
      evaluator.forget();
      previous = nullptr;
    } else if (event == 1 && previous) {
      state::StateResult back = state::load_state(*plan, state::to_json(*previous, *plan), "state.json");
      REQUIRE(back.state);
      restored = std::make_shared<const state::State>(std::move(*back.state));
      previous = restored;
    }

    cel::Timestamp at{now, 0};
    engine::Evaluation full = engine::evaluate(plan, inputs, at, previous);
    std::string expected = report::to_json(full);
    std::string expected_state = state::to_json(*full.state, *plan);
    std::shared_ptr<const engine::Evaluation> got;
    if (restored) {
      previous.reset();
      got = evaluator.evaluate(inputs, at, restored);
      restored.reset();
    } else {
      previous.reset();  // the session holds no copy of its own state
      got = evaluator.evaluate_next(inputs, at);
    }
    INFO("plan: " << generated.text);
    INFO("step " << step << ", inputs: " << model.document());
    REQUIRE(got);
    CHECK(report::to_json(*got) == expected);
    CHECK(state::to_json(*evaluator.state(), *plan) == expected_state);
    CHECK(report::to_text(*got) == report::to_text(full));

    const engine::IncrementalEvaluator::Stats& stats = evaluator.stats();
    ++totals.steps;
    if (!stats.full) {
      ++totals.incremental;
      if (stats.gates_evaluated < gate_count) ++totals.partial;
      if (stats.copied) ++totals.copies;
      if (!stats.summarized) ++totals.skipped_summaries;
    }
    if (kept) CHECK(report::to_json(*kept) == kept_json);
    if (r.chance(0.1)) {
      kept = got;
      kept_json = report::to_json(*kept);
    } else if (r.chance(0.2)) {
      kept.reset();
    }
  }
}

}  // namespace

TEST_CASE("incremental evaluation equals full evaluation on random plans and changes") {
  Random r(20261122);
  Totals totals;
  for (int p = 0; p < 150; ++p) run_plan(r, totals, 40);
  MESSAGE("steps " << totals.steps << ", incremental " << totals.incremental << ", partial "
                   << totals.partial << ", copied " << totals.copies << ", summary skipped "
                   << totals.skipped_summaries);
  CHECK(totals.steps == 6000);
  // The comparisons above mean something only if most steps were
  // incremental, and many touched only part of the plan.
  CHECK(totals.incremental > totals.steps * 8 / 10);
  CHECK(totals.partial > totals.incremental / 2);
  CHECK(totals.copies > 0);
  CHECK(totals.skipped_summaries > 0);
}

TEST_CASE("a fact table copy keeps its entries while the original changes") {
  Random r(7);
  engine::FactTable table;
  table.resize(5000);
  std::vector<std::shared_ptr<const engine::FactInput>> model(5000);
  std::vector<std::pair<engine::FactTable, std::vector<std::shared_ptr<const engine::FactInput>>>> copies;
  for (int round = 0; round < 4000; ++round) {
    size_t i = size_t(r.below(5000));
    std::shared_ptr<const engine::FactInput> value;
    if (r.chance(0.8)) {
      engine::FactInput f;
      f.value = cel::Value::int64(round);
      value = std::make_shared<const engine::FactInput>(std::move(f));
    }
    table.set(i, value);
    model[i] = value;
    if (round % 500 == 0) copies.emplace_back(table, model);
  }
  for (size_t i = 0; i < model.size(); ++i) REQUIRE(table[i] == model[i]);
  for (const auto& [copy, expected] : copies) {
    for (size_t i = 0; i < expected.size(); ++i) REQUIRE(copy[i] == expected[i]);
    std::vector<size_t> differ;
    table.for_each_difference(copy, [&](size_t i) { differ.push_back(i); });
    std::vector<size_t> want;
    for (size_t i = 0; i < expected.size(); ++i)
      if (expected[i] != model[i]) want.push_back(i);
    CHECK(differ == want);
  }
}

TEST_CASE("an earlier evaluation keeps its inputs and report while the session changes facts") {
  auto loaded = plan::load_plan(R"({"rollgate": 1, "facts": {"n": {"type": "int"}},
    "stages": [{"id": "a", "gates": [{"id": "g", "expr": "n > 1"}]}]})", "plan.json");
  REQUIRE(loaded.plan);
  engine::IncrementalEvaluator evaluator(loaded.plan);
  auto inputs = std::make_shared<engine::Inputs>();
  inputs->facts.resize(1);
  inputs->progress.resize(1);
  inputs->facts.set(0, engine::load_fact(loaded.plan->facts[0], "5").fact);
  auto first = evaluator.evaluate_next(inputs, cel::Timestamp{kT0, 0});
  std::string first_json = report::to_json(*first);
  // As rollgate_session_set_fact: copy the (cheap) Inputs while shared.
  for (int v = 0; v < 3; ++v) {
    if (inputs.use_count() > 1) inputs = std::make_shared<engine::Inputs>(*inputs);
    inputs->facts.set(0, engine::load_fact(loaded.plan->facts[0], std::to_string(v - 1)).fact);
    auto next = evaluator.evaluate_next(inputs, cel::Timestamp{kT0 + v, 0});
    INFO(report::to_json(*next));
    INFO("full " << evaluator.stats().full << " gates " << evaluator.stats().gates_evaluated);
    CHECK(next->stages[0].status == engine::StageStatus::Blocked);
    // `first` still holds the first evaluation: it is copied, once.
    CHECK(evaluator.stats().copied == (v == 0));
  }
  CHECK(report::to_json(*first) == first_json);
  CHECK(first->inputs->facts[0]->value.debug_string() == "5");
}
