"""Reading results and the plan as Python objects (no JSON), setting inputs
one at a time, evaluation options, and the shape of errors (issue 8)."""

import datetime as dt
import json
import os
import re
import sys
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
EXAMPLES = os.path.join(REPO, "examples")
sys.path.insert(0, os.path.dirname(HERE))

import rollgate  # noqa: E402
from rollgate import (GateKind, GateStatus, Plan, ProgressState,  # noqa: E402
                      RollgateError, Session, SessionOptions, StageStatus,
                      Status, SubjectKind)

BOOKME_INSTANT = "2026-11-23T09:00:00Z"
UTC = dt.timezone.utc


def read(path):
    with open(path, "rb") as f:
        return f.read()


def example_dirs():
    return sorted(d for d in os.listdir(EXAMPLES)
                  if os.path.isfile(os.path.join(EXAMPLES, d, "plan.json"))
                  and os.path.isfile(os.path.join(EXAMPLES, d, "facts.json")))


def evaluate_example(name, instant=BOOKME_INSTANT):
    plan = Plan.from_file(os.path.join(EXAMPLES, name, "plan.json"))
    session = Session(plan)
    session.set_inputs(read(os.path.join(EXAMPLES, name, "facts.json")), "facts.json")
    return plan, session, session.evaluate(instant)


def since_text(when):
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


class ReportReadersAgreeWithJsonTest(unittest.TestCase):
    """Every field read through the C ABI equals the JSON report's."""

    def check_example(self, name):
        _, _, report = evaluate_example(name)
        doc = report.json()
        self.assertEqual(report.stage_count, len(doc["stages"]))
        for index, js in enumerate(doc["stages"]):
            by_index, by_id = report.stage(index), report.stage(js["id"])
            self.assertEqual(by_index, by_id)
            self.assertEqual(by_index.index, index)
            self.assertEqual(by_index.id, js["id"])
            self.assertIsInstance(by_index.status, StageStatus)
            self.assertEqual(by_index.status.label, js["status"])
            self.assertEqual(by_index.score, js.get("score"))
            self.assertEqual(since_text(by_index.since), js["since"].replace(".000Z", "Z"))
            self.assertEqual(by_index.drift, js["drift"])
            gates = report.gates(index)
            self.assertEqual(len(gates), len(js["gates"]))
            for gate, jg in zip(gates, js["gates"]):
                self.assertEqual(gate.id, "%s/%s" % (js["id"], jg["id"]))
                self.assertEqual(gate.kind.label, jg["kind"])
                self.assertEqual(gate.status.label, jg["status"])
                self.assertEqual(gate.message, jg["message"])
                if isinstance(jg.get("value"), bool):
                    self.assertEqual(gate.value, "true" if jg["value"] else "false")
        self.assertEqual(report.next, doc["next"])
        target = report.target
        self.assertEqual((target.id, target.status, target.met),
                         (doc["target"]["id"], doc["target"]["status"], doc["target"]["met"]))
        self.assertEqual(target.met, report.target_met)
        blockers = report.blockers
        self.assertEqual([b.id for b in blockers], [b["id"] for b in doc["blockers"]])
        for b, jb in zip(blockers, doc["blockers"]):
            self.assertEqual((b.kind, b.stage, b.status, b.owner or None, b.message,
                              b.holds_back_count),
                             (jb["kind"], jb["stage"], jb["status"], jb.get("owner"),
                              jb["message"], jb["holds_back_count"]))
        self.assertEqual(report.warnings, doc["warnings"])

    def test_every_example(self):
        names = example_dirs()
        self.assertIn("bookme", names)
        for name in names:
            with self.subTest(example=name):
                self.check_example(name)

    def test_unknown_stage_id_suggests_the_closest(self):
        _, _, report = evaluate_example("bookme")
        with self.assertRaises(RollgateError) as cm:
            report.stage("wave-nort")
        e = cm.exception
        self.assertEqual(e.code, Status.EINPUT)
        self.assertEqual(e.problems[0].subject, "wave-nort")
        self.assertEqual(e.problems[0].subject_kind, SubjectKind.STAGE)
        self.assertEqual(e.problems[0].suggestion, "wave-north")

    def test_index_out_of_range_names_the_function(self):
        _, _, report = evaluate_example("bookme")
        with self.assertRaises(RollgateError) as cm:
            report.stage(report.stage_count)
        self.assertEqual(cm.exception.code, Status.EINVAL)
        self.assertIn("rollgate_report_stage", str(cm.exception))

    def test_enum_labels_are_the_library_names(self):
        lib = rollgate._errors.lib()
        for s in StageStatus:
            self.assertEqual(lib.rollgate_stage_status_string(s).decode(), s.label)
        for g in GateStatus:
            self.assertEqual(lib.rollgate_gate_status_string(g).decode(), g.label)

    def test_one_report_read_from_many_threads(self):
        _, _, report = evaluate_example("bookme")
        expected = [(report.stage(i), report.gates(i)) for i in range(report.stage_count)]
        failures = []

        def read_all():
            for _ in range(20):
                got = [(report.stage(i), report.gates(i)) for i in range(report.stage_count)]
                if got != expected:
                    failures.append(got)

        threads = [threading.Thread(target=read_all) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])


