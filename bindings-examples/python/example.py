#!/usr/bin/env python3
"""Evaluates the bundled example rollout (examples/bookme) and prints what
may start next and what stands in the way.

    python3 example.py [INSTANT]        # INSTANT: RFC 3339, default fixed

Set ROLLGATE_LIBRARY to librollgate's path, or build the repository first.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import rollgate  # noqa: E402

REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
BOOKME = os.path.join(REPO, "examples", "bookme")


def describe_blocker(blocker):
    """One line for a blocker (ranked by how many stages it holds back): a
    stage, a gate or a missing approval."""
    line = "%s %s [%s]" % (blocker.kind, blocker.id, blocker.status)
    if blocker.owner:
        line += " owner %s" % blocker.owner
    if blocker.holds_back_count:
        line += ", holds back %d stage(s)" % blocker.holds_back_count
    if blocker.message:
        line += ": %s" % blocker.message
    return line


def main(argv):
    instant = argv[1] if len(argv) > 1 else "2026-11-23T09:00:00Z"
    with rollgate.Plan.from_file(os.path.join(BOOKME, "plan.json")) as plan, \
            rollgate.Session(plan) as session:
        with open(os.path.join(BOOKME, "facts.json"), "rb") as f:
            session.set_inputs(f.read(), "facts.json")
        # The report is read as objects, field by field, without JSON.
        with session.evaluate(instant) as report:
            stages = report.stages()
            next_ids, blockers, target = report.next, report.blockers, report.target
        # What if wave-west's training reached 85%?  A what-if changes
        # neither the session's inputs nor its state (DESIGN rule 21).
        state_before = session.state()
        with session.what_if({"facts": {"training.west_pct": 85.0}}, instant) as what_if:
            changes = what_if.json()["what_if"]["changes"]
        assert session.state() == state_before
        # The session keeps the state of its last evaluation, so soaks, drift
        # and transitions carry over; state() saves it, set_state() restores it.
        state_size = len(state_before or "")
        print("librollgate %s: plan %s (%s)" % (rollgate.version_string(),
                                                plan.name, plan.digest))
    print("evaluated at %s" % instant)
    for stage in stages:
        print("  %-24s %s" % (stage.id, stage.status.label))
    print("next: %s" % (", ".join(next_ids) or "(nothing may start now)"))
    print("blockers:")
    for blocker in blockers:
        print("  - " + describe_blocker(blocker))
    if not blockers:
        print("  (none)")
    print("target %s: %s%s" % (target.id or "(every stage)", target.status,
                               " (met)" if target.met else ""))
    print("what if training.west_pct were 85:")
    for change in changes:
        print("  %-24s %s -> %s" % (change["id"], change["from"], change["to"]))
    if not changes:
        print("  (no status would change)")
    print("session state: %d bytes of JSON" % state_size)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except rollgate.RollgateError as e:
        print("rollgate: %s: %s" % (e.status, e), file=sys.stderr)
        sys.exit(2)
