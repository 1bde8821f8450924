"""rollgate: rollout readiness gates, from Python through the C ABI (ctypes).

    import rollgate
    with rollgate.Plan.from_file("plan.json") as plan, rollgate.Session(plan) as s:
        s.set_fact("pilot.advisors", 9, observed_at="2026-11-22T11:00:00Z")
        s.set_progress("pilot", "in_progress")
        report = s.evaluate("2026-11-22T12:00:00Z")   # or a datetime, or None
        print(report.stage("pilot").status)           # StageStatus.READY
        print(report.next, report.target, report.blockers)
        print(report.text())                          # or report.json()

Results are read field by field through the C ABI (Report.stage(),
Report.gates(), Plan.stages(), Plan.facts(), ...) without rendering or
parsing JSON; json() and text() give the whole report.

librollgate is found through $ROLLGATE_LIBRARY, the copy bundled in the
package (a wheel built with it), $ROLLGATE_BUILD_DIR, the build directories
of this repository, or the system search (see rollgate._native.find_library);
it is loaded on first use.

Handles (Plan, Session, Report) free their native object on close(), at the
end of a ``with`` block, or, as a safety net, when garbage-collected.  Using
a closed handle raises ValueError.  Failures of the library raise
RollgateError, whose problems carry a kind, a location, a subject and a
"did you mean" suggestion.

Threads: a Plan may be shared by any number of threads; a Session belongs to
one thread at a time; a Report may be read from any number of threads.
"""

from __future__ import annotations

from ._enums import GateKind, GateStatus, ProgressState, StageStatus
from ._errors import Problem, RollgateError, Status, SubjectKind, lib as _lib
from ._errors import text as _text
from ._native import ABI_VERSION, LibraryError
from ._plan import FactDeclaration, Plan, PlanGate, PlanOptions, PlanStage
from ._report import Blocker, GateResult, Report, StageResult, Target
from ._session import Cancellation, Session, SessionOptions
from ._time import format_timestamp, parse_timestamp
from . import _native

__all__ = [
    "ABI_VERSION", "Blocker", "Cancellation", "FactDeclaration", "GateKind",
    "GateResult", "GateStatus", "LibraryError", "Plan", "PlanGate",
    "PlanOptions", "PlanStage",
    "Problem", "ProgressState", "Report", "RollgateError", "Session",
    "SessionOptions", "StageResult", "StageStatus", "Status", "SubjectKind",
    "Target", "abi_version", "format_timestamp", "library_path",
    "load_library", "parse_timestamp", "version", "version_string",
]


def load_library(path: str | None = None) -> None:
    """Loads librollgate now (from `path`, or by the usual search) and checks
    its ABI version.  Raises LibraryError.  Optional: loading is automatic."""
    _native.load(path)


def library_path() -> str:
    """The file librollgate was loaded from."""
    return _native.library_path()


def version() -> int:
    """The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH."""
    return int(_lib().rollgate_version())


def version_string() -> str:
    """The loaded library's version as text, e.g. "0.2.0"."""
    return _text(_lib().rollgate_version_string())


def abi_version() -> int:
    """The loaded library's C ABI version (this binding needs ABI_VERSION)."""
    return int(_lib().rollgate_abi_version())
