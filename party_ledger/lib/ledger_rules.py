"""Deadline clocks and timelines of the suggestion ledger.

Plain Python (no Odoo import): the models call these functions and
tests/unit/test_ledger_rules.py checks them with pytest and hypothesis. The
four rates are computed by the SQL view of ``party.suggestion.report``; the
plain-Python count the tests check it against is party_ledger/tests/rates_oracle.py.
"""

from datetime import date, datetime, timedelta
from itertools import pairwise

URGENCIES = ("normal", "urgent", "immediate")
KINDS = ("explanation", "implementation")
# Feedback at these levels earns the responsible member serving-the-people
# points (and counts as satisfied in the satisfaction rate).
SATISFIED = ("very_satisfied", "satisfied")


# First-response clock in hours per urgency class (the 12345 rule draft: an
# emergency in 2 hours, a utility in 24; a branch answers the rest in 3 days).
DEFAULT_RESPONSE_HOURS = {"immediate": 2, "urgent": 24, "normal": 72}
# Completion clock in days per urgency class for implementation items
# (立刻办 / 限期办 / 分期办), and for explanation items whatever the urgency.
DEFAULT_COMPLETION_DAYS = {"immediate": 3, "urgent": 7, "normal": 30}
DEFAULT_EXPLANATION_DAYS = 7
# How long before a completion deadline the responsible person is reminded.
DEFAULT_REMINDER_HOURS = 24


def completion_deadline(received, kind, urgency, days=None, explanation_days=None):
    """The completion date (a date) for an item received at ``received``."""
    days = days or DEFAULT_COMPLETION_DAYS
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if kind == "explanation":
        span = explanation_days or DEFAULT_EXPLANATION_DAYS
    else:
        if urgency not in days:
            raise ValueError(f"unknown urgency {urgency!r}")
        span = days[urgency]
    start = received.date() if isinstance(received, datetime) else received
    return start + timedelta(days=span)


def _as_end_of_day(deadline):
    """A date deadline lasts until the end of that day."""
    if isinstance(deadline, datetime):
        return deadline
    return datetime.combine(deadline, datetime.max.time())


def is_late(deadline, done_at=None, now=None):
    """True when ``deadline`` (date or datetime) was missed: the work was
    done after it, or is still not done and ``now`` is past it."""
    if not deadline:
        return False
    limit = _as_end_of_day(deadline)
    if done_at:
        if not isinstance(done_at, datetime):
            done_at = datetime.combine(done_at, datetime.min.time())
        return done_at > limit
    return now is not None and now > limit


def reminder_due(deadline, now, reminder_hours=DEFAULT_REMINDER_HOURS):
    """True when ``now`` is inside the reminder window before ``deadline``
    (but not yet past it)."""
    if not deadline:
        return False
    limit = _as_end_of_day(deadline)
    return limit - timedelta(hours=reminder_hours) <= now <= limit


def first_of_month(day):
    """The first day of the month of ``day`` (milestones are kept by month)."""
    return date(day.year, day.month, 1)


# Answer clock of a channel in hours (0: the channel has none, the urgency
# clock alone applies). Online groups promise an answer within a day.
DEFAULT_CHANNEL_HOURS = {"online_group": 24}


def run_clock(start, hours, working=False, intervals=()):
    """The moment a clock of ``hours`` started at ``start`` runs out.

    A wall-clock clock counts every hour. A working-hours clock
    (``working``) counts only the time inside ``intervals``: sorted,
    non-overlapping ``(begin, end)`` pairs of datetimes, the working time of
    a calendar (weekends and holidays are the gaps). Raises ``ValueError``
    when the intervals end before the clock runs out: the caller fetches a
    longer stretch of its calendar."""
    if hours < 0:
        raise ValueError(f"a clock of {hours!r} hours")
    if not working:
        return start + timedelta(hours=hours)
    left = timedelta(hours=hours)
    for begin, end in intervals:
        if end <= start:
            continue
        begin = max(begin, start)
        if end - begin >= left:
            return begin + left
        left -= end - begin
    raise ValueError("the working intervals end before the clock runs out")


def earliest_deadline(start, clocks, intervals=()):
    """The response deadline of an item received at ``start`` under several
    clocks (its urgency's and its channel's): ``clocks`` are
    ``(hours, working)`` pairs, the one running out first applies."""
    return min(run_clock(start, hours, working, intervals) for hours, working in clocks)


# The steps of an item's life, in the order they can happen: received,
# answered (first response), work started, verified by the employee
# representatives, closed, rated by the submitter.
TIMELINE = ("received", "answered", "started", "verified", "closed", "feedback")


def timeline_breaks(moments):
    """The steps of ``moments`` (step of ``TIMELINE`` -> datetime or None)
    that happened before the step preceding them: ``(step, previous step)``
    pairs, empty when the timeline could have happened. Steps without a
    moment are skipped: an explanation item is never started nor verified,
    an open item not yet closed."""
    unknown = set(moments) - set(TIMELINE)
    if unknown:
        raise ValueError(f"unknown steps {sorted(unknown)!r}")
    known = [(step, moments[step]) for step in TIMELINE if moments.get(step)]
    return [
        (step, previous)
        for (previous, before), (step, when) in pairwise(known)
        if when < before
    ]
