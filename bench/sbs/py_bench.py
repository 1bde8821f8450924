"""Python through ctypes (bindings-examples/python) on a side-by-side
workload: the same session work as rollgate_sbs_capi's full evaluation
(state cleared, then evaluate), timed in process CPU time.

    ROLLGATE_LIBRARY=build/.../librollgate.so \
    PYTHONPATH=bindings-examples/python python3 bench/sbs/py_bench.py DIR [--quick]

Prints a RESULT line (key=value) like the C++ programs.
"""
import os
import sys
import time

import rollgate

NOW = "2026-12-01T00:00:00Z"  # sbs::kNowText


def main():
    directory = sys.argv[1]
    budget = 0.1 if "--quick" in sys.argv[2:] else 1.0
    with open(os.path.join(directory, "plan.json"), encoding="utf-8") as f:
        plan_text = f.read()
    with open(os.path.join(directory, "facts.json"), encoding="utf-8") as f:
        facts_text = f.read()
    t0 = time.process_time()
    plan = rollgate.Plan.compile(plan_text)
    compile_s = time.process_time() - t0
    session = rollgate.Session(plan)
    session.set_inputs(facts_text)
    times = []
    start = time.process_time()
    while len(times) < 3 or time.process_time() - start < budget:
        session.clear_state()
        t0 = time.process_time()
        report = session.evaluate(NOW)
        times.append(time.process_time() - t0)
        report.close()
        if len(times) >= 20000:
            break
    times.sort()
    eval_s = times[len(times) // 2]
    gates = plan_text.count('"expr"')
    print("python (ctypes): %d gates, full evaluation %.3f ms (%d runs)" % (gates, eval_s * 1e3, len(times)),
          file=sys.stderr)
    print("RESULT engine=python gates=%d ns_per_gate=%.2f eval_ms=%.4f evals=%d compile_us_per_gate=%.4f"
          % (gates, eval_s * 1e9 / gates, eval_s * 1e3, len(times), compile_s * 1e6 / gates))


if __name__ == "__main__":
    main()
