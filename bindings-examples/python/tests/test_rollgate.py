"""Tests of the ctypes binding against the real librollgate.

Run:  ROLLGATE_LIBRARY=build/<dir>/lib/librollgate.so \
      python3 -m unittest discover -s bindings-examples/python/tests -v
"""

import datetime as dt
import gc
import json
import os
import re
import sys
import unittest
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
BOOKME = os.path.join(REPO, "examples", "bookme")
sys.path.insert(0, os.path.dirname(HERE))

import rollgate  # noqa: E402
from rollgate import Plan, RollgateError, Session, Status  # noqa: E402

INSTANT = "2026-11-22T12:00:00Z"
INSTANT_SECONDS = 1795348800  # the same instant as seconds since the epoch
# examples/bookme/facts.json was observed up to 2026-11-23T08:00:00Z.
BOOKME_INSTANT = "2026-11-23T09:00:00Z"

STAGE_STATUSES = {"blocked", "unknown", "soaking", "waiting", "frozen", "ready",
                  "in_progress", "done", "held", "cancelled"}
GATE_STATUSES = {"pass", "fail", "unknown", "error", "soaking"}
REPORT_FIELDS = {"plan", "evaluated_at", "stages", "blockers", "next", "target",
                 "drift", "transitions", "warnings"}


