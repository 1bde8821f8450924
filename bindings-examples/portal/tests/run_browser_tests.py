#!/usr/bin/env python3
"""Runs the browser tests (browser/portal.browser.mjs) against a portal
started on a fresh database.  Exits 77, which ctest reports as skipped,
with the reason, when node, chromium or playwright-core is missing.

    run_browser_tests.py ARTIFACT_DIR
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import support
from test_http import markup_plan

SKIP = 77
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PLAYWRIGHT_CORE = os.path.join(support.PORTAL_DIR, ".npm", "node_modules", "playwright-core")


def missing() -> str:
    """What the browser tests need and the machine lacks, or ""."""
    if shutil.which("node") is None:
        return "node is not installed (Debian's nodejs)"
    if not os.access(CHROMIUM, os.X_OK):
        return "%s is not installed (Debian's chromium)" % CHROMIUM
    if not os.path.isdir(PLAYWRIGHT_CORE):
        return ("playwright-core is not installed: npm install --prefix %s playwright-core"
                % os.path.join(support.PORTAL_DIR, ".npm"))
    return ""


def main(artifacts: str) -> int:
    reason = missing()
    if reason:
        print("SKIPPED: browser tests: " + reason)
        return SKIP
    os.makedirs(artifacts, exist_ok=True)
    portal = support.PortalProcess()
    try:
        env = dict(os.environ, PLAYWRIGHT_CORE=PLAYWRIGHT_CORE, CHROMIUM=CHROMIUM,
                   MARKUP_PLAN=markup_plan())
        script = os.path.join(support.HERE, "browser", "portal.browser.mjs")
        result = subprocess.run(["node", script, portal.url, support.TOKEN, artifacts],
                                env=env, timeout=300, check=False)
        print("screenshots in %s" % artifacts)
        if result.returncode != 0:
            print(portal.log())
        return result.returncode
    finally:
        portal.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "browser-artifacts"))
