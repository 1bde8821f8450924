"""The storage tests (storage_cases.py) on SQLite, the default."""

from __future__ import annotations

import os
import tempfile
import unittest

import support  # noqa: F401

from portal.database import Database
from storage_cases import StorageCases


class SqliteStorageTest(StorageCases, unittest.TestCase):
    def new_database(self) -> Database:
        folder = tempfile.TemporaryDirectory(prefix="rollgate-portal-")
        self.addCleanup(folder.cleanup)
        return Database(os.path.join(folder.name, "portal.db"))

    def test_a_url_names_the_file(self) -> None:
        folder = tempfile.TemporaryDirectory(prefix="rollgate-portal-")
        self.addCleanup(folder.cleanup)
        db = Database("sqlite:///" + os.path.join(folder.name, "x.db"))
        with db.transaction() as tx:
            tx.run("CREATE TABLE t (a INTEGER)")
        db.close()
        self.assertTrue(os.path.exists(os.path.join(folder.name, "x.db")))


if __name__ == "__main__":
    unittest.main()
