#!/usr/bin/env python3
"""How long Python takes to learn one stage's status: through the readers of
the C ABI (Report.stage(id).status: two ctypes calls, no JSON) against
rendering the report as JSON and parsing it (issue 8's closing number).

    ROLLGATE_LIBRARY=build/release/lib/librollgate.so \
      PYTHONPATH=bindings-examples/python python3 bench/python_read_stage.py [PLAN FACTS INSTANT STAGE]

Defaults to examples/bookme at 2026-11-23T09:00:00Z and stage wave-north.
Prints the time per read for each way, best of 5 rounds (process CPU time).
"""

import json
import os
import sys
import time

import rollgate

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def best_of(rounds, n, fn):
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(n):
            fn()
        best = min(best, (time.process_time() - start) / n)
    return best


def main(argv):
    if len(argv) == 5:
        plan_path, facts_path, instant, stage_id = argv[1:]
    else:
        plan_path = os.path.join(ROOT, "examples", "bookme", "plan.json")
        facts_path = os.path.join(ROOT, "examples", "bookme", "facts.json")
        instant, stage_id = "2026-11-23T09:00:00Z", "wave-north"
    plan = rollgate.Plan.from_file(plan_path)
    session = rollgate.Session(plan)
    with open(facts_path, "rb") as f:
        session.set_inputs(f.read(), facts_path)
    report = session.evaluate(instant)

    def through_readers():
        return report.stage(stage_id).status

    def through_json():
        doc = json.loads(report.json_text())
        return next(s["status"] for s in doc["stages"] if s["id"] == stage_id)

    def evaluation():
        session.evaluate(instant).close()

    assert through_readers().label == through_json()
    stages = report.stage_count
    n = 2000 if stages < 1000 else 3
    readers = best_of(5, n * 10, through_readers)
    via_json = best_of(5, n, through_json)
    evaluate = best_of(5, n, evaluation)
    print("plan %s: %d stages; stage %s is %s" % (plan.name, stages, stage_id,
                                                  through_readers().label))
    print("one stage's status through the readers: %10.2f us" % (readers * 1e6))
    print("the same through JSON (render + parse): %10.2f us  (%.0fx)"
          % (via_json * 1e6, via_json / readers))
    print("one (incremental) evaluation, for scale: %10.2f us" % (evaluate * 1e6))


if __name__ == "__main__":
    main(sys.argv)
