#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/<target>/.

Seeds come from what the project already has: the example plans and their
facts, the scenario suites, the plan-diff cases, the bad plans, the CEL
conformance suite's expressions, and the fuzz fixture's own plan and facts
(tests/fuzz/fixture.hpp), with saved states made by running the command
line on the fixture.  Generated, not committed, so that the corpus follows
the test data as it grows.

usage: make_seeds.py --source ROOT --cli PATH/TO/rollgate --out DIR
"""
import argparse
import hashlib
import json
import random
import re
import subprocess
import tempfile
from pathlib import Path

TARGETS = ("plan_loader", "facts_loader", "state_loader", "expression", "plan_diff", "capi_sequence", "regex")


class Corpus:
    def __init__(self, out: Path):
        self.out = out
        for target in TARGETS:
            (out / target).mkdir(parents=True, exist_ok=True)

    def add(self, target: str, data) -> None:
        if isinstance(data, str):
            data = data.encode()
        name = hashlib.sha1(data).hexdigest()
        (self.out / target / name).write_bytes(data)


def fixture(source: Path, name: str) -> str:
    text = (source / "tests/fuzz/fixture.hpp").read_text()
    return re.search(r"k%s\[\] = R\"json\((.*?)\)json\"" % name, text, re.S).group(1)


def scenario_cases(source: Path):
    for path in sorted((source / "tests/data/scenarios").glob("*.json")):
        doc = json.loads(path.read_text())
        yield from doc.get("scenarios", [])


def add_plans(corpus: Corpus, source: Path) -> None:
    for path in sorted(source.glob("examples/*/plan*.json")) + sorted((source / "tests/data/bad-plans").glob("*")):
        corpus.add("plan_loader", path.read_bytes())
    for case in scenario_cases(source):
        if "plan" in case:
            corpus.add("plan_loader", json.dumps(case["plan"], indent=1))
    corpus.add("plan_loader", fixture(source, "Plan"))


def add_facts(corpus: Corpus, source: Path) -> None:
    for path in sorted(source.glob("examples/*/facts*.json")):
        corpus.add("facts_loader", path.read_bytes())
    for case in scenario_cases(source):
        for key in ("inputs", "facts"):
            if isinstance(case.get(key), dict):
                corpus.add("facts_loader", json.dumps(case[key], indent=1))
    corpus.add("facts_loader", fixture(source, "Facts"))
    corpus.add("facts_loader", '{"facts": {"count": null, "ratio": {"value": 1e308}, "window": "-1s"}}')


def add_states(corpus: Corpus, source: Path, cli: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        plan, facts, state = Path(work, "plan.json"), Path(work, "facts.json"), Path(work, "state.json")
        plan.write_text(fixture(source, "Plan"))
        facts.write_text(fixture(source, "Facts"))
        for now in ("2026-11-23T09:00:00Z", "2026-11-23T10:30:00Z", "2026-11-25T09:00:00Z", "2026-12-21T09:00:00Z"):
            subprocess.run([str(cli), "eval", str(plan), "--facts", str(facts), "--state", str(state),
                            "--now", now, "--format", "json"], stdout=subprocess.DEVNULL, check=False)
            if state.exists():
                corpus.add("state_loader", state.read_bytes())


def add_expressions(corpus: Corpus, source: Path) -> None:
    conformance = json.loads((source / "tests/data/cel-spec/conformance.json").read_text())
    for suite in conformance["suites"]:
        for section in suite["sections"]:
            for test in section["tests"]:
                corpus.add("expression", test["expr"])
    for path in sorted(source.glob("examples/*/plan*.json")):
        for stage in json.loads(path.read_text()).get("stages", []):
            for gate in stage.get("gates", []):
                corpus.add("expression", gate["expr"])
    for match in re.finditer(r'"expr": "((?:[^"\\]|\\.)*)"', fixture(source, "Plan")):
        corpus.add("expression", json.loads('"%s"' % match.group(1)))


def add_diffs(corpus: Corpus, source: Path) -> None:
    for path in sorted((source / "tests/data/diff/cases").glob("*.json")):
        for case in json.loads(path.read_text()).get("cases", []):
            if "old" in case and "new" in case:
                corpus.add("plan_diff", json.dumps(case["old"]) + "\n----\n" + json.dumps(case["new"]))
    pairs = [("quality-monitoring/plan.json", "quality-monitoring/plan-v2.json"),
             ("bookme/plan.json", "bookme/plan-with-soak.json")]
    for old, new in pairs:
        corpus.add("plan_diff", (source / "examples" / old).read_text() + "\n----\n" + (source / "examples" / new).read_text())


def add_call_sequences(corpus: Corpus) -> None:
    # Byte programs (tests/fuzz/capi_sequence_fuzz.cpp): random ones with a
    # fixed seed, so that the corpus is the same on every machine.
    generator = random.Random(10)
    for length in (16, 64, 256, 1024) * 8:
        corpus.add("capi_sequence", bytes(generator.randrange(256) for _ in range(length)))


def add_patterns(corpus: Corpus, source: Path) -> None:
    # Each verbatim pattern of the differential test's corpus (its format is
    # at its top), with its texts that need no unescaping: "pattern NUL text".
    for line in (source / "tests/data/regex/corpus.txt").read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "~":
            continue
        corpus.add("regex", fields[0])
        for text in fields[1:]:
            if "\\" not in text:
                corpus.add("regex", fields[0] + "\0" + text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--cli", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    corpus = Corpus(args.out)
    add_plans(corpus, args.source)
    add_facts(corpus, args.source)
    add_states(corpus, args.source, args.cli)
    add_expressions(corpus, args.source)
    add_diffs(corpus, args.source)
    add_call_sequences(corpus)
    add_patterns(corpus, args.source)
    for target in TARGETS:
        print(f"{target}: {len(list((args.out / target).iterdir()))} seeds")


if __name__ == "__main__":
    main()
