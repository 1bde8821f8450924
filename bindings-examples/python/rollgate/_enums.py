"""The status and kind enums of rollgate.h, as Python enums.  Each member's
``label`` is the name the JSON report writes ("in_progress")."""

from __future__ import annotations

import enum


class _Labelled(enum.IntEnum):
    @property
    def label(self) -> str:
        """The report's name for this value, e.g. "in_progress"."""
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> "_Labelled":
        """The member whose label is `label`; ValueError for another."""
        try:
            return cls[label.upper()]
        except KeyError:
            raise ValueError("%r is not a %s (one of %s)" % (
                label, cls.__name__, ", ".join(m.label for m in cls))) from None


class StageStatus(_Labelled):
    """A stage's status (rollgate_stage_status)."""
    BLOCKED = 0
    UNKNOWN = 1
    SOAKING = 2
    WAITING = 3
    FROZEN = 4
    READY = 5
    IN_PROGRESS = 6
    DONE = 7
    HELD = 8
    CANCELLED = 9


class GateStatus(_Labelled):
    """A gate's verdict (rollgate_gate_status)."""
    PASS = 0
    FAIL = 1
    UNKNOWN = 2
    ERROR = 3
    SOAKING = 4


class GateKind(_Labelled):
    """A gate's kind in the plan (rollgate_gate_kind)."""
    MUST = 0
    SHOULD = 1
    ADVISORY = 2


class ProgressState(_Labelled):
    """A stage's progress as the host reports it (rollgate_progress_state)."""
    NOT_STARTED = 0
    IN_PROGRESS = 1
    DONE = 2
    HELD = 3
    CANCELLED = 4
    ROLLED_BACK = 5
