"""Starting the portal: settings, database migrations, the first-start
seed, and a threaded HTTP server (werkzeug's, which Flask brings; one
thread per request, and each request does its own transaction)."""

from __future__ import annotations

import datetime as _dt
import sys
from typing import Sequence

from werkzeug.serving import make_server

from . import schema, seed
from .app import create_app
from .config import Config, parse
from .database import Database
from .engine import Clock, Engine, wall_clock


def fixed_clock(instant: _dt.datetime) -> Clock:
    return lambda: instant


def build(config: Config) -> Engine:
    """The engine on a migrated database, seeded when it is empty."""
    db = Database(config.database)
    schema.migrate(db)
    engine = Engine(db, fixed_clock(config.fixed_now) if config.fixed_now else wall_clock)
    if config.seed_dir and seed.is_empty(engine):
        seed.seed(engine, config.seed_dir)
    return engine


def main(argv: Sequence[str]) -> int:
    config = parse(argv, examples=seed.examples_dir)
    engine = build(config)
    server = make_server(config.host, config.port, create_app(config, engine), threaded=True)
    # The port actually bound (with --port 0 the system picks a free one);
    # tests read this line to find the portal.
    print("portal: listening on http://%s:%d/" % (config.host, server.server_port),
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        engine.db.close()
    return 0
