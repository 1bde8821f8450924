"""The rows the portal keeps, read and written inside a transaction given
by the caller (engine.py decides where a unit of work begins and ends)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from .database import Cursor, Row


@dataclass(frozen=True)
class PlanVersion:
    digest: str
    name: str
    title: str
    body: str
    added_at: str


@dataclass(frozen=True)
class Rollout:
    name: str
    digest: str
    inputs: str          #: the facts document, as the library wrote it
    state: Optional[str]  #: session state of the last evaluation
    evaluated_at: Optional[str]
    revision: int


@dataclass(frozen=True)
class Evaluation:
    id: int
    rollout: str
    digest: str
    evaluated_at: str
    target_status: str
    report: Dict[str, Any]


# ------------------------------------------------------------------ plans

def add_plan_version(tx: Cursor, version: PlanVersion) -> bool:
    """Stores a plan version unless its digest is already there; returns
    whether it was new."""
    if tx.one("SELECT digest FROM plan_versions WHERE digest = ?", (version.digest,)):
        return False
    tx.run("INSERT INTO plan_versions (digest, name, title, body, added_at)"
           " VALUES (?, ?, ?, ?, ?)",
           (version.digest, version.name, version.title, version.body, version.added_at))
    return True


def plan_version(tx: Cursor, digest: str) -> Optional[PlanVersion]:
    row = tx.one("SELECT digest, name, title, body, added_at FROM plan_versions"
                 " WHERE digest = ?", (digest,))
    return PlanVersion(*row) if row else None


def plan_versions(tx: Cursor, name: str) -> List[PlanVersion]:
    """Every version of a plan, oldest first."""
    rows = tx.all("SELECT digest, name, title, body, added_at FROM plan_versions"
                  " WHERE name = ? ORDER BY added_at, digest", (name,))
    return [PlanVersion(*row) for row in rows]


# --------------------------------------------------------------- rollouts

def rollout(tx: Cursor, name: str, lock: bool = False) -> Optional[Rollout]:
    """A rollout; with lock, its row is locked until the transaction ends
    (PostgreSQL; SQLite's write transaction already excludes others)."""
    row = tx.one("SELECT name, digest, inputs, state, evaluated_at, revision"
                 " FROM rollouts WHERE name = ?" + ("{lock}" if lock else ""), (name,))
    return Rollout(*row) if row else None


def rollouts(tx: Cursor) -> List[Rollout]:
    rows = tx.all("SELECT name, digest, inputs, state, evaluated_at, revision"
                  " FROM rollouts ORDER BY name")
    return [Rollout(*row) for row in rows]


def create_rollout(tx: Cursor, name: str, digest: str) -> None:
    tx.run("INSERT INTO rollouts (name, digest, inputs, state, evaluated_at, revision)"
           " VALUES (?, ?, '{{}}', NULL, NULL, 0)", (name, digest))


def save_rollout(tx: Cursor, current: Rollout) -> None:
    tx.run("UPDATE rollouts SET digest = ?, inputs = ?, state = ?, evaluated_at = ?,"
           " revision = ? WHERE name = ?",
           (current.digest, current.inputs, current.state, current.evaluated_at,
            current.revision, current.name))


# ------------------------------------------------------------ inputs log

def log_fact(tx: Cursor, rollout_name: str, name: str, entry: Any, received_at: str) -> int:
    """Records one received fact.  `entry` is the fact as the library's
    inputs document gives it back: a bare value, or a wrapper with value,
    observed_at, source and evidence."""
    wrapper = entry if isinstance(entry, dict) and "value" in entry else {"value": entry}
    return tx.insert(
        "INSERT INTO facts (rollout, name, value, observed_at, source, evidence, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (rollout_name, name, json.dumps(wrapper.get("value")), wrapper.get("observed_at"),
         wrapper.get("source"), wrapper.get("evidence"), received_at))


