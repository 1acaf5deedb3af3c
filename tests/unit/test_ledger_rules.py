"""Deadline clocks and timelines of the suggestion ledger (plain Python)."""

from datetime import date, datetime, timedelta

import pytest
from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

rules = load_lib("party_ledger", "ledger_rules")

RECEIVED = datetime(2026, 3, 2, 9, 30)


@pytest.mark.parametrize(
    "urgency, hours", [("immediate", 2), ("urgent", 24), ("normal", 72)]
)
def test_response_deadline_defaults(urgency, hours):
    assert rules.run_clock(
        RECEIVED, rules.DEFAULT_RESPONSE_HOURS[urgency]
    ) == RECEIVED + timedelta(hours=hours)


def test_unknown_classes_are_refused():
    with pytest.raises(ValueError):
        rules.completion_deadline(RECEIVED, "wish", "normal")
    with pytest.raises(ValueError):
        rules.completion_deadline(RECEIVED, "implementation", "whenever")


def test_completion_deadline_by_kind_and_urgency():
    assert rules.completion_deadline(RECEIVED, "implementation", "immediate") == date(
        2026, 3, 5
    )
    assert rules.completion_deadline(RECEIVED, "implementation", "urgent") == date(
        2026, 3, 9
    )
    assert rules.completion_deadline(RECEIVED, "implementation", "normal") == date(
        2026, 4, 1
    )
    # explanation items: a fixed span whatever the urgency
    assert rules.completion_deadline(RECEIVED, "explanation", "immediate") == date(
        2026, 3, 9
    )
    assert rules.completion_deadline(
        RECEIVED, "explanation", "normal", explanation_days=3
    ) == date(2026, 3, 5)
    assert rules.completion_deadline(
        date(2026, 3, 2), "implementation", "urgent", {"urgent": 10}
    ) == date(2026, 3, 12)


def test_is_late_with_a_date_deadline_lasts_the_whole_day():
    deadline = date(2026, 3, 9)
    assert not rules.is_late(deadline, datetime(2026, 3, 9, 23, 59))
    assert rules.is_late(deadline, datetime(2026, 3, 10, 0, 1))
    assert not rules.is_late(deadline, date(2026, 3, 9))
    assert rules.is_late(deadline, now=datetime(2026, 3, 10, 8, 0))
    assert not rules.is_late(deadline, now=datetime(2026, 3, 9, 8, 0))
    # no deadline, or not done and no clock: never late
    assert not rules.is_late(False, now=datetime(2030, 1, 1))
    assert not rules.is_late(deadline)


def test_is_late_with_a_datetime_deadline():
    deadline = datetime(2026, 3, 2, 11, 30)
    assert not rules.is_late(deadline, datetime(2026, 3, 2, 11, 30))
    assert rules.is_late(deadline, datetime(2026, 3, 2, 11, 31))


def test_reminder_window():
    deadline = date(2026, 3, 9)
    assert rules.reminder_due(deadline, datetime(2026, 3, 9, 8, 0))
    assert rules.reminder_due(deadline, datetime(2026, 3, 9, 0, 0))
    assert not rules.reminder_due(deadline, datetime(2026, 3, 8, 12, 0))
    assert rules.reminder_due(deadline, datetime(2026, 3, 8, 12, 0), 48)
    assert not rules.reminder_due(deadline, datetime(2026, 3, 10, 1, 0))
    assert not rules.reminder_due(False, datetime(2026, 3, 10, 1, 0))


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(rules.URGENCIES),
)
def test_more_urgent_means_earlier_deadlines(received, urgency):
    order = ["immediate", "urgent", "normal"]
    response = rules.run_clock(received, rules.DEFAULT_RESPONSE_HOURS[urgency])
    completion = rules.completion_deadline(received, "implementation", urgency)
    assert response > received
    assert completion > received.date()
    for other in order[order.index(urgency) + 1 :]:
        assert rules.run_clock(received, rules.DEFAULT_RESPONSE_HOURS[other]) > response
        assert rules.completion_deadline(received, "implementation", other) > completion


@given(st.dates())
def test_first_of_month(day):
    first = rules.first_of_month(day)
    assert first.day == 1
    assert (first.year, first.month) == (day.year, day.month)


def _moments(*hours):
    """The steps of the timeline at ``hours`` after receipt (None: missing)."""
    return {
        step: None if hour is None else RECEIVED + timedelta(hours=hour)
        for step, hour in zip(rules.TIMELINE, hours, strict=True)
    }


def test_a_timeline_in_order_has_no_breaks():
    assert rules.timeline_breaks(_moments(0, 2, 30, 200, 200, 260)) == []
    # an open item, an explanation item never started nor verified
    assert rules.timeline_breaks(_moments(0, 2, 30, None, None, None)) == []
    assert rules.timeline_breaks(_moments(0, 5, None, None, 9, 40)) == []
    assert rules.timeline_breaks({"received": RECEIVED}) == []


@pytest.mark.parametrize(
    "hours, breaks",
    [
        ((0, 2, 1, 200, 200, 260), [("started", "answered")]),
        ((0, 2, 30, 20, 200, 260), [("verified", "started")]),
        ((0, 2, 30, 200, 199, 260), [("closed", "verified")]),
        ((0, 2, 30, 200, 200, 100), [("feedback", "closed")]),
        ((5, 2, 30, 200, 200, 260), [("answered", "received")]),
    ],
)
def test_each_step_before_its_predecessor_breaks_the_timeline(hours, breaks):
    assert rules.timeline_breaks(_moments(*hours)) == breaks


def test_missing_steps_are_skipped_not_their_order():
    # not started, not verified: closed is compared with answered
    assert rules.timeline_breaks(_moments(0, 10, None, None, 5, None)) == [
        ("closed", "answered")
    ]
    # started compared with received when there was no answer
    assert rules.timeline_breaks(_moments(5, None, 1, None, None, None)) == [
        ("started", "received")
    ]


def test_unknown_steps_are_refused():
    with pytest.raises(ValueError):
        rules.timeline_breaks({"received": RECEIVED, "approved": RECEIVED})


@given(st.lists(st.datetimes(), min_size=6, max_size=6), st.data())
def test_sorted_moments_never_break(moments, data):
    moments = sorted(moments)
    present = data.draw(st.lists(st.booleans(), min_size=6, max_size=6))
    timeline = {
        step: moment if keep else None
        for step, moment, keep in zip(rules.TIMELINE, moments, present, strict=True)
    }
    assert rules.timeline_breaks(timeline) == []
