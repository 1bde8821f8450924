"""Reading the pages' forms into the facts documents the library takes.
A value is read as JSON when it is JSON (99.5, true, ["a"]) and as a
string otherwise, so that a person need not quote text; the library then
checks it against the fact's declared type."""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping

from .problems import bad_request


def value_of(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def what_if_patch(form: Mapping[str, str], current: Dict[str, Any]) -> Dict[str, Any]:
    """The facts whose field (fact:NAME) differs from the current value;
    an emptied field makes the fact missing."""
    patch: Dict[str, Any] = {}
    for key, text in form.items():
        if not key.startswith("fact:"):
            continue
        name = key[len("fact:"):]
        value = value_of(text) if text.strip() else None
        if value != current.get(name):
            patch[name] = value
    return {"facts": patch}


def fact_push(form: Mapping[str, str]) -> Dict[str, Any]:
    """One fact from the "record a fact" form, as a facts document."""
    name = form.get("name", "").strip()
    if not name:
        raise bad_request("a fact name is needed")
    entry: Dict[str, Any] = {"value": value_of(form.get("value", ""))}
    for field in ("observed_at", "source", "evidence"):
        if form.get(field, "").strip():
            entry[field] = form[field].strip()
    return {"facts": {name: entry}}


def pushed_document(body: Any) -> Dict[str, Any]:
    """The API's fact push body: a facts document ({"facts": ...,
    "progress": ..., "approvals": ...}) or one fact ({"name": ...,
    "value": ..., "observed_at": ..., "source": ..., "evidence": ...})."""
    if not isinstance(body, dict):
        raise bad_request("the body must be a JSON object: one fact or a facts document")
    if "name" in body:
        name = body["name"]
        if not isinstance(name, str) or not name:
            raise bad_request("\"name\" must be a fact's name")
        if "value" not in body:
            raise bad_request("one fact needs a \"value\" (null makes it missing)")
        return {"facts": {name: {k: v for k, v in body.items() if k != "name"}}}
    if not set(body) & {"facts", "progress", "approvals"}:
        raise bad_request("a facts document has \"facts\", \"progress\" or \"approvals\";"
                          " one fact has \"name\" and \"value\"")
    return body


def value_text(value: Any) -> str:
    """A value as a form field shows it: strings bare, the rest as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)
