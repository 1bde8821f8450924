"""rollgate: rollout readiness gates, from Python through the C ABI (ctypes).

    import rollgate
    with rollgate.Plan.from_file("plan.json") as plan, rollgate.Session(plan) as s:
        s.set_inputs({"facts": {"pilot.advisors": 9}})
        report = s.evaluate("2026-11-22T12:00:00Z")   # or a datetime, or None
        print(report.text())
        print(report.json()["next"], report.target_met)

librollgate is found through $ROLLGATE_LIBRARY, $ROLLGATE_BUILD_DIR, the
build directories of this repository, or the system search (see
rollgate._native.find_library); it is loaded on first use.

Handles (Plan, Session, Report) free their native object on close(), at the
end of a ``with`` block, or, as a safety net, when garbage-collected.  Using
a closed handle raises ValueError.  Failures of the library raise
RollgateError.
"""

import collections
import datetime as _dt
import enum
import json as _json
import os
from ctypes import byref, c_char_p, c_int32, c_int64, c_size_t, c_void_p, string_at

from . import _native
from ._native import ABI_VERSION, LibraryError

__all__ = [
    "ABI_VERSION", "LibraryError", "Plan", "Problem", "Report", "RollgateError",
    "Session", "Status", "abi_version", "library_path", "load_library",
    "parse_timestamp", "version", "version_string",
]


class Status(enum.IntEnum):
    """The status codes of rollgate.h (values pinned by the C ABI)."""
    OK = 0
    EINVAL = -1
    EJSON = -2
    EPLAN = -3
    EINPUT = -4
    ENOMEM = -5
    EINTERNAL = -99


#: One located problem of a RollgateError.  Strings are "" and line/column 0
#: when the problem has no such part.
Problem = collections.namedtuple(
    "Problem", ["message", "file", "pointer", "subject", "line", "column"])


class RollgateError(Exception):
    """A failure reported by librollgate.

    Attributes:
      code         the status code (a Status member, or an int if unknown)
      status       its name, e.g. "EPLAN"
      description  the library's English name of the status, e.g. "invalid plan"
      message      the whole located message, one line per problem, e.g.
                   "plan.json:7:17: /stages/1/after/0: ..."; also str(error)
      problems     list of Problem(message, file, pointer, subject, line, column)
    """

    def __init__(self, code, message, problems=(), description=""):
        try:
            code = Status(code)
            status = code.name
        except ValueError:
            status = "E%d" % code
        self.code = code
        self.status = status
        self.description = description
        self.message = message or description or status
        self.problems = list(problems)
        super().__init__(self.message)

    def __str__(self):
        return self.message

    def __repr__(self):
        return "RollgateError(%s, %r)" % (self.status, self.message)


def _lib():
    return _native.load()


def _text(ptr_or_bytes):
    if ptr_or_bytes is None:
        return ""
    return ptr_or_bytes.decode("utf-8", errors="replace")


def _error_from(status, err):
    """Builds a RollgateError from a failed call and frees the C error."""
    lib = _lib()
    try:
        description = _text(lib.rollgate_status_string(status))
        if not err:
            return RollgateError(status, "", (), description)
        code = lib.rollgate_error_code(err) or status
        problems = []
        for i in range(lib.rollgate_error_count(err)):
            msg, file, pointer, subject = (c_char_p(), c_char_p(), c_char_p(),
                                           c_char_p())
            line, column = c_int32(), c_int32()
            if lib.rollgate_error_detail(byref(msg), byref(file), byref(pointer),
                                         byref(subject), byref(line),
                                         byref(column), err, i) != Status.OK:
                continue
            problems.append(Problem(_text(msg.value), _text(file.value),
                                    _text(pointer.value), _text(subject.value),
                                    line.value, column.value))
        if code != status:
            description = _text(lib.rollgate_status_string(code))
        return RollgateError(code, _text(lib.rollgate_error_message(err)),
                             problems, description)
    finally:
        lib.rollgate_error_free(err)


def _call(fn, *args):
    """Calls a fallible C function, appending the `rollgate_error **err`
    argument, and raises RollgateError when it fails."""
    err = c_void_p()
    status = fn(*args, byref(err))
    if status != Status.OK:
        raise _error_from(status, err)
    if err:  # never set on success; freed defensively
        _lib().rollgate_error_free(err)


