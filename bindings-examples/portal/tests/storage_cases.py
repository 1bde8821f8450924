"""Storage tests written once and run against each database: SQLite here
(test_storage.py) and a real PostgreSQL server (test_postgres.py)."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import support  # noqa: F401  (sets the import path)

import rollgate
from portal import schema, seed, store
from portal.database import Database
from portal.engine import Engine

NOW = _dt.datetime(2026, 11, 23, 9, 0, tzinfo=_dt.timezone.utc)
BOOKME = "bookme-scheduler"


class StorageCases:
    """Mixed into a unittest.TestCase whose new_database() gives an empty
    database."""

    def new_database(self) -> Database:
        raise NotImplementedError

    def setUp(self) -> None:  # noqa: N802 (unittest's name)
        self.db = self.new_database()
        schema.migrate(self.db)
        self.engine = Engine(self.db, clock=lambda: NOW)
        seed.seed(self.engine, support.EXAMPLES)

    def tearDown(self) -> None:  # noqa: N802
        self.db.close()

    def counts(self) -> Any:
        with self.db.transaction(write=False) as tx:
            tables = ("plan_versions", "rollouts", "facts", "progress", "approvals",
                      "evaluations", "statuses")
            counts = {t: tx.one("SELECT COUNT(*) FROM " + t)[0] for t in tables}
            return counts, store.rollout(tx, BOOKME)

    def test_migrations_are_recorded_and_applied_once(self: Any) -> None:
        self.assertEqual(schema.migrate(self.db), [])
        self.assertEqual(schema.applied_versions(self.db), [m[0] for m in schema.MIGRATIONS])

    def test_seed_replays_every_example_story(self: Any) -> None:
        with self.db.transaction(write=False) as tx:
            names = [r.name for r in store.rollouts(tx)]
            self.assertEqual(names, ["advisor-workbench-hybrid", BOOKME, "expenses-big-bang",
                                     "quality-monitoring"])
            latest = store.latest_evaluation(tx, BOOKME)
            self.assertEqual(latest.evaluated_at, "2026-11-23T09:00:00Z")
            self.assertEqual(support.statuses(latest.report)["wave-south"], "ready")
            self.assertEqual(len(store.evaluations(tx, BOOKME)), 7)
            self.assertEqual(len(store.plan_versions(tx, "quality-monitoring")), 2)

    def test_seeded_history_has_the_drift_episode_of_wave_north(self: Any) -> None:
        with self.db.transaction(write=False) as tx:
            history = store.status_history(tx, BOOKME)
        drifting = [(h["at"], h["status"]) for h in history
                    if h["subject"] == "wave-north/error-rate" and h["drift"]]
        self.assertEqual(drifting, [("2026-11-18T10:00:00Z", "fail")])

    def test_a_pushed_fact_is_stored_with_its_times_and_evaluated(self: Any) -> None:
        before, _ = self.counts()
        evaluation = self.engine.push(BOOKME, {"facts": {"training.west_pct": {
            "value": 85.0, "observed_at": "2026-11-23T08:30:00Z", "source": "LMS"}}})
        self.assertEqual(support.statuses(evaluation.report)["wave-west/training"], "pass")
        after, rollout = self.counts()
        self.assertEqual(after["facts"], before["facts"] + 1)
        self.assertEqual(after["evaluations"], before["evaluations"] + 1)
        with self.db.transaction(write=False) as tx:
            logged = store.fact_log(tx, BOOKME, "training.west_pct", limit=1)[0]
            latest = store.latest_evaluation(tx, BOOKME)
        self.assertEqual((logged["value"], logged["observed_at"], logged["source"]),
                         (85.0, "2026-11-23T08:30:00Z", "LMS"))
        self.assertEqual(json.loads(rollout.inputs)["facts"]["training.west_pct"]["value"], 85.0)
        self.assertEqual(latest.id, evaluation.id)

    def test_a_malformed_push_is_refused_and_changes_nothing(self: Any) -> None:
        before = self.counts()
        with self.assertRaises(rollgate.RollgateError) as refused:
            self.engine.push(BOOKME, {"facts": {"uptime_pct": 99.9, "training.west_pct": "lots"}})
        self.assertIn("training.west_pct", str(refused.exception))
        self.assertEqual(self.counts(), before)

    def test_progress_and_approvals_are_logged(self: Any) -> None:
        self.engine.push(BOOKME, {
            "progress": {"wave-south": {"state": "in_progress",
                                        "started_at": "2026-11-23T08:00:00Z"}},
            "approvals": [{"stage": "full-rollout", "role": "steering-committee", "by": "bob"}]})
        with self.db.transaction(write=False) as tx:
            progress = tx.all("SELECT stage, entry FROM progress WHERE rollout = ?", (BOOKME,))
            approvals = tx.all("SELECT approver FROM approvals WHERE rollout = ?", (BOOKME,))
            report = store.latest_evaluation(tx, BOOKME).report
        self.assertIn("wave-south", [p[0] for p in progress])
        self.assertIn(("bob",), approvals)
        self.assertEqual(support.statuses(report)["wave-south"], "in_progress")

    def test_what_if_stores_nothing(self: Any) -> None:
        before = self.counts()
        report = self.engine.what_if(BOOKME, {"facts": {"training.west_pct": 85.0}})
        changed = {c["id"] for c in report["what_if"]["changes"]}
        self.assertIn("wave-west/training", changed)
        self.assertEqual(self.counts(), before)

    def test_a_new_plan_version_is_kept_with_the_old_and_keeps_the_inputs(self: Any) -> None:
        body = json.loads(support.read_example("bookme", "plan-with-soak.json"))
        body["title"] = "Bookme, version 3"
        version = self.engine.add_plan(json.dumps(body))
        with self.db.transaction(write=False) as tx:
            versions = store.plan_versions(tx, BOOKME)
            rollout = store.rollout(tx, BOOKME)
        self.assertEqual([v.digest for v in versions][-1], version.digest)
        self.assertEqual(rollout.digest, version.digest)
        self.assertIn("training.west_pct", json.loads(rollout.inputs)["facts"])

    def test_the_stored_evaluation_agrees_with_a_fresh_one(self: Any) -> None:
        stored = self.engine.push(BOOKME, {"facts": {"uptime_pct": 99.1}})
        fresh = self.engine.fresh_report(BOOKME)
        self.assertEqual(support.statuses(stored.report), support.statuses(fresh))
