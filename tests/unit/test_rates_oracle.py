"""The plain-Python count of the four rates the addon's tests hold the SQL
view of party.suggestion.report against (party_ledger/tests/rates_oracle.py)."""

from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

oracle = load_lib("party_ledger", "rates_oracle", folder="tests")


def test_rates_hand_count():
    items = [
        # responded on time, closed, closed on time, satisfaction
        (True, True, True, "very_satisfied"),
        (True, True, True, "satisfied"),
        (True, True, False, "basic"),
        (False, True, False, "unsatisfied"),
        (True, False, False, None),
        (False, False, False, None),
        (True, True, True, None),
        (True, False, False, "unsatisfied"),
    ]
    assert oracle.ledger_rates(items) == {
        "count": 8,
        "response_rate": 75.0,  # 6 of 8
        "closure_rate": 62.5,  # 5 of 8
        "on_time_rate": 60.0,  # 3 of 5 closed
        "satisfaction_rate": 40.0,  # 2 of 5 rated
    }


def test_rates_of_nothing_are_zero():
    assert oracle.ledger_rates([]) == {
        "count": 0,
        "response_rate": 0.0,
        "closure_rate": 0.0,
        "on_time_rate": 0.0,
        "satisfaction_rate": 0.0,
    }


item = st.tuples(
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from([None, "very_satisfied", "satisfied", "basic", "unsatisfied"]),
)


@given(st.lists(item, max_size=60))
def test_rates_are_percentages_consistent_with_counts(items):
    rates = oracle.ledger_rates(items)
    assert rates["count"] == len(items)
    for key in ("response_rate", "closure_rate", "on_time_rate", "satisfaction_rate"):
        assert 0.0 <= rates[key] <= 100.0
    closed = [i for i in items if i[1]]
    if closed and all(i[2] for i in closed):
        assert rates["on_time_rate"] == 100.0
    if not any(i[3] for i in items):
        assert rates["satisfaction_rate"] == 0.0


def test_basically_satisfied_counts_where_the_company_says_so():
    items = [
        (True, True, True, "very_satisfied"),
        (True, True, True, "basic"),
        (True, True, True, "basic"),
        (True, True, True, "unsatisfied"),
        (True, False, False, None),
    ]
    # off by default: 1 of 4 rated items
    assert oracle.ledger_rates(items)["satisfaction_rate"] == 25.0
    assert oracle.ledger_rates(items, basic_counts=False)["satisfaction_rate"] == 25.0
    # on: 3 of 4; the other rates do not move
    counted = oracle.ledger_rates(items, basic_counts=True)
    assert counted["satisfaction_rate"] == 75.0
    assert {k: v for k, v in counted.items() if k != "satisfaction_rate"} == {
        k: v for k, v in oracle.ledger_rates(items).items() if k != "satisfaction_rate"
    }
    assert oracle.satisfied_levels() == ("very_satisfied", "satisfied")
    assert "basic" in oracle.satisfied_levels(True)
    assert "unsatisfied" not in oracle.satisfied_levels(True)
