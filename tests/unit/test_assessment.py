"""party_points/lib/assessment.py: combining periods, veto windows, the
民主评议 part, the composite, grades per line with the year's quota, the
公示 window and the 转正 reminder."""

from datetime import date, datetime

import pytest
from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

assessment = load_lib("party_points", "assessment")
Line = assessment.Line


@pytest.mark.parametrize(
    "method,expected",
    [("sum", 330.0), ("average", 82.5), ("last", 90.0)],
)
def test_combine_periods(method, expected):
    assert assessment.combine_periods([80, 75.5, 84.5, 90], method) == expected


def test_combine_periods_skips_periods_that_did_not_score():
    # joined in the second quarter: the average is of the quarters scored
    assert assessment.combine_periods([None, 80, 90, None], "average") == 85
    assert assessment.combine_periods([None, 80, 90, None], "last") == 90
    assert assessment.combine_periods([None, None], "sum") is None
    with pytest.raises(ValueError):
        assessment.combine_periods([1], "median")


def test_add_months_holds_the_month_end():
    assert assessment.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert assessment.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert assessment.add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
    assert assessment.add_months(date(2025, 3, 15), -2) == date(2025, 1, 15)


def test_a_warning_blocks_twelve_months_across_years():
    # a 警告 of 2024-09-10 with a 12-month effect reaches the 2025 assessment
    assert assessment.veto_applies(
        date(2024, 9, 10), 12, date(2025, 1, 1), date(2025, 12, 31)
    )
    # ...up to 2025-09-09 only
    assert assessment.veto_window(date(2024, 9, 10), 12) == (
        date(2024, 9, 10),
        date(2025, 9, 9),
    )
    assert not assessment.veto_applies(
        date(2024, 9, 10), 12, date(2025, 9, 10), date(2025, 12, 31)
    )
    # without an effect length, only the span holding it
    assert not assessment.veto_applies(
        date(2024, 12, 31), 0, date(2025, 1, 1), date(2025, 12, 31)
    )
    assert assessment.veto_applies(
        date(2025, 12, 31), 0, date(2025, 1, 1), date(2025, 12, 31)
    )


def test_strongest_veto():
    assert assessment.strongest([None, "no_excellent", "unqualified"]) == "unqualified"
    assert assessment.strongest([]) is None


def test_review_score():
    assert assessment.review_score({"excellent": 2, "qualified": 2}) == 90
    assert assessment.review_score({"basic": 1, "unqualified": 1}) == 30
    assert assessment.review_score({}) is None
    assert assessment.review_score({"excellent": 0}) is None
    with pytest.raises(ValueError):
        assessment.review_score({"good": 1})


def test_composite_weights():
    assert assessment.composite(90, 80, 70, 30) == 87
    # no votes: the points part counts in full
    assert assessment.composite(90, None, 70, 30) == 90
    assert assessment.composite(None, 80, 70, 30) == 24
    with pytest.raises(ValueError):
        assessment.composite(90, 80, 70, 20)


def test_grades_per_line_with_the_years_quota():
    bands = assessment.Bands(excellent_quota=1 / 3)
    proposed = assessment.propose_grades(
        bands,
        [
            # full members: three graded, one may be excellent
            Line(1, "full", 95),
            Line(2, "full", 92),
            Line(3, "full", 65),
            # probationary members on their own line: one graded, quota 0
            Line(4, "probationary", 99),
            # a retired member exempt
            Line(5, None, 50),
        ],
    )
    assert proposed == {
        1: ("excellent", False),
        2: ("qualified", False),
        3: ("basic", False),
        4: ("qualified", False),
        5: ("exempt", False),
    }


def test_vetoes_cap_and_propose_unqualified():
    bands = assessment.Bands(excellent_quota=1)
    proposed = assessment.propose_grades(
        bands,
        [
            Line(1, "full", 95, veto="no_excellent"),
            Line(2, "full", 95, veto="unqualified"),
            Line(3, "full", 95, veto="zero"),
            Line(4, "full", 95),
        ],
    )
    assert proposed[1] == ("qualified", False)
    assert proposed[2] == ("unqualified", False)
    assert proposed[3] == ("unqualified", False)
    assert proposed[4] == ("excellent", False)


