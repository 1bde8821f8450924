// Session inputs one at a time (issue 8, item 2): the persistent structures
// behind them (a change copies O(log n) nodes, and a comparison finds just
// the changed entries), and the C++ API over rollgate_session_set_fact_*,
// _clear_fact, _set_progress, _add_approval and _inputs: after any change,
// the session's incremental evaluation equals a full evaluation of the same
// inputs from the same state, and inputs() reads back to the same inputs.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <rollgate/rollgate.hpp>

#include "engine/approval_index.hpp"
#include "engine/inputs.hpp"
#include "engine/inputs_edits.hpp"
#include "engine/persistent_vector.hpp"
#include "read_file.hpp"

namespace {

using namespace rollgate;

constexpr std::int64_t kNow = 1795424400;  // 2026-11-23T09:00:00Z

std::vector<size_t> differences(const engine::PersistentVector<int>& a, const engine::PersistentVector<int>& b) {
  std::vector<size_t> out;
  a.for_each_difference(b, [&](size_t i) { out.push_back(i); });
  return out;
}

// The stages an index lists for `stage`, in order.
std::vector<uint32_t> indexed(const engine::ApprovalIndex& index, size_t stage) {
  std::vector<uint32_t> out;
  index.for_each_of_stage(stage, [&](uint32_t a) { out.push_back(a); });
  return out;
}

engine::Approval approval_of(std::vector<int> stages, std::string by) {
  engine::Approval a;
  a.stages = std::move(stages);
  a.stage_ref = "s";
  a.role = "r";
  a.by = std::move(by);
  return a;
}

}  // namespace

TEST_CASE("a persistent vector grown by push_back differs from its copy in exactly the new entries") {
  engine::PersistentVector<int> v;
  std::vector<engine::PersistentVector<int>> copies;
  std::vector<size_t> sizes;
  for (int i = 0; i < 40000; ++i) {
    if (i == 0 || i == 31 || i == 32 || i == 1023 || i == 1024 || i == 1025 || i == 33000) {
      copies.push_back(v);
      sizes.push_back(size_t(i));
    }
    v.push_back(i * 3);
  }
  REQUIRE(v.size() == 40000);
  for (size_t i = 0; i < v.size(); i += 997) CHECK(v[i] == int(i) * 3);
  for (size_t c = 0; c < copies.size(); ++c) {
    INFO("copy of size " << sizes[c]);
    CHECK(copies[c].size() == sizes[c]);
    std::vector<size_t> want;
    for (size_t i = sizes[c]; i < v.size(); ++i) want.push_back(i);
    CHECK(differences(v, copies[c]) == want);
    CHECK(differences(copies[c], v) == want);
  }
  // One entry changed in a copy: that one only, and the original keeps it.
  engine::PersistentVector<int> changed = v;
  CHECK(changed.same(v));
  changed.set(size_t(1500), 7);
  CHECK(!changed.same(v));
  CHECK(differences(changed, v) == std::vector<size_t>{1500});
  CHECK(v[1500] == 4500);
  // A missing entry reads as the default; setting it to null removes it.
  changed.set(size_t(1500), engine::PersistentVector<int>::Entry());
  CHECK(changed[1500] == 0);
  CHECK(!changed.entry(1500));
}

TEST_CASE("an approval index extended one approval at a time equals one built at once") {
  std::mt19937 rng(11);
  const size_t stages = 3000;
  engine::PersistentVector<engine::Approval> approvals;
  std::shared_ptr<const engine::ApprovalIndex> index;
  for (int i = 0; i < 400; ++i) {
    std::vector<int> named;
    int count = 1 + int(rng() % 3);
    for (int k = 0; k < count; ++k) named.push_back(int(rng() % 40) * 70);
    if (i == 100) named.push_back(named.front());  // a stage named twice counts once
    engine::PersistentVector<engine::Approval> before = approvals;
    approvals.push_back(approval_of(named, std::to_string(i)));
    // Rebuilt every 150 approvals, as set_inputs would: then extended again.
    index = i % 150 == 0 ? engine::ApprovalIndex::build(approvals, stages)
                         : engine::ApprovalIndex::after_push_back(index, before, approvals, stages);
    CHECK(index->indexes(approvals, stages));
  }
  std::shared_ptr<const engine::ApprovalIndex> built = engine::ApprovalIndex::build(approvals, stages);
  for (size_t s = 0; s < stages; s += 70) {
    INFO("stage " << s);
    CHECK(indexed(*index, s) == indexed(*built, s));
  }
  CHECK(indexed(*index, 1).empty());
}

