"""Reports: the outcome of one evaluation, read field by field through the C
ABI (no JSON), or rendered as JSON or text."""

from __future__ import annotations

import datetime as _dt
import json as _json
from ctypes import byref, c_size_t, c_void_p
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, List, Optional, Union

from . import _native
from ._enums import GateKind, GateStatus, StageStatus
from ._errors import call, lib, take_buffer, text, utf8
from ._handle import Handle
from ._time import to_datetime

if TYPE_CHECKING:
    from ._session import Session


@dataclass(frozen=True)
class Target:
    """The report's target."""
    id: str       #: the plan's target id; "" when it names none
    status: str   #: a stage status label, or "done" / "ready" / "not_ready"
    met: bool     #: every stage of the target is ready or done


@dataclass(frozen=True)
class StageResult:
    """One stage of a report."""
    index: int
    id: str
    status: StageStatus
    score: Optional[float]   #: None without should-gates
    since: _dt.datetime      #: since when it has had this status (UTC)
    drift: bool              #: some gate of the stage drifts
    gate_count: int


@dataclass(frozen=True)
class GateResult:
    """One gate's verdict."""
    id: str                  #: full id, "stage/gate"
    kind: GateKind
    status: GateStatus
    since: _dt.datetime
    value: str               #: the expression's value as the report writes it
    message: str
    drift: bool


@dataclass(frozen=True)
class Blocker:
    """One entry of the report's blockers, ranked as there."""
    id: str                  #: "stage/gate", "stage/approval:role" or "stage"
    kind: str                #: "gate", "approval" or "stage"
    stage: str               #: the id of the stage it belongs to
    status: str
    owner: str
    message: str
    holds_back_count: int


