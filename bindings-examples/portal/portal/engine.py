"""Every change to a rollout as one unit of work: in one transaction, the
rollout's row is locked, a session is rebuilt from the stored plan, inputs
and state, the change is applied by the library (which validates it: a
malformed change raises RollgateError and the transaction rolls back, so
nothing is stored), the rollout is evaluated, and the inputs, the new
state, the log rows and the evaluation are written together.

The database, not the process, holds the truth: several portal processes
on one PostgreSQL database see each other's changes, and a session lives
only for one unit of work (a rollgate Session belongs to one thread)."""

from __future__ import annotations

import datetime as _dt
import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import rollgate

from . import store
from .database import Cursor, Database

Change = Callable[[rollgate.Session], None]
Clock = Callable[[], _dt.datetime]


def utc_text(instant: _dt.datetime) -> str:
    return instant.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def wall_clock() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class Received:
    """What a change brought, for the log tables: the names of the facts
    it set, the stages whose progress it set, its approvals."""
    facts: List[str]
    progress: List[str]
    approvals: List[Dict[str, Any]]

    @staticmethod
    def of_document(document: Dict[str, Any]) -> "Received":
        return Received(list(document.get("facts", {}) or {}),
                        list(document.get("progress", {}) or {}),
                        list(document.get("approvals", []) or []))


class PlanCache:
    """Compiled plans by digest.  A rollgate Plan may be shared by any
    number of threads, and compiling one per request would cost more than
    the evaluation."""

    def __init__(self) -> None:
        self._plans: Dict[str, rollgate.Plan] = {}
        self._lock = threading.Lock()

    def get(self, version: store.PlanVersion) -> rollgate.Plan:
        with self._lock:
            plan = self._plans.get(version.digest)
            if plan is None:
                plan = rollgate.Plan.compile(version.body, "plan:" + version.name)
                self._plans[version.digest] = plan
            return plan


class UnknownRollout(LookupError):
    """No rollout of that name."""