TEST_CASE("engine::add_approval keeps the index of the approvals current, also from none") {
  engine::Inputs inputs;
  inputs.progress.resize(10);
  engine::add_approval(inputs, approval_of({3}, "alice"), 10);
  REQUIRE(inputs.approvals_by_stage);
  CHECK(inputs.approvals_by_stage->indexes(inputs.approvals, 10));
  engine::Inputs earlier = inputs;  // as a report holds them
  engine::add_approval(inputs, approval_of({3, 4}, "bob"), 10);
  CHECK(inputs.approvals_by_stage->indexes(inputs.approvals, 10));
  CHECK(indexed(*inputs.approvals_by_stage, 3) == std::vector<uint32_t>{0, 1});
  CHECK(indexed(*inputs.approvals_by_stage, 4) == std::vector<uint32_t>{1});
  // The earlier inputs and their index are as they were.
  CHECK(earlier.approvals.size() == 1);
  CHECK(indexed(*earlier.approvals_by_stage, 3) == std::vector<uint32_t>{0});
  CHECK(earlier.approvals_by_stage->indexes(earlier.approvals, 10));
}

TEST_CASE("engine::set_progress shares one node among a matrix id's expansions and null removes it") {
  engine::Inputs inputs;
  inputs.progress.resize(100);
  engine::StageProgress done;
  done.state = engine::ProgressState::Done;
  engine::Inputs earlier = inputs;
  engine::set_progress(inputs, {4, 5, 6}, done);
  CHECK(inputs.progress.entry(4) == inputs.progress.entry(6));
  CHECK(inputs.progress[5].state == engine::ProgressState::Done);
  std::vector<size_t> changed;
  inputs.progress.for_each_difference(earlier.progress, [&](size_t s) { changed.push_back(s); });
  CHECK(changed == std::vector<size_t>{4, 5, 6});
  engine::set_progress(inputs, {5}, std::nullopt);
  CHECK(inputs.progress[5].state == engine::ProgressState::NotStarted);
  CHECK(earlier.progress[4].state == engine::ProgressState::NotStarted);
}

TEST_CASE("Session::set_fact picks the C setter by the C++ type") {
  Plan plan = Plan::compile(R"({"rollgate": 1, "facts": {"b": {"type": "bool"}, "i": {"type": "int"},
    "u": {"type": "uint"}, "d": {"type": "double"}, "s": {"type": "string"}, "t": {"type": "timestamp"},
    "du": {"type": "duration"}, "y": {"type": "dyn"}},
    "stages": [{"id": "a"}]})");
  Session session(plan);
  session.set_fact("b", true);
  session.set_fact("i", -3);                    // int
  session.set_fact("u", 7u);                    // unsigned: uint
  session.set_fact("d", 2.5);
  session.set_fact("s", "text");                // a string, not a bool
  session.set_fact("t", Timestamp{kNow, 0}, FactMeta{Timestamp{kNow - 60, 0}, "clock", "https://e/1"});
  session.set_fact("du", Duration{90, 0});
  session.set_fact_json("y", R"({"k": [1, 2.0]})");
  const std::string json = session.inputs();
  CHECK(json.find("\"b\": {\n      \"value\": true") != std::string::npos);
  CHECK(json.find("\"value\": -3") != std::string::npos);
  CHECK(json.find("\"value\": 7") != std::string::npos);
  CHECK(json.find("\"value\": \"text\"") != std::string::npos);
  CHECK(json.find("\"value\": \"2026-11-23T09:00:00Z\",\n      \"observed_at\": \"2026-11-23T08:59:00Z\",\n"
                  "      \"source\": \"clock\",\n      \"evidence\": \"https://e/1\"") != std::string::npos);
  CHECK(json.find("\"value\": \"90s\"") != std::string::npos);
  CHECK(json.find("2.0") != std::string::npos);

  session.clear_fact("b");
  CHECK(session.inputs().find("\"b\"") == std::string::npos);
  session.set_fact_entry("b", R"({"value": false, "source": "entry"})");
  CHECK(session.inputs().find("\"source\": \"entry\"") != std::string::npos);
}

TEST_CASE("the C++ setters throw Error naming the fact, the stage and the suggestion") {
  Plan plan = Plan::compile(R"({"rollgate": 1, "facts": {"pilot.advisors": {"type": "int"}},
    "stages": [{"id": "wave", "matrix": {"r": ["n", "s"]}, "approvals": [{"role": "x"}]}]})");
  Session session(plan);
  try {
    session.set_fact("pilot.advisor", 3);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].kind == "undeclared-fact");
    CHECK(e.problems()[0].suggestion == "pilot.advisors");
    CHECK(e.problems()[0].subject_kind == SubjectKind::Fact);
    CHECK(e.problems()[0].file.empty());
  }
  try {
    session.set_fact("pilot.advisors", 2.5);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    CHECK(e.problems()[0].kind == "wrong-type");
    CHECK(e.problems()[0].subject == "pilot.advisors");
  }
  try {
    session.set_progress("wav", Progress{});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.problems()[0].subject_kind == SubjectKind::Stage);
    CHECK(e.problems()[0].suggestion == "wave");
  }
  CHECK_THROWS_AS(session.add_approval(Approval{"wave-x", "x", "kim", std::nullopt, ""}), Error);
  session.add_approval(Approval{"wave", "x", "kim", Timestamp{kNow, 0}, "ok"});
  session.set_progress("wave", Progress{ProgressState::Held, Timestamp{kNow - 10, 0}, std::nullopt, "kim", "why"});
  session.clear_progress("wave-s");
  const std::string json = session.inputs();
  CHECK(json.find("\"wave-n\": {\n      \"state\": \"held\"") != std::string::npos);
  CHECK(json.find("wave-s\"") == std::string::npos);
  CHECK(json.find("\"by\": \"kim\"") != std::string::npos);
}

