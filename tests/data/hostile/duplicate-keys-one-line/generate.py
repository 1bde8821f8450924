"""A plan written on one line whose description is an object repeating the
same key 200,001 times: 200,000 duplicate keys, each to be located."""
import os
import sys

with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    f.write('{"rollgate": 1, "name": "dups", "description": {' +
            ",".join(['"k\u00e9": 1'] * 200001) + '}, "stages": [{"id": "a"}]}')
