"""A 22 MB plan of 1,200,000 stages, each waiting for the one before:
more than any plan may have (max_stages, 1,000,000)."""
import os
import sys

COUNT = 1200000
with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    f.write('{"rollgate": 1, "name": "many", "stages": [{"id": "s0"}')
    for i in range(1, COUNT):
        f.write(',{"id":"s%d","after":["s%d"]}' % (i, i - 1))
    f.write("]}")
