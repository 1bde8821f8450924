"""300 stages with 3,000-character ids, each 'after' the previous one's id
mistyped in its last character: did-you-mean would compare each reference
with 299 ids."""
import json
import os
import random
import sys

rnd = random.Random(10)
ids = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3000)) for _ in range(300)]
plan = {"rollgate": 1, "name": "many-long-ids",
        "stages": [{"id": ids[i], "after": [ids[i - 1][:-1] + "0"]} for i in range(300)]}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
