"""Only what pyproject.toml cannot say: bundling librollgate into a wheel.

With ROLLGATE_BUNDLE_LIBRARY=/path/to/librollgate.so set, the library is
copied into the package and the wheel is tagged for this platform (it holds
native code), so that `pip install rollgate-*.whl` needs nothing else.
Without it, the package finds librollgate at run time (rollgate._native).
"""

import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

BUNDLE = os.environ.get("ROLLGATE_BUNDLE_LIBRARY")


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        if BUNDLE:
            target = os.path.join(self.build_lib, "rollgate")
            # The loader looks for librollgate.so* next to the package.
            shutil.copy(BUNDLE, os.path.join(target, "librollgate.so"))


class PlatformDistribution(Distribution):
    def has_ext_modules(self):
        return bool(BUNDLE)


if BUNDLE and not os.path.isfile(BUNDLE):
    raise SystemExit("ROLLGATE_BUNDLE_LIBRARY=%s is not a file" % BUNDLE)

setup(cmdclass={"build_py": BuildWithLibrary}, distclass=PlatformDistribution)
