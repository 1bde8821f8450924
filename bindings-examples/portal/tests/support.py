"""What the portal's tests share: the import path (the portal and the
rollgate package from this repository), temporary databases, and a portal
started as a process on a free port."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
PORTAL_DIR = os.path.dirname(HERE)
PYTHON_PACKAGE_DIR = os.path.join(PORTAL_DIR, "..", "python")
EXAMPLES = os.path.normpath(os.path.join(PORTAL_DIR, "..", "..", "examples"))
for path in (PORTAL_DIR, PYTHON_PACKAGE_DIR):
    if path not in sys.path:
        sys.path.insert(0, path)

TOKEN = "test-token-0123456789"


def read_example(*parts: str) -> str:
    with open(os.path.join(EXAMPLES, *parts), encoding="utf-8") as f:
        return f.read()


class PortalProcess:
    """`python3 -m portal` on a fresh SQLite file (or the given database),
    on a port the system picks; stopped by stop()."""

    def __init__(self, *extra: str, database: Optional[str] = None) -> None:
        self.dir = tempfile.TemporaryDirectory(prefix="rollgate-portal-")
        token_file = os.path.join(self.dir.name, "token")
        with open(token_file, "w", encoding="utf-8") as f:
            f.write(TOKEN + "\n")
        self.database = database or os.path.join(self.dir.name, "portal.db")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([PORTAL_DIR, PYTHON_PACKAGE_DIR]))
        self.log_path = os.path.join(self.dir.name, "portal.log")
        self._log = open(self.log_path, "w+", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "portal", "--database", self.database, "--port", "0",
             "--token-file", token_file, "--now", "frozen", *extra],
            cwd=PORTAL_DIR, env=env, stdout=self._log, stderr=self._log)
        self.url = self._wait_for_url()

    def _wait_for_url(self, seconds: float = 60.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._log.seek(0)
            for line in self._log.read().splitlines():
                if line.startswith("portal: listening on "):
                    return line[len("portal: listening on "):].rstrip("/")
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("the portal did not start:\n" + self.log())

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        self.dir.cleanup()


def request(url: str, method: str = "GET", body: Optional[bytes] = None,
            headers: Optional[Dict[str, str]] = None) -> Tuple[int, Dict[str, str], bytes]:
    """(status, headers, body), also for error statuses."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def post_json(url: str, document: Any, token: Optional[str] = TOKEN) -> Tuple[int, Any]:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = "Bearer " + token
    status, _, body = request(url, "POST", json.dumps(document).encode(), headers)
    return status, json.loads(body) if body else None


def get_json(url: str) -> Any:
    status, _, body = request(url)
    if status != 200:
        raise AssertionError("GET %s: %d %s" % (url, status, body[:500]))
    return json.loads(body)


def statuses(report: Dict[str, Any]) -> Dict[str, str]:
    """Every stage's and gate's status in a report."""
    result = {}
    for stage in report["stages"]:
        result[stage["id"]] = stage["status"]
        for gate in stage["gates"]:
            result[stage["id"] + "/" + gate["id"]] = gate["status"]
    return result


def sorted_ids(items: List[Dict[str, Any]]) -> List[str]:
    return sorted(item["id"] for item in items)
