"""A 16 kB plan whose matrix would expand to 8 GB of text: 1,000 expansions,
each substituting an 8,000-byte value into a description 1,000 times."""
import json
import os
import sys

plan = {
    "rollgate": 1,
    "name": "matrix-text",
    "stages": [{
        "id": "wave",
        "matrix": {"n": list(range(1, 1001)), "blob": ["x" * 8000]},
        "description": "${blob}" * 1000,
        "gates": [{"id": "ok", "expr": "true"}],
    }],
}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