def _utf8(text, what):
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("%s must be str or bytes, not %s" % (what, type(text).__name__))


def _json_default(value):
    # Lets dates and durations appear directly in facts documents.
    if isinstance(value, _dt.datetime):
        return _format_timestamp(value)
    if isinstance(value, _dt.timedelta):
        micros = (value.days * 86400 + value.seconds) * 10**6 + value.microseconds
        return "%ss" % _format_fraction(micros, 10**6)
    raise TypeError("%s is not JSON serializable" % type(value).__name__)


def _format_fraction(n, unit):
    sign = "-" if n < 0 else ""
    whole, frac = divmod(abs(n), unit)
    if not frac:
        return "%s%d" % (sign, whole)
    digits = len(str(unit)) - 1
    return ("%s%d.%0*d" % (sign, whole, digits, frac)).rstrip("0")


def _require_aware(when):
    if when.tzinfo is None or when.tzinfo.utcoffset(when) is None:
        raise ValueError(
            "naive datetime %s: give a timezone-aware datetime "
            "(e.g. datetime.now(timezone.utc))" % when.isoformat())


def _format_timestamp(when):
    _require_aware(when)
    return when.astimezone(_dt.timezone.utc).isoformat().replace("+00:00", "Z")


_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


def _instant(now):
    """(seconds, nanos) since the Unix epoch for a datetime, an RFC 3339
    string or None (the current time)."""
    if now is None:
        now = _dt.datetime.now(_dt.timezone.utc)
    if isinstance(now, (str, bytes)):
        return parse_timestamp(now)
    if isinstance(now, _dt.datetime):
        _require_aware(now)
        delta = now - _EPOCH  # exact integer arithmetic, no float rounding
        return delta.days * 86400 + delta.seconds, delta.microseconds * 1000
    raise TypeError("now must be a timezone-aware datetime, an RFC 3339 string "
                    "or None, not %s" % type(now).__name__)


# ---------------------------------------------------------------- module API

def load_library(path=None):
    """Loads librollgate now (from `path`, or by the usual search) and checks
    its ABI version.  Raises LibraryError.  Optional: loading is automatic."""
    _native.load(path)


def library_path():
    """The file librollgate was loaded from."""
    return _native.library_path()


def version():
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return _lib().rollgate_version()


def version_string():
    """The loaded library's version as text, e.g. "0.1.0"."""
    return _text(_lib().rollgate_version_string())


def abi_version():
    """The loaded library's C ABI version (this binding needs ABI_VERSION)."""
    return _lib().rollgate_abi_version()


def parse_timestamp(text):
    """Parses an RFC 3339 timestamp into (seconds, nanos) since the Unix
    epoch.  Raises RollgateError (EINPUT) for malformed text."""
    data = _utf8(text, "timestamp")
    seconds, nanos = c_int64(), c_int32()
    _call(_lib().rollgate_timestamp_parse, byref(seconds), byref(nanos), data,
          len(data))
    return seconds.value, nanos.value


# ---------------------------------------------------------------- handles

class _Handle:
    """Owns one native object; freed by close() (idempotent), by a `with`
    block, or by the garbage collector as a safety net."""

    _free_name = None  # the rollgate_*_free function of the subclass

    def __init__(self, ptr):
        self._ptr = ptr

    def _handle(self):
        if self._ptr is None:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._ptr

    @property
    def closed(self):
        """True once close() has been called."""
        return self._ptr is None

    def close(self):
        """Frees the native object.  Calling it again does nothing."""
        ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr is not None:
            getattr(_lib(), self._free_name)(ptr)

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass


