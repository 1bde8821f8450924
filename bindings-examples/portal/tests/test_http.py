"""The portal over HTTP: a real server process on a free port, driven with
urllib.  Pages are checked for the statuses the bundled example gives and
for escaping; the API for its problem documents, the token and the body
limit."""

from __future__ import annotations

import json
import re
import unittest

import support
from support import TOKEN, get_json, post_json, request

from portal import config

BOOKME = "/rollouts/bookme-scheduler"
MARKUP_TITLE = "<script>alert('title')</script><b>bold</b>"


def markup_plan() -> str:
    """The bookme plan with markup in its name-free texts."""
    plan = json.loads(support.read_example("bookme", "plan.json"))
    plan["name"] = "markup-plan"
    plan["title"] = MARKUP_TITLE
    plan["stages"][0]["title"] = "<img src=x onerror=alert(1)>"
    return json.dumps(plan)


def table_status(html: str, stage: str) -> str:
    """The status badge in the stage table's row of `stage`."""
    row = re.search(r'(?s)<tr data-stage="%s">(.*?)</tr>' % re.escape(stage), html)
    assert row is not None, stage
    badge = re.search(r'data-status="([a-z_]+)"', row.group(1))
    assert badge is not None, row.group(1)
    return badge.group(1)


class PortalHttpTest(unittest.TestCase):
    portal: support.PortalProcess

    @classmethod
    def setUpClass(cls) -> None:
        cls.portal = support.PortalProcess("--max-body-bytes", "65536")

    @classmethod
    def tearDownClass(cls) -> None:
        cls.portal.stop()

    def url(self, path: str) -> str:
        return self.portal.url + path

    def page(self, path: str) -> str:
        status, headers, body = request(self.url(path))
        self.assertEqual(status, 200, body[:300])
        self.assertIn("default-src 'self'", headers["Content-Security-Policy"])
        return body.decode("utf-8")

    def test_the_dashboard_shows_the_example_statuses(self) -> None:
        html = self.page(BOOKME)
        self.assertIn('data-stage="wave-south"', html)
        self.assertEqual(table_status(html, "wave-south"), "ready")
        self.assertEqual(table_status(html, "wave-west"), "blocked")
        self.assertIn('data-stage="wave-south" data-status="ready"', html)   # the graph
        self.assertIn('data-blocker="wave-west/training"', html)
        self.assertIn("learning", html)                       # the blocker's owner
        self.assertIn('data-drift="readiness/load-test"', html)
        self.assertIn("&amp;bookme Scheduler rollout", html)  # the title, escaped
        self.assertIn("<svg", html)

    def test_every_page_answers(self) -> None:
        for path in ("/", BOOKME + "/stages/full-rollout", BOOKME + "/timeline",
                     BOOKME + "/what-if", "/rollouts/quality-monitoring/history",
                     BOOKME + "/graph.svg", BOOKME + "/timeline.svg", "/palette.css"):
            with self.subTest(path=path):
                self.assertEqual(request(self.url(path))[0], 200)

    def test_the_stage_page_shows_gates_evidence_and_approvals(self) -> None:
        html = self.page(BOOKME + "/stages/full-rollout")
        self.assertIn('data-gate="adoption"', html)
        self.assertIn("adoption.south", html)
        self.assertIn("steering-committee", html)
        self.assertIn("1 of 2", html)
        stale = self.page(BOOKME + "/stages/readiness")
        self.assertIn('class="stale"', stale)

    def test_the_stage_page_shows_a_requester_s_own_approval_as_refused(self) -> None:
        status, result = post_json(self.url("/api" + BOOKME + "/facts"), {
            "progress": {"full-rollout": {"state": "not_started", "requested_by": "kim"}},
            "approvals": [{"stage": "full-rollout", "role": "steering-committee", "by": "kim"}]})
        self.assertEqual(status, 201, result)
        html = self.page(BOOKME + "/stages/full-rollout")
        self.assertIn("refused: kim (requested the stage)", html)

    def test_the_history_marks_loosened_changes(self) -> None:
        data = get_json(self.url("/api/rollouts/quality-monitoring/history"))
        self.assertEqual(len(data["versions"]), 2)
        self.assertTrue(data["versions"][1]["diff"]["loosened"])
        html = self.page("/rollouts/quality-monitoring/history")
        self.assertIn('<strong class="loosened">loosened</strong>', html)

    def test_a_push_needs_the_token(self) -> None:
        fact = {"name": "support.open_tickets", "value": 3}
        for token in (None, "wrong", TOKEN + "x"):
            with self.subTest(token=token):
                status, problem = post_json(self.url("/api" + BOOKME + "/facts"), fact, token)
                self.assertEqual(status, 401)
                self.assertEqual(problem["status"], 401)

    def test_a_bad_fact_value_gets_a_problem_document_and_changes_nothing(self) -> None:
        before = get_json(self.url("/api" + BOOKME + "/facts"))
        status, headers, body = request(
            self.url("/api" + BOOKME + "/facts"), "POST",
            json.dumps({"name": "training.west_pct", "value": "lots"}).encode(),
            {"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
        self.assertEqual(status, 422)
        self.assertEqual(headers["Content-Type"], "application/problem+json")
        problem = json.loads(body)
        self.assertEqual(problem["problems"][0]["pointer"], "/facts/training.west_pct/value")
        self.assertEqual(get_json(self.url("/api" + BOOKME + "/facts")), before)

    def test_one_fact_and_a_facts_document_are_accepted(self) -> None:
        pushes = ({"name": "support.open_tickets", "value": 7, "source": "desk"},
                  {"facts": {"support.open_tickets": 5}})
        for push in pushes:
            status, result = post_json(self.url("/api" + BOOKME + "/facts"), push)
            self.assertEqual(status, 201, result)
        facts = get_json(self.url("/api" + BOOKME + "/facts"))["facts"]
        current = {f["name"]: f["value"] for f in facts}
        self.assertEqual(current["support.open_tickets"], 5)

    def test_a_body_over_the_limit_is_refused(self) -> None:
        big = {"facts": {"support.open_tickets": 1}, "pad": "x" * 70000}
        status, problem = post_json(self.url("/api" + BOOKME + "/facts"), big)
        self.assertEqual(status, 413)
        self.assertIn("65536", problem["detail"])

    def test_what_if_changes_statuses_and_stores_nothing(self) -> None:
        before = get_json(self.url("/api" + BOOKME))
        status, result = post_json(self.url("/api" + BOOKME + "/what-if"),
                                   {"facts": {"training.west_pct": 85.0}}, token=None)
        self.assertEqual(status, 200)
        self.assertIn("wave-west/training", support.sorted_ids(result["changes"]))
        self.assertEqual(get_json(self.url("/api" + BOOKME)), before)

    def test_an_invalid_plan_is_refused_with_the_library_s_problems(self) -> None:
        plan = json.loads(support.read_example("bookme", "plan.json"))
        plan["stages"][1]["after"] = ["readines"]
        status, _, body = request(self.url("/api/plans"), "POST", json.dumps(plan).encode(),
                                  {"Content-Type": "application/json",
                                   "Authorization": "Bearer " + TOKEN})
        self.assertEqual(status, 422, body)
        problem = json.loads(body)
        self.assertEqual(problem["problems"][0]["suggestion"], "readiness")
        self.assertEqual(len(get_json(self.url("/api" + BOOKME + "/history"))["versions"]), 1)

    def test_the_fact_form_refuses_a_wrong_token_on_the_page(self) -> None:
        before = get_json(self.url("/api" + BOOKME + "/facts"))
        form = "name=support.open_tickets&value=9&token=wrong".encode()
        status, _, body = request(self.url(BOOKME + "/facts"), "POST", form,
                                  {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 401)
        self.assertIn("the token is not right", body.decode())
        self.assertEqual(get_json(self.url("/api" + BOOKME + "/facts")), before)

    def test_the_fact_form_records_a_fact(self) -> None:
        form = ("name=support.open_tickets&value=11&source=desk&token=" + TOKEN).encode()
        status, _, _ = request(self.url(BOOKME + "/facts"), "POST", form,
                               {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 200)   # urllib followed the 303 to the dashboard
        logged = get_json(self.url("/api" + BOOKME + "/facts"))["facts"]
        self.assertIn({"name": "support.open_tickets", "value": 11},
                      [{"name": f["name"], "value": f["value"]} for f in logged])

    def test_markup_in_a_plan_is_rendered_as_text(self) -> None:
        status, _, body = request(self.url("/api/plans"), "POST", markup_plan().encode(),
                                  {"Content-Type": "application/json",
                                   "Authorization": "Bearer " + TOKEN})
        self.assertEqual(status, 201, body)
        post_json(self.url("/api/rollouts/markup-plan/facts"), {"facts": {"uptime_pct": 99.9}})
        for path in ("/rollouts/markup-plan", "/", "/rollouts/markup-plan/stages/readiness",
                     "/rollouts/markup-plan/graph.svg"):
            with self.subTest(path=path):
                html = request(self.url(path))[2].decode()
                self.assertNotIn("<script>alert", html)
                self.assertNotIn("<img src=x", html)
                self.assertNotIn("<b>bold", html)

    def test_the_json_endpoints_give_the_pages_data(self) -> None:
        dashboard = get_json(self.url("/api" + BOOKME))
        self.assertEqual(dashboard["target"]["id"], "full-rollout")
        stage = get_json(self.url("/api" + BOOKME + "/stages/wave-west"))
        self.assertEqual(stage["stage"]["status"], "blocked")
        timeline = get_json(self.url("/api" + BOOKME + "/timeline"))
        self.assertTrue(any(t["drift"] for t in timeline))
        self.assertEqual(request(self.url("/api/rollouts/nope"))[0], 404)


class ConfigTest(unittest.TestCase):
    def test_the_portal_listens_on_localhost_by_default(self) -> None:
        settings = config.parse([], environ={"ROLLGATE_PORTAL_TOKEN": "t"})
        self.assertEqual((settings.host, settings.token), ("127.0.0.1", "t"))

    def test_a_token_file_wins_over_the_environment(self) -> None:
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".token") as f:
            f.write("from-file\n")
            f.flush()
            settings = config.parse(["--token-file", f.name],
                                    environ={"ROLLGATE_PORTAL_TOKEN": "from-env"})
        self.assertEqual(settings.token, "from-file")


if __name__ == "__main__":
    unittest.main()
