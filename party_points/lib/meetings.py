"""Which points a meeting's attendance earns, and what a re-confirmation
changes: plain functions, no Odoo import (unit-tested in
tests/unit/test_meetings.py).

A meeting's attendance list says, per member, one status: ``present``,
``late``, ``excused`` (leave granted, with a reason) or ``absent``. The
meeting type names two rules of the rule book: one for attending, one for an
unexcused absence. Confirming the meeting posts one approved entry per
member who earns a rule; confirming it again after a correction posts only
the difference, by reversal.
"""

ATTENDANCE_STATUSES = ("present", "late", "excused", "absent")
ATTENDED = frozenset({"present", "late"})


def rule_for_status(status, attendance_rule, absence_rule):
    """The rule (any value; ``None`` for none) a member earns with ``status``:
    attending (on time or late) earns the attendance rule, an unexcused
    absence the absence rule, an excused absence nothing."""
    if status not in ATTENDANCE_STATUSES:
        raise ValueError(f"unknown attendance status {status!r}")
    if status in ATTENDED:
        return attendance_rule or None
    if status == "absent":
        return absence_rule or None
    return None


def wanted_entries(lines, attendance_rule, absence_rule):
    """``{member: rule}`` for the members of ``lines`` (pairs ``(member,
    status)``) who earn a rule. A member listed twice is an error: one line
    per attendee."""
    wanted = {}
    seen = set()
    for member, status in lines:
        if member in seen:
            raise ValueError(f"member {member!r} is listed twice")
        seen.add(member)
        rule = rule_for_status(status, attendance_rule, absence_rule)
        if rule is not None:
            wanted[member] = rule
    return wanted


def reconcile(wanted, confirmed):
    """What a (re-)confirmation does, given ``wanted`` (``{member: rule}``,
    from :func:`wanted_entries`) and ``confirmed`` (``{member: (entry,
    rule)}``: the live entries the meeting posted before, neither reversed
    nor reversals).

    Returns ``(to_reverse, to_post)``: the entries to reverse (their member
    earns another rule now, or none) and ``{member: rule}`` to post (new or
    changed). An entry that still matches is kept: confirming twice without
    a change does nothing."""
    to_reverse = []
    to_post = {}
    for member, (entry, rule) in confirmed.items():
        if wanted.get(member) != rule:
            to_reverse.append(entry)
    for member, rule in wanted.items():
        current = confirmed.get(member)
        if current is None or current[1] != rule:
            to_post[member] = rule
    return sorted(to_reverse), to_post
