"""What the pages and the JSON endpoints show, built from stored rows:
one function per page, each returning plain data (dicts and lists) that a
template renders or the API returns as JSON, so both always agree."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import rollgate

from . import store
from .database import Cursor
from .engine import Engine, UnknownRollout
from .problems import not_found

RECENT_EVALUATIONS = 10


def rollout_list(tx: Cursor) -> List[Dict[str, Any]]:
    result = []
    for current in store.rollouts(tx):
        latest = store.latest_evaluation(tx, current.name)
        version = store.plan_version(tx, current.digest)
        result.append({"name": current.name, "title": version.title if version else current.name,
                       "digest": current.digest, "evaluated_at": current.evaluated_at,
                       "target": latest.report["target"] if latest else None})
    return result


def _latest(tx: Cursor, name: str) -> store.Evaluation:
    latest = store.latest_evaluation(tx, name)
    if latest is None:
        if store.rollout(tx, name) is None:
            raise not_found("no rollout named %r" % name)
        raise not_found("rollout %r has not been evaluated yet: push facts first" % name)
    return latest


def dashboard(tx: Cursor, name: str) -> Dict[str, Any]:
    """The target and what blocks it (with owners), the stages ready to
    start, drift, and the transitions of the latest evaluations."""
    latest = _latest(tx, name)
    report = latest.report
    transitions = [t for e in store.evaluations(tx, name, RECENT_EVALUATIONS)
                   for t in reversed(e.report.get("transitions", []))]
    titles = {s["id"]: s.get("title") or s["id"] for s in report["stages"]}
    return {"name": name, "plan": report["plan"], "evaluated_at": report["evaluated_at"],
            "evaluation": latest.id, "target": report["target"],
            "blockers": report["blockers"], "drift": report["drift"],
            "next": [{"id": s, "title": titles.get(s, s)} for s in report["next"]],
            "stages": [{k: s.get(k) for k in ("id", "title", "owner", "status", "since",
                                              "drift", "reasons")} for s in report["stages"]],
            "transitions": transitions, "warnings": report.get("warnings", [])}


def stage(tx: Cursor, name: str, stage_id: str) -> Dict[str, Any]:
    """One stage as the latest evaluation saw it: every gate with status,
    expression, the values it read with their evidence and staleness, and
    the approvals, counted and refused."""
    report = _latest(tx, name).report
    for entry in report["stages"]:
        if entry["id"] == stage_id:
            current = store.rollout(tx, name)
            inputs = json.loads(current.inputs) if current else {}
            return {"name": name, "plan": report["plan"],
                    "evaluated_at": report["evaluated_at"], "stage": entry,
                    "approvals": approvals(entry, inputs)}
    raise not_found("rollout %r has no stage %r" % (name, stage_id))


def approvals(entry: Dict[str, Any], inputs: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Each required approval with the approvers the library counted and
    those given that it did not count: the report lists only the counted
    ones, so the refused are the stored approvals for the stage and role
    whose approver is not among them (the stage's requester's own approval
    does not count, docs/FACTS.md)."""
    requester = ((inputs.get("progress") or {}).get(entry["id"]) or {}).get("requested_by")
    given = [a for a in inputs.get("approvals") or [] if a.get("stage") == entry["id"]]
    result = []
    for required in entry.get("approvals", []):
        counted = set(required.get("approvers") or [])
        refused = [{"by": a["by"], "why": "requested the stage" if a["by"] == requester
                    else "not counted"}
                   for a in given if a.get("role") == required["role"] and a["by"] not in counted]
        result.append(dict(required, refused=refused))
    return result


def facts(tx: Cursor, name: str, engine: Engine) -> Dict[str, Any]:
    """The declared facts with their current values: the what-if and fact
    forms' fields."""
    current = store.rollout(tx, name)
    if current is None:
        raise not_found("no rollout named %r" % name)
    version = store.plan_version(tx, current.digest)
    assert version is not None
    values = json.loads(current.inputs).get("facts", {})
    declared = engine.plans.get(version).facts()
    return {"name": name, "facts": [
        {"name": f.name, "type": f.type, "owner": f.owner, "unit": f.unit,
         "description": f.description, "value": _bare(values.get(f.name))}
        for f in declared]}


def _bare(entry: Any) -> Any:
    return entry["value"] if isinstance(entry, dict) and "value" in entry else entry


def history(tx: Cursor, name: str, engine: Engine) -> Dict[str, Any]:
    """Every version of the plan, oldest first, each with its diff from
    the one before (rollgate_plan_diff; loosened changes marked)."""
    versions = store.plan_versions(tx, name)
    if not versions:
        raise not_found("no rollout named %r" % name)
    entries: List[Dict[str, Any]] = []
    previous: Optional[rollgate.Plan] = None
    for version in versions:
        plan = engine.plans.get(version)
        diff = previous.diff(plan) if previous is not None else None
        entries.append({"digest": version.digest, "title": version.title,
                        "added_at": version.added_at, "diff": diff})
        previous = plan
    return {"name": name, "versions": entries}


def timeline(tx: Cursor, name: str) -> Dict[str, Any]:
    latest = _latest(tx, name)
    return {"name": name, "report": latest.report,
            "history": store.status_history(tx, name)}


def what_if(engine: Engine, name: str, patch: Dict[str, Any]) -> Dict[str, Any]:
    """Which stages and gates the patch would change; stores nothing."""
    try:
        report = engine.what_if(name, patch)
    except UnknownRollout:
        raise not_found("no rollout named %r" % name) from None
    return {"name": name, "patch": patch, "evaluated_at": report["evaluated_at"],
            "changes": report.get("what_if", {}).get("changes", []),
            "target": report["target"]}
