"""The Flask application: settings, the two groups of routes (pages.py for
people, api.py for programs), and how refusals are answered: a JSON
problem document under /api/, an error page elsewhere."""

from __future__ import annotations

from typing import Any, Tuple

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

import rollgate

from . import api, pages
from .config import Config
from .context import config
from .engine import Engine
from .problems import PortalError, from_rollgate

# No inline script or style anywhere: a title that smuggles markup past
# the escaping still cannot run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(config: Config, engine: Engine) -> Flask:
    app = Flask(__name__)
    # Werkzeug refuses larger bodies with 413 before a view reads them.
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.config["PORTAL"] = config
    app.config["ENGINE"] = engine
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(api.blueprint, url_prefix="/api")
    app.register_error_handler(PortalError, _refusal)
    app.register_error_handler(rollgate.RollgateError,
                               lambda e: _refusal(from_rollgate(e)))
    app.register_error_handler(HTTPException, _http_error)
    app.before_request(_limit_body)
    app.after_request(_secure)
    return app


def _limit_body() -> None:
    """Refuses a body over the limit before anything reads it.  Werkzeug's
    MAX_CONTENT_LENGTH covers form parsing only, not get_json(); a body
    of unknown length (chunked) could not be bounded without reading it,
    so it is refused too."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    limit = config().max_body_bytes
    length = request.content_length
    if length is None and request.headers.get("Transfer-Encoding"):
        raise PortalError(411, "length required",
                          "send the body with a Content-Length (at most %d bytes)" % limit)
    if length is not None and length > limit:
        raise PortalError(413, "request entity too large",
                          "the request body is %d bytes, over the portal's limit of %d bytes"
                          % (length, limit))


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _refusal(error: PortalError) -> Tuple[Any, int]:
    if _wants_json():
        response = jsonify(error.document())
        response.mimetype = "application/problem+json"
        return response, error.status
    return render_template("error.html", error=error), error.status


def _http_error(error: HTTPException) -> Any:
    if error.code is None or error.code < 400:
        return error
    detail = error.description or error.name
    if error.code == 413:
        detail = "the request body is over the portal's limit of %d bytes" % config().max_body_bytes
    return _refusal(PortalError(error.code, error.name.lower(), detail))


def _secure(response: Response) -> Response:
    for header, value in SECURITY_HEADERS.items():
        response.headers.setdefault(header, value)
    return response