class PlanIntrospectionTest(unittest.TestCase):
    def test_stages_gates_and_facts_match_the_plan_file(self):
        path = os.path.join(EXAMPLES, "bookme", "plan.json")
        written = json.loads(read(path))
        plan = Plan.from_file(path)
        self.assertEqual(plan.target, written.get("target", ""))
        stages = plan.stages()
        self.assertEqual([s.id for s in stages], plan.stage_ids)
        ids = plan.stage_ids
        for ws in written["stages"]:
            if "matrix" in ws:
                expansions = [s for s in stages if s.matrix_id == ws["id"]]
                self.assertGreater(len(expansions), 0, ws["id"])
                continue
            s = plan.stage(ws["id"])
            self.assertEqual(s.title, ws.get("title", ""))
            self.assertEqual(s.owner, ws.get("owner", ""))
            self.assertEqual(s.matrix_id, "")
            upstream = {ids[i] for i in s.after}
            for a in ws.get("after", []):
                named = {x.id for x in stages if x.id == a or x.matrix_id == a}
                self.assertTrue(named and named <= upstream, (a, upstream))
            gates = plan.gates(ws["id"])
            self.assertEqual([g.name for g in gates], [g["id"] for g in ws.get("gates", [])])
            for g, wg in zip(gates, ws.get("gates", [])):
                self.assertEqual(g.id, "%s/%s" % (ws["id"], wg["id"]))
                self.assertEqual(g.expression, wg["expr"])
                self.assertEqual(g.kind.label, wg.get("kind", "must"))
        facts = plan.facts()
        self.assertEqual([f.name for f in facts], list(written["facts"]))
        for f in facts:
            self.assertEqual(f.type, written["facts"][f.name]["type"])
            self.assertEqual(f.owner, written["facts"][f.name].get("owner", ""))

    def test_unknown_fact_and_stage(self):
        plan = Plan.compile(read(os.path.join(DATA, "typed_facts.json")))
        with self.assertRaises(RollgateError) as cm:
            plan.stage("pilto")
        self.assertEqual(cm.exception.problems[0].suggestion, "pilot")
        self.assertEqual(plan.fact_type("uptime_pct"), "double")
        self.assertIsNone(plan.fact_type("nope"))


