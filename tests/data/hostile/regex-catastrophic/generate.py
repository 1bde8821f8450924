"""Thirty a's and a '!', the input on which backtracking engines try 2^30
ways to split the a's for each of the plan's patterns."""
import json
import os
import sys

with open(os.path.join(sys.argv[1], "facts.json"), "w") as f:
    json.dump({"facts": {"text": "a" * 30 + "!"}}, f)
