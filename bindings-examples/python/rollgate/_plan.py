"""Compiled plans and what they declare: stages, gates, facts."""

from __future__ import annotations

import json as _json
import os
from ctypes import byref, c_int32, c_size_t, c_void_p
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Dict, List, Optional, Tuple, Union

from . import _native
from ._enums import GateKind
from ._errors import call, lib, take_buffer, text, utf8
from ._handle import Handle
from ._time import to_timedelta


@dataclass(frozen=True)
class PlanStage:
    """A stage of a compiled plan (after matrix expansion)."""
    index: int             #: its position in plan order
    id: str
    title: str
    owner: str
    description: str
    matrix_id: str         #: the matrix stage it expands, or ""
    after: Tuple[int, ...]  #: indices of the stages it waits for directly
    gate_count: int
    approval_count: int


@dataclass(frozen=True)
class PlanGate:
    """A gate of a compiled plan."""
    id: str                #: full id, "stage/gate"
    name: str              #: id within its stage
    kind: GateKind
    expression: str        #: CEL, after matrix substitution
    owner: str
    category: str
    description: str
    weight: float
    hold_for: Optional[timedelta]


@dataclass(frozen=True)
class FactDeclaration:
    """A fact the plan declares: enough to build an input form."""
    name: str
    type: str              #: CEL type as written: "int", "list(string)", ...
    owner: str
    unit: str
    description: str
    max_age: Optional[timedelta]  #: own max_age, else the plan's default


@dataclass(frozen=True)
class PlanOptions:
    """Limits on the plans Plan.compile compiles (rollgate_plan_options;
    docs/LIMITS.md, "Input limits").  0 means the library's default.  A
    plan past one raises RollgateError (EPLAN, or EJSON for the text's size
    and nesting) with a problem of kind "limit" located where it goes
    past."""
    max_document_bytes: int = 0     #: the plan's JSON text, in bytes
    max_json_depth: int = 0         #: nesting of the text (at most 1000)
    max_stages: int = 0             #: stages after matrix expansion
    max_gates: int = 0              #: gates after matrix expansion
    max_facts: int = 0              #: facts declared
    max_matrix_expansions: int = 0  #: stages all matrices expand to, in all
    max_matrix_text_bytes: int = 0  #: the text their expansions copy
    #: ids, names, roles, owners, categories and units, in bytes
    max_id_bytes: int = 0
    max_title_bytes: int = 0        #: the plan's and stages' titles
    max_expression_bytes: int = 0   #: a gate's CEL text, after substitution

    def _to_native(self) -> _native.PlanOptionsInfo:
        info = _native.PlanOptionsInfo()
        status = lib().rollgate_plan_options_init(
            byref(info), _native.PlanOptionsInfo.VERSION)
        if status != 0:
            raise ValueError("rollgate_plan_options_init failed: %d" % status)
        for name, _ in _native.PlanOptionsInfo._fields_[1:]:
            setattr(info, name, getattr(self, name))
        return info


