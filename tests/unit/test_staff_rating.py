"""party_points/lib/staff_rating.py: scores, the five-respondent threshold
and the averages of the half-year staff rating."""

from datetime import date

import pytest
from conftest import load_lib

rating = load_lib("party_points", "staff_rating")


@pytest.mark.parametrize(
    "value,expected", [(1, 1), (5, 5), ("3", 3), (" 4 ", 4), (2.0, 2)]
)
def test_scores_from_one_to_five(value, expected):
    assert rating.check_score(value) == expected


@pytest.mark.parametrize(
    "value", [0, 6, -1, "0", "6", "good", "", None, 2.5, "2.5", True, "４", [3]]
)
def test_other_scores_are_refused(value):
    with pytest.raises(rating.ScoreError):
        rating.check_score(value)


def test_threshold_is_five():
    assert rating.MIN_RESPONDENTS == 5
    assert not rating.is_shown(4)
    assert not rating.is_shown(0)
    assert not rating.is_shown(None)
    assert rating.is_shown(5)


def test_averages():
    assert rating.average(0, 0) is None
    assert rating.average(10, 3) == 3.33
    assert rating.shown_average(20, 5, 4) is None
    assert rating.shown_average(20, 5, 5) == 4.0


def test_pooled_averages_leave_out_hidden_groups():
    groups = [
        # branch 1: two rounds of 5 and 6 respondents, 3 questions each
        (1, 5, 60, 15),
        (1, 6, 54, 18),
        # branch 2: a shown round and a hidden one (never pooled)
        (2, 10, 150, 30),
        (2, 1, 3, 3),
        # branch 3: only hidden rounds (4 + 4 is 8, still left out)
        (3, 4, 48, 12),
        (3, 4, 48, 12),
    ]
    assert rating.pooled_averages(groups) == {1: (3.45, 11), 2: (5.0, 10)}


def test_half_year():
    assert rating.half_year(date(2026, 3, 9)) == (
        date(2026, 1, 1),
        date(2026, 6, 30),
        1,
    )
    assert rating.half_year(date(2026, 11, 30)) == (
        date(2026, 7, 1),
        date(2026, 12, 31),
        2,
    )
