"""Loading librollgate and declaring its C ABI (rollgate.h) for ctypes.

Every function of rollgate.h is declared once, in ``_FUNCTIONS`` below, with
its argument and result types: ctypes' default result type is a C ``int``,
which would truncate returned pointers.  Strings the library *returns to the
caller* (``char **`` out-parameters) are received as ``c_void_p`` so that the
binding can copy them with ``string_at`` and give them back to
``rollgate_free``; borrowed ``const char *`` results are ``c_char_p``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
import threading
from ctypes import (POINTER, Structure, c_char_p, c_double, c_int, c_int32,
                    c_int64, c_size_t, c_uint, c_uint64, c_void_p)
from typing import Any, Iterator, List, Optional, Sequence, Tuple

#: The C ABI version this binding was written for (ROLLGATE_ABI_VERSION).
ABI_VERSION = 2

_c_status = c_int  # rollgate_status is a C enum: int-sized.
_c_enum = c_int    # so is every other enum of rollgate.h
_p_void = POINTER(c_void_p)


# ------------------------------------------------------------ option structs
# Mirrors of the versioned structs of rollgate.h.  The binding always sets
# `version` to the version written here: a newer library fills in only the
# fields of that version.

class JsonOptions(Structure):
    """rollgate_json_options (version 1)."""
    _fields_ = [("version", c_uint), ("flags", c_uint)]


JSON_OPTIONS_VERSION = 1  # ROLLGATE_JSON_OPTIONS_VERSION
JSON_COMPACT = 0x1        # ROLLGATE_JSON_COMPACT
JSON_SUMMARY = 0x2        # ROLLGATE_JSON_SUMMARY


class ProblemInfo(Structure):
    """rollgate_problem (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("kind", c_char_p), ("message", c_char_p),
                ("suggestion", c_char_p), ("file", c_char_p),
                ("pointer", c_char_p), ("subject", c_char_p),
                ("subject_kind", _c_enum), ("line", c_int32),
                ("column", c_int32)]


class PlanStageInfo(Structure):
    """rollgate_plan_stage_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("title", c_char_p),
                ("owner", c_char_p), ("description", c_char_p),
                ("matrix_id", c_char_p), ("after", POINTER(c_size_t)),
                ("after_count", c_size_t), ("gate_count", c_size_t),
                ("approval_count", c_size_t)]


class PlanGateInfo(Structure):
    """rollgate_plan_gate_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("name", c_char_p),
                ("kind", _c_enum), ("expression", c_char_p),
                ("owner", c_char_p), ("category", c_char_p),
                ("description", c_char_p), ("weight", c_double),
                ("has_hold_for", c_int32), ("hold_for_seconds", c_int64),
                ("hold_for_nanos", c_int32)]


class FactInfo(Structure):
    """rollgate_fact_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("name", c_char_p), ("type", c_char_p),
                ("owner", c_char_p), ("unit", c_char_p),
                ("description", c_char_p), ("has_max_age", c_int32),
                ("max_age_seconds", c_int64), ("max_age_nanos", c_int32)]


class FactMeta(Structure):
    """rollgate_fact_meta (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("has_observed_at", c_int32),
                ("observed_at_seconds", c_int64),
                ("observed_at_nanos", c_int32), ("source", c_char_p),
                ("evidence", c_char_p)]


class ProgressInfo(Structure):
    """rollgate_progress (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("state", _c_enum),
                ("has_started_at", c_int32), ("started_at_seconds", c_int64),
                ("started_at_nanos", c_int32), ("has_done_at", c_int32),
                ("done_at_seconds", c_int64), ("done_at_nanos", c_int32),
                ("requested_by", c_char_p), ("reason", c_char_p)]


class ApprovalInfo(Structure):
    """rollgate_approval (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("stage", c_char_p), ("role", c_char_p),
                ("by", c_char_p), ("has_at", c_int32), ("at_seconds", c_int64),
                ("at_nanos", c_int32), ("note", c_char_p)]


class SessionOptionsInfo(Structure):
    """rollgate_session_options (version 3)."""
    VERSION = 3
    _fields_ = [("version", c_uint), ("max_cost", c_uint64),
                ("max_iterations", c_uint64), ("max_string_bytes", c_uint64),
                ("max_list_size", c_uint64), ("max_total_cost", c_uint64),
                ("has_deadline", c_int32), ("deadline_seconds", c_int64),
                ("deadline_nanos", c_int32), ("cancel", POINTER(c_int32)),
                ("max_bytes", c_uint64), ("max_total_bytes", c_uint64),
                ("max_document_bytes", c_uint64),
                ("max_state_bytes", c_uint64), ("max_json_depth", c_uint64)]


