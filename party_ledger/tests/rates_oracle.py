"""The four rates of the suggestion ledger, counted in plain Python.

The addon computes the rates once, in the SQL view of
``party.suggestion.report`` (party_ledger/report/party_suggestion_report.py):
this count is the oracle the tests hold the view's averages against. No
Odoo import: tests/unit/test_rates_oracle.py checks it with pytest and
hypothesis.
"""

SATISFIED = ("very_satisfied", "satisfied")
# Many enterprises also count "basically satisfied" (基本满意) as satisfied in
# the satisfaction rate: a company setting, off by default.
BASIC = "basic"


def satisfied_levels(basic_counts=False):
    """The satisfaction levels the satisfaction rate counts as satisfied."""
    return SATISFIED + (BASIC,) if basic_counts else SATISFIED


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


def answered_on_time(received, answered, urgency_hours, channel_hours=0):
    """Whether an item received at ``received`` was answered in time on
    wall-clock clocks: within the shorter of its urgency's clock and its
    channel's (``channel_hours`` 0: the channel has no clock). What the
    response rate counts for an item; the working-hours clocks are checked
    by the model tests."""
    if not answered:
        return False
    allowed = min(urgency_hours, channel_hours) if channel_hours else urgency_hours
    return (answered - received).total_seconds() <= allowed * 3600
