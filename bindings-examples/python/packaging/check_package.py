#!/usr/bin/env python3
"""Installs the rollgate package as a user would, offline, and uses it.

    check_package.py LIBRARY EXAMPLES_DIR

1. `pip wheel --no-build-isolation` with ROLLGATE_BUNDLE_LIBRARY=LIBRARY: the
   wheel must carry librollgate.so and be tagged for this platform;
2. a fresh virtual environment installs that wheel with --no-index and, from a
   directory outside the repository and with no ROLLGATE_* variable set,
   evaluates the bundled example through the library inside the wheel;
3. another fresh virtual environment runs
   `pip install --no-build-isolation bindings-examples/python` and uses the
   package with ROLLGATE_LIBRARY pointing at LIBRARY.
Exits non-zero, saying which step failed, on any failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.dirname(HERE)

USE = r"""
import os, sys, rollgate
plan = rollgate.Plan.from_file(os.path.join(sys.argv[1], "bookme", "plan.json"))
s = rollgate.Session(plan)
with open(os.path.join(sys.argv[1], "bookme", "facts.json"), "rb") as f:
    s.set_inputs(f.read(), "facts.json")
r = s.evaluate("2026-11-23T09:00:00Z")
print("loaded", rollgate.library_path())
print("stages", r.stage_count, "first", r.stage(0).id, r.stage(0).status.label)
assert r.stage_count == len(plan.stage_ids) > 0
"""


def run(step, argv, **kwargs):
    print("+ " + " ".join(argv), flush=True)
    result = subprocess.run(argv, **kwargs)
    if result.returncode != 0:
        sys.exit("check_package: %s failed (exit %d)" % (step, result.returncode))


def clean_env():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ROLLGATE_", "PYTHON"))}
    env["PIP_NO_INDEX"] = "1"           # offline, as on these machines
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def venv(path):
    # --system-site-packages: the build backend (setuptools, wheel) comes
    # from the machine, as --no-build-isolation expects; nothing is fetched.
    run("creating a virtual environment",
        [sys.executable, "-m", "venv", "--system-site-packages", path])
    return os.path.join(path, "bin", "python")


def main(library, examples):
    work = tempfile.mkdtemp(prefix="rollgate-package-")
    try:
        source = os.path.join(work, "source")  # pip builds in place: copy
        shutil.copytree(PACKAGE, source,
                        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        env = clean_env()
        env["ROLLGATE_BUNDLE_LIBRARY"] = library
        dist = os.path.join(work, "dist")
        run("building the wheel", [sys.executable, "-m", "pip", "wheel",
            "--no-build-isolation", "--no-deps", "-w", dist, source], env=env)
        wheels = [f for f in os.listdir(dist) if f.endswith(".whl")]
        if len(wheels) != 1:
            sys.exit("check_package: expected one wheel, got %s" % wheels)
        wheel = os.path.join(dist, wheels[0])
        names = zipfile.ZipFile(wheel).namelist()
        for needed in ("rollgate/librollgate.so", "rollgate/py.typed",
                       "rollgate/__init__.py"):
            if needed not in names:
                sys.exit("check_package: %s lacks %s: %s" % (wheels[0], needed, names))
        if "-none-any" in wheels[0]:
            sys.exit("check_package: %s carries native code but is tagged any"
                     % wheels[0])
        print("wheel", wheels[0], "carries librollgate.so")

        outside = os.path.join(work, "elsewhere")
        os.mkdir(outside)
        python = venv(os.path.join(work, "venv-wheel"))
        run("installing the wheel", [python, "-m", "pip", "install", wheel],
            env=clean_env())
        run("using the wheel", [python, "-c", USE, examples], env=clean_env(),
            cwd=outside)

        python = venv(os.path.join(work, "venv-source"))
        run("pip install --no-build-isolation of the source",
            [python, "-m", "pip", "install", "--no-build-isolation", source],
            env=clean_env())
        env = clean_env()
        env["ROLLGATE_LIBRARY"] = library
        run("using the source install", [python, "-c", USE, examples], env=env,
            cwd=outside)
        print("check_package: ok")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
