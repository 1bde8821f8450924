"""A 72 MB plan: 100,000 stages whose descriptions hold 700 bytes each,
past the size of any plan document (max_document_bytes, 64 MiB)."""
import os
import sys

with open(os.path.join(sys.argv[1], "plan.json"), "w") as f:
    f.write('{"rollgate": 1, "name": "huge", "stages": [')
    text = "d" * 700
    f.write(",".join('{"id":"s%d","description":"%s"}' % (i, text) for i in range(100000)))
    f.write("]}")
