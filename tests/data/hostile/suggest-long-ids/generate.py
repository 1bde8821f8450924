"""Two stages with 100,000-character ids, the second 'after' the first's id
mistyped in its last character: did-you-mean would compare the two ids."""
import json
import os
import random
import sys

rnd = random.Random(10)
first = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(100000))
second = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(100000))
plan = {"rollgate": 1, "name": "long-ids",
        "stages": [{"id": first}, {"id": second, "after": [first[:-1] + "0"]}]}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
