"""Gates that build far more than any one value: doubling with cel.bind,
chained map(), replace('') on a 100 kB fact, and 50,000 strings of 100 kB
each, every single value within its own limit."""
import json
import os
import sys

gates = {
    "bind": "cel.bind(a, s + s, cel.bind(b, a + a, cel.bind(c, b + b, cel.bind(d, c + c, size(d + d) > 0))))",
    "maps": "l.map(x, [x, x]).map(y, y + y).map(z, z + z).map(w, w + w).size() > 0",
    "replace": "s.replace('', s).size() > 0",
    "lists": "cel.bind(a, l + l, cel.bind(b, a + a, cel.bind(c, b + b, size(c + c) > 0)))",
    "many": "l.map(x, s + 'x').size() > 0",
}
plan = {"rollgate": 1, "name": "bytes",
        "facts": {"s": {"type": "string"}, "l": {"type": "list(int)"}},
        "stages": [{"id": "a", "gates": [{"id": k, "expr": v} for k, v in gates.items()]}]}
work = sys.argv[1]
with open(os.path.join(work, "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(work, "facts.json"), "w") as f:
    json.dump({"facts": {"s": "x" * 100000, "l": list(range(50000))}}, f)
