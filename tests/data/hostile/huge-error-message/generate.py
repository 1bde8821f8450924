"""A 10 MB string fact that 100 gates use as a map key that is not there:
each gate's error, "no such key: <the key>", would quote it whole."""
import json
import os
import sys

plan = {
    "rollgate": 1,
    "name": "long-errors",
    "facts": {"s": {"type": "string"}},
    "stages": [{"id": "a", "gates": [{"id": "g%d" % i, "expr": '{"a": %d}[s] == 1' % i}
                                     for i in range(100)]}],
}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(sys.argv[1], "facts.json"), "w") as f:
    json.dump({"facts": {"s": "x" * 10000000}}, f)
