"""The portal's tables, as numbered migrations applied in order, each in
its own transaction, and recorded in schema_migrations so that a database
is brought up to date on every start and never migrated twice.

Times are stored as RFC 3339 text in UTC ("2026-11-23T09:00:00Z"), which
sorts as time does in both databases.  JSON documents are stored as text
exactly as the library wrote them."""

from __future__ import annotations

import datetime as _dt
from typing import List, Sequence, Tuple

from .database import Database

MIGRATIONS: Sequence[Tuple[int, str, List[str]]] = (
    (1, "plans, rollouts, inputs log, evaluations", [
        # Every version of every plan, by its digest (the library's sha256
        # of the canonical plan), kept for the history and its diffs.
        """CREATE TABLE plan_versions (
             digest TEXT PRIMARY KEY,
             name TEXT NOT NULL,
             title TEXT NOT NULL,
             body TEXT NOT NULL,
             added_at TEXT NOT NULL)""",
        "CREATE INDEX plan_versions_by_name ON plan_versions (name, added_at)",
        # One rollout per plan name: its current version, its inputs (the
        # facts document the library gives back, so always valid), the
        # session state of the last evaluation and when that was.
        """CREATE TABLE rollouts (
             name TEXT PRIMARY KEY,
             digest TEXT NOT NULL REFERENCES plan_versions (digest),
             inputs TEXT NOT NULL,
             state TEXT,
             evaluated_at TEXT,
             revision INTEGER NOT NULL)""",
        # Every fact received, with its times: the inputs keep only the
        # latest value, this keeps them all.
        """CREATE TABLE facts (
             id {id},
             rollout TEXT NOT NULL REFERENCES rollouts (name),
             name TEXT NOT NULL,
             value TEXT NOT NULL,
             observed_at TEXT,
             source TEXT,
             evidence TEXT,
             received_at TEXT NOT NULL)""",
        "CREATE INDEX facts_by_rollout ON facts (rollout, name, id)",
        """CREATE TABLE progress (
             id {id},
             rollout TEXT NOT NULL REFERENCES rollouts (name),
             stage TEXT NOT NULL,
             entry TEXT NOT NULL,
             received_at TEXT NOT NULL)""",
        """CREATE TABLE approvals (
             id {id},
             rollout TEXT NOT NULL REFERENCES rollouts (name),
             stage TEXT NOT NULL,
             role TEXT NOT NULL,
             approver TEXT NOT NULL,
             entry TEXT NOT NULL,
             received_at TEXT NOT NULL)""",
        # Every evaluation: the whole report, and each stage's and gate's
        # status in a row of its own for the timeline.
        """CREATE TABLE evaluations (
             id {id},
             rollout TEXT NOT NULL REFERENCES rollouts (name),
             digest TEXT NOT NULL REFERENCES plan_versions (digest),
             evaluated_at TEXT NOT NULL,
             target_status TEXT NOT NULL,
             report TEXT NOT NULL)""",
        "CREATE INDEX evaluations_by_rollout ON evaluations (rollout, id)",
        """CREATE TABLE statuses (
             evaluation_id BIGINT NOT NULL REFERENCES evaluations (id),
             subject TEXT NOT NULL,
             kind TEXT NOT NULL,
             status TEXT NOT NULL,
             drift INTEGER NOT NULL,
             PRIMARY KEY (evaluation_id, subject))""",
    ]),
)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def applied_versions(db: Database) -> List[int]:
    with db.transaction() as tx:
        tx.run("CREATE TABLE IF NOT EXISTS schema_migrations ("
               " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
               " applied_at TEXT NOT NULL)")
        return [row[0] for row in tx.all("SELECT version FROM schema_migrations ORDER BY version")]


def migrate(db: Database) -> List[int]:
    """Applies the migrations this database lacks; returns their numbers.
    Each runs in one transaction with its record, so a failed migration
    leaves the database as it was (SQLite and PostgreSQL both have
    transactional DDL)."""
    done = set(applied_versions(db))
    applied = []
    for version, description, statements in MIGRATIONS:
        if version in done:
            continue
        with db.transaction() as tx:
            for statement in statements:
                tx.run(statement)
            tx.run("INSERT INTO schema_migrations (version, description, applied_at)"
                   " VALUES (?, ?, ?)", (version, description, _now()))
        applied.append(version)
    return applied
