"""Loading librollgate and declaring its C ABI (rollgate.h) for ctypes.

Every function of rollgate.h is declared once, in ``_FUNCTIONS`` below, with
its argument and result types: ctypes' default result type is a C ``int``,
which would truncate returned pointers.  Strings the library *returns to the
caller* (``char **`` out-parameters) are received as ``c_void_p`` so that the
binding can copy them with ``string_at`` and give them back to
``rollgate_free``; borrowed ``const char *`` results are ``c_char_p``.
"""

import ctypes
import ctypes.util
import glob
import os
import sys
import threading
from ctypes import (POINTER, Structure, c_char_p, c_int, c_int32, c_int64,
                    c_size_t, c_uint, c_void_p)

#: The C ABI version this binding was written for (ROLLGATE_ABI_VERSION).
ABI_VERSION = 1

_c_status = c_int  # rollgate_status is a C enum: int-sized.
_p_void = POINTER(c_void_p)


class JsonOptions(Structure):
    """rollgate_json_options (version 1)."""
    _fields_ = [("version", c_uint), ("flags", c_uint)]


JSON_OPTIONS_VERSION = 1  # ROLLGATE_JSON_OPTIONS_VERSION
JSON_COMPACT = 0x1        # ROLLGATE_JSON_COMPACT
JSON_SUMMARY = 0x2        # ROLLGATE_JSON_SUMMARY

# (name, argtypes, restype) for every function of rollgate.h, in its order.
_FUNCTIONS = [
    # Versions
    ("rollgate_version", [], c_int32),
    ("rollgate_version_string", [], c_char_p),
    ("rollgate_abi_version", [], c_int32),
    # Status codes and errors
    ("rollgate_status_string", [c_int32], c_char_p),
    ("rollgate_error_free", [c_void_p], None),
    ("rollgate_error_code", [c_void_p], c_int32),
    ("rollgate_error_message", [c_void_p], c_char_p),
    ("rollgate_error_count", [c_void_p], c_size_t),
    ("rollgate_error_detail",
     [POINTER(c_char_p), POINTER(c_char_p), POINTER(c_char_p),
      POINTER(c_char_p), POINTER(c_int32), POINTER(c_int32),
      c_void_p, c_size_t], _c_status),
    ("rollgate_free", [c_void_p], None),
    # Time
    ("rollgate_timestamp_parse",
     [POINTER(c_int64), POINTER(c_int32), c_char_p, c_size_t, _p_void],
     _c_status),
    # Plans
    ("rollgate_plan_compile",
     [_p_void, c_char_p, c_size_t, c_char_p, _p_void], _c_status),
    ("rollgate_plan_free", [c_void_p], None),
    ("rollgate_plan_name", [c_void_p], c_char_p),
    ("rollgate_plan_digest", [c_void_p], c_char_p),
    ("rollgate_plan_stage_count", [c_void_p], c_size_t),
    ("rollgate_plan_stage_id", [c_void_p, c_size_t], c_char_p),
    ("rollgate_plan_diff",
     [_p_void, POINTER(c_size_t), POINTER(c_int32), c_void_p, c_void_p,
      c_int, _p_void], _c_status),
    # Sessions
    ("rollgate_session_new", [_p_void, c_void_p, _p_void], _c_status),
    ("rollgate_session_free", [c_void_p], None),
    ("rollgate_session_set_inputs",
     [c_void_p, c_char_p, c_size_t, c_char_p, _p_void], _c_status),
    ("rollgate_session_set_fact",
     [c_void_p, c_char_p, c_size_t, c_char_p, c_size_t, _p_void], _c_status),
    ("rollgate_session_set_state",
     [c_void_p, c_char_p, c_size_t, c_char_p, _p_void], _c_status),
    ("rollgate_session_state",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _c_status),
    ("rollgate_session_clear_state", [c_void_p], _c_status),
    # Reports
    ("rollgate_session_evaluate",
     [_p_void, c_void_p, c_int64, c_int32, _p_void], _c_status),
    ("rollgate_session_what_if",
     [_p_void, c_void_p, c_char_p, c_size_t, c_char_p, c_int64, c_int32,
      _p_void], _c_status),
    ("rollgate_report_free", [c_void_p], None),
    ("rollgate_report_json",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _c_status),
    ("rollgate_report_json_with",
     [_p_void, POINTER(c_size_t), c_void_p, POINTER(JsonOptions), _p_void],
     _c_status),
    ("rollgate_report_text",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _c_status),
    ("rollgate_report_target_met", [c_void_p], c_int32),
    ("rollgate_report_drift_count", [c_void_p], c_size_t),
    ("rollgate_report_holds_back",
     [_p_void, POINTER(c_size_t), c_void_p, c_char_p, c_size_t, _p_void],
     _c_status),
]


