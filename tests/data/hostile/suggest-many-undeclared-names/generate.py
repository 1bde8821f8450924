"""2,000 facts with 200-character names and 2,000 gates, each reading an
undeclared name (another fact's name mistyped in its last character):
did-you-mean would compare every undeclared name with thousands of fact
names, once per gate, though only the first 100 problems are reported."""
import json
import os
import random
import sys

rnd = random.Random(11)
count = 2000
names = ["f" + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(199)) for _ in range(count)]
facts = {name: {"type": "int"} for name in names}
stages = [{"id": "s%d" % i,
           "gates": [{"id": "g", "expr": names[(i + count // 2) % count][:-1] + "0 > 1"}]}
          for i in range(count)]
plan = {"rollgate": 1, "name": "many-undeclared-names", "facts": facts, "stages": stages}
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    json.dump(plan, f)
