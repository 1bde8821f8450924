"""A gate whose expression is 15 MB: a million `n == K ||` alternatives."""
import json
import os
import sys

expr = " || ".join("n == %d" % i for i in range(1000000))
plan = {
    "rollgate": 1,
    "name": "long-expr",
    "facts": {"n": {"type": "int"}},
    "stages": [{"id": "s", "gates": [{"id": "g", "expr": expr}]}],
}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
