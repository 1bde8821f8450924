"""The stage graph drawn by the portal from a report: stages in columns by
depth (the longest chain of `after` before them), each a box coloured by
its status and linked to its page, with an arrow from every stage it waits
for.  Drawn here rather than by `rollgate graph --format svg`, which needs
Graphviz and a process per picture."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Dict, List, Tuple

from . import palette, svg

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 190, 46, 60, 18, 12


def predecessors(stages: List[Dict[str, Any]]) -> Dict[str, List[str]]:
    """The stages each stage waits for.  `after` may name a matrix stage
    ("wave"), which stands for all of its expansions (wave-north, ...)."""
    expansions: Dict[str, List[str]] = {}
    for stage in stages:
        if stage.get("matrix"):
            expansions.setdefault(stage["matrix"], []).append(stage["id"])
    return {stage["id"]: [e for a in stage.get("after", []) for e in expansions.get(a, [a])]
            for stage in stages}


def depths(stages: List[Dict[str, Any]], before: Dict[str, List[str]]) -> Dict[str, int]:
    """Each stage's column.  The report lists stages in plan order, where
    every stage comes after those it waits for, so one pass suffices."""
    depth: Dict[str, int] = {}
    for stage in stages:
        depth[stage["id"]] = 1 + max((depth.get(a, -1) for a in before[stage["id"]]),
                                     default=-1)
    return depth


def layout(stages: List[Dict[str, Any]],
           depth: Dict[str, int]) -> Dict[str, Tuple[int, int]]:
    """Top-left corner of each stage's box."""
    rows: Dict[int, int] = {}
    corners = {}
    for stage in stages:
        column = depth[stage["id"]]
        row = rows.get(column, 0)
        rows[column] = row + 1
        corners[stage["id"]] = (MARGIN + column * (BOX_W + GAP_X),
                                MARGIN + row * (BOX_H + GAP_Y))
    return corners


def arrow(start: Tuple[int, int], end: Tuple[int, int]) -> str:
    (x1, y1), (x2, y2) = start, end
    x1, y1, x2, y2 = x1 + BOX_W, y1 + BOX_H // 2, x2, y2 + BOX_H // 2
    bend = (x1 + x2) // 2
    return svg.element("path", d="M%d %d C%d %d %d %d %d %d" % (x1, y1, bend, y1, bend, y2, x2, y2),
                       fill="none", stroke="#607d8b", stroke_width=1.5,
                       marker_end="url(#arrowhead)")


def stage_box(stage: Dict[str, Any], corner: Tuple[int, int], href: str) -> str:
    x, y = corner
    status = stage["status"]
    label = stage.get("title") or stage["id"]
    parts = [
        svg.title("%s: %s" % (stage["id"], status)),
        svg.element("rect", x=x, y=y, width=BOX_W, height=BOX_H, rx=6,
                    fill=palette.colour(status), stroke=palette.DRIFT if stage.get("drift") else "none",
                    stroke_width=3),
        svg.text(x + 8, y + 18, _clip(label, 26), fill="#fff", font_weight="bold"),
        svg.text(x + 8, y + 36, status + (" · drift" if stage.get("drift") else ""), fill="#fff"),
    ]
    return svg.element("a", "".join(parts), href=href, class_="stage",
                       data_stage=stage["id"], data_status=status)


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def draw(report: Dict[str, Any], stage_href: Callable[[str], str]) -> str:
    stages = report["stages"]
    before = predecessors(stages)
    depth = depths(stages, before)
    corners = layout(stages, depth)
    per_column = Counter(depth.values())
    columns = 1 + max(per_column, default=0)
    rows = max(per_column.values(), default=1)
    width = 2 * MARGIN + columns * BOX_W + (columns - 1) * GAP_X
    height = 2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y
    marker = svg.element("defs", svg.element(
        "marker", svg.element("path", d="M0 0 L8 4 L0 8 z", fill="#607d8b"),
        id="arrowhead", markerWidth=8, markerHeight=8, refX=8, refY=4, orient="auto"))
    arrows = [arrow(corners[a], corners[s["id"]])
              for s in stages for a in before[s["id"]] if a in corners]
    boxes = [stage_box(s, corners[s["id"]], stage_href(s["id"])) for s in stages]
    return svg.document(width, height, [marker] + arrows + boxes, "stage graph")
