"""Runs the command line and checks its standard output against an
expectation file, literally: each line "+ TEXT" must appear in the output,
each line "- TEXT" must not; other lines are comments.

    python3 expect_text.py EXPECT_FILE CLI ARGS...
"""
import subprocess
import sys


def main(expect_file, *argv):
    done = subprocess.run(argv, capture_output=True)
    if done.returncode not in (0, 1):
        print(f"exit status {done.returncode}:\n{done.stderr.decode(errors='replace')}")
        return 1
    output = done.stdout.decode("utf-8")
    failures = []
    with open(expect_file, encoding="utf-8") as expectations:
        for line in expectations.read().splitlines():
            if line.startswith("+ ") and line[2:] not in output:
                failures.append(f"missing: {line[2:]}")
            elif line.startswith("- ") and line[2:] in output:
                failures.append(f"present: {line[2:]}")
    if failures:
        print("\n".join(failures) + "\noutput:\n" + output)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
