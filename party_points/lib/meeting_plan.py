"""How many meetings a type's frequency requires, where a yearly plan puts
them, and when a run of absences calls for the secretary: plain functions,
no Odoo import (unit-tested in tests/unit/test_meeting_plan.py).

Requirement: a monthly type requires one meeting every month, a quarterly
type one per quarter, a yearly type one per year. A quarter's (a year's)
requirement is counted in its last month (March, June, September, December;
December): the report then never shows a quarter "behind" before it is
over, and a meeting held any time within the span counts for it.
"""

from datetime import date

# months in the span a frequency requires one meeting for
SPAN_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
# where the yearly plan puts a type's meetings: every month, the middle
# month of each quarter, November (before the year-end review)
PLAN_MONTHS = {
    "monthly": tuple(range(1, 13)),
    "quarterly": (2, 5, 8, 11),
    "yearly": (11,),
}
# the planned day of the first type in a month, then every FOLLOWING_DAYS
# days for the next ones, never after the 28th
FIRST_DAY = 8
FOLLOWING_DAYS = 4
LAST_DAY = 28
STREAK = 3


def _check_frequency(frequency):
    if frequency not in SPAN_MONTHS and frequency != "none":
        raise ValueError(f"unknown frequency {frequency!r}")


def required_in_month(frequency, month):
    """Meetings ``frequency`` requires counted in ``month`` (1-12): 1 in
    the last month of each span, 0 otherwise (and always 0 for ``none``)."""
    _check_frequency(frequency)
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month!r}")
    span = SPAN_MONTHS.get(frequency)
    return 1 if span and month % span == 0 else 0


def required_between(frequency, first_month, last_month):
    """Meetings ``frequency`` requires from ``first_month`` to
    ``last_month`` (1-12, inclusive) of one year."""
    return sum(
        required_in_month(frequency, month)
        for month in range(first_month, last_month + 1)
    )


def span_start(frequency, month):
    """The first month of the span ``month`` belongs to (its own month for
    a type without a required frequency)."""
    _check_frequency(frequency)
    span = SPAN_MONTHS.get(frequency, 1)
    return month - (month - 1) % span


def plan_dates(frequency, year, index=0):
    """The days of ``year`` a plan puts the meetings of a type of
    ``frequency`` on; ``index``: the type's place among the planned types,
    so that two types do not fall on the same day."""
    _check_frequency(frequency)
    day = min(FIRST_DAY + FOLLOWING_DAYS * index, LAST_DAY)
    return [date(year, month, day) for month in PLAN_MONTHS.get(frequency, ())]


def streak_ends(statuses, length=STREAK):
    """Positions in ``statuses`` (a member's attendance, oldest first) where
    a run of unexcused absences reaches ``length``: one position per run,
    however long it grows. Any other status (present, late, excused) ends
    the run."""
    ends = []
    run = 0
    for position, status in enumerate(statuses):
        run = run + 1 if status == "absent" else 0
        if run == length:
            ends.append(position)
    return ends
