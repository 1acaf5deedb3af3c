"""party_points/lib/scoring.py: points, caps, vetoes, grades, quota, ranks."""

import pytest
from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

scoring = load_lib("party_points", "scoring")

RULES = {"r1": ("study", 10), "r2": ("study", 0), "n1": ("discipline", 0)}
CATEGORIES = {"study": ("positive", 15), "discipline": ("negative", 0)}


def test_entry_points_signed_by_list():
    assert scoring.entry_points(2, 3, "positive") == 6
    assert scoring.entry_points(2, 3, "negative") == -6
    assert scoring.entry_points(2.5, 1, "negative", reversal=True) == 2.5


def test_range():
    assert scoring.in_range(5, 5, 10)
    assert scoring.in_range(10, 5, 10)
    assert not scoring.in_range(11, 5, 10)


def capped_points(rule_sums):
    return scoring.list_totals(
        scoring.capped_by_category(rule_sums, RULES, CATEGORIES), CATEGORIES
    )


def test_rule_cap_then_category_cap():
    # r1 capped at 10, plus r2's 8: the category holds the 18 at 15
    assert capped_points({"r1": 12, "r2": 8}) == (15, 0)
    assert capped_points({"r1": 12, "r2": 2}) == (12, 0)
    assert capped_points({"n1": -7}) == (0, 7)


def test_clamp_score():
    assert scoring.clamp_score(70, 50, 0, 0, 100) == 100
    assert scoring.clamp_score(70, 50, 0, 0, 0) == 120
    assert scoring.clamp_score(70, 0, 90, 0, 0) == 0


def test_strongest_veto():
    assert scoring.strongest_veto([]) is None
    assert scoring.strongest_veto(["no_excellent", "unqualified"]) == "unqualified"
    assert scoring.strongest_veto(["no_excellent", "zero", "unqualified"]) == "zero"


def test_band_grade():
    bands = (90, 75, 60)
    assert scoring.band_grade(90, *bands) == "excellent"
    assert scoring.band_grade(89.99, *bands) == "qualified"
    assert scoring.band_grade(60, *bands) == "basic"
    assert scoring.band_grade(59, *bands) == "unqualified"


def test_quota_ties_across_the_line_are_undecided():
    cands = [("a", 99), ("b", 95), ("c", 95), ("d", 90)]
    assert scoring.apply_quota(cands, 2) == ({"a"}, {"b", "c"})
    assert scoring.apply_quota(cands, 3) == ({"a", "b", "c"}, set())
    assert scoring.apply_quota(cands, 5) == ({"a", "b", "c", "d"}, set())
    assert scoring.apply_quota(cands, 0) == (set(), set())


def test_quota_limit_rounds_down():
    assert scoring.quota_limit(3, 1 / 3) == 1
    assert scoring.quota_limit(3, 0.3333) == 1
    assert scoring.quota_limit(5, 1 / 3) == 1
    assert scoring.quota_limit(10, 0.299) == 2
    assert scoring.quota_limit(2, 1 / 3) == 0


def test_competition_ranks():
    ranks = scoring.competition_ranks({"a": 90, "b": 80, "c": 80, "d": 70})
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4}


def _members():
    M = scoring.Member
    return [
        M(1, "A", True),
        M(2, "A", True),
        M(3, "A", True),
        M(4, "A", True, exempt=True),
        M(5, "A", False),
        M(6, "B", True),
    ]


def test_compute_results():
    ruleset = scoring.Ruleset(base_score=70, excellent_min=80, excellent_quota=0.5)
    sums = {1: {"r1": 12}, 2: {"r1": 10}, 3: {"r1": 10, "n1": -1}, 6: {"r1": 10}}
    vetoes = {6: ["no_excellent"]}
    res = scoring.compute_results(ruleset, _members(), sums, RULES, CATEGORIES, vetoes)
    assert res[1]["score"] == 80 and res[1]["positive_points"] == 10
    assert res[3]["score"] == 79 and res[3]["grade"] == "qualified"
    assert res[3]["category_points"] == {"study": 10, "discipline": -1}
    assert res[5]["category_points"] == {}
    # three graded in A, quota 1: members 1 and 2 tie on the line
    assert [res[k]["grade"] for k in (1, 2)] == ["qualified", "qualified"]
    assert res[1]["needs_decision"] and res[2]["needs_decision"]
    assert res[4]["grade"] == "exempt" and res[4]["rank_in_branch"] is False
    assert res[5]["grade"] is False and res[5]["rank_overall"] is False
    assert res[6]["grade"] == "qualified" and res[6]["veto_effect"] == "no_excellent"
    assert [res[k]["rank_in_branch"] for k in (1, 2, 3)] == [1, 1, 3]
    assert res[6]["rank_in_branch"] == 1
    assert [res[k]["rank_overall"] for k in (1, 2, 6, 3)] == [1, 1, 1, 4]


@pytest.mark.parametrize(
    "veto,score,grade",
    [("zero", 0, "unqualified"), ("unqualified", 80, "unqualified")],
)
def test_compute_results_vetoes(veto, score, grade):
    ruleset = scoring.Ruleset(base_score=80)
    members = [scoring.Member(1, "A", True)]
    res = scoring.compute_results(ruleset, members, {}, RULES, CATEGORIES, {1: [veto]})
    assert (res[1]["score"], res[1]["grade"]) == (score, grade)


scores_st = st.dictionaries(
    st.integers(0, 60), st.integers(0, 20).map(lambda x: x * 5.0), max_size=30
)


@given(scores_st)
def test_ranks_properties(scores):
    ranks = scoring.competition_ranks(scores)
    assert set(ranks) == set(scores)
    for a in scores:
        # a rank is one plus the number of strictly better scores
        better = sum(1 for b in scores if scores[b] > scores[a])
        assert ranks[a] == better + 1


@given(scores_st, st.integers(0, 40))
def test_quota_properties(scores, limit):
    excellent, undecided = scoring.apply_quota(list(scores.items()), limit)
    assert len(excellent) <= limit
    assert not excellent & undecided
    if undecided:
        line = {scores[k] for k in undecided}
        assert len(line) == 1
        assert len(excellent) < limit < len(excellent) + len(undecided)
        assert all(scores[k] > min(line) for k in excellent)
    else:
        # nobody left out scores as high as someone excellent
        outside = set(scores) - excellent
        assert all(scores[o] < scores[e] for o in outside for e in excellent)
        assert len(excellent) == min(limit, len(scores))