class PlanOptionsInfo(Structure):
    """rollgate_plan_options (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("max_document_bytes", c_uint64),
                ("max_json_depth", c_uint64), ("max_stages", c_uint64),
                ("max_gates", c_uint64), ("max_facts", c_uint64),
                ("max_matrix_expansions", c_uint64),
                ("max_matrix_text_bytes", c_uint64),
                ("max_id_bytes", c_uint64), ("max_title_bytes", c_uint64),
                ("max_expression_bytes", c_uint64)]


class TargetInfo(Structure):
    """rollgate_target_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("status", c_char_p),
                ("met", c_int32)]


class StageInfo(Structure):
    """rollgate_stage_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("status", _c_enum),
                ("has_score", c_int32), ("score", c_double),
                ("since_seconds", c_int64), ("since_nanos", c_int32),
                ("drift", c_int32), ("gate_count", c_size_t)]


class GateInfo(Structure):
    """rollgate_gate_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("kind", _c_enum),
                ("status", _c_enum), ("since_seconds", c_int64),
                ("since_nanos", c_int32), ("value", c_char_p),
                ("message", c_char_p), ("drift", c_int32)]


class BlockerInfo(Structure):
    """rollgate_blocker_info (version 1)."""
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", c_char_p), ("kind", c_char_p),
                ("stage", c_size_t), ("status", c_char_p), ("owner", c_char_p),
                ("message", c_char_p), ("holds_back_count", c_size_t)]


#: ROLLGATE_NO_INDEX
NO_INDEX = ctypes.c_size_t(-1).value

_s = _c_status
_name = [c_void_p, c_char_p, c_size_t]   # session, name, name_len
_meta_err = [POINTER(FactMeta), _p_void]  # meta, err

