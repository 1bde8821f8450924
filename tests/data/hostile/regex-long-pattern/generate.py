"""matches() with a pattern from a fact of 100,000 plain characters,
matched against itself (so a build without the size limit answers true)."""
import json
import os
import sys

work = sys.argv[1]
pattern = "ab" * 50000
plan = {"rollgate": 1, "name": "long-pattern",
        "facts": {"text": {"type": "string"}, "pattern": {"type": "string"}},
        "stages": [{"id": "a", "gates": [{"id": "g", "expr": "text.matches(pattern)"}]}]}
with open(os.path.join(work, "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(work, "facts.json"), "w") as f:
    json.dump({"facts": {"text": pattern, "pattern": pattern}}, f)