class Engine:
    """Applies changes to rollouts and evaluates them (see the module's
    docstring).  `clock` gives the evaluation instant; it never goes back
    before a rollout's last evaluation, because the session state records
    since-times (soaks, drift) that an earlier instant would contradict."""

    def __init__(self, db: Database, clock: Clock = wall_clock) -> None:
        self.db = db
        self.clock = clock
        self.plans = PlanCache()

    # --------------------------------------------------------------- plans

    def add_plan(self, body: str, received_at: Optional[str] = None) -> store.PlanVersion:
        """Compiles a plan (RollgateError when it is not valid) and stores
        it as a version of the rollout of its name, which it becomes the
        current version of; a rollout that is new gets empty inputs."""
        plan = rollgate.Plan.compile(body, "plan.json")
        version = store.PlanVersion(plan.digest, plan.name, _plan_title(body, plan.name),
                                    body, received_at or utc_text(self.clock()))
        with self.db.transaction() as tx:
            store.add_plan_version(tx, version)
            current = store.rollout(tx, plan.name, lock=True)
            if current is None:
                store.create_rollout(tx, plan.name, plan.digest)
            elif current.digest != plan.digest:
                store.save_rollout(tx, self._move_to_plan(current, plan))
        return version

    def _move_to_plan(self, current: store.Rollout, plan: rollgate.Plan) -> store.Rollout:
        """The rollout on a new plan version: its inputs are kept where the
        new plan accepts them, and its state where the library accepts it
        for the new plan (otherwise the next evaluation is a first one)."""
        with rollgate.Session(plan) as session:
            inputs = current.inputs
            try:
                session.set_inputs(inputs)
            except rollgate.RollgateError:
                inputs = "{}"
            state = current.state
            try:
                if state:
                    session.set_state(state)
            except rollgate.RollgateError:
                state = None
        return replace(current, digest=plan.digest, inputs=inputs, state=state,
                       revision=current.revision + 1)

    # ------------------------------------------------------------- changes

    def apply(self, name: str, change: Change, received: Received,
              now: Optional[_dt.datetime] = None) -> store.Evaluation:
        """Applies `change` to rollout `name` and evaluates it, in one
        transaction (see the module's docstring).  Raises UnknownRollout,
        or RollgateError when the library refuses the change."""
        with self.db.transaction() as tx:
            current = store.rollout(tx, name, lock=True)
            if current is None:
                raise UnknownRollout(name)
            version = store.plan_version(tx, current.digest)
            assert version is not None  # a foreign key guarantees it
            instant = self._instant(current, now)
            received_at = utc_text(instant)
            with rollgate.Session(self.plans.get(version)) as session:
                session.set_inputs(current.inputs)
                if current.state:
                    session.set_state(current.state)
                change(session)
                with session.evaluate(instant) as report:
                    document = report.json()
                updated = replace(current, inputs=session.inputs_text(),
                                  state=session.state(), evaluated_at=received_at,
                                  revision=current.revision + 1)
            store.save_rollout(tx, updated)
            _log_received(tx, name, json.loads(updated.inputs), received, received_at)
            evaluation_id = store.add_evaluation(tx, name, current.digest, document)
        return store.Evaluation(evaluation_id, name, current.digest, received_at,
                                document["target"]["status"], document)

    def push(self, name: str, document: Dict[str, Any],
             now: Optional[_dt.datetime] = None) -> store.Evaluation:
        """Merges a facts document (facts, progress, approvals) into the
        rollout's inputs, as the library's update_inputs does."""
        return self.apply(name, lambda s: s.update_inputs(document, "push"),
                          Received.of_document(document), now)

    def replace_inputs(self, name: str, document: Dict[str, Any],
                       now: Optional[_dt.datetime] = None) -> store.Evaluation:
        """Replaces the rollout's inputs with a facts document."""
        return self.apply(name, lambda s: s.set_inputs(document, "facts"),
                          Received.of_document(document), now)

    def what_if(self, name: str, patch: Dict[str, Any]) -> Dict[str, Any]:
        """The report the rollout would have with `patch` applied, at its
        last evaluation's instant and from its state; stores nothing (the
        transaction only reads)."""
        with self._stored_session(name) as (current, session):
            with session.what_if(patch, self._instant(current, None), "what-if") as report:
                result: Dict[str, Any] = report.json()
        return result

    def fresh_report(self, name: str) -> Dict[str, Any]:
        """The stored rollout evaluated anew, in a session of its own, from
        the stored inputs and state, at its latest evaluation's instant;
        stores nothing.  Lets a check compare the stored evaluation with
        the library's."""
        with self._stored_session(name) as (current, session):
            instant = (_dt.datetime.fromisoformat(current.evaluated_at) if current.evaluated_at
                       else self.clock())
            with session.evaluate(instant) as report:
                result: Dict[str, Any] = report.json()
        return result

    @contextmanager
    def _stored_session(self, name: str) -> Iterator[Tuple[store.Rollout, rollgate.Session]]:
        """A session of its own on the rollout as stored (plan version,
        inputs, state), read in one read-only transaction; nothing it does
        is written back."""
        with self.db.transaction(write=False) as tx:
            current = store.rollout(tx, name)
            if current is None:
                raise UnknownRollout(name)
            version = store.plan_version(tx, current.digest)
            assert version is not None
        with rollgate.Session(self.plans.get(version)) as session:
            session.set_inputs(current.inputs)
            if current.state:
                session.set_state(current.state)
            yield current, session

    def _instant(self, current: store.Rollout, now: Optional[_dt.datetime]) -> _dt.datetime:
        instant = now or self.clock()
        if current.evaluated_at:
            instant = max(instant, _dt.datetime.fromisoformat(current.evaluated_at))
        return instant


def _plan_title(body: str, fallback: str) -> str:
    try:
        title = json.loads(body).get("title")
    except (ValueError, AttributeError):
        return fallback
    return title if isinstance(title, str) and title else fallback


def _log_received(tx: Cursor, name: str, inputs: Dict[str, Any], received: Received,
                  received_at: str) -> None:
    """Logs what a change brought, as the library normalised it into the
    inputs (so a fact's value and times are the ones it validated)."""
    facts = inputs.get("facts", {})
    for fact in received.facts:
        store.log_fact(tx, name, fact, facts.get(fact), received_at)
    progress = inputs.get("progress", {})
    for stage in received.progress:
        store.log_progress(tx, name, stage, progress.get(stage), received_at)
    for approval in received.approvals:
        store.log_approval(tx, name, approval, received_at)
