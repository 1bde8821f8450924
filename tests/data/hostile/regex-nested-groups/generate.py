"""matches() with patterns from facts: 25,000 nested groups around 'a'
(past the size limit too), and 1,000 (within it), matched against "a" (so
a build without the limits answers true)."""
import json
import os
import sys

work = sys.argv[1]
plan = {"rollgate": 1, "name": "nested-groups",
        "facts": {"text": {"type": "string"}, "pattern": {"type": "string"},
                  "shorter": {"type": "string"}},
        "stages": [{"id": "a", "gates": [{"id": "g", "expr": "text.matches(pattern)"},
                                         {"id": "g2", "expr": "text.matches(shorter)"}]}]}
with open(os.path.join(work, "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(work, "facts.json"), "w") as f:
    json.dump({"facts": {"text": "a", "pattern": "(" * 25000 + "a" + ")" * 25000,
                         "shorter": "(" * 1000 + "a" + ")" * 1000}}, f)
