"""Answer clocks of the suggestion ledger: wall-clock and working-hours
clocks, the shorter of an item's urgency and channel clocks (plain Python)."""

from datetime import datetime, timedelta

import pytest
from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

rules = load_lib("party_ledger", "ledger_rules")
oracle = load_lib("party_ledger", "rates_oracle", folder="tests")

# Friday 6 March 2026, 14:00; a working week of 8:00-12:00 and 13:00-17:00
FRIDAY = datetime(2026, 3, 6, 14, 0)


def _week_days(first, count, skip=()):
    """Working intervals of ``count`` days from ``first`` (a date), Monday
    to Friday, leaving out the days in ``skip`` (holidays)."""
    intervals = []
    for offset in range(count):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5 or day in skip:
            continue
        for start, end in ((8, 12), (13, 17)):
            intervals.append(
                (
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=start),
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=end),
                )
            )
    return intervals


WEEKS = _week_days(FRIDAY.date(), 21)


def test_wall_clock_counts_every_hour():
    assert rules.run_clock(FRIDAY, 24) == datetime(2026, 3, 7, 14, 0)


def test_working_clock_skips_the_weekend():
    # Friday 14:00-17:00 is 3 h; Monday 8:00-12:00 is 4 h, 13:00-17:00 4 h;
    # 16 h run out on Tuesday at 14:00
    assert rules.run_clock(FRIDAY, 16, True, WEEKS) == datetime(2026, 3, 10, 14, 0)


def test_working_clock_skips_a_holiday():
    holiday = datetime(2026, 3, 9).date()
    intervals = _week_days(FRIDAY.date(), 21, skip={holiday})
    assert rules.run_clock(FRIDAY, 16, True, intervals) == datetime(2026, 3, 11, 14)


def test_working_clock_started_out_of_hours_waits_for_work():
    saturday = datetime(2026, 3, 7, 10, 0)
    assert rules.run_clock(saturday, 2, True, WEEKS) == datetime(2026, 3, 9, 10, 0)
    assert rules.run_clock(saturday, 4, True, WEEKS) == datetime(2026, 3, 9, 12, 0)
    # the lunch break does not count
    assert rules.run_clock(saturday, 5, True, WEEKS) == datetime(2026, 3, 9, 14, 0)


def test_working_clock_past_its_intervals_asks_for_more():
    with pytest.raises(ValueError):
        rules.run_clock(FRIDAY, 1000, True, WEEKS)
    with pytest.raises(ValueError):
        rules.run_clock(FRIDAY, 1, True, [])


def test_negative_clock_is_refused():
    with pytest.raises(ValueError):
        rules.run_clock(FRIDAY, -1)


def test_the_shorter_clock_applies():
    # online group (24 h) against a normal item (72 h): 24 h
    assert rules.earliest_deadline(FRIDAY, [(72, False), (24, False)]) == (
        FRIDAY + timedelta(hours=24)
    )
    # an immediate item (2 h) in an online group: 2 h
    assert rules.earliest_deadline(FRIDAY, [(2, False), (24, False)]) == (
        FRIDAY + timedelta(hours=2)
    )
    # 24 working hours from Friday run to Wednesday; 72 wall-clock hours end
    # on Monday: the wall clock applies
    assert rules.earliest_deadline(FRIDAY, [(72, False), (24, True)], WEEKS) == (
        datetime(2026, 3, 9, 14, 0)
    )


@given(
    hours=st.integers(0, 400),
    start=st.datetimes(datetime(2026, 3, 1), datetime(2026, 3, 20)),
)
def test_working_clock_counts_exactly_its_hours_of_work(hours, start):
    intervals = _week_days(datetime(2026, 3, 1).date(), 200)
    end = rules.run_clock(start, hours, True, intervals)
    worked = sum(
        (
            min(stop, end) - max(begin, start)
            for begin, stop in intervals
            if begin < end and stop > start
        ),
        timedelta(),
    )
    assert worked == timedelta(hours=hours)
    assert end >= start + timedelta(hours=hours)


@given(
    urgency_hours=st.integers(1, 200),
    channel_hours=st.integers(0, 200),
    answer_after=st.integers(0, 300 * 60),
)
def test_wall_clock_deadline_agrees_with_the_rates_oracle(
    urgency_hours, channel_hours, answer_after
):
    clocks = [(urgency_hours, False)] + (
        [(channel_hours, False)] if channel_hours else []
    )
    deadline = rules.earliest_deadline(FRIDAY, clocks)
    answered = FRIDAY + timedelta(minutes=answer_after)
    assert (not rules.is_late(deadline, answered)) == oracle.answered_on_time(
        FRIDAY, answered, urgency_hours, channel_hours
    )
