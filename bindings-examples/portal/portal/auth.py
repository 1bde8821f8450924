"""The write token: every request that changes stored data carries it, as
`Authorization: Bearer TOKEN` (monitoring, scripts) or as the form field
`token` (the portal's own forms)."""

from __future__ import annotations

import hmac
from typing import Optional

from flask import Request


def presented_token(request: Request) -> Optional[str]:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[len("Bearer "):].strip()
    if request.mimetype == "application/x-www-form-urlencoded":
        return request.form.get("token")
    return None


def authorized(request: Request, token: str) -> bool:
    """Compares in constant time, so the response time tells nothing
    about how much of a guess was right."""
    presented = presented_token(request)
    return presented is not None and hmac.compare_digest(
        presented.encode("utf-8"), token.encode("utf-8"))