# (name, argtypes, restype) for every function of rollgate.h, in its order.
_FUNCTIONS: List[Tuple[str, Sequence[Any], Any]] = [
    # Versions
    ("rollgate_version", [], c_int32),
    ("rollgate_version_string", [], c_char_p),
    ("rollgate_abi_version", [], c_int32),
    # Status codes and errors
    ("rollgate_status_string", [_c_status], c_char_p),
    ("rollgate_error_free", [c_void_p], None),
    ("rollgate_error_code", [c_void_p], _c_status),
    ("rollgate_error_message", [c_void_p], c_char_p),
    ("rollgate_error_count", [c_void_p], c_size_t),
    ("rollgate_error_problem",
     [POINTER(ProblemInfo), c_void_p, c_size_t, _p_void], _s),
    ("rollgate_free", [c_void_p], None),
    # Time
    ("rollgate_timestamp_parse",
     [POINTER(c_int64), POINTER(c_int32), c_char_p, c_size_t, _p_void], _s),
    ("rollgate_timestamp_format",
     [_p_void, POINTER(c_size_t), c_int64, c_int32, _p_void], _s),
    # Plans
    ("rollgate_plan_compile",
     [_p_void, c_char_p, c_size_t, c_char_p, _p_void], _s),
    ("rollgate_plan_options_init", [POINTER(PlanOptionsInfo), c_uint], _s),
    ("rollgate_plan_compile_with",
     [_p_void, c_char_p, c_size_t, c_char_p, POINTER(PlanOptionsInfo),
      _p_void], _s),
    ("rollgate_plan_free", [c_void_p], None),
    ("rollgate_plan_name", [c_void_p], c_char_p),
    ("rollgate_plan_digest", [c_void_p], c_char_p),
    ("rollgate_plan_stage_count", [c_void_p], c_size_t),
    ("rollgate_plan_stage_id", [c_void_p, c_size_t], c_char_p),
    ("rollgate_plan_stage_find",
     [POINTER(c_size_t), c_void_p, c_char_p, c_size_t, _p_void], _s),
    ("rollgate_plan_target", [c_void_p], c_char_p),
    ("rollgate_plan_stage",
     [POINTER(PlanStageInfo), c_void_p, c_size_t, _p_void], _s),
    ("rollgate_plan_gate",
     [POINTER(PlanGateInfo), c_void_p, c_size_t, c_size_t, _p_void], _s),
    ("rollgate_plan_fact_count", [c_void_p], c_size_t),
    ("rollgate_plan_fact", [POINTER(FactInfo), c_void_p, c_size_t, _p_void], _s),
    ("rollgate_plan_fact_find",
     [POINTER(c_size_t), c_void_p, c_char_p, c_size_t, _p_void], _s),
    ("rollgate_plan_diff",
     [_p_void, POINTER(c_size_t), POINTER(c_int32), c_void_p, c_void_p,
      _c_enum, _p_void], _s),
    # Sessions
    ("rollgate_session_new", [_p_void, c_void_p, _p_void], _s),
    ("rollgate_session_free", [c_void_p], None),
    ("rollgate_session_set_inputs",
     [c_void_p, c_char_p, c_size_t, c_char_p, _p_void], _s),
    ("rollgate_session_update_inputs",
     [c_void_p, c_char_p, c_size_t, c_char_p, _p_void], _s),
    ("rollgate_session_set_fact",
     [c_void_p, c_char_p, c_size_t, c_char_p, c_size_t, _p_void], _s),
    ("rollgate_session_set_fact_bool", _name + [c_int32] + _meta_err, _s),
    ("rollgate_session_set_fact_int", _name + [c_int64] + _meta_err, _s),
    ("rollgate_session_set_fact_uint", _name + [c_uint64] + _meta_err, _s),
    ("rollgate_session_set_fact_double", _name + [c_double] + _meta_err, _s),
    ("rollgate_session_set_fact_string",
     _name + [c_char_p, c_size_t] + _meta_err, _s),
    ("rollgate_session_set_fact_timestamp",
     _name + [c_int64, c_int32] + _meta_err, _s),
    ("rollgate_session_set_fact_duration",
     _name + [c_int64, c_int32] + _meta_err, _s),
    ("rollgate_session_set_fact_json",
     _name + [c_char_p, c_size_t] + _meta_err, _s),
    ("rollgate_session_clear_fact", _name + [_p_void], _s),
    ("rollgate_session_set_progress",
     _name + [POINTER(ProgressInfo), _p_void], _s),
    ("rollgate_session_add_approval",
     [c_void_p, POINTER(ApprovalInfo), _p_void], _s),
    ("rollgate_session_inputs",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _s),
    ("rollgate_session_options_init",
     [POINTER(SessionOptionsInfo), c_uint], _s),
    ("rollgate_session_set_options",
     [c_void_p, POINTER(SessionOptionsInfo), _p_void], _s),
    ("rollgate_session_set_state",
     [c_void_p, c_char_p, c_size_t, c_char_p, _p_void], _s),
    ("rollgate_session_state",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _s),
    ("rollgate_session_clear_state", [c_void_p, _p_void], _s),
    ("rollgate_session_evaluate_expr",
     [_p_void, POINTER(c_size_t), c_void_p, c_char_p, c_size_t, c_uint,
      c_int64, c_int32, _p_void], _s),
    # Reports
    ("rollgate_session_evaluate",
     [_p_void, c_void_p, c_int64, c_int32, _p_void], _s),
    ("rollgate_session_what_if",
     [_p_void, c_void_p, c_char_p, c_size_t, c_char_p, c_int64, c_int32,
      _p_void], _s),
    ("rollgate_report_free", [c_void_p], None),
    ("rollgate_report_json",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _s),
    ("rollgate_report_json_with",
     [_p_void, POINTER(c_size_t), c_void_p, POINTER(JsonOptions), _p_void],
     _s),
    ("rollgate_report_stage_json",
     [_p_void, POINTER(c_size_t), c_void_p, c_size_t, POINTER(JsonOptions),
      _p_void], _s),
    ("rollgate_report_text",
     [_p_void, POINTER(c_size_t), c_void_p, _p_void], _s),
    ("rollgate_report_target_met", [c_void_p], c_int32),
    ("rollgate_report_drift_count", [c_void_p], c_size_t),
    ("rollgate_report_holds_back",
     [_p_void, POINTER(c_size_t), c_void_p, c_char_p, c_size_t, _p_void], _s),
    # Reading a report without JSON
    ("rollgate_stage_status_string", [_c_enum], c_char_p),
    ("rollgate_gate_status_string", [_c_enum], c_char_p),
    ("rollgate_report_target", [POINTER(TargetInfo), c_void_p, _p_void], _s),
    ("rollgate_report_stage_count", [c_void_p], c_size_t),
    ("rollgate_report_stage",
     [POINTER(StageInfo), c_void_p, c_size_t, _p_void], _s),
    ("rollgate_report_stage_find",
     [POINTER(c_size_t), c_void_p, c_char_p, c_size_t, _p_void], _s),
    ("rollgate_report_gate",
     [POINTER(GateInfo), c_void_p, c_size_t, c_size_t, _p_void], _s),
    ("rollgate_report_next_count", [c_void_p], c_size_t),
    ("rollgate_report_next", [c_void_p, c_size_t], c_size_t),
    ("rollgate_report_blocker_count", [c_void_p], c_size_t),
    ("rollgate_report_blocker",
     [POINTER(BlockerInfo), c_void_p, c_size_t, _p_void], _s),
    ("rollgate_report_warning_count", [c_void_p], c_size_t),
    ("rollgate_report_warning", [c_void_p, c_size_t], c_char_p),
]


