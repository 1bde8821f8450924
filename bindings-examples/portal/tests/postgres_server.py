"""A throwaway PostgreSQL server for the tests: initdb and pg_ctl (Debian's
postgresql package) in a temporary directory, on a free port of
127.0.0.1, as an unprivileged user (PostgreSQL refuses to run as root:
under root the server runs as the `postgres` user the package creates)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from typing import List, Optional

USER = "portal"


def find_binary(name: str) -> Optional[str]:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/" + name))
    return candidates[-1] if candidates else None


def why_unavailable() -> str:
    """Why no server can be started here, or ""."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "python3-psycopg is not installed"
    for name in ("initdb", "pg_ctl"):
        if find_binary(name) is None:
            return "%s is not installed (Debian's postgresql)" % name
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
    return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="rollgate-portal-pg-")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        self._as_user: List[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.dir, account.pw_uid, account.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._run(find_binary("initdb"), "-D", self.data, "-U", USER, "--auth=trust",
                  "-E", "UTF8", "--no-sync")
        # fsync off: a test server need not survive a power cut.
        options = "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off" % (self.port, self.dir)
        self._run(find_binary("pg_ctl"), "-D", self.data, "-o", options, "-w",
                  "-l", os.path.join(self.dir, "server.log"), "start")
        self._databases = 0

    def _run(self, *command: Optional[str]) -> None:
        result = subprocess.run(self._as_user + [str(c) for c in command],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, check=False, timeout=120)
        if result.returncode != 0:
            raise RuntimeError("%s failed:\n%s" % (command[0], result.stdout))

    def url(self, database: str = "postgres") -> str:
        return "postgresql://%s@127.0.0.1:%d/%s" % (USER, self.port, database)

    def new_database(self) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg
        self._databases += 1
        name = "portal_test_%d" % self._databases
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE " + name)
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(find_binary("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
