"""party_points/lib/meetings.py: the rule a status earns, re-confirmation."""

import pytest
from conftest import load_lib

meetings = load_lib("party_points", "meetings")


def test_each_status_earns_its_rule():
    assert meetings.rule_for_status("present", "ATT", "ABS") == "ATT"
    assert meetings.rule_for_status("late", "ATT", "ABS") == "ATT"
    assert meetings.rule_for_status("absent", "ATT", "ABS") == "ABS"
    assert meetings.rule_for_status("excused", "ATT", "ABS") is None


def test_a_type_without_a_rule_posts_nothing_for_it():
    assert meetings.rule_for_status("present", False, "ABS") is None
    assert meetings.rule_for_status("absent", "ATT", None) is None


def test_unknown_status_is_an_error():
    with pytest.raises(ValueError):
        meetings.rule_for_status("asleep", "ATT", "ABS")


def test_wanted_entries():
    lines = [(1, "present"), (2, "late"), (3, "excused"), (4, "absent")]
    assert meetings.wanted_entries(lines, 10, 20) == {1: 10, 2: 10, 4: 20}


def test_a_member_listed_twice_is_an_error():
    with pytest.raises(ValueError):
        meetings.wanted_entries([(1, "present"), (1, "absent")], 10, 20)


def test_first_confirmation_posts_everything():
    assert meetings.reconcile({1: 10, 2: 20}, {}) == ([], {1: 10, 2: 20})


def test_confirming_again_without_change_does_nothing():
    confirmed = {1: (101, 10), 2: (102, 20)}
    assert meetings.reconcile({1: 10, 2: 20}, confirmed) == ([], {})


def test_a_correction_reverses_and_reposts_only_the_changed_lines():
    confirmed = {1: (101, 10), 2: (102, 20), 3: (103, 10)}
    # 1 unchanged; 2 absent -> present; 3 present -> excused; 4 added
    wanted = {1: 10, 2: 10, 4: 10}
    assert meetings.reconcile(wanted, confirmed) == ([102, 103], {2: 10, 4: 10})