namespace {

// A random change through the C++ API, to the bookme example's inputs.
class Changer {
 public:
  explicit Changer(uint32_t seed) : rng_(seed) {}

  std::string change(Session& session, std::int64_t now) {
    switch (below(9)) {
      case 0: {
        const std::string& f = pick(bools_);
        session.set_fact(f, below(4) != 0);
        return "bool " + f;
      }
      case 1: {
        const std::string& f = pick(doubles_);
        FactMeta meta;
        if (below(2)) meta.observed_at = Timestamp{now - 3600 * below(40), 0};
        // Quarters: doubles every JSON parser reads back exactly.
        session.set_fact(f, double(below(400)) / 4, meta);
        return "double " + f;
      }
      case 2: {
        const std::string& f = pick(ints_);
        session.set_fact(f, std::int64_t(below(12)));
        return "int " + f;
      }
      case 3: {
        const std::string& f = pick(lists_);
        session.set_fact_json(f, below(2) ? R"(["oslo-sentrum", "bergen", "tromso"])" : R"(["north", "west"])");
        return "list " + f;
      }
      case 4: {
        std::vector<std::string> all = bools_;
        for (const auto* group : {&doubles_, &ints_, &lists_}) all.insert(all.end(), group->begin(), group->end());
        const std::string& f = pick(all);
        session.clear_fact(f);
        return "clear " + f;
      }
      case 5: {
        const std::string& stage = pick(stages_);
        Progress p;
        p.state = ProgressState(below(6));
        if (below(2)) p.started_at = Timestamp{now - 86400, 0};
        if (p.state == ProgressState::Done) p.done_at = Timestamp{now - 3600, 0};
        if (below(3) == 0) p.requested_by = "kim";
        session.set_progress(stage, p);
        return "progress " + stage;
      }
      case 6: {
        const std::string& stage = pick(stages_);
        session.clear_progress(stage);
        return "clear progress " + stage;
      }
      case 7: {
        std::vector<std::string> people = {"alice", "bob", "kim", "lee"};
        session.add_approval(
            Approval{"full-rollout", "steering-committee", pick(people), Timestamp{now - 60 * below(100), 0}, ""});
        return "approval";
      }
      default: {
        session.set_fact_entry("uptime_pct", R"({"value": 99.5, "observed_at": "2026-11-22T08:00:00Z"})");
        return "entry uptime_pct";
      }
    }
  }
  int below(int n) { return int(rng_() % uint32_t(n)); }

 private:
  const std::string& pick(const std::vector<std::string>& v) { return v[size_t(below(int(v.size())))]; }
  std::mt19937 rng_;
  std::vector<std::string> bools_ = {"checklist.calendar_sync", "checklist.sso", "checklist.booking_policy",
                                     "checklist.support_staffed", "checklist.training_material"};
  std::vector<std::string> doubles_ = {"checklist.load_test_rps", "pilot.csat", "uptime_pct", "error_rate",
                                       "training.north_pct", "training.south_pct", "adoption.north"};
  std::vector<std::string> ints_ = {"pilot.departments_with_premises", "pilot.advisors", "support.open_tickets"};
  std::vector<std::string> lists_ = {"pilot.departments", "pilot.regions", "signoffs"};
  std::vector<std::string> stages_ = {"readiness", "pilot", "wave", "wave-north", "wave-west", "full-rollout"};
};

}  // namespace

TEST_CASE("after every change one at a time, evaluate equals a full evaluation of the same inputs") {
  const std::string dir = ROLLGATE_EXAMPLES_DIR "/bookme/";
  Plan plan = Plan::compile(testing::read_file(dir + "plan-with-soak.json"));
  Session session(plan);
  session.set_inputs(testing::read_file(dir + "facts.json"));
  Changer changer(5);
  std::int64_t now = kNow - 86400 * 3;
  session.evaluate(now);
  for (int step = 0; step < 300; ++step) {
    std::string before_state = session.state();
    std::string what = changer.change(session, now);
    if (changer.below(3) == 0) what += "; " + changer.change(session, now);  // two changes, one evaluation
    if (changer.below(3) == 0) now += 600 * (1 + changer.below(4));  // mostly the same instant: only the change
    INFO("step " << step << ": " << what);
    const std::string inputs = session.inputs();
    const std::string incremental = session.evaluate(now).json();

    Session fresh(plan);
    fresh.set_state(before_state);
    fresh.set_inputs(inputs);
    CHECK(fresh.inputs() == inputs);
    const std::string full = fresh.evaluate(now).json();
    CHECK(incremental == full);
    CHECK(session.state() == fresh.state());
    if (incremental != full) break;
  }
}
