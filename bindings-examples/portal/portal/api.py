"""The JSON endpoints: the pages' data (views.py), the what-if, the fact
push from monitoring and the plan upload.  Writes need the token."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from . import context
from . import forms, views
from .auth import authorized
from .engine import UnknownRollout
from .problems import PortalError, bad_request, not_found

blueprint = Blueprint("api", __name__)


def _json_body() -> Any:
    body = request.get_json(silent=True)
    if body is None:
        raise bad_request("the body must be JSON (Content-Type: application/json)")
    return body


def _require_token() -> None:
    if not authorized(request, context.config().token):
        raise PortalError(401, "unauthorized",
                          "writes need the portal's token: Authorization: Bearer TOKEN")


def _read(view: Any, *args: Any) -> Response:
    with context.engine().db.transaction(write=False) as tx:
        return jsonify(view(tx, *args))


@blueprint.get("/rollouts")
def rollouts() -> Response:
    return _read(views.rollout_list)


@blueprint.get("/rollouts/<name>")
def dashboard(name: str) -> Response:
    return _read(views.dashboard, name)


@blueprint.get("/rollouts/<name>/report")
def report(name: str) -> Response:
    return _read(lambda tx, n: views.timeline(tx, n)["report"], name)


@blueprint.get("/rollouts/<name>/stages/<stage>")
def stage(name: str, stage: str) -> Response:
    return _read(views.stage, name, stage)


@blueprint.get("/rollouts/<name>/timeline")
def timeline(name: str) -> Response:
    return _read(lambda tx, n: views.timeline(tx, n)["history"], name)


@blueprint.get("/rollouts/<name>/history")
def history(name: str) -> Response:
    return _read(views.history, name, context.engine())


@blueprint.get("/rollouts/<name>/facts")
def facts(name: str) -> Response:
    return _read(views.facts, name, context.engine())


@blueprint.post("/rollouts/<name>/what-if")
def what_if(name: str) -> Response:
    """Reads only, so it needs no token."""
    body = _json_body()
    patch = body if isinstance(body, dict) and "facts" in body else forms.pushed_document(body)
    return jsonify(views.what_if(context.engine(), name, patch))


@blueprint.post("/rollouts/<name>/facts")
def push_facts(name: str) -> Any:
    """One fact or a facts document from monitoring; validated by the
    library, stored with the evaluation it leads to, in one transaction."""
    _require_token()
    document = forms.pushed_document(_json_body())
    try:
        evaluation = context.engine().push(name, document)
    except UnknownRollout:
        raise not_found("no rollout named %r" % name) from None
    return jsonify({"evaluation": evaluation.id, "evaluated_at": evaluation.evaluated_at,
                    "target": evaluation.report["target"]}), 201


@blueprint.post("/plans")
def add_plan() -> Any:
    """A plan (JSON) as a new version of the rollout of its name."""
    _require_token()
    version = context.engine().add_plan(request.get_data(as_text=True))
    return jsonify({"name": version.name, "digest": version.digest}), 201
