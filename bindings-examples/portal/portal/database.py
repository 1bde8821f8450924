"""Connections and transactions for SQLite (default) or PostgreSQL.

The portal writes SQL once, with `?` placeholders and two dialect words
({id} for an auto-numbered key, {lock} for a row lock); this module
translates them, so the schema, the migrations and the store are the same
for both databases."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from typing import Any, Iterator, List, Optional, Sequence, Tuple

Row = Tuple[Any, ...]

# Dialect words: SQLite numbers rows by INTEGER PRIMARY KEY; PostgreSQL by
# an identity column.  SQLite has no row locks: BEGIN IMMEDIATE takes the
# database's write lock for the whole transaction instead.
_DIALECT_WORDS = {
    "sqlite": {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "lock": ""},
    "postgresql": {"id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
                   "lock": " FOR UPDATE"},
}


class Cursor:
    """One transaction's statements, in the portal's SQL dialect."""

    def __init__(self, raw: Any, dialect: str) -> None:
        self._raw = raw
        self._dialect = dialect

    def sql(self, text: str) -> str:
        text = text.format(**_DIALECT_WORDS[self._dialect])
        return text.replace("?", "%s") if self._dialect == "postgresql" else text

    def run(self, text: str, params: Sequence[Any] = ()) -> None:
        self._raw.execute(self.sql(text), tuple(params))

    def run_many(self, text: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows: one round trip per batch, not per
        row, on PostgreSQL."""
        if rows:
            self._raw.executemany(self.sql(text), [tuple(row) for row in rows])

    def insert(self, text: str, params: Sequence[Any] = ()) -> int:
        """Runs an INSERT into a table with an {id} key; returns the id."""
        if self._dialect == "postgresql":
            self._raw.execute(self.sql(text) + " RETURNING id", tuple(params))
            return int(self._raw.fetchone()[0])
        self._raw.execute(self.sql(text), tuple(params))
        return int(self._raw.lastrowid)

    def one(self, text: str, params: Sequence[Any] = ()) -> Optional[Row]:
        self._raw.execute(self.sql(text), tuple(params))
        row = self._raw.fetchone()
        return tuple(row) if row is not None else None

    def all(self, text: str, params: Sequence[Any] = ()) -> List[Row]:
        self._raw.execute(self.sql(text), tuple(params))
        return [tuple(row) for row in self._raw.fetchall()]


class Database:
    """A database given by URL: a file path or `sqlite:///path` for SQLite,
    `postgresql://...` for PostgreSQL.  Every unit of work is one
    transaction(), on a connection taken from a pool of idle ones and given
    back after: the server runs each request on a new thread, so
    connections kept per thread would pile up (and PostgreSQL's limit on
    connections would refuse the next), while a pool holds as many as there
    were requests at once.  A connection is used by one thread at a time."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"
        self._idle: List[Any] = []
        self._idle_lock = threading.Lock()

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        with self._idle_lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = self._connect()
        try:
            yield conn
        finally:
            if self._reusable(conn):
                with self._idle_lock:
                    self._idle.append(conn)
            else:
                conn.close()

    def _reusable(self, conn: Any) -> bool:
        """A transaction that raised was rolled back, which leaves its
        connection as good as new; one left inside a transaction or broken
        (a lost server) is not given to the next request."""
        if self.dialect == "postgresql":
            from psycopg.pq import TransactionStatus
            return not conn.closed and conn.info.transaction_status == TransactionStatus.IDLE
        return not conn.in_transaction

    def _connect(self) -> Any:
        if self.dialect == "postgresql":
            import psycopg  # only needed for PostgreSQL: Debian's python3-psycopg
            return psycopg.connect(self.url, autocommit=True)
        # As SQLAlchemy has it: sqlite:///relative.db, sqlite:////absolute.db.
        path = self.url[len("sqlite:///"):] if self.url.startswith("sqlite:///") else self.url
        # isolation_level=None: transactions are begun explicitly, by
        # transaction().  check_same_thread=False: the pool hands a
        # connection to one thread after another, never to two at once.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=60.0)
        # WAL: readers never wait for the writer.  synchronous=NORMAL: a
        # commit is not fsynced on its own (the WAL is at checkpoints); a
        # power cut may lose the last commits but never corrupts the file,
        # and every push is then several times faster.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextlib.contextmanager
    def transaction(self, write: bool = True) -> Iterator[Cursor]:
        """One transaction: committed when the block ends, rolled back (and
        the exception passed on) when it raises.  `write`: SQLite takes its
        write lock at the start (BEGIN IMMEDIATE), so two writers wait for
        each other rather than one failing half-way."""
        with self._connection() as conn:
            if self.dialect == "postgresql":
                with conn.transaction():
                    with conn.cursor() as raw:
                        yield Cursor(raw, self.dialect)
                return
            raw = conn.cursor()
            raw.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield Cursor(raw, self.dialect)
            except BaseException:
                raw.execute("ROLLBACK")
                raise
            raw.execute("COMMIT")

    def close(self) -> None:
        """Closes the idle connections; call it when no transaction runs."""
        with self._idle_lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
