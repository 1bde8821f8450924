"""The running application's engine and settings, for the routes: kept in
Flask's app.config (set by app.create_app), not in module globals, so that
tests may run several portals in one process."""

from __future__ import annotations

from flask import current_app

from .config import Config
from .engine import Engine


def engine() -> Engine:
    result: Engine = current_app.config["ENGINE"]
    return result


def config() -> Config:
    result: Config = current_app.config["PORTAL"]
    return result
