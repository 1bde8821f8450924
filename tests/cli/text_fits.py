"""Checks that every line of `rollgate eval` text output fits 80 columns
(code points, after removing colour escapes) and is well-formed UTF-8, for
every plan of every example with no facts and with each of its facts
files, and for the plans given after the examples folder.

    python3 text_fits.py CLI EXAMPLES_DIR [PLAN FACTS]...
"""
import pathlib
import re
import subprocess
import sys

WIDTH = 80
NOW = "2026-11-23T09:00:00Z"
ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


def evaluations(examples, extra):
    for folder in sorted(p for p in examples.iterdir() if p.is_dir()):
        facts = [None] + sorted(folder.glob("facts*.json"))
        for plan in sorted(folder.glob("plan*.json")):
            for fact in facts:
                yield plan, fact
    for plan, fact in zip(extra[::2], extra[1::2]):
        yield pathlib.Path(plan), pathlib.Path(fact)


def problems(cli, plan, facts, color):
    argv = [cli, "eval", str(plan), "--now", NOW, "--color", color]
    if facts:
        argv += ["--facts", str(facts)]
    done = subprocess.run(argv, capture_output=True)
    name = " ".join(argv[1:])
    if done.returncode not in (0, 1):
        yield f"{name}: exit {done.returncode}: {done.stderr.decode(errors='replace')}"
        return
    try:
        text = done.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        yield f"{name}: not UTF-8 ({error})"
        return
    for number, line in enumerate(text.split("\n"), 1):
        visible = ESCAPES.sub("", line)
        if len(visible) > WIDTH:
            yield f"{name}: line {number} has {len(visible)} columns:\n  {visible}"


def main(cli, examples, *extra):
    count, found = 0, []
    for plan, facts in evaluations(pathlib.Path(examples), extra):
        for color in ("never", "always"):
            count += 1
            found += problems(cli, plan, facts, color)
    print(f"{count} reports checked")
    for problem in found:
        print(problem)
    return 1 if found or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