class Report(Handle):
    """The outcome of one evaluation (docs/REPORT.md).  Immutable: it may be
    read from several threads, also while its session evaluates again."""

    _free_name = "rollgate_report_free"

    def __init__(self, ptr: c_void_p, session: Optional["Session"] = None) -> None:
        super().__init__(ptr)
        self.session = session

    # ---------------------------------------------------------- rendering

    def json_text(self, compact: bool = False, summary: bool = False) -> str:
        """The report as JSON text.  compact: without whitespace; summary:
        each stage lists only its gates that do not pass and counts the
        others in "passing_gates" (for organisation-sized plans)."""
        if not compact and not summary:
            return take_buffer(lib().rollgate_report_json, self.handle()) or ""
        options = _native.JsonOptions(
            _native.JSON_OPTIONS_VERSION,
            (_native.JSON_COMPACT if compact else 0)
            | (_native.JSON_SUMMARY if summary else 0))
        return take_buffer(lib().rollgate_report_json_with, self.handle(),
                           byref(options)) or ""

    def json(self, summary: bool = False) -> Any:
        """The report as a dict: plan, evaluated_at, stages, blockers, next,
        target, drift, transitions, warnings (summary: as json_text)."""
        return _json.loads(self.json_text(compact=summary, summary=summary))

    def stage_json(self, stage: Union[int, str], summary: bool = False) -> Any:
        """One stage of the report as a dict, by stage index or id: plan,
        evaluated_at, "stage" (its entry of json()["stages"]) and "drift"
        (its entries of json()["drift"]).  Renders that stage alone, so it
        costs the same in a plan of any size (summary: as json_text)."""
        index = stage if isinstance(stage, int) else self.stage_index(stage)
        options = _native.JsonOptions(
            _native.JSON_OPTIONS_VERSION,
            _native.JSON_COMPACT | (_native.JSON_SUMMARY if summary else 0))
        return _json.loads(take_buffer(lib().rollgate_report_stage_json,
                                       self.handle(), index, byref(options))
                           or "{}")

    def text(self) -> str:
        """The report as text for people (as `rollgate eval --format text`)."""
        return take_buffer(lib().rollgate_report_text, self.handle()) or ""

    # ------------------------------------------------- reading without JSON

    @property
    def target_met(self) -> bool:
        """True when the target (or, without one, every stage) is ready or
        done: the condition under which the command line exits 0."""
        return bool(lib().rollgate_report_target_met(self.handle()) == 1)

    @property
    def target(self) -> Target:
        """The target's id, status and whether it is met."""
        info = _native.TargetInfo()
        info.version = _native.TargetInfo.VERSION
        call(lib().rollgate_report_target, byref(info), self.handle())
        return Target(text(info.id), text(info.status), bool(info.met))

    @property
    def stage_count(self) -> int:
        """Number of stages (the plan's, in plan order)."""
        return int(lib().rollgate_report_stage_count(self.handle()))

    def stage_index(self, stage_id: str) -> int:
        """The index of a stage id.  Raises RollgateError (EINPUT, with a
        "did you mean" suggestion) for an unknown id."""
        key = utf8(stage_id, "stage_id")
        index = c_size_t()
        call(lib().rollgate_report_stage_find, byref(index), self.handle(),
             key, len(key))
        return int(index.value)

    def stage(self, stage: Union[int, str]) -> StageResult:
        """One stage's result, by index or id; constant time."""
        index = stage if isinstance(stage, int) else self.stage_index(stage)
        info = _native.StageInfo()
        info.version = _native.StageInfo.VERSION
        call(lib().rollgate_report_stage, byref(info), self.handle(), index)
        return StageResult(index, text(info.id), StageStatus(info.status),
                           float(info.score) if info.has_score else None,
                           to_datetime(info.since_seconds, info.since_nanos),
                           bool(info.drift), int(info.gate_count))

    def stages(self) -> List[StageResult]:
        """Every stage's result in plan order."""
        return [self.stage(i) for i in range(self.stage_count)]

    def gates(self, stage: Union[int, str]) -> List[GateResult]:
        """The verdicts of a stage's gates (by stage index or id)."""
        s = self.stage(stage)
        native, h = lib(), self.handle()
        gates = []
        for g in range(s.gate_count):
            info = _native.GateInfo()
            info.version = _native.GateInfo.VERSION
            call(native.rollgate_report_gate, byref(info), h, s.index, g)
            gates.append(GateResult(
                text(info.id), GateKind(info.kind), GateStatus(info.status),
                to_datetime(info.since_seconds, info.since_nanos),
                text(info.value), text(info.message), bool(info.drift)))
        return gates

    @property
    def next(self) -> List[str]:
        """Ids of the stages ready to start, in plan order."""
        native, h = lib(), self.handle()
        return [self.stage(int(native.rollgate_report_next(h, i))).id
                for i in range(native.rollgate_report_next_count(h))]

    @property
    def blockers(self) -> List[Blocker]:
        """The blockers, ranked as in the report."""
        native, h = lib(), self.handle()
        blockers = []
        for i in range(native.rollgate_report_blocker_count(h)):
            info = _native.BlockerInfo()
            info.version = _native.BlockerInfo.VERSION
            call(native.rollgate_report_blocker, byref(info), h, i)
            blockers.append(Blocker(
                text(info.id), text(info.kind), self.stage(int(info.stage)).id,
                text(info.status), text(info.owner), text(info.message),
                int(info.holds_back_count)))
        return blockers

    @property
    def warnings(self) -> List[str]:
        """The report's warnings (undeclared facts, state of another plan
        version, ...)."""
        native, h = lib(), self.handle()
        return [text(native.rollgate_report_warning(h, i))
                for i in range(native.rollgate_report_warning_count(h))]

    @property
    def drift_count(self) -> int:
        """How many gates drift (the length of json()["drift"])."""
        return int(lib().rollgate_report_drift_count(self.handle()))

    def holds_back(self, blocker_id: str) -> List[str]:
        """Every stage id the blocker `blocker_id` (a Blocker.id) holds back,
        in plan order; the report itself lists only the first 10 beside
        "holds_back_count".  Raises RollgateError (EINPUT when no blocker
        has that id)."""
        key = utf8(blocker_id, "blocker_id")
        out = take_buffer(lib().rollgate_report_holds_back, self.handle(), key,
                          len(key))
        ids: List[str] = _json.loads(out or "[]")
        return ids
