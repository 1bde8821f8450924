"""Session state, soak, drift, what-if and plan diff through the ctypes
binding (DESIGN rules 15-21): Session.set_state/state/clear_state/what_if,
Report.drift_count and Plan.diff.

Run:  ROLLGATE_LIBRARY=build/<dir>/lib/librollgate.so \
      python3 -m unittest discover -s bindings-examples/python/tests -v
"""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from rollgate import Plan, RollgateError, Session, Status  # noqa: E402

T0 = "2026-11-23T10:00:00Z"
T0_30M = "2026-11-23T10:30:00Z"
T1 = "2026-11-23T11:00:00Z"  # T0 + 1h
T2 = "2026-11-23T12:00:00Z"
T3 = "2026-11-23T13:00:00Z"

# Stage a: a must-gate that soaks for an hour (g) and one that does not (m).
SOAK_PLAN = {
    "rollgate": 1, "name": "soak", "target": "a",
    "facts": {"ok": {"type": "bool"}, "n": {"type": "int"}},
    "stages": [
        {"id": "a", "gates": [{"id": "g", "expr": "ok", "hold_for": "1h"},
                              {"id": "m", "expr": "n > 1"}]},
        {"id": "b", "after": ["a"]},
    ],
}
SOAK_FACTS = {"facts": {"ok": True, "n": 2}}


def plan_text(plan):
    return json.dumps(plan, indent=1)


def stage(report, stage_id):
    for s in report["stages"]:
        if s["id"] == stage_id:
            return s
    raise AssertionError("no stage %r in %s" % (stage_id, report["stages"]))


def gate(stage_report, gate_id):
    for g in stage_report["gates"]:
        if g["id"] == gate_id:
            return g
    raise AssertionError("no gate %r in %s" % (gate_id, stage_report))


class StateTestCase(unittest.TestCase):
    plan_doc = SOAK_PLAN
    facts = SOAK_FACTS

    def setUp(self):
        self.plan = Plan.compile(plan_text(self.plan_doc), "plan.json")
        self.addCleanup(self.plan.close)

    def session(self, facts=None):
        s = Session(self.plan)
        self.addCleanup(s.close)
        s.set_inputs(self.facts if facts is None else facts)
        return s

    def evaluate(self, session, now):
        with session.evaluate(now) as r:
            return r.json(), r.target_met, r.drift_count


class SoakTest(StateTestCase):
    def test_soak_completes_across_evaluations(self):
        s = self.session()
        report, met, _ = self.evaluate(s, T0)
        g = gate(stage(report, "a"), "g")
        self.assertEqual(g["status"], "soaking")
        self.assertEqual(stage(report, "a")["status"], "soaking")
        self.assertFalse(met)
        self.assertEqual(report["transitions"], [])

        report, met, _ = self.evaluate(s, T0_30M)
        g = gate(stage(report, "a"), "g")
        self.assertEqual(g["status"], "soaking")
        self.assertEqual(g["since"], T0)  # since = true_since (rule 16)
        self.assertFalse(met)

        report, met, _ = self.evaluate(s, T1)
        self.assertEqual(gate(stage(report, "a"), "g")["status"], "pass")
        self.assertEqual(stage(report, "a")["status"], "ready")
        self.assertTrue(met)
        transitions = {t["id"]: t for t in report["transitions"]}
        self.assertEqual(transitions["a/g"]["from"], "soaking")
        self.assertEqual(transitions["a/g"]["to"], "pass")
        self.assertEqual(transitions["a/g"]["at"], T1)
        self.assertEqual(transitions["a"]["to"], "ready")
        self.assertNotIn("a/m", transitions)  # unchanged: no transition

    def test_false_evaluation_restarts_the_soak(self):
        s = self.session()
        self.evaluate(s, T0)
        s.set_fact("ok", False)
        self.evaluate(s, T1)
        s.set_fact("ok", True)
        report, met, _ = self.evaluate(s, T2)
        self.assertEqual(gate(stage(report, "a"), "g")["status"], "soaking")
        self.assertEqual(gate(stage(report, "a"), "g")["since"], T2)
        self.assertFalse(met)


