"""A stage id of 4 MB with eight gates: every gate id, every report line
and every message that names the stage would repeat it."""
import json
import os
import sys

stage_id = "s" * (4 << 20)
plan = {
    "rollgate": 1,
    "name": "long-id",
    "facts": {"n": {"type": "int"}},
    "stages": [{"id": stage_id, "gates": [{"id": "g%d" % i, "expr": "n > %d" % i} for i in range(8)]},
               {"id": "next", "after": [stage_id]}],
}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(sys.argv[1], "facts.json"), "w") as f:
    json.dump({"facts": {"n": 3}}, f)
