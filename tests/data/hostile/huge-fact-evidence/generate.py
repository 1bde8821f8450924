"""A 10 MB string fact read by 6 gates: each gate's evidence would repeat it."""
import json
import os
import sys

plan = {
    "rollgate": 1,
    "name": "huge-evidence",
    "facts": {"manifest": {"type": "string"}},
    "stages": [{"id": "canary", "gates": [
        {"id": "g%d" % i, "expr": "size(manifest) > %d" % i} for i in range(6)]}],
}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(sys.argv[1], "facts.json"), "w") as f:
    json.dump({"facts": {"manifest": "m\u00e9" * 3500000}}, f, ensure_ascii=False)