class StateRoundTripTest(StateTestCase):
    def test_fresh_session_has_no_state(self):
        self.assertIsNone(self.session().state())

    def test_state_is_json_of_the_last_evaluation(self):
        s = self.session()
        self.evaluate(s, T0)
        text = s.state()
        self.assertIsInstance(text, str)
        state = json.loads(text)
        self.assertEqual(state["rollgate_state"], 1)
        self.assertEqual(state["plan"], self.plan.digest)
        self.assertEqual(state["name"], "soak")
        self.assertEqual(state["evaluated_at"], T0)
        self.assertEqual(state["gates"]["a/g"]["status"], "soaking")
        self.assertEqual(state["gates"]["a/g"]["true_since"], T0)
        self.assertEqual(state["gates"]["a/m"]["status"], "pass")
        self.assertIn("true_since", state["gates"]["a/m"])  # every pass record
        self.assertRegex(state["gates"]["a/g"]["def"], r"^sha256:[0-9a-f]{64}$")
        self.assertEqual(state["stages"]["a"]["status"], "soaking")
        self.evaluate(s, T0_30M)
        self.assertEqual(json.loads(s.state())["evaluated_at"], T0_30M)

    def test_restored_state_carries_the_soak(self):
        first = self.session()
        self.evaluate(first, T0)
        saved = first.state()

        second = self.session()
        second.set_state(saved, "saved.json")
        self.assertEqual(second.state(), saved)  # byte-identical before evaluating
        report, met, _ = self.evaluate(second, T1)
        self.assertTrue(met)
        self.assertEqual(gate(stage(report, "a"), "g")["status"], "pass")

        # The same as the session that never stopped.
        with first.evaluate(T1) as r1, self.session() as third:
            third.set_state(saved)
            with third.evaluate(T1) as r3:
                self.assertEqual(r1.json_text(), r3.json_text())

        # Without state the soak starts over.
        report, met, _ = self.evaluate(self.session(), T1)
        self.assertFalse(met)
        self.assertEqual(gate(stage(report, "a"), "g")["status"], "soaking")

    def test_set_state_accepts_a_dict_and_bytes(self):
        first = self.session()
        self.evaluate(first, T0)
        saved = first.state()
        for form in (json.loads(saved), saved.encode("utf-8")):
            s = self.session()
            s.set_state(form)
            self.assertEqual(s.state(), saved)

    def test_clear_state(self):
        s = self.session()
        self.evaluate(s, T0)
        self.assertIsNotNone(s.state())
        s.clear_state()
        self.assertIsNone(s.state())
        report, met, _ = self.evaluate(s, T1)  # a first evaluation again
        self.assertFalse(met)
        self.assertEqual(gate(stage(report, "a"), "g")["status"], "soaking")
        self.assertEqual(report["transitions"], [])
        self.assertEqual(report["drift"], [])
        s.clear_state()
        s.clear_state()  # idempotent

    def test_closed_session(self):
        s = Session(self.plan)
        s.close()
        for call in (s.state, s.clear_state, lambda: s.set_state("{}"),
                     lambda: s.what_if({}, T0)):
            with self.assertRaises(ValueError):
                call()


