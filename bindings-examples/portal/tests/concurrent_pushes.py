"""The concurrency check, shared by the SQLite test (one portal) and the
PostgreSQL test (two portal processes on one database): clients push one
fact per request, each value naming its client and turn; afterwards every
value is logged exactly once, each push made one evaluation, the inputs
hold the value of the push that committed last, and the latest stored
evaluation agrees with a fresh evaluation of the stored inputs."""

from __future__ import annotations

import json
import threading
import unittest
from typing import List, Sequence

import support
from support import post_json

from portal import store
from portal.database import Database
from portal.engine import Engine

ROLLOUT = "bookme-scheduler"
FACT = "support.open_tickets"


def push_all(url: str, client: int, count: int, failures: List[str]) -> None:
    for i in range(count):
        value = client * count + i
        status, body = post_json(url, {"name": FACT, "value": value,
                                       "source": "client-%d" % client})
        if status != 201:
            failures.append("client %d push %d: %d %s" % (client, i, status, body))
            return


def check(test: unittest.TestCase, db: Database, portal_urls: Sequence[str],
          clients: int, count: int) -> None:
    with db.transaction(write=False) as tx:
        evaluations_before = len(store.evaluations(tx, ROLLOUT, limit=10**7))
    failures: List[str] = []
    threads = [threading.Thread(target=push_all, args=(
        portal_urls[c % len(portal_urls)] + "/api/rollouts/%s/facts" % ROLLOUT,
        c, count, failures)) for c in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    test.assertEqual(failures, [])

    total = clients * count
    with db.transaction(write=False) as tx:
        logged = store.fact_log(tx, ROLLOUT, FACT, limit=total + 100)
        pushed = [f for f in logged if (f["source"] or "").startswith("client-")]
        evaluations_after = len(store.evaluations(tx, ROLLOUT, limit=10**7))
        latest = store.latest_evaluation(tx, ROLLOUT)
        rollout = store.rollout(tx, ROLLOUT)
    assert latest is not None and rollout is not None
    test.assertEqual(sorted(f["value"] for f in pushed), list(range(total)))
    test.assertEqual(evaluations_after - evaluations_before, total)
    # fact_log is newest first: the inputs hold the last committed value.
    test.assertEqual(json.loads(rollout.inputs)["facts"][FACT]["value"], pushed[0]["value"])
    fresh = Engine(db).fresh_report(ROLLOUT)
    test.assertEqual(support.statuses(latest.report), support.statuses(fresh))
    test.assertEqual(latest.report["target"], fresh["target"])
