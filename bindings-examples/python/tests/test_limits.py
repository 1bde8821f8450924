"""Plan limits (PlanOptions with Plan.compile) and the document limits of
SessionOptions: a plan or document past one raises RollgateError with one
problem of kind "limit", located, naming the limit (issue 10)."""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from rollgate import (Plan, PlanOptions, RollgateError, Session,  # noqa: E402
                      SessionOptions, Status)

PLAN = json.dumps({
    "rollgate": 1, "name": "limits", "facts": {"n": {"type": "int"}},
    "stages": [{"id": "a", "gates": [{"id": "g", "expr": "n > 1"}]},
               {"id": "b", "after": ["a"]}]})


class PlanOptionsTest(unittest.TestCase):
    def test_default_options_compile_as_plan_compile_does(self):
        self.assertEqual(Plan.compile(PLAN, "plan.json", PlanOptions()).stage_count, 2)

    def test_a_plan_past_max_stages_is_refused_at_its_stages(self):
        with self.assertRaises(RollgateError) as cm:
            Plan.compile(PLAN, "plan.json", PlanOptions(max_stages=1))
        self.assertEqual(cm.exception.code, Status.EPLAN)
        self.assertEqual(len(cm.exception.problems), 1)
        problem = cm.exception.problems[0]
        self.assertEqual(problem.kind, "limit")
        self.assertEqual(problem.pointer, "/stages")
        self.assertEqual(problem.message,
                         "the plan has 2 stages, more than the limit of 1 (max_stages)")

    def test_a_plan_text_past_max_document_bytes_is_refused_unread(self):
        with self.assertRaises(RollgateError) as cm:
            Plan.compile(PLAN, "plan.json", PlanOptions(max_document_bytes=10))
        self.assertEqual(cm.exception.code, Status.EJSON)
        self.assertIn("(max_document_bytes)", cm.exception.problems[0].message)

    def test_an_expression_past_max_expression_bytes_names_the_gate(self):
        with self.assertRaises(RollgateError) as cm:
            Plan.compile(PLAN, "plan.json", PlanOptions(max_expression_bytes=4))
        problem = cm.exception.problems[0]
        self.assertEqual(problem.subject, "a/g")
        self.assertEqual(problem.message,
                         "an expression of 5 bytes, longer than the limit of 4 (max_expression_bytes)")

    def test_a_json_depth_above_1000_is_an_invalid_argument(self):
        with self.assertRaises(RollgateError) as cm:
            Plan.compile(PLAN, "plan.json", PlanOptions(max_json_depth=1001))
        self.assertEqual(cm.exception.code, Status.EINVAL)


class SessionDocumentLimitsTest(unittest.TestCase):
    def test_facts_past_max_document_bytes_are_refused_and_the_defaults_come_back(self):
        session = Session(Plan.compile(PLAN))
        facts = json.dumps({"facts": {"n": 5}})
        session.set_options(SessionOptions(max_document_bytes=8))
        with self.assertRaises(RollgateError) as cm:
            session.set_inputs(facts, "facts.json")
        self.assertEqual(cm.exception.code, Status.EJSON)
        self.assertEqual(cm.exception.problems[0].kind, "limit")
        self.assertIn("more than the limit of 8 (max_document_bytes)",
                      cm.exception.problems[0].message)
        session.set_options(None)
        session.set_inputs(facts, "facts.json")

    def test_facts_past_max_json_depth_are_refused_where_they_go_past(self):
        session = Session(Plan.compile(PLAN))
        session.set_options(SessionOptions(max_json_depth=1))
        with self.assertRaises(RollgateError) as cm:
            session.set_inputs('{"facts": {"n": 5}}', "facts.json")
        problem = cm.exception.problems[0]
        self.assertEqual((problem.kind, problem.line, problem.column), ("limit", 1, 11))
        self.assertEqual(problem.message, "JSON nested more than 1 deep")


if __name__ == "__main__":
    unittest.main()