class ChangedPlanTest(StateTestCase):
    """Rule 19: state of another version of the plan is used id by id."""

    def test_redefined_gate_restarts_its_soak(self):
        s = self.session()
        self.evaluate(s, T0)
        saved = s.state()
        changed = json.loads(json.dumps(SOAK_PLAN))
        changed["stages"][0]["gates"][0]["expr"] = "ok || false"   # a/g redefined
        changed["stages"][0]["gates"][1]["hold_for"] = "1h"        # a/m: same def
        changed["stages"][0]["gates"].append({"id": "x", "expr": "n > 0"})
        with Plan.compile(plan_text(changed)) as new_plan, Session(new_plan) as t:
            t.set_inputs(SOAK_FACTS)
            t.set_state(saved)
            with t.evaluate(T1) as r:
                report = r.json()
        a = stage(report, "a")
        self.assertEqual(gate(a, "g")["status"], "soaking")  # restarted at T1
        self.assertEqual(gate(a, "g")["since"], T1)
        # a/m kept its record: true since T0, it has held for its new 1h.
        self.assertEqual(gate(a, "m")["status"], "pass")
        warnings = " ".join(report["warnings"])
        self.assertIn("a/x", warnings)
        self.assertIn("a/g", warnings)
        transitions = {t["id"]: t for t in report["transitions"]}
        self.assertIsNone(transitions["a/x"]["from"])
        self.assertIsNone(transitions["a/g"]["from"])

    def test_same_plan_no_warning(self):
        s = self.session()
        self.evaluate(s, T0)
        t = self.session()
        t.set_state(s.state())
        report, _, _ = self.evaluate(t, T1)
        self.assertEqual(report["warnings"], [])


class BadStateTest(StateTestCase):
    """Rule 15: unusable state is EINPUT naming file and field; the session
    keeps the state it had."""

    def valid_state(self, **changes):
        state = {"rollgate_state": 1, "plan": self.plan.digest, "name": "soak",
                 "evaluated_at": T0, "gates": {}, "stages": {}}
        state.update(changes)
        return json.dumps(state)

    def assert_rejected(self, text, pointer, words=()):
        s = self.session()
        self.evaluate(s, T0)
        before = s.state()
        with self.assertRaises(RollgateError) as cm:
            s.set_state(text, "bad-state.json")
        e = cm.exception
        self.assertEqual(e.code, Status.EINPUT, e)
        self.assertEqual(e.status, "EINPUT")
        self.assertTrue(e.problems, repr(e))
        p = e.problems[0]
        self.assertEqual(p.file, "bad-state.json", p)
        self.assertEqual(p.pointer, pointer, p)
        for word in words:
            self.assertIn(word, p.message)
        self.assertIn("bad-state.json", str(e))
        self.assertEqual(s.state(), before)
        # The kept state is the one used: the soak completes at T1.
        _, met, _ = self.evaluate(s, T1)
        self.assertTrue(met)
        return p

    def test_empty(self):
        self.assert_rejected("", "", ["empty"])
        self.assert_rejected(" \n", "", ["empty"])

    def test_malformed_json(self):
        p = self.assert_rejected("{", "")
        self.assertGreater(p.line, 0)

    def test_not_an_object(self):
        self.assert_rejected("[]", "", ["object"])

    def test_not_a_state(self):
        self.assert_rejected("{}", "", ["rollgate_state"])

    def test_unknown_version(self):
        self.assert_rejected(json.dumps({"rollgate_state": 2}), "/rollgate_state", ["2"])
        p = self.assert_rejected(self.valid_state(rollgate_state=2), "/rollgate_state")
        self.assertGreater(p.line, 0)

    def test_other_plan_name(self):
        p = self.assert_rejected(self.valid_state(name="other"), "/name", ["other", "soak"])
        self.assertGreater(p.line, 0)
        self.assertGreater(p.column, 0)

    def test_bad_record(self):
        gates = {"a/g": {"status": "great", "since": T0, "def": "sha256:00"}}
        self.assert_rejected(self.valid_state(gates=gates), "/gates/a~1g/status", ["great"])

    def test_record_after_evaluated_at(self):
        stages = {"a": {"status": "ready", "since": T1}}
        self.assert_rejected(self.valid_state(stages=stages), "/stages/a/since")

    def test_without_a_file_name_none_is_invented(self):
        s = self.session()
        with self.assertRaises(RollgateError) as cm:
            s.set_state("{}")
        self.assertEqual(cm.exception.problems[0].file, "")
        self.assertFalse(str(cm.exception).startswith("state.json"), str(cm.exception))

    def test_not_text(self):
        with self.assertRaises(TypeError):
            self.session().set_state(42)