class Plan(Handle):
    """A compiled plan.  Immutable; may be shared by sessions and threads.

    Make one with Plan.compile(text) or Plan.from_file(path).
    """

    _free_name = "rollgate_plan_free"

    def __init__(self, ptr: c_void_p) -> None:
        super().__init__(ptr)
        self._fact_types: Optional[Dict[str, str]] = None

    @classmethod
    def compile(cls, json_text: Union[str, bytes], file_name: str = "",
                options: Optional[PlanOptions] = None) -> "Plan":
        """Compiles a plan from its JSON text (str or bytes) within
        `options` (None: the default limits).  `file_name` labels error
        locations.  Raises RollgateError: EJSON for malformed JSON, EPLAN
        for an invalid plan (every problem listed, located), EINVAL for a
        max_json_depth above 1000."""
        data = utf8(json_text, "plan")
        out = c_void_p()
        name = utf8(file_name, "file_name") if file_name else None
        if options is None:
            call(lib().rollgate_plan_compile, byref(out), data, len(data),
                 name)
        else:
            info = options._to_native()
            call(lib().rollgate_plan_compile_with, byref(out), data,
                 len(data), name, byref(info))
        return cls(out)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Plan":
        """Reads and compiles a plan file; errors name the path as given."""
        with open(path, "rb") as f:
            data = f.read()
        return cls.compile(data, os.fspath(path))

    @property
    def name(self) -> str:
        """The plan's `name`."""
        return text(lib().rollgate_plan_name(self.handle()))

    @property
    def digest(self) -> str:
        """"sha256:" and 64 hex digits over the plan's canonical form."""
        return text(lib().rollgate_plan_digest(self.handle()))

    @property
    def target(self) -> str:
        """The plan's target stage or matrix id; "" when it names none."""
        return text(lib().rollgate_plan_target(self.handle()))

    @property
    def stage_count(self) -> int:
        """Number of stages after matrix expansion."""
        return int(lib().rollgate_plan_stage_count(self.handle()))

    @property
    def stage_ids(self) -> List[str]:
        """Stage ids in plan order, matrix stages expanded."""
        native, h = lib(), self.handle()
        return [text(native.rollgate_plan_stage_id(h, i))
                for i in range(native.rollgate_plan_stage_count(h))]

    def stage_index(self, stage_id: str) -> int:
        """The plan-order index of a stage id.  Raises RollgateError (EINPUT,
        with a "did you mean" suggestion) for an unknown id."""
        key = utf8(stage_id, "stage_id")
        index = c_size_t()
        call(lib().rollgate_plan_stage_find, byref(index), self.handle(), key,
             len(key))
        return int(index.value)

    def stage(self, stage: Union[int, str]) -> PlanStage:
        """A stage by index or id."""
        index = stage if isinstance(stage, int) else self.stage_index(stage)
        info = _native.PlanStageInfo()
        info.version = _native.PlanStageInfo.VERSION
        call(lib().rollgate_plan_stage, byref(info), self.handle(), index)
        return PlanStage(index, text(info.id), text(info.title),
                         text(info.owner), text(info.description),
                         text(info.matrix_id),
                         tuple(int(info.after[i]) for i in range(info.after_count)),
                         int(info.gate_count), int(info.approval_count))

    def stages(self) -> List[PlanStage]:
        """Every stage in plan order."""
        return [self.stage(i) for i in range(self.stage_count)]

    def gates(self, stage: Union[int, str]) -> List[PlanGate]:
        """The gates of a stage (by index or id), in plan order."""
        s = self.stage(stage)
        native, h = lib(), self.handle()
        gates = []
        for g in range(s.gate_count):
            info = _native.PlanGateInfo()
            info.version = _native.PlanGateInfo.VERSION
            call(native.rollgate_plan_gate, byref(info), h, s.index, g)
            gates.append(PlanGate(
                text(info.id), text(info.name), GateKind(info.kind),
                text(info.expression), text(info.owner), text(info.category),
                text(info.description), float(info.weight),
                to_timedelta(info.hold_for_seconds, info.hold_for_nanos)
                if info.has_hold_for else None))
        return gates

    def facts(self) -> List[FactDeclaration]:
        """Every fact declaration, in declaration order."""
        native, h = lib(), self.handle()
        facts = []
        for i in range(native.rollgate_plan_fact_count(h)):
            info = _native.FactInfo()
            info.version = _native.FactInfo.VERSION
            call(native.rollgate_plan_fact, byref(info), h, i)
            facts.append(FactDeclaration(
                text(info.name), text(info.type), text(info.owner),
                text(info.unit), text(info.description),
                to_timedelta(info.max_age_seconds, info.max_age_nanos)
                if info.has_max_age else None))
        return facts

    def fact_type(self, name: str) -> Optional[str]:
        """The declared type of fact `name`, or None when undeclared."""
        if self._fact_types is None:
            self._fact_types = {f.name: f.type for f in self.facts()}
        return self._fact_types.get(name)

    def diff(self, new: "Plan", as_text: bool = False) -> Any:
        """Compares this plan (the old version) with `new` (DESIGN rule 20;
        docs/DIFF.md).  Returns the diff as a dict {"old", "new", "changes",
        "loosened"}, or with as_text=True the text form (loosened changes
        first)."""
        if not isinstance(new, Plan):
            raise TypeError("diff needs a Plan, not %s" % type(new).__name__)
        loosened = c_int32()
        out = take_buffer(lib().rollgate_plan_diff, byref(loosened),
                          self.handle(), new.handle(), 1 if as_text else 0)
        out = out or ""
        return out if as_text else _json.loads(out)

    def __repr__(self) -> str:
        if self.closed:
            return "<rollgate.Plan (closed)>"
        return "<rollgate.Plan %r %s>" % (self.name, self.digest)