class Plan(_Handle):
    """A compiled plan.  Immutable; may be shared by sessions and threads.

    Make one with Plan.compile(text) or Plan.from_file(path).
    """

    _free_name = "rollgate_plan_free"

    @classmethod
    def compile(cls, json_text, file_name="plan.json"):
        """Compiles a plan from its JSON text (str or bytes).  `file_name`
        labels error locations.  Raises RollgateError: EJSON for malformed
        JSON, EPLAN for an invalid plan (every problem listed, located)."""
        data = _utf8(json_text, "plan")
        out = c_void_p()
        _call(_lib().rollgate_plan_compile, byref(out), data, len(data),
              _utf8(file_name, "file_name"))
        return cls(out)

    @classmethod
    def from_file(cls, path):
        """Reads and compiles a plan file; errors name the path as given."""
        with open(path, "rb") as f:
            data = f.read()
        return cls.compile(data, os.fspath(path))

    @property
    def name(self):
        """The plan's `name`."""
        return _text(_lib().rollgate_plan_name(self._handle()))

    @property
    def digest(self):
        """"sha256:" and 64 hex digits over the plan's canonical form."""
        return _text(_lib().rollgate_plan_digest(self._handle()))

    @property
    def stage_ids(self):
        """Stage ids in plan order, matrix stages expanded."""
        lib, h = _lib(), self._handle()
        return [_text(lib.rollgate_plan_stage_id(h, i))
                for i in range(lib.rollgate_plan_stage_count(h))]

    def diff(self, new, as_text=False):
        """Compares this plan (the old version) with `new` (DESIGN rule 20;
        docs/DIFF.md).  Returns the diff as a dict {"old", "new", "changes",
        "loosened"}, or with as_text=True the text form (loosened changes
        first)."""
        if not isinstance(new, Plan):
            raise TypeError("diff needs a Plan, not %s" % type(new).__name__)
        buf, length, loosened = c_void_p(), c_size_t(), c_int32()
        _call(_lib().rollgate_plan_diff, byref(buf), byref(length),
              byref(loosened), self._handle(), new._handle(),
              1 if as_text else 0)
        try:
            text = string_at(buf, length.value).decode("utf-8") if buf else ""
        finally:
            _lib().rollgate_free(buf)
        return text if as_text else _json.loads(text)

    def __repr__(self):
        if self.closed:
            return "<rollgate.Plan (closed)>"
        return "<rollgate.Plan %r %s>" % (self.name, self.digest)


class Session(_Handle):
    """The inputs (facts, progress, approvals) for one plan, and their
    evaluation.  Keeps its Plan alive.  One thread at a time."""

    _free_name = "rollgate_session_free"

    def __init__(self, plan):
        if not isinstance(plan, Plan):
            raise TypeError("Session needs a Plan, not %s" % type(plan).__name__)
        out = c_void_p()
        _call(_lib().rollgate_session_new, byref(out), plan._handle())
        super().__init__(out)
        self.plan = plan  # the Python Plan outlives the session's use of it

    def set_inputs(self, inputs, file_name="facts.json"):
        """Replaces every input with a facts document
        {"facts": ..., "progress": ..., "approvals": [...]}, given as JSON
        text (str/bytes) or as a dict (datetimes and timedeltas allowed).
        All or nothing.  Raises RollgateError (EJSON, EINPUT)."""
        if isinstance(inputs, dict):
            inputs = _json.dumps(inputs, default=_json_default)
        data = _utf8(inputs, "inputs")
        _call(_lib().rollgate_session_set_inputs, self._handle(), data, len(data),
              _utf8(file_name, "file_name"))

    def set_fact(self, name, value):
        """Sets one fact to a Python value (encoded as JSON; a dict with a
        "value" key carries metadata such as "observed_at"; None makes the
        fact missing).  Raises RollgateError (EINPUT for an undeclared fact
        or a value that does not convert)."""
        key = _utf8(name, "name")
        data = _json.dumps(value, default=_json_default).encode("utf-8")
        _call(_lib().rollgate_session_set_fact, self._handle(), key, len(key),
              data, len(data))

    def set_fact_json(self, name, value_json):
        """Like set_fact(), with the value given as JSON text."""
        key = _utf8(name, "name")
        data = _utf8(value_json, "value_json")
        _call(_lib().rollgate_session_set_fact, self._handle(), key, len(key),
              data, len(data))

    def evaluate(self, now=None):
        """Evaluates the inputs at `now`: a timezone-aware datetime, an RFC
        3339 string, or None for the current time (a naive datetime raises
        ValueError).  Returns a Report."""
        seconds, nanos = _instant(now)
        out = c_void_p()
        _call(_lib().rollgate_session_evaluate, byref(out), self._handle(),
              seconds, nanos)
        return Report(out, self)


    def set_state(self, state, file_name="state.json"):
        """Restores state saved by state() (docs/STATE.md), as JSON text or a
        dict: the next evaluation continues from it (soaks, drift,
        transitions).  All or nothing.  Raises RollgateError (EINPUT for
        malformed state, an unknown version or another plan's state)."""
        if isinstance(state, dict):
            state = _json.dumps(state)
        data = _utf8(state, "state")
        _call(_lib().rollgate_session_set_state, self._handle(), data, len(data),
              _utf8(file_name, "file_name"))

    def state(self):
        """The state of the last evaluation (or the state restored since) as
        JSON text, or None before the first evaluation."""
        buf, length = c_void_p(), c_size_t()
        _call(_lib().rollgate_session_state, byref(buf), byref(length),
              self._handle())
        try:
            return string_at(buf, length.value).decode("utf-8") if buf else None
        finally:
            _lib().rollgate_free(buf)

    def clear_state(self):
        """Forgets the state: the next evaluation is a first one."""
        status = _lib().rollgate_session_clear_state(self._handle())
        if status != Status.OK:
            raise _error_from(status, None)

    def what_if(self, patch, now=None, file_name="patch.json"):
        """Evaluates with `patch` (a facts document as JSON text or dict:
        its facts replace the session's, None removing one; its progress
        entries replace those stages' progress; its approvals are added) at
        `now` and from the session's state, changing neither the session's
        inputs nor its state.  The report's json()["what_if"]["changes"]
        lists every stage and gate whose status the patch changes."""
        if isinstance(patch, dict):
            patch = _json.dumps(patch, default=_json_default)
        data = _utf8(patch, "patch")
        seconds, nanos = _instant(now)
        out = c_void_p()
        _call(_lib().rollgate_session_what_if, byref(out), self._handle(),
              data, len(data), _utf8(file_name, "file_name"), seconds, nanos)
        return Report(out, self)