class FutureStateTest(StateTestCase):
    def test_state_after_the_instant_is_refused(self):
        s = self.session()
        self.evaluate(s, T1)
        before = s.state()
        with self.assertRaises(RollgateError) as cm:
            s.evaluate(T0)
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertEqual(cm.exception.problems[0].pointer, "/evaluated_at")
        with self.assertRaises(RollgateError) as cm:
            s.what_if({}, T0)
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertEqual(s.state(), before)
        # State saved at `now` is fine.
        self.evaluate(s, T1)

    def test_restored_state_names_its_file(self):
        first = self.session()
        self.evaluate(first, T1)
        s = self.session()
        s.set_state(first.state(), "saved.json")
        with self.assertRaises(RollgateError) as cm:
            s.evaluate(T0)
        p = cm.exception.problems[0]
        self.assertEqual((p.file, p.pointer), ("saved.json", "/evaluated_at"))
        self.assertGreater(p.line, 0)
        self.assertIn("saved.json:", str(cm.exception))


class WhatIfTest(StateTestCase):
    def test_patch_changes_statuses_not_the_session(self):
        s = self.session()
        twin = self.session()
        self.evaluate(s, T0)
        self.evaluate(twin, T0)
        before = s.state()

        with s.what_if({"facts": {"n": 0}}, T1) as r:
            report = r.json()
            self.assertFalse(r.target_met)
        self.assertEqual(gate(stage(report, "a"), "m")["status"], "fail")
        self.assertEqual(stage(report, "a")["status"], "blocked")
        changes = {c["id"]: c for c in report["what_if"]["changes"]}
        self.assertEqual(changes["a/m"], {"id": "a/m", "from": "pass", "to": "fail"})
        self.assertEqual(changes["a"]["from"], "ready")  # the soak completes either way
        self.assertEqual(changes["a"]["to"], "blocked")
        self.assertNotIn("a/g", changes)

        with s.what_if({"progress": {"a": {"state": "done"}}}, T1, "patch.json") as r:
            report = r.json()
            self.assertTrue(r.target_met)
        self.assertEqual(stage(report, "a")["status"], "done")
        self.assertIn({"id": "a", "from": "ready", "to": "done"},
                      report["what_if"]["changes"])

        # Neither the state nor the inputs changed.
        self.assertEqual(s.state(), before)
        with s.evaluate(T1) as r, twin.evaluate(T1) as t:
            self.assertEqual(r.json_text(), t.json_text())
            self.assertNotIn("what_if", r.json())
            self.assertTrue(r.target_met)
        self.assertEqual(s.state(), twin.state())

    def test_patch_approvals_are_added(self):
        plan_doc = json.loads(json.dumps(SOAK_PLAN))
        plan_doc["target"] = "b"
        plan_doc["stages"][1]["approvals"] = [{"role": "sec", "min": 2}]
        inputs = {"facts": {"ok": True, "n": 2}, "progress": {"a": {"state": "done"}},
                  "approvals": [{"stage": "b", "role": "sec", "by": "x", "at": T0}]}
        with Plan.compile(plan_text(plan_doc)) as plan, Session(plan) as s:
            s.set_inputs(inputs)
            with s.evaluate(T0) as r:
                self.assertFalse(r.target_met)
            patch = {"approvals": [{"stage": "b", "role": "sec", "by": "y", "at": T0}]}
            with s.what_if(patch, T0) as r:
                self.assertTrue(r.target_met)
                self.assertEqual(r.json()["what_if"]["changes"],
                                 [{"id": "b", "from": "blocked", "to": "ready"}])
            with s.evaluate(T0) as r:
                self.assertFalse(r.target_met)

    def test_empty_patch(self):
        s = self.session()
        self.evaluate(s, T0)
        with s.what_if("{}", T1) as r:
            report = r.json()
            self.assertTrue(r.target_met)  # from the session's state
        self.assertEqual(report["what_if"], {"changes": []})
        with s.evaluate(T1) as r:
            plain = r.json()
        del report["what_if"]
        self.assertEqual(report, plain)

    def test_what_if_without_state_keeps_none(self):
        s = self.session()
        with s.what_if({"facts": {"ok": None}}, T0) as r:
            report = r.json()
        self.assertEqual(gate(stage(report, "a"), "g")["status"], "unknown")
        self.assertIn({"id": "a/g", "from": "soaking", "to": "unknown"},
                      report["what_if"]["changes"])
        self.assertIsNone(s.state())

    def test_bad_patches(self):
        s = self.session()
        self.evaluate(s, T0)
        before = s.state()
        with self.assertRaises(RollgateError) as cm:
            s.what_if({"facts": {"n": "two"}}, T1, "p.json")
        self.assertEqual(cm.exception.code, Status.EINPUT)
        p = cm.exception.problems[0]
        self.assertEqual((p.file, p.pointer), ("p.json", "/facts/n"))
        with self.assertRaises(RollgateError) as cm:
            s.what_if('{"facts": ', T1)
        self.assertEqual(cm.exception.code, Status.EJSON)
        self.assertEqual(cm.exception.problems[0].file, "")  # none given, none invented
        self.assertEqual(s.state(), before)


