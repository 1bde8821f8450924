"""The storage tests (storage_cases.py) against a real PostgreSQL server
that this test starts in a temporary directory.  Run as a script, it exits
77 (skipped, for ctest) with the reason when no server can be started."""

from __future__ import annotations

import sys
import unittest
from typing import Optional

import support  # noqa: F401

from portal.database import Database
from postgres_server import PostgresServer, why_unavailable
from storage_cases import StorageCases

import concurrent_pushes
from test_concurrency import CLIENTS, FACTS_PER_CLIENT

SKIP = 77


class PostgresStorageTest(StorageCases, unittest.TestCase):
    server: Optional[PostgresServer] = None

    @classmethod
    def setUpClass(cls) -> None:
        reason = why_unavailable()
        if reason:
            raise unittest.SkipTest(reason)
        cls.server = PostgresServer()

    @classmethod
    def tearDownClass(cls) -> None:
        if cls.server is not None:
            cls.server.stop()

    def new_database(self) -> Database:
        assert self.server is not None
        return Database(self.server.new_database())

    def test_the_dialect_is_postgresql(self) -> None:
        self.assertEqual(self.db.dialect, "postgresql")

    def test_two_portals_on_one_database_lose_no_concurrent_push(self) -> None:
        """8 clients, 500 facts each, half through each of two portal
        processes: each push locks the rollout's row, whichever process
        serves it."""
        first = support.PortalProcess(database=self.db.url)
        self.addCleanup(first.stop)
        second = support.PortalProcess(database=self.db.url)
        self.addCleanup(second.stop)
        concurrent_pushes.check(self, self.db, [first.url, second.url], CLIENTS,
                                FACTS_PER_CLIENT)


if __name__ == "__main__":
    unavailable = why_unavailable()
    if unavailable:
        print("SKIPPED: PostgreSQL storage tests: " + unavailable)
        sys.exit(SKIP)
    unittest.main(verbosity=2)
