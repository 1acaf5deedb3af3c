"""party_points/lib/meeting_plan.py: requirements, plan dates, streaks."""

from datetime import date

import pytest
from conftest import load_lib

plan = load_lib("party_points", "meeting_plan")


def test_monthly_requires_every_month():
    assert [plan.required_in_month("monthly", m) for m in range(1, 13)] == [1] * 12
    assert plan.required_between("monthly", 1, 12) == 12


def test_quarterly_counts_in_the_quarters_last_month():
    months = [m for m in range(1, 13) if plan.required_in_month("quarterly", m)]
    assert months == [3, 6, 9, 12]
    assert plan.required_between("quarterly", 1, 2) == 0
    assert plan.required_between("quarterly", 1, 6) == 2


def test_yearly_counts_in_december_and_none_never():
    assert plan.required_between("yearly", 1, 11) == 0
    assert plan.required_between("yearly", 1, 12) == 1
    assert plan.required_between("none", 1, 12) == 0


def test_span_start():
    assert plan.span_start("monthly", 5) == 5
    assert plan.span_start("quarterly", 5) == 4
    assert plan.span_start("quarterly", 12) == 10
    assert plan.span_start("yearly", 7) == 1
    assert plan.span_start("none", 7) == 7


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        plan.required_in_month("weekly", 1)
    with pytest.raises(ValueError):
        plan.required_in_month("monthly", 13)


def test_plan_dates_spread_types_over_the_month():
    assert len(plan.plan_dates("monthly", 2031)) == 12
    assert plan.plan_dates("quarterly", 2031) == [
        date(2031, 2, 8),
        date(2031, 5, 8),
        date(2031, 8, 8),
        date(2031, 11, 8),
    ]
    assert plan.plan_dates("yearly", 2031, index=2) == [date(2031, 11, 16)]
    assert plan.plan_dates("monthly", 2031, index=20)[1] == date(2031, 2, 28)
    assert plan.plan_dates("none", 2031) == []


def test_streak_ends_once_per_run():
    absent, present, excused = "absent", "present", "excused"
    assert plan.streak_ends([absent, absent]) == []
    assert plan.streak_ends([absent, absent, absent]) == [2]
    assert plan.streak_ends([absent] * 5) == [2]
    assert plan.streak_ends([absent, absent, excused, absent, absent, absent]) == [5]
    assert plan.streak_ends([absent] * 3 + [present] + [absent] * 3) == [2, 6]
    assert plan.streak_ends(["late", absent, absent]) == []
