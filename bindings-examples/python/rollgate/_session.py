"""Sessions: the inputs for one plan (facts, progress, approvals), given
whole or one at a time, the limits of their evaluation, and evaluation."""

from __future__ import annotations

import base64
import datetime as _dt
import json as _json
from ctypes import POINTER, byref, c_int32, c_void_p, cast
from dataclasses import dataclass
from typing import Any, Dict, Optional, Union

from . import _native
from ._enums import ProgressState
from ._errors import call, lib, take_buffer, utf8
from ._handle import Handle
from ._plan import Plan
from ._report import Report
from ._time import Instant, datetime_text, duration_parts, duration_text, instant

Text = Union[str, bytes]


def _json_default(value: Any) -> Any:
    # Lets datetimes and timedeltas appear directly in facts documents.
    if isinstance(value, _dt.datetime):
        return datetime_text(value)
    if isinstance(value, _dt.timedelta):
        return duration_text(value)
    raise TypeError("%s is not JSON serializable" % type(value).__name__)


def _document(value: Union[Text, Dict[str, Any]], what: str) -> bytes:
    if isinstance(value, dict):
        return _json.dumps(value, default=_json_default).encode("utf-8")
    return utf8(value, what)


def _optional_utf8(value: Optional[str], what: str) -> Optional[bytes]:
    return None if value is None else utf8(value, what)


class Cancellation:
    """A flag that stops a session's evaluation from another thread: pass it
    in SessionOptions(cancel=...), then call cancel() from any thread; the
    evaluation raises RollgateError (ECANCELLED).  reset() before reuse."""

    def __init__(self) -> None:
        self._flag = c_int32(0)

    def cancel(self) -> None:
        """Asks the evaluation to stop (a single aligned 32-bit store)."""
        self._flag.value = 1

    def reset(self) -> None:
        self._flag.value = 0

    @property
    def cancelled(self) -> bool:
        return self._flag.value != 0


@dataclass
class SessionOptions:
    """Limits, a deadline and a cancellation flag for a session's
    evaluations, and limits on the documents it reads next
    (rollgate_session_options; docs/LIMITS.md).  0 means the library's
    default.  A document past its limits raises RollgateError (EJSON, a
    problem of kind "limit")."""
    max_cost: int = 0          #: cost budget of one gate's expression
    max_iterations: int = 0    #: comprehension iterations of one gate
    max_string_bytes: int = 0  #: longest string a gate may build
    max_list_size: int = 0     #: most elements of a list or map a gate builds
    max_total_cost: int = 0    #: cost budget of one whole evaluation
    max_bytes: int = 0         #: bytes of strings, lists and maps one gate builds
    max_total_bytes: int = 0   #: the same for one whole evaluation
    #: bytes of a facts, progress or what-if document
    max_document_bytes: int = 0
    max_state_bytes: int = 0   #: bytes of a state document (set_state)
    max_json_depth: int = 0    #: nesting of any of them (at most 1000)
    deadline: Optional[Instant] = None  #: wall-clock deadline
    cancel: Optional[Cancellation] = None


