"""The portal's settings, from the command line with environment variables
as defaults, so that a service manager can configure it either way."""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import secrets
import sys
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

DEFAULT_MAX_BODY_BYTES = 1 << 20   # a facts document from monitoring is a few KiB


@dataclass(frozen=True)
class Config:
    database: str          #: a file path, sqlite:///path or postgresql://...
    host: str
    port: int
    token: str             #: every write needs it (auth.py)
    max_body_bytes: int
    seed_dir: Optional[str]  #: examples/ to seed an empty database from, or None
    fixed_now: Optional[_dt.datetime]  #: evaluation instant for demos and tests


def read_token(environ: Mapping[str, str], token_file: Optional[str]) -> Optional[str]:
    """The write token: the file's first line, else $ROLLGATE_PORTAL_TOKEN.
    A file keeps it out of the process list and the environment."""
    path = token_file or environ.get("ROLLGATE_PORTAL_TOKEN_FILE")
    if path:
        with open(path, encoding="utf-8") as f:
            token = f.readline().strip()
        if not token:
            raise SystemExit("portal: token file %s is empty" % path)
        return token
    return environ.get("ROLLGATE_PORTAL_TOKEN") or None


def parse(argv: Sequence[str], environ: Mapping[str, str] = os.environ,
          examples: Callable[[], str] = lambda: "") -> Config:
    env = environ.get
    parser = argparse.ArgumentParser(prog="python3 -m portal",
                                     description="The rollgate readiness portal.")
    parser.add_argument("--database", default=env("ROLLGATE_PORTAL_DATABASE", "portal.db"),
                        help="SQLite file (created on first start) or postgresql:// URL")
    parser.add_argument("--host", default=env("ROLLGATE_PORTAL_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(env("ROLLGATE_PORTAL_PORT", "8080")))
    parser.add_argument("--token-file", default=None,
                        help="file whose first line is the write token"
                             " (else $ROLLGATE_PORTAL_TOKEN_FILE or $ROLLGATE_PORTAL_TOKEN)")
    parser.add_argument("--max-body-bytes", type=int,
                        default=int(env("ROLLGATE_PORTAL_MAX_BODY_BYTES",
                                        str(DEFAULT_MAX_BODY_BYTES))))
    parser.add_argument("--no-seed", action="store_true",
                        help="do not seed an empty database from the examples")
    parser.add_argument("--now", default=env("ROLLGATE_PORTAL_NOW"),
                        help="evaluate at this RFC 3339 instant instead of the clock;"
                             " 'frozen': at each rollout's latest evaluation (the"
                             " examples' stories are set in 2026 and 2027)")
    args = parser.parse_args(list(argv))
    token = read_token(environ, args.token_file)
    if token is None:
        # No token configured: make one for this run rather than accept
        # writes from anyone who can reach the port.
        token = secrets.token_urlsafe(24)
        print("portal: no token configured; writes need this one: %s" % token,
              file=sys.stderr)
    return Config(
        database=args.database, host=args.host, port=args.port, token=token,
        max_body_bytes=args.max_body_bytes,
        seed_dir=None if args.no_seed else examples(),
        fixed_now=_fixed_now(args.now))


def _fixed_now(text: Optional[str]) -> Optional[_dt.datetime]:
    if not text:
        return None
    if text == "frozen":
        # The engine never evaluates before a rollout's latest evaluation,
        # so the earliest instant there is means "at the latest one".
        return _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
    return _dt.datetime.fromisoformat(text)