def data(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return f.read()


def header_macros():
    """The version macros of capi/rollgate.h: the binding must agree."""
    with open(os.path.join(REPO, "capi", "rollgate.h"), encoding="utf-8") as f:
        text = f.read()
    return {m.group(1): int(m.group(2)) for m in
            re.finditer(r"#define ROLLGATE_(VERSION_\w+|ABI_VERSION) +(\d+)", text)}


def column_of(text, line, needle):
    """1-based column of `needle` on 1-based `line` of `text`."""
    return text.splitlines()[line - 1].index(needle) + 1


def stage(report, stage_id):
    for s in report["stages"]:
        if s["id"] == stage_id:
            return s
    raise AssertionError("no stage %r in report: %s" % (stage_id, report["stages"]))


def gate(stage_report, gate_id):
    for g in stage_report["gates"]:
        if g["id"] == gate_id:
            return g
    raise AssertionError("no gate %r in stage %s" % (gate_id, stage_report))


class VersionTest(unittest.TestCase):
    def test_versions_match_the_header(self):
        m = header_macros()
        number = (m["VERSION_MAJOR"] * 10000 + m["VERSION_MINOR"] * 100
                  + m["VERSION_PATCH"])
        self.assertEqual(rollgate.version(), number)
        self.assertEqual(rollgate.version_string(), "%d.%d.%d" % (
            m["VERSION_MAJOR"], m["VERSION_MINOR"], m["VERSION_PATCH"]))
        self.assertEqual(rollgate.abi_version(), m["ABI_VERSION"])
        self.assertEqual(rollgate.abi_version(), rollgate.ABI_VERSION)

    def test_library_path(self):
        path = rollgate.library_path()
        self.assertTrue(os.path.isfile(path), path)
        if os.environ.get("ROLLGATE_LIBRARY"):
            self.assertEqual(path, os.environ["ROLLGATE_LIBRARY"])

    def test_every_function_is_declared(self):
        # The table covers every function of rollgate.h, with a result type.
        with open(os.path.join(REPO, "capi", "rollgate.h"), encoding="utf-8") as f:
            header = f.read()
        declared = set(re.findall(r"ROLLGATE_API\s[^;]*?\b(rollgate_\w+)\s*\(", header))
        table = {name for name, _, _ in rollgate._native._FUNCTIONS}
        self.assertEqual(declared, table)

    def test_missing_explicit_library_is_an_error(self):
        missing = os.path.join(DATA, "no-such-librollgate.so")
        with mock.patch.dict(os.environ, {"ROLLGATE_LIBRARY": missing}):
            with self.assertRaises(rollgate.LibraryError) as cm:
                rollgate._native.find_library()
        self.assertIn(missing, str(cm.exception))

    def test_abi_mismatch_is_refused(self):
        fake = mock.MagicMock()
        fake.rollgate_abi_version.return_value = rollgate.ABI_VERSION + 1
        with mock.patch("ctypes.CDLL", return_value=fake):
            with self.assertRaises(rollgate.LibraryError) as cm:
                rollgate._native._open("/opt/old/librollgate.so")
        self.assertIn("/opt/old/librollgate.so", str(cm.exception))
        self.assertIn("ABI version %d" % (rollgate.ABI_VERSION + 1), str(cm.exception))

    def test_missing_function_is_refused(self):
        fake = mock.MagicMock(spec=["rollgate_version", "rollgate_abi_version"])
        with mock.patch("ctypes.CDLL", return_value=fake):
            with self.assertRaises(rollgate.LibraryError) as cm:
                rollgate._native._open("/opt/odd/librollgate.so")
        self.assertIn("rollgate_plan_compile", str(cm.exception))

    def test_search_lists_what_it_tried(self):
        env = {"ROLLGATE_BUILD_DIR": os.path.join(DATA, "no-build-here")}
        with mock.patch.dict(os.environ, env), \
                mock.patch.object(rollgate._native, "_repo_root",
                                  return_value=os.path.join(DATA, "no-repo")), \
                mock.patch("ctypes.util.find_library", return_value=None):
            os.environ.pop("ROLLGATE_LIBRARY", None)
            with self.assertRaises(rollgate.LibraryError) as cm:
                rollgate._native.find_library()
        message = str(cm.exception)
        self.assertIn("ROLLGATE_BUILD_DIR", message)
        self.assertIn("no-repo", message)
        self.assertIn("find_library", message)


class TimestampTest(unittest.TestCase):
    def test_parse(self):
        self.assertEqual(rollgate.parse_timestamp(INSTANT), (INSTANT_SECONDS, 0))
        self.assertEqual(rollgate.parse_timestamp("2026-11-22T12:00:00.5+02:00"),
                         (INSTANT_SECONDS - 7200, 500000000))

    def test_malformed(self):
        with self.assertRaises(RollgateError) as cm:
            rollgate.parse_timestamp("22/11/2026")
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertEqual(cm.exception.status, "EINPUT")
        self.assertTrue(str(cm.exception))


class PlanTest(unittest.TestCase):
    def test_compile(self):
        with Plan.compile(data("typed_facts.json")) as plan:
            self.assertEqual(plan.name, "typed-facts")
            self.assertRegex(plan.digest, r"^sha256:[0-9a-f]{64}$")
            self.assertEqual(plan.stage_ids, ["pilot", "rollout"])
            self.assertIn("typed-facts", repr(plan))

    def test_compile_bytes_and_file(self):
        path = os.path.join(DATA, "typed_facts.json")
        a = Plan.compile(data("typed_facts.json").encode("utf-8"))
        b = Plan.from_file(path)
        self.assertEqual(a.digest, b.digest)

    def test_digest_ignores_layout(self):
        text = data("typed_facts.json")
        compact = json.dumps(json.loads(text), separators=(",", ":"))
        self.assertEqual(Plan.compile(text).digest, Plan.compile(compact).digest)

    def test_compile_rejects_non_text(self):
        with self.assertRaises(TypeError):
            Plan.compile({"rollgate": 1})


class PlanErrorTest(unittest.TestCase):
    """Every rejected plan gives a code, a message and located problems."""

    def compile_error(self, fixture, code):
        with self.assertRaises(RollgateError) as cm:
            Plan.compile(data(fixture), fixture)
        e = cm.exception
        self.assertEqual(e.code, code, str(e))
        self.assertEqual(e.status, Status(code).name)
        self.assertTrue(e.description)
        self.assertTrue(e.problems, "no problems in %r" % e)
        for p in e.problems:
            self.assertEqual(p.file, fixture)
            self.assertTrue(p.message)
            self.assertGreater(p.line, 0, p)
            self.assertGreater(p.column, 0, p)
            # str(e) carries each problem with its location prefix.
            prefix = "%s:%d:%d: " % (p.file, p.line, p.column)
            self.assertIn(prefix, str(e))
            self.assertIn(p.message, str(e))
        return e

    def problem_at(self, e, pointer):
        for p in e.problems:
            if p.pointer == pointer:
                return p
        self.fail("no problem at %s in %s" % (pointer, e.problems))

    def assert_on_value(self, fixture, problem, line, value):
        """The problem's line is `line` and its column falls on the JSON
        string `value` on that line."""
        text = data(fixture)
        self.assertEqual(problem.line, line, problem)
        start = column_of(text, line, json.dumps(value))
        self.assertGreaterEqual(problem.column, start, problem)
        self.assertLessEqual(problem.column, start + len(json.dumps(value)), problem)

    def test_malformed_json_truncated(self):
        e = self.compile_error("bad_json.json", Status.EJSON)
        self.assertEqual(len(e.problems), 1, e.problems)
        self.assertEqual(e.problems[0].line, 6, e.problems)

    def test_malformed_json_missing_comma(self):
        e = self.compile_error("bad_json_comma.json", Status.EJSON)
        self.assertEqual(len(e.problems), 1, e.problems)
        p = e.problems[0]
        # The error is found at the token after the missing comma.
        self.assertEqual((p.line, p.column), (4, 3), p)

    def test_unknown_after(self):
        e = self.compile_error("unknown_after.json", Status.EPLAN)
        p = self.problem_at(e, "/stages/1/after/0")
        self.assertEqual(p.subject, "b")
        self.assertIn("zzz", p.message)
        self.assert_on_value("unknown_after.json", p, 7, "zzz")
        self.assertIn("unknown_after.json:7:%d: /stages/1/after/0: " % p.column,
                      str(e))

    def test_cycle(self):
        e = self.compile_error("cycle.json", Status.EPLAN)
        found = [p for p in e.problems if "dependency cycle" in p.message]
        self.assertTrue(found, e.problems)
        p = found[0]
        self.assertTrue(p.pointer.startswith("/stages/"), p)
        m = re.search(r"dependency cycle: (\w+(?: -> \w+)+)", p.message)
        self.assertTrue(m, p.message)
        path = m.group(1).split(" -> ")
        self.assertEqual(len(path), 4, path)
        self.assertEqual(path[0], path[-1], path)
        self.assertEqual(set(path), {"a", "b", "c"})
        # Named in order, along the edges in one direction.
        after = {"a": "c", "b": "a", "c": "b"}  # stage -> its `after`
        steps = list(zip(path, path[1:]))
        self.assertTrue(all(after[x] == y for x, y in steps)
                        or all(after[y] == x for x, y in steps), path)

    def test_cel_syntax_error(self):
        e = self.compile_error("cel_syntax.json", Status.EPLAN)
        p = self.problem_at(e, "/stages/0/gates/0/expr")
        self.assertEqual(p.subject, "readiness/checklist")
        self.assert_on_value("cel_syntax.json", p, 11, "checklist.done &&")
        self.assertIn("cel_syntax.json:11:%d: /stages/0/gates/0/expr: " % p.column,
                      str(e))

    def test_undeclared_fact(self):
        e = self.compile_error("undeclared_fact.json", Status.EPLAN)
        p = self.problem_at(e, "/stages/0/gates/0/expr")
        self.assertEqual(p.subject, "pilot/departments")
        self.assertIn("'pilot.departmnts'", p.message)
        self.assertIn("did you mean 'pilot.departments'", p.message)
        self.assert_on_value("undeclared_fact.json", p, 11,
                             "size(pilot.departmnts) >= 2")
        self.assertIn("undeclared_fact.json:11:%d: /stages/0/gates/0/expr: "
                      "gate pilot/departments: " % p.column, str(e))

    def test_from_file_names_the_path(self):
        path = os.path.join(DATA, "unknown_after.json")
        with self.assertRaises(RollgateError) as cm:
            Plan.from_file(path)
        self.assertEqual(cm.exception.problems[0].file, path)
        self.assertIn(path + ":7:", str(cm.exception))


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.plan = Plan.compile(data("typed_facts.json"), "typed_facts.json")
        self.session = Session(self.plan)

    def tearDown(self):
        self.session.close()
        self.plan.close()

    def evaluate(self, facts):
        self.session.set_inputs(facts)
        return self.session.evaluate(INSTANT)

    def test_report_fields(self):
        with self.evaluate({"facts": {"pilot.advisors": 9, "uptime_pct": 99.9}}) as r:
            report = r.json()
        self.assertTrue(REPORT_FIELDS <= set(report), sorted(report))
        self.assertEqual(report["plan"]["name"], "typed-facts")
        self.assertEqual(report["plan"]["digest"], self.plan.digest)
        self.assertEqual(report["evaluated_at"], INSTANT)
        self.assertEqual([s["id"] for s in report["stages"]], ["pilot", "rollout"])
        for s in report["stages"]:
            self.assertIn(s["status"], STAGE_STATUSES)
            for key in ("id", "title", "status", "score", "since", "gates"):
                self.assertIn(key, s)
            for g in s["gates"]:
                self.assertIn(g["status"], GATE_STATUSES)
                for key in ("id", "kind", "status", "since", "value", "message",
                            "evidence"):
                    self.assertIn(key, g)
        for key in ("id", "status", "blocked_by"):
            self.assertIn(key, report["target"])

    def test_ready_stage(self):
        with self.evaluate({"facts": {"pilot.advisors": 9, "uptime_pct": 99.9}}) as r:
            report = r.json()
            self.assertFalse(r.target_met)
        pilot = stage(report, "pilot")
        self.assertEqual(pilot["status"], "ready")
        self.assertEqual(pilot["title"], "Pilot")
        self.assertEqual(gate(pilot, "advisors")["status"], "pass")
        self.assertEqual(gate(pilot, "advisors")["kind"], "must")
        self.assertEqual(gate(pilot, "uptime")["status"], "pass")
        self.assertEqual(stage(report, "rollout")["status"], "waiting")
        self.assertEqual(report["next"], ["pilot"])
        self.assertEqual(report["target"]["id"], "rollout")
        self.assertEqual(report["target"]["status"], "waiting")
        self.assertEqual(report["drift"], [])
        self.assertEqual(report["transitions"], [])
        # The evidence names the fact the gate read, with its value.
        evidence = gate(pilot, "advisors")["evidence"]
        self.assertEqual(len(evidence), 1, evidence)
        self.assertEqual(evidence[0]["fact"], "pilot.advisors")
        self.assertEqual(evidence[0]["value"], 9)
        self.assertFalse(evidence[0]["stale"])

    def test_failing_gate_blocks(self):
        with self.evaluate({"facts": {"pilot.advisors": 5, "uptime_pct": 99.9}}) as r:
            report = r.json()
            text = r.text()
        pilot = stage(report, "pilot")
        self.assertEqual(pilot["status"], "blocked")
        self.assertEqual(gate(pilot, "advisors")["status"], "fail")
        self.assertEqual(report["next"], [])
        self.assertTrue(report["blockers"])
        self.assertIn("advisors", json.dumps(report["blockers"]))
        self.assertIn("pilot", text)
        self.assertIn("blocked", text)

    def test_holds_back(self):
        with self.evaluate({"facts": {"pilot.advisors": 5, "uptime_pct": 99.9}}) as r:
            blockers = {b["id"]: b for b in r.json()["blockers"]}
            self.assertEqual(blockers["pilot/advisors"]["holds_back"], ["pilot", "rollout"])
            self.assertEqual(blockers["pilot/advisors"]["holds_back_count"], 2)
            self.assertEqual(r.holds_back("pilot/advisors"), ["pilot", "rollout"])
            self.assertEqual(r.holds_back(b"pilot/advisors"), ["pilot", "rollout"])
            with self.assertRaises(RollgateError) as caught:
                r.holds_back("pilot/nope")
            self.assertEqual(caught.exception.code, Status.EINPUT)
            self.assertIn("'pilot/nope' is not a blocker", str(caught.exception))

    def test_stage_json_is_the_reports_entry_for_that_stage(self):
        with self.evaluate({"facts": {"pilot.advisors": 5, "uptime_pct": 99.9}}) as r:
            report = r.json()
            one = r.stage_json("pilot")
            self.assertEqual(r.stage_json(0), one)
            summary = r.stage_json("pilot", summary=True)
            with self.assertRaises(RollgateError) as caught:
                r.stage_json(r.stage_count)
            self.assertEqual(caught.exception.code, Status.EINVAL)
        self.assertEqual(one["stage"], stage(report, "pilot"))
        self.assertEqual(one["evaluated_at"], report["evaluated_at"])
        self.assertEqual(one["plan"], report["plan"])
        self.assertEqual(one["drift"], [])
        self.assertEqual(summary["detail"], "summary")
        self.assertEqual([g["id"] for g in summary["stage"]["gates"]], ["advisors"])

    def test_missing_fact_is_unknown(self):
        with self.evaluate({"facts": {"pilot.advisors": 9}}) as r:
            report = r.json()
        pilot = stage(report, "pilot")
        self.assertEqual(gate(pilot, "uptime")["status"], "unknown")
        self.assertEqual(pilot["status"], "unknown")

    def test_target_met(self):
        facts = {"facts": {"pilot.advisors": 9, "uptime_pct": 99.9},
                 "progress": {"pilot": {"state": "done"}}}
        with self.evaluate(facts) as r:
            report = r.json()
            self.assertTrue(r.target_met)
        self.assertEqual(stage(report, "pilot")["status"], "done")
        self.assertEqual(stage(report, "rollout")["status"], "ready")
        self.assertEqual(report["next"], ["rollout"])
        self.assertEqual(report["target"]["status"], "ready")

    def test_json_text_and_dict_inputs_agree(self):
        facts = {"facts": {"pilot.advisors": 9, "uptime_pct": 99.9}}
        a = self.evaluate(facts).json_text()
        b = self.evaluate(json.dumps(facts)).json_text()
        c = self.evaluate(json.dumps(facts).encode()).json_text()
        self.assertEqual(a, b)
        self.assertEqual(a, c)

    def test_same_inputs_same_report(self):
        facts = {"facts": {"pilot.advisors": 9}}
        self.assertEqual(self.evaluate(facts).json_text(),
                         self.evaluate(facts).json_text())

    def test_text_report(self):
        with self.evaluate({"facts": {"pilot.advisors": 9, "uptime_pct": 99.9}}) as r:
            text = r.text()
        self.assertIsInstance(text, str)
        self.assertIn("typed-facts", text)
        self.assertIn("pilot", text)
        self.assertIn("rollout", text)

    def test_set_fact(self):
        self.session.set_inputs({"facts": {"uptime_pct": 99.9}})
        self.session.set_fact("pilot.advisors", 9)
        report = self.session.evaluate(INSTANT).json()
        self.assertEqual(stage(report, "pilot")["status"], "ready")
        self.session.set_fact("pilot.advisors", {"value": 2,
                                                 "observed_at": "2026-11-22T10:00:00Z"})
        report = self.session.evaluate(INSTANT).json()
        self.assertEqual(gate(stage(report, "pilot"), "advisors")["status"], "fail")
        self.session.set_fact_json("pilot.advisors", "null")  # missing again
        report = self.session.evaluate(INSTANT).json()
        self.assertEqual(gate(stage(report, "pilot"), "advisors")["status"], "unknown")

    def test_undeclared_fact_in_inputs_is_a_warning(self):
        with self.evaluate({"facts": {"pilot.advisors": 9, "uptime_pct": 99.9,
                                      "colour": "blue"}}) as r:
            report = r.json()
        self.assertIn("colour", json.dumps(report["warnings"]))

    def test_evaluate_instants(self):
        self.session.set_inputs({"facts": {"pilot.advisors": 9}})
        aware = dt.datetime(2026, 11, 22, 13, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        self.assertEqual(self.session.evaluate(aware).json()["evaluated_at"], INSTANT)
        self.assertEqual(self.session.evaluate(INSTANT).json()["evaluated_at"], INSTANT)
        now = self.session.evaluate().json()["evaluated_at"]
        self.assertRegex(now, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
        with self.assertRaises(ValueError):
            self.session.evaluate(dt.datetime(2026, 11, 22, 12, 0, 0))  # naive
        with self.assertRaises(TypeError):
            self.session.evaluate(1795348800.0)
        with self.assertRaises(RollgateError) as cm:
            self.session.evaluate("not a time")
        self.assertEqual(cm.exception.code, Status.EINPUT)

    def test_invalid_fact_value(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.set_inputs({"facts": {"pilot.advisors": 3.5}})
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertIn("pilot.advisors", str(cm.exception))
        with self.assertRaises(RollgateError) as cm:
            self.session.set_fact("pilot.advisors", 3.5)
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertIn("pilot.advisors", str(cm.exception))

    def test_invalid_facts_file(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.set_inputs(data("bad_int_fact.json"), "bad_int_fact.json")
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertIn("pilot.advisors", str(cm.exception))

    def test_failed_inputs_keep_the_old_ones(self):
        self.session.set_inputs({"facts": {"pilot.advisors": 9, "uptime_pct": 99.9}})
        with self.assertRaises(RollgateError):
            self.session.set_inputs({"facts": {"pilot.advisors": 3.5}})
        report = self.session.evaluate(INSTANT).json()
        self.assertEqual(stage(report, "pilot")["status"], "ready")

    def test_undeclared_set_fact(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.set_fact("colour", "blue")
        self.assertEqual(cm.exception.code, Status.EINPUT)
        self.assertIn("colour", str(cm.exception))

    def test_malformed_facts_json(self):
        with self.assertRaises(RollgateError) as cm:
            self.session.set_inputs('{"facts": {', "facts.json")
        self.assertEqual(cm.exception.code, Status.EJSON)
        self.assertTrue(cm.exception.problems)
        self.assertEqual(cm.exception.problems[0].file, "facts.json")
        self.assertGreater(cm.exception.problems[0].line, 0)


class LifetimeTest(unittest.TestCase):
    def test_context_managers_close(self):
        with Plan.compile(data("typed_facts.json")) as plan:
            with Session(plan) as session:
                with session.evaluate(INSTANT) as report:
                    report.json()
                self.assertTrue(report.closed)
            self.assertTrue(session.closed)
        self.assertTrue(plan.closed)

    def test_use_after_close(self):
        plan = Plan.compile(data("typed_facts.json"))
        session = Session(plan)
        report = session.evaluate(INSTANT)
        report.close()
        report.close()  # idempotent
        with self.assertRaises(ValueError):
            report.json()
        with self.assertRaises(ValueError):
            report.text()
        with self.assertRaises(ValueError):
            report.target_met
        session.close()
        session.close()
        with self.assertRaises(ValueError):
            session.evaluate(INSTANT)
        with self.assertRaises(ValueError):
            session.set_inputs("{}")
        with self.assertRaises(ValueError):
            session.set_fact("pilot.advisors", 1)
        with self.assertRaises(ValueError):
            with session:
                pass
        plan.close()
        plan.close()
        with self.assertRaises(ValueError):
            plan.name
        with self.assertRaises(ValueError):
            plan.stage_ids
        with self.assertRaises(ValueError):
            Session(plan)

    def test_session_outlives_closed_plan(self):
        plan = Plan.compile(data("typed_facts.json"))
        session = Session(plan)
        self.assertIs(session.plan, plan)
        plan.close()  # the native session keeps its own reference
        session.set_inputs({"facts": {"pilot.advisors": 9, "uptime_pct": 99.9}})
        self.assertEqual(stage(session.evaluate(INSTANT).json(), "pilot")["status"],
                         "ready")
        session.close()

    def test_garbage_collection_frees(self):
        # The __del__ safety net: dropping handles in any order is safe.
        for _ in range(50):
            session = Session(Plan.compile(data("typed_facts.json")))
            report = session.evaluate(INSTANT)
            del session
            gc.collect()
            report.json()
            del report
        gc.collect()

    def test_many_reports(self):
        with Session(Plan.compile(data("typed_facts.json"))) as session:
            session.set_inputs({"facts": {"pilot.advisors": 9}})
            first = session.evaluate(INSTANT).json_text()
            for _ in range(200):
                self.assertEqual(session.evaluate(INSTANT).json_text(), first)


@unittest.skipUnless(os.path.isfile(os.path.join(BOOKME, "plan.json")),
                     "examples/bookme is not there yet")
class BookmeExampleTest(unittest.TestCase):
    """The bundled example plan, evaluated with its facts."""

    @classmethod
    def setUpClass(cls):
        cls.plan = Plan.from_file(os.path.join(BOOKME, "plan.json"))
        cls.session = Session(cls.plan)
        with open(os.path.join(BOOKME, "facts.json"), "rb") as f:
            cls.session.set_inputs(f.read(), "facts.json")
        cls.report = cls.session.evaluate(BOOKME_INSTANT)
        cls.data = cls.report.json()

    @classmethod
    def tearDownClass(cls):
        cls.report.close()
        cls.session.close()
        cls.plan.close()

    def test_plan(self):
        self.assertIn("bookme", self.plan.name)
        self.assertEqual(self.data["plan"]["name"], self.plan.name)
        self.assertEqual(self.data["plan"]["digest"], self.plan.digest)
        self.assertEqual(self.data["evaluated_at"], BOOKME_INSTANT)
        self.assertTrue(REPORT_FIELDS <= set(self.data), sorted(self.data))
        self.assertEqual(self.plan.stage_ids,
                         ["readiness", "pilot", "wave-north", "wave-south",
                          "wave-west", "full-rollout"])

    def test_stages(self):
        ids = [s["id"] for s in self.data["stages"]]
        self.assertEqual(ids, self.plan.stage_ids)
        for s in self.data["stages"]:
            self.assertIn(s["status"], STAGE_STATUSES, s)
            for g in s["gates"]:
                self.assertIn(g["status"], GATE_STATUSES, g)
                self.assertIn(g["kind"], {"must", "should", "advisory"}, g)
                self.assertIsInstance(g["evidence"], list)

    def test_statuses_are_consistent(self):
        by_id = {s["id"]: s for s in self.data["stages"]}
        # `next` is the ready stages, in plan order.
        self.assertEqual(self.data["next"],
                         [s["id"] for s in self.data["stages"] if s["status"] == "ready"])
        for s in self.data["stages"]:
            musts = [g for g in s["gates"] if g["kind"] == "must"]
            if s["status"] == "ready":
                self.assertTrue(all(g["status"] == "pass" for g in musts), s)
            if any(g["status"] in ("fail", "error") for g in musts) and \
                    s["status"] not in ("in_progress", "done", "held", "cancelled"):
                self.assertEqual(s["status"], "blocked", s)
        self.assertTrue(by_id)
        target = self.data["target"]
        self.assertEqual(self.report.target_met, target["status"] in ("ready", "done"))

    def test_summary_and_compact_layouts(self):
        compact = self.report.json_text(compact=True)
        self.assertEqual(compact.count("\n"), 1)
        self.assertEqual(json.loads(compact), self.data)
        brief = self.report.json(summary=True)
        self.assertEqual(brief["detail"], "summary")
        self.assertNotIn("detail", self.data)
        for full_stage, stage in zip(self.data["stages"], brief["stages"]):
            failing = [g for g in full_stage["gates"] if g["status"] != "pass"]
            self.assertEqual(stage["gates"], failing)
            self.assertEqual(stage["passing_gates"],
                             len(full_stage["gates"]) - len(failing))
        self.assertEqual(brief["blockers"], self.data["blockers"])

    def test_expected_statuses(self):
        # What the example's facts say at BOOKME_INSTANT (DESIGN semantics).
        statuses = {s["id"]: s["status"] for s in self.data["stages"]}
        self.assertEqual(statuses["readiness"], "done")
        self.assertEqual(statuses["pilot"], "done")
        self.assertEqual(statuses["wave-north"], "done")
        # Every gate of wave-south holds (training 84.5 >= 80; uptime and
        # error rate observed an hour ago, within their 24h max_age).
        self.assertEqual(statuses["wave-south"], "ready")
        self.assertEqual(self.data["next"], ["wave-south"])
        # training.west_pct is 41: the must-gate fails.
        west = stage(self.data, "wave-west")
        self.assertEqual(gate(west, "training")["status"], "fail")
        self.assertEqual(west["status"], "blocked")
        # One of the two steering-committee approvals is missing, and two
        # regions' adoption is not known.
        full = stage(self.data, "full-rollout")
        self.assertEqual(full["status"], "blocked")
        self.assertEqual(gate(full, "adoption")["status"], "unknown")
        self.assertEqual(gate(full, "support-load")["status"], "pass")
        self.assertEqual(self.data["target"]["id"], "full-rollout")
        self.assertEqual(self.data["target"]["status"], "blocked")
        self.assertFalse(self.report.target_met)
        self.assertTrue(self.data["blockers"])
        self.assertIn("wave-west", json.dumps(self.data["blockers"]))

    def test_text(self):
        text = self.report.text()
        self.assertIn(self.plan.name, text)
        for sid in self.plan.stage_ids:
            self.assertIn(sid, text)


if __name__ == "__main__":
    unittest.main()
