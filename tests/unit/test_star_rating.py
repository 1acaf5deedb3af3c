"""party_points/lib/star_rating.py: all-or-nothing levels, optional
minimums per class, the hard-criteria count, the change since last year."""

import pytest
from conftest import load_lib

star = load_lib("party_points", "star_rating")
C = star.Criterion

# Class 1: two required (levels 3 and 4); class 2: one required at 5 and
# two optional, of which level 4 asks one and level 5 both.
CRITERIA = [
    C(1, 1, 3, True),
    C(2, 1, 4, True),
    C(3, 2, 5, True),
    C(4, 2, 3, False),
    C(5, 2, 4, False),
]
MINIMUMS = {1: {}, 2: {4: 1, 5: 2}}
ALL = {c.id: True for c in CRITERIA}


def test_every_criterion_met_reaches_five_stars():
    assert star.reached_level(CRITERIA, ALL, MINIMUMS) == 5


def test_one_unmet_required_criterion_loses_its_level_and_those_above():
    assert star.reached_level(CRITERIA, {**ALL, 2: False}, MINIMUMS) == 3
    assert star.reached_level(CRITERIA, {**ALL, 1: False}, MINIMUMS) == 0


def test_an_undecided_criterion_counts_as_unmet():
    met = {cid: ok for cid, ok in ALL.items() if cid != 3}
    assert star.reached_level(CRITERIA, met, MINIMUMS) == 4


def test_optional_criteria_count_against_the_class_minimum():
    # one optional met: enough for 4 stars, not for 5
    assert star.reached_level(CRITERIA, {**ALL, 5: False}, MINIMUMS) == 4
    # none met: 4 stars need one
    assert star.reached_level(CRITERIA, {**ALL, 4: False, 5: False}, MINIMUMS) == 3


def test_an_optional_criterion_of_a_higher_level_does_not_count_below():
    # at level 4 only criteria of levels 3 and 4 count: 5 is level 4, 4 is 3
    missing, short = star.blockers(CRITERIA, {**ALL, 4: False}, MINIMUMS, 4)
    assert missing == []
    assert short == {}
    missing, short = star.blockers(CRITERIA, {**ALL, 4: False}, MINIMUMS, 5)
    assert short == {2: (1, 2)}


def test_blockers_name_exactly_what_stands_in_the_way():
    missing, short = star.blockers(CRITERIA, {**ALL, 3: False, 5: False}, MINIMUMS, 5)
    assert missing == [3]
    assert short == {2: (1, 2)}


def test_hard_count_is_required_plus_the_optional_minimums():
    assert star.hard_count(CRITERIA, MINIMUMS, 3) == 1
    assert star.hard_count(CRITERIA, MINIMUMS, 4) == 3
    assert star.hard_count(CRITERIA, MINIMUMS, 5) == 5


def test_minimums_never_fall_or_go_negative():
    star.check_minimums({3: 0, 4: 1, 5: 2})
    with pytest.raises(ValueError):
        star.check_minimums({3: 2, 4: 1})
    with pytest.raises(ValueError):
        star.check_minimums({3: -1})


def test_next_level():
    assert star.next_level(0) == 3
    assert star.next_level(3) == 4
    assert star.next_level(4) == 5
    assert star.next_level(5) is None


@pytest.mark.parametrize(
    ("previous", "final", "expected"),
    [(None, 3, "new"), (4, 4, "same"), (3, 5, "up"), (5, 4, "down"), (3, 0, "removed")],
)
def test_change_since_last_year(previous, final, expected):
    assert star.change(previous, final) == expected


def test_figures_without_data_never_meet_a_threshold():
    assert star.share(3, 4) == 75.0
    assert star.share(1, 0) is None
    assert star.at_least(None, 0) is False
    assert star.at_most(None, 100) is False
    assert star.at_least(90.0, 90) is True
    assert star.at_most(5.0, 5) is True
