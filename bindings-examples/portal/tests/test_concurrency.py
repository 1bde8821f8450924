"""Concurrent pushes lose nothing: 8 clients push 500 facts each, one
request per fact, against one running portal on SQLite (the checks are in
concurrent_pushes.py; test_postgres.py runs them on two portals sharing a
PostgreSQL database)."""

from __future__ import annotations

import os
import unittest

import support

import concurrent_pushes
from portal.database import Database

CLIENTS = int(os.environ.get("PORTAL_CONCURRENCY_CLIENTS", "8"))
FACTS_PER_CLIENT = int(os.environ.get("PORTAL_CONCURRENCY_FACTS", "500"))


class ConcurrentPushTest(unittest.TestCase):
    def test_every_pushed_fact_is_stored_once(self) -> None:
        portal = support.PortalProcess()
        self.addCleanup(portal.stop)
        db = Database(portal.database)
        self.addCleanup(db.close)
        concurrent_pushes.check(self, db, [portal.url], CLIENTS, FACTS_PER_CLIENT)


if __name__ == "__main__":
    unittest.main()
