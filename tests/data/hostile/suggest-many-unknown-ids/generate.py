"""5,000 stages with 256-character ids, each 'after' another stage's id
mistyped in its last character: did-you-mean would compare every unknown id
with thousands of ids of 256 characters (errors x candidates), though only
the first 100 problems are reported."""
import json
import os
import random
import sys

rnd = random.Random(10)
count = 5000
ids = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(256)) for _ in range(count)]
# Each refers to a stage far down the list, so that a search in plan order
# compares thousands of ids before it meets the right one.
stages = [{"id": ids[i], "after": [ids[(i + count // 2) % count][:-1] + "0"]} for i in range(count)]
plan = {"rollgate": 1, "name": "many-unknown-ids", "stages": stages}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
