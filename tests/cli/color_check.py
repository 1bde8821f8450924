"""Runs the command line with standard output on a pseudo-terminal (or a
pipe) and checks whether the output carries ANSI colour escapes.

    python3 color_check.py [--pipe] color|plain CLI ARGS...

The environment (NO_COLOR, TERM) is the caller's, set with `cmake -E env`.
Exit 0 when the output is as expected, 1 (with the output) when not.
"""
import os
import subprocess
import sys

ESCAPE = b"\x1b["


def run_on_terminal(argv):
    controller, terminal = os.openpty()
    child = subprocess.Popen(argv, stdout=terminal, stderr=subprocess.PIPE)
    os.close(terminal)
    output = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    child.wait()
    return child.returncode, bytes(output), child.stderr.read()


def run_on_pipe(argv):
    done = subprocess.run(argv, capture_output=True)
    return done.returncode, done.stdout, done.stderr


def main(args):
    piped = args[0] == "--pipe"
    if piped:
        args = args[1:]
    expect, argv = args[0], args[1:]
    status, output, errors = (run_on_pipe if piped else run_on_terminal)(argv)
    if status not in (0, 1):
        sys.stderr.write(f"exit status {status}:\n{errors.decode(errors='replace')}")
        return 1
    coloured = ESCAPE in output
    if coloured != (expect == "color"):
        where = "a pipe" if piped else "a terminal"
        sys.stderr.write(f"expected {expect} output on {where}, got:\n{output!r}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
