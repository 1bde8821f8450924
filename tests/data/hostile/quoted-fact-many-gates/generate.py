"""A list fact of 500,000 strings (8 MB) read by 300 failing gates: every
gate's message and evidence quote its value, which was rendered whole
(7.5 MB of CEL text) each time before being cut to 256 bytes."""
import json
import os
import sys

plan = {
    "rollgate": 1,
    "name": "quoted-fact",
    "facts": {"manifest": {"type": "list(string)"}},
    "stages": [{"id": "canary", "gates": [
        {"id": "g%d" % i, "expr": "size(manifest) < %d" % i} for i in range(300)]}],
}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
with open(os.path.join(sys.argv[1], "facts.json"), "w") as f:
    json.dump({"facts": {"manifest": ["item-%07d" % i for i in range(500000)]}}, f)
