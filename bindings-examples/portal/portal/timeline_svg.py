"""The timeline: one row per stage and per gate, one bar per run of equal
statuses, coloured by the status held from one evaluation to the next, so
a soak, a drift episode (bars outlined and marked in the drift colour) and
the moment a wave started show at a glance.  Time runs left to right in
proportion to the time between evaluations."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, List, Tuple

from . import palette, svg

LABEL_W, ROW_H, BAR_H, PLOT_W, AXIS_H, MARGIN = 240, 20, 14, 760, 30, 10
TICKS = 5

Bar = Tuple[float, float, str, bool]   # start, end (seconds), status, drift


def _seconds(at: str) -> float:
    return _dt.datetime.fromisoformat(at).timestamp()


def subjects_in_plan_order(report: Dict[str, Any]) -> List[Tuple[str, str]]:
    """(subject, kind) for each stage, followed by its gates."""
    rows = []
    for stage in report["stages"]:
        rows.append((stage["id"], "stage"))
        rows.extend((stage["id"] + "/" + gate["id"], "gate") for gate in stage["gates"])
    return rows


def bars(history: List[Dict[str, Any]], end: float) -> Dict[str, List[Bar]]:
    """Each subject's bars: a status holds from its evaluation until the
    next evaluation (or `end`); consecutive equal statuses are merged so
    the picture's size follows the changes, not the evaluations."""
    starts: List[float] = []
    evaluation_ids: List[int] = []
    for entry in history:
        if not evaluation_ids or evaluation_ids[-1] != entry["evaluation"]:
            evaluation_ids.append(entry["evaluation"])
            starts.append(_seconds(entry["at"]))
    until = dict(zip(evaluation_ids, starts[1:] + [end]))
    result: Dict[str, List[Bar]] = {}
    for entry in history:
        start, stop = _seconds(entry["at"]), until[entry["evaluation"]]
        runs = result.setdefault(entry["subject"], [])
        if runs and runs[-1][2] == entry["status"] and runs[-1][3] == entry["drift"]:
            runs[-1] = (runs[-1][0], stop, entry["status"], entry["drift"])
        else:
            runs.append((start, stop, entry["status"], entry["drift"]))
    return result


def _text_at(seconds: float) -> str:
    return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).strftime("%d %b %H:%M")


def draw(history: List[Dict[str, Any]], report: Dict[str, Any]) -> str:
    if not history:
        return svg.document(LABEL_W + PLOT_W, AXIS_H, [svg.text(MARGIN, 20, "no evaluations yet")],
                            "timeline")
    first, last = _seconds(history[0]["at"]), _seconds(history[-1]["at"])
    # The latest status is shown for a twentieth of the span (an hour
    # when there is one evaluation), so it is visible too.
    end = last + max((last - first) / 20, 3600.0)

    def x(seconds: float) -> float:
        return LABEL_W + (seconds - first) / (end - first) * PLOT_W

    rows = subjects_in_plan_order(report)
    runs = bars(history, end)
    parts = _axis(first, end, x, len(rows))
    for index, (subject, kind) in enumerate(rows):
        y = AXIS_H + index * ROW_H
        parts.append(svg.text(MARGIN + (0 if kind == "stage" else 14), y + BAR_H - 2, subject,
                              font_weight="bold" if kind == "stage" else "normal"))
        parts.extend(_bar(subject, kind, bar, x, y) for bar in runs.get(subject, []))
    height = AXIS_H + len(rows) * ROW_H + MARGIN
    return svg.document(LABEL_W + PLOT_W + MARGIN, height, parts, "timeline")


def _axis(first: float, end: float, x: Any, row_count: int) -> List[str]:
    parts = []
    bottom = AXIS_H + row_count * ROW_H
    for tick in range(TICKS + 1):
        at = first + (end - first) * tick / TICKS
        parts.append(svg.element("line", x1=x(at), y1=AXIS_H - 6, x2=x(at), y2=bottom,
                                 stroke="#e0e0e0"))
        parts.append(svg.text(x(at), AXIS_H - 10, _text_at(at),
                              text_anchor="end" if tick == TICKS else "middle" if tick else "start",
                              fill="#555"))
    return parts


def _bar(subject: str, kind: str, bar: Bar, x: Any, y: float) -> str:
    start, stop, status, drift = bar
    tip = "%s: %s%s from %s to %s" % (subject, status, " (drift)" if drift else "",
                                      _text_at(start), _text_at(stop))
    return svg.element(
        "rect", svg.title(tip), x="%.1f" % x(start), y=y,
        width="%.1f" % max(x(stop) - x(start), 1.0), height=BAR_H,
        fill=palette.colour(status),
        stroke=palette.DRIFT if drift else "none", stroke_width=3 if drift else 0,
        class_="bar drift" if drift else "bar",
        data_subject=subject, data_kind=kind, data_status=status)
