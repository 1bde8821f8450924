"""Renders the SVG of every bundled example (examples/*/plan.json, with its
facts.json when there is one) and of the plans given after the examples
folder, and checks that each is well-formed XML with exactly one node per
stage (the stages of the JSON report).  Exits 77 (skipped) when Graphviz's
`dot` is not installed.

    python3 svg_nodes.py CLI EXAMPLES_DIR [PLAN FACTS]...
"""
import json
import pathlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

NOW = "2026-11-23T09:00:00Z"
SVG = "{http://www.w3.org/2000/svg}"
SKIPPED = 77


def inputs(examples, extra):
    for plan in sorted(examples.glob("*/plan.json")):
        facts = plan.with_name("facts.json")
        yield plan, facts if facts.exists() else None
    for plan, facts in zip(extra[::2], extra[1::2]):
        yield pathlib.Path(plan), pathlib.Path(facts)


def run(argv):
    done = subprocess.run(argv, capture_output=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv[1:])}: exit {done.returncode}: {done.stderr.decode(errors='replace')}")
    return done.stdout


def check(cli, plan, facts):
    given = ["--now", NOW] + (["--facts", str(facts)] if facts else [])
    stages = len(json.loads(run([cli, "eval", str(plan), "--format", "json"] + given))["stages"])
    svg = run([cli, "graph", str(plan), "--format", "svg"] + given)
    root = ET.fromstring(svg)  # raises on XML that is not well-formed
    nodes = [g for g in root.iter(SVG + "g") if g.get("class") == "node"]
    if len(nodes) != stages:
        return f"{plan}: {len(nodes)} nodes in the SVG for {stages} stages"
    print(f"{plan}: {stages} stages, {stages} nodes")
    return None


def main(cli, examples, *extra):
    if shutil.which("dot") is None:
        print("skipped: Graphviz's 'dot' is not on PATH (Debian: apt-get install graphviz)")
        return SKIPPED
    failures, count = [], 0
    for plan, facts in inputs(pathlib.Path(examples), extra):
        count += 1
        try:
            problem = check(cli, plan, facts)
        except (RuntimeError, ET.ParseError) as error:
            problem = f"{plan}: {error}"
        if problem:
            failures.append(problem)
    for failure in failures:
        print(failure)
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