class Report(_Handle):
    """The outcome of one evaluation (docs/REPORT.md)."""

    _free_name = "rollgate_report_free"

    def __init__(self, ptr, session=None):
        super().__init__(ptr)
        self.session = session

    def _render(self, fn):
        buf, length = c_void_p(), c_size_t()
        _call(fn, byref(buf), byref(length), self._handle())
        try:
            return string_at(buf, length.value).decode("utf-8") if buf else ""
        finally:
            _lib().rollgate_free(buf)

    def json_text(self, compact=False, summary=False):
        """The report as JSON text.  compact: without whitespace; summary:
        each stage lists only its gates that do not pass and counts the
        others in "passing_gates" (for organisation-sized plans)."""
        if not compact and not summary:
            return self._render(_lib().rollgate_report_json)
        options = _native.JsonOptions(
            _native.JSON_OPTIONS_VERSION,
            (_native.JSON_COMPACT if compact else 0)
            | (_native.JSON_SUMMARY if summary else 0))
        return self._render(
            lambda buf, length, handle, err: _lib().rollgate_report_json_with(
                buf, length, handle, byref(options), err))

    def json(self, summary=False):
        """The report as a dict: plan, evaluated_at, stages, blockers, next,
        target, drift, transitions, warnings (summary: as json_text)."""
        return _json.loads(self.json_text(compact=summary, summary=summary))

    def text(self):
        """The report as text for people (as `rollgate eval --format text`)."""
        return self._render(_lib().rollgate_report_text)

    @property
    def target_met(self):
        """True when the target (or, without one, every stage) is ready or
        done: the condition under which the command line exits 0."""
        return _lib().rollgate_report_target_met(self._handle()) == 1

    def holds_back(self, blocker_id):
        """Every stage id the blocker `blocker_id` (an "id" of
        json()["blockers"]) holds back, in plan order; the report itself
        lists only the first 10 beside "holds_back_count".  Raises
        RollgateError (EINPUT when no blocker has that id)."""
        key = _utf8(blocker_id, "blocker_id")
        buf, length = c_void_p(), c_size_t()
        _call(_lib().rollgate_report_holds_back, byref(buf), byref(length),
              self._handle(), key, len(key))
        try:
            text = string_at(buf, length.value).decode("utf-8") if buf else "[]"
        finally:
            _lib().rollgate_free(buf)
        return _json.loads(text)

    @property
    def drift_count(self):
        """How many gates drift (the length of json()["drift"])."""
        return _lib().rollgate_report_drift_count(self._handle())