class Session(Handle):
    """The inputs (facts, progress, approvals) for one plan, and their
    evaluation.  Keeps its Plan alive.  One thread at a time (but another
    thread may cancel its evaluation through a Cancellation)."""

    _free_name = "rollgate_session_free"

    def __init__(self, plan: Plan) -> None:
        if not isinstance(plan, Plan):
            raise TypeError("Session needs a Plan, not %s" % type(plan).__name__)
        out = c_void_p()
        call(lib().rollgate_session_new, byref(out), plan.handle())
        super().__init__(out)
        self.plan = plan  # the Python Plan outlives the session's use of it
        self._options: Optional[SessionOptions] = None

    # ---------------------------------------------------- inputs, whole

    def set_inputs(self, inputs: Union[Text, Dict[str, Any]], file_name: str = "") -> None:
        """Replaces every input with a facts document
        {"facts": ..., "progress": ..., "approvals": [...]}, given as JSON
        text (str/bytes) or as a dict (datetimes and timedeltas allowed).
        All or nothing.  Raises RollgateError (EJSON, EINPUT)."""
        data = _document(inputs, "inputs")
        call(lib().rollgate_session_set_inputs, self.handle(), data, len(data),
             utf8(file_name, "file_name") if file_name else None)

    def update_inputs(self, inputs: Union[Text, Dict[str, Any]], file_name: str = "") -> None:
        """Merges a document shaped like the facts document over the inputs,
        as what_if() would but kept: its facts replace those of the same
        name (None removes one), its progress entries replace those stages'
        progress, its approvals are added.  All or nothing.  Raises
        RollgateError (EJSON, EINPUT)."""
        data = _document(inputs, "inputs")
        call(lib().rollgate_session_update_inputs, self.handle(), data, len(data),
             utf8(file_name, "file_name") if file_name else None)

    def inputs(self) -> Any:
        """The current inputs as a facts document (a dict) that
        set_inputs() reads back to the same inputs."""
        return _json.loads(self.inputs_text())

    def inputs_text(self) -> str:
        """inputs() as JSON text."""
        return take_buffer(lib().rollgate_session_inputs, self.handle()) or "{}"

    # ---------------------------------------------- inputs, one at a time

    def set_fact(self, name: str, value: Any, *,
                 observed_at: Optional[Instant] = None,
                 source: Optional[str] = None,
                 evidence: Optional[str] = None) -> None:
        """Sets one fact, leaving every other input as it is.

        The value is passed to the library as a C value, without JSON, for
        bool, int, float, str, bytes, datetime and timedelta; lists and dicts
        go as JSON.  None makes the fact missing.  (A dict with a "value" key
        for a fact that is not a map is read as the facts document's wrapper,
        {"value", "observed_at", "source", "evidence"}.)  Raises RollgateError
        (EINPUT: undeclared fact, with a suggestion, or a value that does not
        suit the declared type)."""
        declared = self.plan.fact_type(name)
        if value is None and observed_at is None and source is None and evidence is None:
            return self.clear_fact(name)
        if (isinstance(value, dict) and "value" in value and declared is not None
                and not declared.startswith("map") and declared != "dyn"):
            return self.set_fact_json(name, _json.dumps(value, default=_json_default))
        key = utf8(name, "name")
        meta = self._meta(observed_at, source, evidence)
        native, h = lib(), self.handle()
        if value is None:
            call(native.rollgate_session_set_fact_json, h, key, len(key), b"null", 4, meta)
        elif isinstance(value, bool):
            call(native.rollgate_session_set_fact_bool, h, key, len(key), int(value), meta)
        elif isinstance(value, int):
            if declared == "uint" and value >= 0:
                call(native.rollgate_session_set_fact_uint, h, key, len(key), value, meta)
            elif -2**63 <= value < 2**63:
                call(native.rollgate_session_set_fact_int, h, key, len(key), value, meta)
            else:  # let the library say it is out of range, located
                data = str(value).encode()
                call(native.rollgate_session_set_fact_json, h, key, len(key), data, len(data), meta)
        elif isinstance(value, float):
            call(native.rollgate_session_set_fact_double, h, key, len(key), value, meta)
        elif isinstance(value, (str, bytes)):
            data = (base64.b64encode(value) if isinstance(value, bytes)
                    else value.encode("utf-8"))
            call(native.rollgate_session_set_fact_string, h, key, len(key), data, len(data), meta)
        elif isinstance(value, _dt.datetime):
            seconds, nanos = instant(value)
            call(native.rollgate_session_set_fact_timestamp, h, key, len(key), seconds, nanos, meta)
        elif isinstance(value, _dt.timedelta):
            seconds, nanos = duration_parts(value)
            call(native.rollgate_session_set_fact_duration, h, key, len(key), seconds, nanos, meta)
        else:
            data = _json.dumps(value, default=_json_default).encode("utf-8")
            call(native.rollgate_session_set_fact_json, h, key, len(key), data, len(data), meta)
        return None

    def set_fact_json(self, name: str, value_json: Text) -> None:
        """Sets one fact from JSON text: a bare value or a {"value": ...,
        "observed_at": ...} wrapper, as in the facts document."""
        key = utf8(name, "name")
        data = utf8(value_json, "value_json")
        call(lib().rollgate_session_set_fact, self.handle(), key, len(key),
             data, len(data))

    def clear_fact(self, name: str) -> None:
        """Makes one fact missing."""
        key = utf8(name, "name")
        call(lib().rollgate_session_clear_fact, self.handle(), key, len(key))

    @staticmethod
    def _meta(observed_at: Optional[Instant], source: Optional[str],
              evidence: Optional[str]) -> Any:
        if observed_at is None and source is None and evidence is None:
            return None
        meta = _native.FactMeta()
        meta.version = _native.FactMeta.VERSION
        if observed_at is not None:
            meta.has_observed_at = 1
            meta.observed_at_seconds, meta.observed_at_nanos = instant(observed_at)
        # ctypes keeps the bytes objects alive as long as the struct.
        meta.source = _optional_utf8(source, "source")
        meta.evidence = _optional_utf8(evidence, "evidence")
        return byref(meta)

    def set_progress(self, stage: str, state: Union[ProgressState, str, None], *,
                     started_at: Optional[Instant] = None,
                     done_at: Optional[Instant] = None,
                     requested_by: Optional[str] = None,
                     reason: Optional[str] = None) -> None:
        """Sets one stage's progress (or every expansion's, for a matrix id);
        state None removes it (not started).  Raises RollgateError (EINPUT for
        an unknown stage, with a suggestion)."""
        key = utf8(stage, "stage")
        if state is None:
            call(lib().rollgate_session_set_progress, self.handle(), key, len(key), None)
            return
        if isinstance(state, str):
            state = ProgressState(ProgressState.from_label(state))
        info = _native.ProgressInfo()
        info.version = _native.ProgressInfo.VERSION
        info.state = int(state)
        if started_at is not None:
            info.has_started_at = 1
            info.started_at_seconds, info.started_at_nanos = instant(started_at)
        if done_at is not None:
            info.has_done_at = 1
            info.done_at_seconds, info.done_at_nanos = instant(done_at)
        info.requested_by = _optional_utf8(requested_by, "requested_by")
        info.reason = _optional_utf8(reason, "reason")
        call(lib().rollgate_session_set_progress, self.handle(), key, len(key),
             byref(info))

    def add_approval(self, stage: str, role: str, by: str, *,
                     at: Optional[Instant] = None, note: Optional[str] = None) -> None:
        """Adds one approval.  Raises RollgateError (EINPUT for an unknown
        stage, with a suggestion)."""
        info = _native.ApprovalInfo()
        info.version = _native.ApprovalInfo.VERSION
        info.stage = utf8(stage, "stage")
        info.role = utf8(role, "role")
        info.by = utf8(by, "by")
        if at is not None:
            info.has_at = 1
            info.at_seconds, info.at_nanos = instant(at)
        info.note = _optional_utf8(note, "note")
        call(lib().rollgate_session_add_approval, self.handle(), byref(info))

    # ------------------------------------------------------------ options

    def set_options(self, options: Optional[SessionOptions]) -> None:
        """Sets the limits, deadline and cancellation flag of the next
        evaluations and the limits of the documents read next (None: the
        defaults).  See SessionOptions.  Raises RollgateError (EINVAL) for
        a max_json_depth above 1000."""
        if options is None:
            call(lib().rollgate_session_set_options, self.handle(), None)
            self._options = None
            return
        info = _native.SessionOptionsInfo()
        status = lib().rollgate_session_options_init(
            byref(info), _native.SessionOptionsInfo.VERSION)
        if status != 0:
            raise ValueError("rollgate_session_options_init failed: %d" % status)
        info.max_cost = options.max_cost
        info.max_iterations = options.max_iterations
        info.max_string_bytes = options.max_string_bytes
        info.max_list_size = options.max_list_size
        info.max_total_cost = options.max_total_cost
        info.max_bytes = options.max_bytes
        info.max_total_bytes = options.max_total_bytes
        info.max_document_bytes = options.max_document_bytes
        info.max_state_bytes = options.max_state_bytes
        info.max_json_depth = options.max_json_depth
        if options.deadline is not None:
            info.has_deadline = 1
            info.deadline_seconds, info.deadline_nanos = instant(options.deadline)
        if options.cancel is not None:
            info.cancel = cast(byref(options.cancel._flag), POINTER(c_int32))
        call(lib().rollgate_session_set_options, self.handle(), byref(info))
        # The library keeps a pointer to the cancellation flag: keep it alive.
        self._options = options

    # --------------------------------------------------------- evaluation

    def evaluate(self, now: Optional[Instant] = None) -> Report:
        """Evaluates the inputs at `now`: a timezone-aware datetime, an RFC
        3339 string, (seconds, nanos), or None for the current time (a naive
        datetime raises ValueError).  Returns a Report.  Raises RollgateError
        (ELIMIT, ETIMEOUT, ECANCELLED under SessionOptions; the session is
        then unchanged)."""
        seconds, nanos = instant(now)
        out = c_void_p()
        call(lib().rollgate_session_evaluate, byref(out), self.handle(),
             seconds, nanos)
        return Report(out, self)

    def what_if(self, patch: Union[Text, Dict[str, Any]], now: Optional[Instant] = None,
                file_name: str = "") -> Report:
        """Evaluates with `patch` (a facts document as JSON text or dict:
        its facts replace the session's, None removing one; its progress
        entries replace those stages' progress; its approvals are added) at
        `now` and from the session's state, changing neither the session's
        inputs nor its state.  The report's json()["what_if"]["changes"]
        lists every stage and gate whose status the patch changes."""
        data = _document(patch, "patch")
        seconds, nanos = instant(now)
        out = c_void_p()
        call(lib().rollgate_session_what_if, byref(out), self.handle(),
             data, len(data), utf8(file_name, "file_name") if file_name else None,
             seconds, nanos)
        return Report(out, self)

    def evaluate_expr(self, expr: str, now: Optional[Instant] = None, *,
                      operands: bool = False) -> Dict[str, Any]:
        """Evaluates one CEL expression against the inputs at `now`, as a
        gate would be, without changing the session.  Returns a dict:
        "outcome" ("true", "false", "unknown", "error" or "value"), "value"
        (as JSON), "cel" (the value in CEL's notation), "type", "message"
        (why unknown, or the error) and "facts" (every fact it reads, as a
        report's evidence); with `operands`, "operator" and "operands"
        break the root's && / || chain down and mark the deciding ones.
        Raises RollgateError (EINPUT, located within `expr`) when it does
        not compile."""
        text = utf8(expr, "expr")
        seconds, nanos = instant(now)
        result = take_buffer(lib().rollgate_session_evaluate_expr, self.handle(),
                             text, len(text), 1 if operands else 0, seconds, nanos)
        parsed: Dict[str, Any] = _json.loads(result or "{}")
        return parsed

    # -------------------------------------------------------------- state

    def set_state(self, state: Union[Text, Dict[str, Any]], file_name: str = "") -> None:
        """Restores state saved by state() (docs/STATE.md), as JSON text or a
        dict: the next evaluation continues from it (soaks, drift,
        transitions).  All or nothing.  Raises RollgateError (EINPUT for
        malformed state, an unknown version or another plan's state)."""
        data = _document(state, "state")
        call(lib().rollgate_session_set_state, self.handle(), data, len(data),
             utf8(file_name, "file_name") if file_name else None)

    def state(self) -> Optional[str]:
        """The state of the last evaluation (or the state restored since) as
        JSON text, or None before the first evaluation."""
        return take_buffer(lib().rollgate_session_state, self.handle())

    def clear_state(self) -> None:
        """Forgets the state: the next evaluation is a first one."""
        call(lib().rollgate_session_clear_state, self.handle())