def test_a_tie_on_the_quota_line_is_left_to_the_committee():
    bands = assessment.Bands(excellent_quota=1 / 3)
    proposed = assessment.propose_grades(
        bands,
        [Line(1, "full", 93), Line(2, "full", 93), Line(3, "full", 70)],
    )
    assert proposed[1] == ("qualified", True)
    assert proposed[2] == ("qualified", True)


@given(
    st.lists(st.floats(0, 120, allow_nan=False), min_size=1, max_size=40),
    st.sampled_from([0.1, 0.2, 1 / 3, 0.5]),
)
def test_excellent_never_exceeds_the_quota(composites, quota):
    lines = [Line(key, "full", value) for key, value in enumerate(composites)]
    proposed = assessment.propose_grades(assessment.Bands(excellent_quota=quota), lines)
    excellent = [key for key, (grade, _) in proposed.items() if grade == "excellent"]
    assert len(excellent) <= assessment.quota_limit(len(lines), quota)


def test_notice_window():
    start = datetime(2026, 1, 5, 9, 0)
    end = assessment.notice_end(start, 7)
    assert end == datetime(2026, 1, 12, 9, 0)
    assert assessment.notice_open(datetime(2026, 1, 12, 8, 59), start, end)
    assert not assessment.notice_open(end, start, end)
    assert not assessment.notice_open(datetime(2026, 1, 5, 8, 0), start, end)
    with pytest.raises(ValueError):
        assessment.notice_end(start, 3)


def test_finalize_blockers():
    end = datetime(2026, 1, 12, 9, 0)
    before, after = datetime(2026, 1, 10), datetime(2026, 1, 13)
    assert assessment.finalize_blockers(before, end, []) == ["notice_open"]
    assert assessment.finalize_blockers(after, end, ["upheld", "answered"]) == [
        "objections_pending"
    ]
    assert assessment.finalize_blockers(after, end, ["upheld", "rejected"]) == []
    assert assessment.finalize_blockers(after, None, []) == ["notice_open"]


def test_probation_reminder():
    assert assessment.probation_reminder(date(2026, 4, 30)) == date(2026, 2, 28)


def test_line_key_special_categories_on_their_own_list():
    assert assessment.line_key(3, "full") == "3:full"
    assert assessment.line_key(3, "retired") == "3:retired"
    assert assessment.line_key(3, "retired") != assessment.line_key(3, "full")
    assert assessment.line_key(3, "exempt") is None
    lines = [
        Line(1, assessment.line_key(7, "full"), 95),
        Line(2, assessment.line_key(7, "full"), 80),
        Line(3, assessment.line_key(7, "full"), 80),
        Line(4, assessment.line_key(7, "retired"), 92),
    ]
    proposed = assessment.propose_grades(assessment.Bands(), lines)
    # the retired member is not counted against the full members' quota
    assert proposed[1] == ("excellent", False)
    assert proposed[4] == ("qualified", False)  # one on a list: quota 0


@pytest.mark.parametrize(
    "args,expected",
    [
        ((20, 15, 10, 3, 2), []),
        ((20, 21, 15, 0, 0), ["present_above_members"]),
        ((20, 15, 10, 4, 2), ["votes_above_present"]),
        ((20, 16, 8, 8, 0), ["no_majority"]),
        ((20, 0, 0, 0, 0), ["nobody_present", "no_majority"]),
        ((20, 15, -1, 0, 0), ["negative"]),
    ],
)
def test_meeting_errors(args, expected):
    assert assessment.meeting_errors(*args) == expected


def test_finalize_grade_blockers_name_the_members():
    lines = [
        ("王五", "unqualified", False, False),
        ("张三", "unqualified", True, False),
        ("李四", "basic", False, False),
        ("赵六", "basic", False, True),
        ("钱七", "qualified", False, False),
    ]
    assert assessment.finalize_grade_blockers(lines) == (["王五"], ["李四"])


def test_probation_reminders_due_catch_up_and_stop_at_the_end():
    ends = {1: date(2031, 9, 30), 2: date(2031, 6, 15), 3: date(2031, 12, 1), 4: None}
    assert assessment.probation_reminders_due(date(2031, 7, 30), ends) == [1]
    assert assessment.probation_reminders_due(date(2031, 8, 31), ends) == [1]
    assert assessment.probation_reminders_due(date(2031, 10, 1), ends) == [3]
