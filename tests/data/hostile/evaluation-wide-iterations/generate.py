"""1,000 matrix expansions with 3 gates of a million comprehension
iterations each: every gate is within its own budget, the evaluation is not."""
import json
import os
import sys

work = sys.argv[1]
plan = {"rollgate": 1, "name": "wide",
        "facts": {"l": {"type": "list(int)"}},
        "stages": [{"id": "w", "matrix": {"n": [str(i) for i in range(1000)]},
                    "gates": [{"id": "g%d" % k, "expr": "l.all(x, l.all(y, x + y > %d))" % k}
                              for k in range(3)]}]}
with open(os.path.join(work, "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(work, "facts.json"), "w") as f:
    json.dump({"facts": {"l": list(range(1, 1001))}}, f)