class LibraryError(OSError):
    """librollgate could not be found or loaded, or is incompatible."""


if sys.platform == "darwin":
    _LIB_GLOBS = ["librollgate.dylib", "librollgate.*.dylib"]
elif sys.platform == "win32":
    _LIB_GLOBS = ["rollgate.dll", "librollgate.dll"]
else:
    _LIB_GLOBS = ["librollgate.so", "librollgate.so.*"]


def _repo_root():
    # bindings-examples/python/rollgate/_native.py -> the repository.
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", ".."))


def _in_dirs(dirs):
    """Library files in `dirs` (glob patterns allowed), newest first."""
    found = []
    for d in dirs:
        for pattern in _LIB_GLOBS:
            found.extend(glob.glob(os.path.join(d, pattern)))
    found = [f for f in dict.fromkeys(found) if os.path.isfile(f)]
    found.sort(key=os.path.getmtime, reverse=True)
    return found


def _candidates():
    """Yields (description, path-or-None) in search order."""
    build_dir = os.environ.get("ROLLGATE_BUILD_DIR")
    if build_dir:
        dirs = [os.path.join(build_dir, "lib"), build_dir]
        files = _in_dirs(dirs)
        yield ("ROLLGATE_BUILD_DIR=%s (%s)" % (build_dir, ", ".join(dirs)),
               files[0] if files else None)
    build = os.path.join(_repo_root(), "build")
    dirs = [os.path.join(build, "*", "lib"), os.path.join(build, "lib"),
            os.path.join(build, "*"), build]
    files = _in_dirs(dirs)
    yield ("build directories of the repository (%s)"
           % ", ".join(os.path.join(d, _LIB_GLOBS[0]) for d in dirs),
           files[0] if files else None)
    system = ctypes.util.find_library("rollgate")
    yield ('ctypes.util.find_library("rollgate")', system)


def find_library():
    """Returns the path of librollgate to load.

    Order: the file named by $ROLLGATE_LIBRARY (an error if it does not
    exist; the search does not go on), then $ROLLGATE_BUILD_DIR, then the
    conventional build directories of this repository, then the system's
    library search (ctypes.util.find_library).  Raises LibraryError listing
    every place tried when nothing is found.
    """
    explicit = os.environ.get("ROLLGATE_LIBRARY")
    if explicit:
        if not os.path.isfile(explicit):
            raise LibraryError(
                "ROLLGATE_LIBRARY is set to %r, which is not a file" % explicit)
        return explicit
    tried = []
    for description, path in _candidates():
        if path:
            return path
        tried.append(description)
    raise LibraryError(
        "librollgate not found; tried:\n  - $ROLLGATE_LIBRARY (not set)\n"
        + "".join("  - %s\n" % t for t in tried)
        + "Build the library (cmake --build build/<dir>) or set "
          "ROLLGATE_LIBRARY to its path.")


def _declare(lib, path):
    missing = []
    for name, argtypes, restype in _FUNCTIONS:
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.argtypes = argtypes
        fn.restype = restype
    if missing:
        raise LibraryError(
            "%s lacks functions this binding needs (%s); is it an "
            "incompatible librollgate?" % (path, ", ".join(missing)))


_lock = threading.Lock()
_lib = None
_lib_path = None


def load(path=None):
    """Loads librollgate (once) and returns the ctypes.CDLL.

    `path` overrides the search of find_library() on the first call.  Checks
    that the library's ABI version is ABI_VERSION.  Raises LibraryError.
    """
    global _lib, _lib_path
    with _lock:
        if _lib is not None:
            if path is not None and os.path.realpath(path) != os.path.realpath(_lib_path):
                raise LibraryError(
                    "librollgate is already loaded from %s" % _lib_path)
            return _lib
        if path is None:
            path = find_library()
        _lib, _lib_path = _open(path), path
        return _lib


def _open(path):
    """Opens the library at `path`, declares its functions and checks its
    ABI version."""
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise LibraryError("cannot load librollgate from %s: %s" % (path, e))
    _declare(lib, path)
    abi = lib.rollgate_abi_version()
    if abi != ABI_VERSION:
        raise LibraryError(
            "incompatible librollgate at %s: it has C ABI version %d, "
            "this binding supports ABI version %d" % (path, abi, ABI_VERSION))
    return lib


def library_path():
    """The path librollgate was loaded from (loading it if needed)."""
    load()
    return _lib_path
