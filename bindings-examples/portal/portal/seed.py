"""Seeds an empty database from the bundled examples (examples/*/): each
example's story.json is replayed step by step (its plan version, its facts
document, its instant), so a new portal starts with history: evaluations
over weeks, soaks, drift episodes, a plan that changed version."""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any, Dict, List

from . import store
from .engine import Engine, utc_text


def examples_dir() -> str:
    """The repository's examples/, found from this file's place."""
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "examples"))


def is_empty(engine: Engine) -> bool:
    with engine.db.transaction(write=False) as tx:
        return not store.rollouts(tx)


def seed(engine: Engine, directory: str) -> List[str]:
    """Replays every example's story; returns the rollouts' names."""
    names = []
    for example in sorted(os.listdir(directory)):
        story = os.path.join(directory, example, "story.json")
        if os.path.isfile(story):
            names.append(replay_story(engine, os.path.join(directory, example), story))
    return names


def replay_story(engine: Engine, folder: str, story_path: str) -> str:
    with open(story_path, encoding="utf-8") as f:
        steps: List[Dict[str, Any]] = json.load(f)["steps"]
    name = ""
    for step in steps:
        instant = _dt.datetime.fromisoformat(step["now"])
        with open(os.path.join(folder, step["plan"]), encoding="utf-8") as f:
            version = engine.add_plan(f.read(), received_at=utc_text(instant))
        name = version.name
        with open(os.path.join(folder, step["facts"]), encoding="utf-8") as f:
            document = json.load(f)
        engine.replace_inputs(name, document, now=instant)
    return name