class InputsOneAtATimeTest(unittest.TestCase):
    def setUp(self):
        self.plan = Plan.compile(read(os.path.join(DATA, "typed_facts.json")))
        self.session = Session(self.plan)

    def test_typed_facts_equal_the_same_document(self):
        s = self.session
        s.set_fact("pilot.advisors", 9, observed_at="2026-11-22T11:00:00Z",
                   source="hr", evidence="https://hr/advisors")
        s.set_fact("uptime_pct", 99.9)
        typed = s.evaluate("2026-11-22T12:00:00Z").json_text()
        doc = s.inputs()
        self.assertEqual(doc["facts"]["pilot.advisors"]["value"], 9)
        self.assertEqual(doc["facts"]["pilot.advisors"]["source"], "hr")
        fresh = Session(self.plan)
        fresh.set_inputs(doc)
        self.assertEqual(fresh.evaluate("2026-11-22T12:00:00Z").json_text(), typed)

    def test_clear_fact_makes_it_missing(self):
        self.session.set_fact("uptime_pct", 99.9)
        self.session.clear_fact("uptime_pct")
        self.assertNotIn("uptime_pct", self.session.inputs().get("facts", {}))

    def test_a_value_of_the_wrong_type_is_refused_naming_the_fact(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.set_fact("pilot.advisors", "nine")
        p = cm.exception.problems[0]
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertEqual((p.subject, p.subject_kind, p.file), ("pilot.advisors", SubjectKind.FACT, ""))

    def test_undeclared_fact_suggests_the_declared_name(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.set_fact("uptime_pc", 99.9)
        p = cm.exception.problems[0]
        self.assertEqual((p.kind, p.suggestion, p.subject_kind),
                         ("undeclared-fact", "uptime_pct", SubjectKind.FACT))

    def test_progress_and_approvals(self):
        s = self.session
        s.set_progress("pilot", ProgressState.DONE, done_at="2026-11-20T10:00:00Z")
        s.add_approval("rollout", "security", "alice", at="2026-11-21T10:00:00Z", note="ok")
        doc = s.inputs()
        self.assertEqual(doc["progress"]["pilot"]["state"], "done")
        self.assertEqual(doc["approvals"][0]["by"], "alice")
        report = s.evaluate("2026-11-22T12:00:00Z")
        self.assertEqual(report.stage("pilot").status, StageStatus.DONE)
        s.set_progress("pilot", None)
        self.assertNotIn("pilot", s.inputs().get("progress", {}))
        with self.assertRaises(RollgateError) as cm:
            s.set_progress("pilto", "done")
        p = cm.exception.problems[0]
        self.assertEqual((p.subject_kind, p.suggestion), (SubjectKind.STAGE, "pilot"))


class OptionsTest(unittest.TestCase):
    def setUp(self):
        self.plan, self.session, _ = evaluate_example("bookme")
        self.state = self.session.state()

    def test_a_deadline_already_past_stops_and_keeps_the_session(self):
        self.session.set_options(SessionOptions(deadline="2000-01-01T00:00:00Z"))
        with self.assertRaises(RollgateError) as cm:
            self.session.evaluate("2026-11-23T10:00:00Z")
        self.assertEqual(cm.exception.code, Status.ETIMEOUT)
        self.assertEqual(self.session.state(), self.state)

    def test_byte_limits_per_gate_and_per_evaluation(self):
        plan = Plan.compile(json.dumps({
            "rollgate": 1, "name": "bytes", "facts": {"s": {"type": "string"}},
            "stages": [{"id": "a", "gates": [{"id": "g", "expr": "size(s + s) > 0"}]}]}))
        session = Session(plan)
        session.set_inputs({"facts": {"s": "abcdef"}})
        session.set_options(SessionOptions(max_bytes=8))
        gate = session.evaluate("2026-11-23T10:00:00Z").gates("a")[0]
        self.assertEqual(gate.status, GateStatus.ERROR)
        self.assertIn("max_bytes limit exceeded: more than 8 bytes built", gate.message)
        session.set_options(SessionOptions(max_total_bytes=8))
        with self.assertRaises(RollgateError) as cm:
            session.evaluate("2026-11-23T10:00:00Z")
        self.assertEqual(cm.exception.code, Status.ELIMIT)
        self.assertIn("max_total_bytes", str(cm.exception))

    def test_cancellation_set_before_the_call(self):
        flag = rollgate.Cancellation()
        self.session.set_options(SessionOptions(cancel=flag))
        flag.cancel()
        with self.assertRaises(RollgateError) as cm:
            self.session.evaluate("2026-11-23T10:00:00Z")
        self.assertEqual(cm.exception.code, Status.ECANCELLED)
        self.assertEqual(self.session.state(), self.state)
        flag.reset()
        self.session.evaluate("2026-11-23T10:00:00Z")
        self.session.set_options(None)


class ExpressionsTest(unittest.TestCase):
    """Expressions that are not gates, and inputs merged over the session's
    (issue 9: what `rollgate expr`, `explain` and `--progress` stand on)."""

    def setUp(self):
        self.plan, self.session, _ = evaluate_example("bookme")

    def test_a_value_comes_back_with_its_type_and_cel_text(self):
        r = self.session.evaluate_expr("pilot.departments.size() + 1", BOOKME_INSTANT)
        self.assertEqual((r["outcome"], r["type"], r["value"], r["cel"]), ("value", "int", 4, "4"))
        self.assertEqual([f["fact"] for f in r["facts"]], ["pilot.departments"])

    def test_operands_mark_the_conjunct_that_decides(self):
        expr = self.plan.gates("full-rollout")[0].expression
        r = self.session.evaluate_expr(expr, BOOKME_INSTANT, operands=True)
        self.assertEqual((r["outcome"], r["operator"]), ("unknown", "&&"))
        deciding = [o["expr"] for o in r["operands"] if o["decides"]]
        self.assertEqual(deciding, ["adoption.south >= 0.6", "adoption.west >= 0.6"])

    def test_a_type_error_is_located_in_the_expression(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.evaluate_expr("uptime_pct > 1 && pilot.advisor > 1")
        p = cm.exception.problems[0]
        self.assertEqual((p.kind, p.line, p.column, p.suggestion, p.file),
                         ("cel-type", 1, 19, "pilot.advisors", ""))

    def test_update_inputs_keeps_the_facts_and_adds_progress(self):
        self.session.update_inputs({"progress": {"wave-south": {"state": "in_progress"}}})
        report = self.session.evaluate(BOOKME_INSTANT)
        self.assertEqual(report.stage("wave-south").status, StageStatus.IN_PROGRESS)
        self.assertEqual(report.stage("wave-north").status, StageStatus.DONE)
        with self.assertRaises(RollgateError):
            self.session.update_inputs({"progress": {"wave-sooth": {"state": "done"}}})
        self.assertNotIn("wave-sooth", self.session.inputs()["progress"])


class TimestampTest(unittest.TestCase):
    def test_format_reads_back(self):
        for text in ("2026-11-22T10:00:00Z", "2026-11-22T10:00:00.500Z",
                     "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"):
            self.assertEqual(rollgate.format_timestamp(*rollgate.parse_timestamp(text)), text)
        with self.assertRaises(RollgateError):
            rollgate.format_timestamp(10**13, 0)


if __name__ == "__main__":
    unittest.main()
