"""The HTML pages: rollouts, dashboard, stage, timeline, what-if, plan
history, and the "record a fact" form.  Templates are Jinja2 with
autoescaping, so every title, id, message and value from a plan or facts
is rendered as text; the two pictures are SVG written by graph_svg and
timeline_svg, which escape their texts themselves."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, url_for
from markupsafe import Markup

import rollgate

from . import context, forms, graph_svg, palette, timeline_svg, views
from .auth import authorized
from .engine import UnknownRollout
from .problems import PortalError, from_rollgate, not_found

blueprint = Blueprint("pages", __name__)

SVG = "image/svg+xml"


def _stage_href(name: str) -> Any:
    return lambda stage: url_for("pages.stage", name=name, stage=stage)


@blueprint.get("/")
def index() -> str:
    with context.engine().db.transaction(write=False) as tx:
        rollouts = views.rollout_list(tx)
    return render_template("index.html", rollouts=rollouts, colour=palette.colour)


def _dashboard(name: str, status: int = 200, error: Any = None, form: Any = None) -> Any:
    with context.engine().db.transaction(write=False) as tx:
        data = views.dashboard(tx, name)
        report = views.timeline(tx, name)["report"]
        facts = views.facts(tx, name, context.engine())["facts"]
    graph = Markup(graph_svg.draw(report, _stage_href(name)))  # escaped by svg.py
    return render_template("dashboard.html", name=name, d=data, graph=graph, facts=facts,
                           error=error, form=form or {}, colour=palette.colour), status


@blueprint.get("/rollouts/<name>")
def dashboard(name: str) -> Any:
    return _dashboard(name)


@blueprint.post("/rollouts/<name>/facts")
def record_fact(name: str) -> Any:
    """The form's fact: refused with the reason on the page (and nothing
    stored) when the token is wrong or the library refuses the value."""
    if not authorized(request, context.config().token):
        return _dashboard(name, 401, PortalError(401, "unauthorized", "the token is not right"),
                          request.form)
    try:
        context.engine().push(name, forms.fact_push(request.form))
    except rollgate.RollgateError as e:
        return _dashboard(name, 422, from_rollgate(e), request.form)
    except PortalError as e:
        return _dashboard(name, e.status, e, request.form)
    except UnknownRollout:
        raise not_found("no rollout named %r" % name) from None
    return redirect(url_for("pages.dashboard", name=name), 303)


@blueprint.get("/rollouts/<name>/stages/<stage>")
def stage(name: str, stage: str) -> str:
    with context.engine().db.transaction(write=False) as tx:
        data = views.stage(tx, name, stage)
    return render_template("stage.html", name=name, d=data, colour=palette.colour)


@blueprint.get("/rollouts/<name>/timeline")
def timeline(name: str) -> str:
    with context.engine().db.transaction(write=False) as tx:
        data = views.timeline(tx, name)
    picture = Markup(timeline_svg.draw(data["history"], data["report"]))  # escaped by svg.py
    return render_template("timeline.html", name=name, plan=data["report"]["plan"],
                           picture=picture, colour=palette.colour, palette=palette)


@blueprint.get("/palette.css")
def palette_css() -> Response:
    """The status colours as CSS classes, from the one palette the
    pictures use too."""
    rules = "".join(".s-%s{--c:%s}\n" % (status, colour)
                    for status, colour in palette.COLOURS.items())
    return Response(rules, mimetype="text/css")


@blueprint.get("/rollouts/<name>/graph.svg")
def graph_picture(name: str) -> Response:
    with context.engine().db.transaction(write=False) as tx:
        report = views.timeline(tx, name)["report"]
    return Response(graph_svg.draw(report, _stage_href(name)), mimetype=SVG)


@blueprint.get("/rollouts/<name>/timeline.svg")
def timeline_picture(name: str) -> Response:
    with context.engine().db.transaction(write=False) as tx:
        data = views.timeline(tx, name)
    return Response(timeline_svg.draw(data["history"], data["report"]), mimetype=SVG)


@blueprint.route("/rollouts/<name>/what-if", methods=["GET", "POST"])
def what_if(name: str) -> Any:
    """The form lists every declared fact with its value; on submit, the
    changed ones are evaluated as a what-if, which stores nothing."""
    with context.engine().db.transaction(write=False) as tx:
        facts = views.facts(tx, name, context.engine())["facts"]
    result, error, status = None, None, 200
    if request.method == "POST":
        current = {f["name"]: f["value"] for f in facts}
        patch = forms.what_if_patch(request.form, current)
        try:
            result = views.what_if(context.engine(), name, patch)
        except rollgate.RollgateError as e:
            error, status = from_rollgate(e), 422
    return render_template("what_if.html", name=name, facts=facts, form=request.form,
                           result=result, error=error, colour=palette.colour,
                           to_text=forms.value_text), status


@blueprint.get("/rollouts/<name>/history")
def history(name: str) -> str:
    with context.engine().db.transaction(write=False) as tx:
        data = views.history(tx, name, context.engine())
    return render_template("history.html", name=name, d=data)
