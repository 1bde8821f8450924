"""Four gates each look up 200,000 distinct time-zone names of 250 bytes,
made from facts: a zone cache that kept every name (800,000 of them) would
grow by more than 200 MB."""
import json
import os
import sys

work = sys.argv[1]
tags = "wxyz"
gate = "n.all(i, timestamp('2026-01-01T00:00:00Z').getHours(prefix_%s + string(i)) >= 0)"
plan = {"rollgate": 1, "name": "fresh-zones",
        "facts": dict({"prefix_" + tag: {"type": "string"} for tag in tags},
                      n={"type": "list(int)"}),
        "stages": [{"id": "a", "gates": [{"id": "g" + tag, "expr": gate % tag} for tag in tags]}]}
facts = {"prefix_" + tag: "Atlantis/" + tag * 235 for tag in tags}
facts["n"] = list(range(100000, 300000))
with open(os.path.join(work, "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(work, "facts.json"), "w") as f:
    json.dump({"facts": facts}, f)
