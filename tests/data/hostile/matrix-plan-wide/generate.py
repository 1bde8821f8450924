"""A 1 MB plan of 300 matrix stages of 1,000 expansions each, within the
per-stage cap, that would make 300,000 stages and gates in all: more than
the matrices of a plan may expand to (max_matrix_expansions, 100,000)."""
import json
import os
import sys

stages = [{
    "id": "wave%d" % i,
    "matrix": {"n": list(range(1000))},
    "gates": [{"id": "ok", "expr": "${n} >= 0"}],
} for i in range(300)]
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump({"rollgate": 1, "name": "waves", "stages": stages}, f)