class DriftTest(StateTestCase):
    plan_doc = {
        "rollgate": 1, "name": "drift",
        "facts": {"n": {"type": "int"}, "s": {"type": "int"}},
        "stages": [{"id": "a", "gates": [
            {"id": "m", "expr": "n > 1"},
            {"id": "w", "kind": "should", "expr": "s > 1"}]}],
    }
    facts = {"facts": {"n": 2, "s": 2}, "progress": {"a": {"state": "in_progress"}}}

    def test_passing_must_gate_that_fails_drifts(self):
        s = self.session()
        report, _, drift = self.evaluate(s, T0)
        self.assertEqual(drift, 0)
        self.assertIs(stage(report, "a")["drift"], False)

        s.set_fact("n", 0)
        s.set_fact("s", 0)  # should-gates never drift
        report, _, drift = self.evaluate(s, T1)
        self.assertEqual(drift, 1)
        self.assertEqual(report["drift"], [{"stage": "a", "gate": "a/m",
                                            "status": "fail", "since": T1}])
        self.assertIs(stage(report, "a")["drift"], True)
        self.assertEqual(stage(report, "a")["status"], "in_progress")
        self.assertEqual(gate(stage(report, "a"), "m")["status"], "fail")
        self.assertIn({"id": "a/m", "from": "pass", "to": "fail", "at": T1},
                      report["transitions"])
        state = json.loads(s.state())
        self.assertEqual(state["gates"]["a/m"]["drift_since"], T1)

        # Kept, with its start, across evaluations and a restart.
        report, _, drift = self.evaluate(s, T2)
        self.assertEqual(drift, 1)
        self.assertEqual(report["drift"][0]["since"], T1)
        restarted = self.session({"facts": {"n": 0, "s": 0},
                                  "progress": {"a": {"state": "in_progress"}}})
        restarted.set_state(s.state())
        report, _, drift = self.evaluate(restarted, T3)
        self.assertEqual(drift, 1)
        self.assertEqual(report["drift"][0]["since"], T1)

        # Passing again clears it at once.
        s.set_fact("n", 5)
        report, _, drift = self.evaluate(s, T3)
        self.assertEqual(drift, 0)
        self.assertEqual(report["drift"], [])
        self.assertIs(stage(report, "a")["drift"], False)

    def test_failing_from_the_start_is_not_drift(self):
        s = self.session({"facts": {"n": 0, "s": 2},
                          "progress": {"a": {"state": "in_progress"}}})
        self.evaluate(s, T0)
        report, _, drift = self.evaluate(s, T1)
        self.assertEqual(drift, 0)
        self.assertEqual(report["drift"], [])
        self.assertEqual(gate(stage(report, "a"), "m")["status"], "fail")

    def test_held_keeps_drift_cancelled_clears_it(self):
        s = self.session()
        self.evaluate(s, T0)
        s.set_fact("n", 0)
        self.assertEqual(self.evaluate(s, T1)[2], 1)
        s.set_inputs({"facts": {"n": 0, "s": 2},
                      "progress": {"a": {"state": "held", "reason": "incident"}}})
        report, _, drift = self.evaluate(s, T2)
        self.assertEqual(drift, 1)
        self.assertEqual(stage(report, "a")["status"], "held")
        self.assertEqual(report["drift"][0]["since"], T1)
        s.set_inputs({"facts": {"n": 0, "s": 2},
                      "progress": {"a": {"state": "cancelled"}}})
        report, _, drift = self.evaluate(s, T3)
        self.assertEqual(drift, 0)
        self.assertEqual(report["drift"], [])

    def test_what_if_reports_drift_without_keeping_it(self):
        s = self.session()
        self.evaluate(s, T0)
        with s.what_if({"facts": {"n": 0}}, T1) as r:
            self.assertEqual(r.drift_count, 1)
            self.assertEqual(r.json()["drift"][0]["gate"], "a/m")
        self.assertEqual(self.evaluate(s, T1)[2], 0)

    def test_drift_count_of_closed_report(self):
        s = self.session()
        r = s.evaluate(T0)
        r.close()
        with self.assertRaises(ValueError):
            r.drift_count


