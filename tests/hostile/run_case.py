#!/usr/bin/env python3
"""Runs one case of the hostile-input corpus (tests/data/hostile/README.md)
through the command line and through the C ABI, each under the case's time
and memory ceiling, and checks that each gives the expected exit status and
error.

    run_case.py --cli ROLLGATE --capi HOSTILE_CAPI --case DIR --work WORK

Under sanitizers (the asan preset sets these) the ceilings are loosened:
ROLLGATE_CEILING_SCALE multiplies each time ceiling (ASan and UBSan slow
the program several times over), and ROLLGATE_NO_MEMORY_CEILING=1 drops
the memory ceiling, which is an address-space limit that ASan's shadow
memory alone would pass; the release preset checks both as written.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time


def limited(megabytes):
    if os.environ.get("ROLLGATE_NO_MEMORY_CEILING") == "1":
        return None

    def apply():
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run(name, command, case, expect_exit):
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, timeout=case["seconds"],
                              preexec_fn=limited(case["megabytes"]))
    except subprocess.TimeoutExpired:
        return "%s: no answer within %s s (%s)" % (name, case["seconds"], " ".join(command))
    elapsed = time.monotonic() - started
    err = done.stderr.decode("utf-8", "replace")
    print("%s: exit %d in %.2f s" % (name, done.returncode, elapsed))
    if done.returncode < 0 or done.returncode >= 3:
        return "%s: crashed or failed internally (exit %d):\n%s" % (name, done.returncode, err[-4000:])
    if done.returncode != expect_exit:
        return "%s: exit %d, expected %d:\n%s" % (name, done.returncode, expect_exit, err[-4000:])
    if expect_exit == 2 and not re.search(case["error"], err):
        return "%s: the error does not match %r:\n%s" % (name, case["error"], err[-4000:])
    return report_too_large(name, done.stdout, case)


def report_too_large(name, stdout, case):
    """With `max_report_bytes`: the JSON report (the command line's standard
    output; the C ABI runner prints "report: N bytes") stays within it."""
    if "max_report_bytes" not in case:
        return None
    printed = re.search(rb"^report: ([0-9]+) bytes$", stdout, re.M)
    size = int(printed.group(1)) if printed else len(stdout)
    print("%s: report of %d bytes" % (name, size))
    if size > case["max_report_bytes"]:
        return "%s: a report of %d bytes, more than %d" % (name, size, case["max_report_bytes"])
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--capi", required=True)
    p.add_argument("--case", required=True)
    p.add_argument("--work", required=True)
    a = p.parse_args()
    with open(os.path.join(a.case, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    case.setdefault("seconds", 10)
    case.setdefault("megabytes", 1024)
    case["seconds"] *= float(os.environ.get("ROLLGATE_CEILING_SCALE", "1"))
    os.makedirs(a.work, exist_ok=True)
    generator = os.path.join(a.case, "generate.py")
    if os.path.exists(generator):  # inputs too large to commit
        subprocess.run([sys.executable, generator, a.work], check=True)

    def path(name):
        if name is None:
            return None
        for folder in (a.work, a.case):
            candidate = os.path.join(folder, name)
            if os.path.exists(candidate):
                return candidate
        return os.path.join(a.case, name)

    plan, facts, now = path(case["plan"]), path(case.get("facts")), case.get("now", "2026-11-23T09:00:00Z")
    cli = [a.cli, "eval", plan, "--now", now, "--format", "json", "--compact"]
    if facts:
        cli += ["--facts", facts]
    problems = [
        run("cli", cli, case, case["exit"]),
        # The C ABI runner exits 0 whenever a report is made.
        run("capi", [a.capi, plan, facts or "-", now], case, 2 if case["exit"] == 2 else 0),
    ]
    problems = [x for x in problems if x]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
