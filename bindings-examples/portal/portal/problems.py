"""Errors as JSON problem documents (RFC 9457, application/problem+json)
for the API, and as the same fields for the pages: the library's located
problems are passed on whole, so a client sees the pointer and the
suggestion rollgate gave."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import rollgate


class PortalError(Exception):
    """A request the portal refuses, with its HTTP status."""

    def __init__(self, status: int, title: str, detail: str,
                 problems: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.problems = list(problems or [])

    def document(self) -> Dict[str, Any]:
        return {"type": "about:blank", "title": self.title, "status": self.status,
                "detail": self.detail, "problems": self.problems}


def from_rollgate(error: rollgate.RollgateError) -> PortalError:
    """A library refusal: the input was malformed (422), or a limit or
    deadline stopped the evaluation (also the input's doing)."""
    problems = [{"kind": p.kind, "message": p.message, "file": p.file,
                 "pointer": p.pointer, "subject": p.subject, "line": p.line,
                 "column": p.column, "suggestion": p.suggestion}
                for p in error.problems]
    return PortalError(422, "rollgate refused the input (%s)" % error.status,
                       error.message, problems)


def bad_request(detail: str) -> PortalError:
    return PortalError(400, "bad request", detail)


def not_found(detail: str) -> PortalError:
    return PortalError(404, "not found", detail)