class LibraryError(OSError):
    """librollgate could not be found or loaded, or is incompatible."""


if sys.platform == "darwin":
    _LIB_GLOBS = ["librollgate.dylib", "librollgate.*.dylib"]
elif sys.platform == "win32":
    _LIB_GLOBS = ["rollgate.dll", "librollgate.dll"]
else:
    _LIB_GLOBS = ["librollgate.so", "librollgate.so.*"]

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _repo_root() -> str:
    # bindings-examples/python/rollgate/_native.py -> the repository.
    return os.path.normpath(os.path.join(_PACKAGE_DIR, "..", "..", ".."))


def _in_dirs(dirs: Sequence[str]) -> List[str]:
    """Library files in `dirs` (glob patterns allowed), newest first."""
    found: List[str] = []
    for d in dirs:
        for pattern in _LIB_GLOBS:
            found.extend(glob.glob(os.path.join(d, pattern)))
    found = [f for f in dict.fromkeys(found) if os.path.isfile(f)]
    found.sort(key=os.path.getmtime, reverse=True)
    return found


def _candidates() -> Iterator[Tuple[str, Optional[str]]]:
    """Yields (description, path-or-None) in search order."""
    # A wheel built with the library carries it inside the package.
    bundled = _in_dirs([_PACKAGE_DIR])
    yield ("the library bundled in the package (%s)" % _PACKAGE_DIR,
           bundled[0] if bundled else None)
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


def find_library() -> str:
    """Returns the path of librollgate to load.

    Order: the file named by $ROLLGATE_LIBRARY (an error if it does not
    exist; the search does not go on), then the library bundled in the
    package (a wheel built with it), then $ROLLGATE_BUILD_DIR, then the
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


def _declare(lib: ctypes.CDLL, path: str) -> None:
    missing = []
    for name, argtypes, restype in _FUNCTIONS:
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.append(name)
            continue
        fn.argtypes = list(argtypes)
        fn.restype = restype
    if missing:
        raise LibraryError(
            "%s lacks functions this binding needs (%s); is it an "
            "incompatible librollgate?" % (path, ", ".join(missing)))


_lock = threading.Lock()
_lib: Optional[ctypes.CDLL] = None
_lib_path: Optional[str] = None


def load(path: Optional[str] = None) -> Any:
    """Loads librollgate (once) and returns the ctypes.CDLL.

    `path` overrides the search of find_library() on the first call.  Checks
    that the library's ABI version is ABI_VERSION.  Raises LibraryError.
    (Typed Any: its functions are declared at run time from _FUNCTIONS.)
    """
    global _lib, _lib_path
    with _lock:
        if _lib is not None:
            if (path is not None and _lib_path is not None
                    and os.path.realpath(path) != os.path.realpath(_lib_path)):
                raise LibraryError(
                    "librollgate is already loaded from %s" % _lib_path)
            return _lib
        if path is None:
            path = find_library()
        _lib, _lib_path = _open(path), path
        return _lib


def _open(path: str) -> ctypes.CDLL:
    """Opens the library at `path`, declares its functions and checks its
    ABI version."""
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise LibraryError("cannot load librollgate from %s: %s" % (path, e))
    _declare(lib, path)
    abi = int(lib.rollgate_abi_version())
    if abi != ABI_VERSION:
        raise LibraryError(
            "incompatible librollgate at %s: it has C ABI version %d, "
            "this binding supports ABI version %d" % (path, abi, ABI_VERSION))
    return lib


def library_path() -> str:
    """The path librollgate was loaded from (loading it if needed)."""
    load()
    assert _lib_path is not None
    return _lib_path