class PlanDiffTest(unittest.TestCase):
    OLD = {
        "rollgate": 1, "name": "diff",
        "facts": {"n": {"type": "int"}},
        "stages": [{"id": "a", "gates": [{"id": "m", "expr": "n > 1"}]}],
    }

    def compile(self, plan):
        p = Plan.compile(plan_text(plan))
        self.addCleanup(p.close)
        return p

    def lowered(self):
        new = json.loads(json.dumps(self.OLD))
        new["stages"][0]["gates"][0]["expr"] = "n > 0"
        return new

    def test_lowered_threshold_loosens(self):
        old, new = self.compile(self.OLD), self.compile(self.lowered())
        d = old.diff(new)
        self.assertEqual(d["old"], old.digest)
        self.assertEqual(d["new"], new.digest)
        self.assertIs(d["loosened"], True)
        self.assertEqual(len(d["changes"]), 1, d["changes"])
        c = d["changes"][0]
        self.assertEqual((c["id"], c["field"], c["from"], c["to"], c["change"], c["class"]),
                         ("a/m", "expr", "n > 1", "n > 0", "modified", "loosened"))

    def test_raised_threshold_tightens(self):
        d = self.compile(self.lowered()).diff(self.compile(self.OLD))
        self.assertIs(d["loosened"], False)
        self.assertEqual([c["class"] for c in d["changes"]], ["tightened"])

    def test_same_plan(self):
        a, b = self.compile(self.OLD), self.compile(self.OLD)
        self.assertEqual(a.diff(b)["changes"], [])
        self.assertIs(a.diff(b)["loosened"], False)
        self.assertEqual(a.diff(a)["changes"], [])

    def test_classes(self):
        new = json.loads(json.dumps(self.OLD))
        new["stages"][0]["gates"][0]["kind"] = "should"  # must -> should: loosens
        new["stages"].append({"id": "b", "after": ["a"]})  # stage added: tightens
        d = self.compile(self.OLD).diff(self.compile(new))
        by_id = {(c["id"], c["field"]): c for c in d["changes"]}
        self.assertEqual(by_id[("a/m", "kind")]["class"], "loosened")
        self.assertEqual(by_id[("b", None)]["change"], "added")
        self.assertEqual(by_id[("b", None)]["class"], "tightened")
        self.assertIs(d["loosened"], True)

    def test_text(self):
        text = self.compile(self.OLD).diff(self.compile(self.lowered()), as_text=True)
        self.assertIsInstance(text, str)
        self.assertIn("a/m", text)
        self.assertIn("loosened", text)
        with self.assertRaises(ValueError):
            json.loads(text)

    def test_wrong_argument(self):
        with self.assertRaises(TypeError):
            self.compile(self.OLD).diff(plan_text(self.OLD))

    def test_closed_plan(self):
        a, b = self.compile(self.OLD), self.compile(self.OLD)
        b.close()
        with self.assertRaises(ValueError):
            a.diff(b)


if __name__ == "__main__":
    unittest.main()
