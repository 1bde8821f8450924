"""A plan whose description is a JSON array nested a million deep."""
import os
import sys

with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    f.write('{"rollgate": 1, "name": "deep", "description": ' + "[" * 1000000 + "]" * 1000000 +
            ', "stages": [{"id": "a"}]}')
