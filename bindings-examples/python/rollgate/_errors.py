"""Status codes, problems and RollgateError: how failures of the C ABI reach
Python.  Every fallible C function takes a trailing ``rollgate_error **err``;
``call()`` passes it and turns a failure into a raised RollgateError."""

from __future__ import annotations

import enum
from ctypes import byref, c_size_t, c_void_p, string_at
from dataclasses import dataclass
from typing import Any, Callable, List, Optional, Sequence, Union

from . import _native


class Status(enum.IntEnum):
    """The status codes of rollgate.h (values pinned by the C ABI)."""
    OK = 0
    EINVAL = -1       #: a NULL or out-of-range argument
    EJSON = -2        #: malformed JSON
    EPLAN = -3        #: an invalid plan
    EINPUT = -4       #: facts, progress, approvals or state that cannot be used
    ENOMEM = -5       #: out of memory
    ELIMIT = -6       #: an evaluation went past a whole-evaluation limit
    ECANCELLED = -7   #: an evaluation was cancelled
    ETIMEOUT = -8     #: an evaluation reached its deadline
    EINTERNAL = -99   #: a bug in rollgate


class SubjectKind(enum.IntEnum):
    """What a Problem's subject is (rollgate_subject_kind)."""
    NONE = 0   #: no one stage, gate or fact
    STAGE = 1  #: a stage id as written (a matrix stage's own id)
    GATE = 2   #: a full gate id, "stage/gate"
    FACT = 3   #: a fact name


@dataclass(frozen=True)
class Problem:
    """One located problem of a RollgateError.  Strings are "" and
    line/column 0 when the problem has no such part."""
    message: str        #: the plain message, without location
    file: str           #: the file name given with the input
    pointer: str        #: JSON pointer of the offending value
    subject: str        #: stage id, full gate id or fact name
    line: int           #: 1-based line in the input; 0 when unknown
    column: int         #: 1-based column; 0 when unknown
    kind: str = ""      #: stable code, e.g. "unknown-field" (docs/ERRORS.md)
    suggestion: str = ""  #: what the input probably meant, or ""
    subject_kind: SubjectKind = SubjectKind.NONE


class RollgateError(Exception):
    """A failure reported by librollgate.

    Attributes:
      code         the status code (a Status member, or an int if unknown)
      status       its name, e.g. "EPLAN"
      description  the library's English name of the status, e.g. "invalid plan"
      message      the whole located message, one line per problem, e.g.
                   "plan.json:7:17: /stages/1/after/0: ..."; also str(error)
      problems     list of Problem
    """

    def __init__(self, code: Union[Status, int], message: str,
                 problems: Sequence[Problem] = (), description: str = "") -> None:
        status: str
        try:
            code = Status(code)
            status = code.name
        except ValueError:
            status = "E%d" % code
        self.code: Union[Status, int] = code
        self.status = status
        self.description = description
        self.message = message or description or status
        self.problems: List[Problem] = list(problems)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return "RollgateError(%s, %r)" % (self.status, self.message)


def lib() -> Any:
    """The loaded library (its functions are declared at run time)."""
    return _native.load()


def text(value: Optional[bytes]) -> str:
    """A borrowed C string as str; NULL becomes ""."""
    if value is None:
        return ""
    return value.decode("utf-8", errors="replace")


def utf8(value: Union[str, bytes, bytearray, memoryview], what: str) -> bytes:
    """str or bytes as UTF-8 bytes for the C ABI."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("%s must be str or bytes, not %s" % (what, type(value).__name__))


def _problem(err: c_void_p, index: int) -> Optional[Problem]:
    info = _native.ProblemInfo()
    info.version = _native.ProblemInfo.VERSION
    if lib().rollgate_error_problem(byref(info), err, index, None) != Status.OK:
        return None
    try:
        subject_kind = SubjectKind(info.subject_kind)
    except ValueError:
        subject_kind = SubjectKind.NONE
    return Problem(text(info.message), text(info.file), text(info.pointer),
                   text(info.subject), int(info.line), int(info.column),
                   text(info.kind), text(info.suggestion), subject_kind)


def error_from(status: int, err: c_void_p) -> RollgateError:
    """Builds a RollgateError from a failed call and frees the C error."""
    native = lib()
    try:
        description = text(native.rollgate_status_string(status))
        if not err:
            return RollgateError(status, "", (), description)
        code = int(native.rollgate_error_code(err)) or status
        problems = [p for p in (_problem(err, i)
                                for i in range(native.rollgate_error_count(err)))
                    if p is not None]
        if code != status:
            description = text(native.rollgate_status_string(code))
        return RollgateError(code, text(native.rollgate_error_message(err)),
                             problems, description)
    finally:
        native.rollgate_error_free(err)


def call(fn: Callable[..., int], *args: Any) -> None:
    """Calls a fallible C function, appending the `rollgate_error **err`
    argument, and raises RollgateError when it fails."""
    err = c_void_p()
    status = fn(*args, byref(err))
    if status != Status.OK:
        raise error_from(status, err)
    if err:  # never set on success; freed defensively
        lib().rollgate_error_free(err)


def take_buffer(fn: Callable[..., int], *args: Any) -> Optional[str]:
    """Calls a C function whose first two arguments are the `char **out,
    size_t *out_len` of a buffer the caller owns; returns its text (None
    when the library returned NULL) and frees it."""
    buf, length = c_void_p(), c_size_t()
    call(fn, byref(buf), byref(length), *args)
    try:
        return string_at(buf, length.value).decode("utf-8") if buf else None
    finally:
        lib().rollgate_free(buf)