def fact_log(tx: Cursor, rollout_name: str, name: Optional[str] = None,
             limit: int = 1000) -> List[Dict[str, Any]]:
    """Received facts, newest first."""
    where, params = "rollout = ?", [rollout_name]
    if name is not None:
        where += " AND name = ?"
        params.append(name)
    rows = tx.all("SELECT id, name, value, observed_at, source, evidence, received_at"
                  " FROM facts WHERE " + where + " ORDER BY id DESC LIMIT ?",
                  (*params, limit))
    keys = ("id", "name", "value", "observed_at", "source", "evidence", "received_at")
    return [dict(zip(keys, (*row[:2], json.loads(row[2]), *row[3:]))) for row in rows]


def log_progress(tx: Cursor, rollout_name: str, stage: str, entry: Any, received_at: str) -> None:
    tx.insert("INSERT INTO progress (rollout, stage, entry, received_at) VALUES (?, ?, ?, ?)",
              (rollout_name, stage, json.dumps(entry), received_at))


def log_approval(tx: Cursor, rollout_name: str, entry: Dict[str, Any], received_at: str) -> None:
    tx.insert("INSERT INTO approvals (rollout, stage, role, approver, entry, received_at)"
              " VALUES (?, ?, ?, ?, ?, ?)",
              (rollout_name, str(entry.get("stage", "")), str(entry.get("role", "")),
               str(entry.get("by", "")), json.dumps(entry), received_at))


# ------------------------------------------------------------ evaluations

def add_evaluation(tx: Cursor, rollout_name: str, digest: str,
                   report: Dict[str, Any]) -> int:
    """Stores a report and one status row per stage and per gate."""
    evaluation_id = tx.insert(
        "INSERT INTO evaluations (rollout, digest, evaluated_at, target_status, report)"
        " VALUES (?, ?, ?, ?, ?)",
        (rollout_name, digest, report["evaluated_at"], report["target"]["status"],
         json.dumps(report, separators=(",", ":"))))
    # Gates carry no drift flag of their own in the report: its "drift"
    # list names each drifting gate.
    drifting = {entry.get("gate") for entry in report.get("drift", [])}
    rows: List[Tuple[Any, ...]] = []
    for stage in report["stages"]:
        rows.append((evaluation_id, stage["id"], "stage", stage["status"],
                     int(bool(stage["drift"]))))
        for gate in stage["gates"]:
            subject = stage["id"] + "/" + gate["id"]
            rows.append((evaluation_id, subject, "gate", gate["status"],
                         int(subject in drifting)))
    tx.run_many("INSERT INTO statuses (evaluation_id, subject, kind, status, drift)"
                " VALUES (?, ?, ?, ?, ?)", rows)
    return evaluation_id


def latest_evaluation(tx: Cursor, rollout_name: str) -> Optional[Evaluation]:
    row = tx.one("SELECT id, rollout, digest, evaluated_at, target_status, report"
                 " FROM evaluations WHERE rollout = ? ORDER BY id DESC LIMIT 1",
                 (rollout_name,))
    return _evaluation(row) if row else None


def evaluations(tx: Cursor, rollout_name: str, limit: int = 50) -> List[Evaluation]:
    """The latest evaluations, newest first."""
    rows = tx.all("SELECT id, rollout, digest, evaluated_at, target_status, report"
                  " FROM evaluations WHERE rollout = ? ORDER BY id DESC LIMIT ?",
                  (rollout_name, limit))
    return [_evaluation(row) for row in rows]


def _evaluation(row: Row) -> Evaluation:
    return Evaluation(id=int(row[0]), rollout=row[1], digest=row[2], evaluated_at=row[3],
                      target_status=row[4], report=json.loads(row[5]))


def status_history(tx: Cursor, rollout_name: str, limit: int = 500) -> List[Dict[str, Any]]:
    """Each stage's and gate's status at each of the latest `limit`
    evaluations, oldest first: the timeline's data."""
    rows = tx.all(
        "SELECT e.id, e.evaluated_at, s.subject, s.kind, s.status, s.drift"
        " FROM statuses s JOIN evaluations e ON e.id = s.evaluation_id"
        " WHERE e.id IN (SELECT id FROM evaluations WHERE rollout = ?"
        "                ORDER BY id DESC LIMIT ?)"
        " ORDER BY e.id, s.kind DESC, s.subject", (rollout_name, limit))
    keys = ("evaluation", "at", "subject", "kind", "status", "drift")
    return [dict(zip(keys, (*row[:5], bool(row[5])))) for row in rows]
