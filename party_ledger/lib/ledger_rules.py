"""Deadline clocks and the four rates of the suggestion ledger.

Plain Python (no Odoo import): the models call these functions and
tests/unit/test_ledger_rules.py checks them with pytest and hypothesis.
"""

from datetime import date, datetime, timedelta

URGENCIES = ("normal", "urgent", "immediate")
KINDS = ("explanation", "implementation")
SATISFIED = ("very_satisfied", "satisfied")
# Many enterprises also count "basically satisfied" (基本满意) as satisfied in
# the satisfaction rate: a company setting, off by default.
BASIC = "basic"


def satisfied_levels(basic_counts=False):
    """The satisfaction levels the satisfaction rate counts as satisfied."""
    return SATISFIED + (BASIC,) if basic_counts else SATISFIED


# First-response clock in hours per urgency class (the 12345 rule draft: an
# emergency in 2 hours, a utility in 24; a branch answers the rest in 3 days).
DEFAULT_RESPONSE_HOURS = {"immediate": 2, "urgent": 24, "normal": 72}
# Completion clock in days per urgency class for implementation items
# (立刻办 / 限期办 / 分期办), and for explanation items whatever the urgency.
DEFAULT_COMPLETION_DAYS = {"immediate": 3, "urgent": 7, "normal": 30}
DEFAULT_EXPLANATION_DAYS = 7
# How long before a completion deadline the responsible person is reminded.
DEFAULT_REMINDER_HOURS = 24


def response_deadline(received, urgency, hours=None):
    """The moment the first response is due for an item received at
    ``received`` (a datetime) in urgency class ``urgency``."""
    hours = hours or DEFAULT_RESPONSE_HOURS
    if urgency not in hours:
        raise ValueError(f"unknown urgency {urgency!r}")
    return received + timedelta(hours=hours[urgency])


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


def _percent(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


def ledger_rates(items, basic_counts=False):
    """The four rates of a set of items, in percent.

    ``items`` is an iterable of tuples
    ``(responded_on_time, closed, closed_on_time, satisfaction)``:
    cancelled items are left out by the caller.

    - response rate: items answered within the response deadline / all items;
    - closure rate: closed items / all items;
    - on-time closure rate: items closed by the deadline / closed items;
    - satisfaction rate: items rated satisfied or better / rated items
      (with ``basic_counts``, "basically satisfied" counts as satisfied).
    """
    levels = satisfied_levels(basic_counts)
    total = responded = closed = on_time = rated = satisfied = 0
    for responded_on_time, is_closed, closed_on_time, satisfaction in items:
        total += 1
        responded += bool(responded_on_time)
        if is_closed:
            closed += 1
            on_time += bool(closed_on_time)
        if satisfaction:
            rated += 1
            satisfied += satisfaction in levels
    return {
        "count": total,
        "response_rate": _percent(responded, total),
        "closure_rate": _percent(closed, total),
        "on_time_rate": _percent(on_time, closed),
        "satisfaction_rate": _percent(satisfied, rated),
    }


def first_of_month(day):
    """The first day of the month of ``day`` (milestones are kept by month)."""
    return date(day.year, day.month, 1)
