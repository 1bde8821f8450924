"""A plan declaring two facts whose types nest 50,000 levels deep, one of
list( and one of map(string, , and one nesting 40 levels of list( in under
the length limit."""
import json
import os
import sys

depth = 50000
plan = {"rollgate": 1, "name": "deep-type",
        "facts": {"lists": {"type": "list(" * depth + "int" + ")" * depth},
                  "maps": {"type": "map(string, " * depth + "int" + ")" * depth},
                  "shorter": {"type": "list(" * 40 + "int" + ")" * 40}},
        "stages": [{"id": "a", "gates": [{"id": "g", "expr": "size(lists) > 0"}]}]}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
