"""One colour per status, shared by the stage graph, the timeline and the
pages' legend, so a status looks the same everywhere.  Good and bad are
told apart by more than hue: the pictures also write the status as text."""

from __future__ import annotations

COLOURS = {
    # stages
    "done": "#2e7d32", "ready": "#1565c0", "in_progress": "#00838f",
    "soaking": "#8e24aa", "waiting": "#9e9e9e", "blocked": "#c62828",
    "unknown": "#f9a825", "frozen": "#455a64", "held": "#6d4c41",
    "cancelled": "#616161",
    # gates
    "pass": "#2e7d32", "fail": "#c62828", "error": "#ad1457",
    # the target
    "not_ready": "#c62828",
}
FALLBACK = "#757575"
DRIFT = "#ff6f00"   # the drift marker: a gate that passed when its stage started fails now


def colour(status: str) -> str:
    return COLOURS.get(status, FALLBACK)
