"""party_points/lib/xlsx_layout.py and the per-category caps the Excel
ledger shows (party_points/lib/scoring.py)."""

from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

layout = load_lib("party_points", "xlsx_layout")
scoring = load_lib("party_points", "scoring")

RULES = {"r1": ("study", 10), "r2": ("study", 0), "n1": ("discipline", 0)}
CATEGORIES = {"study": ("positive", 15), "discipline": ("negative", 0)}


def test_sheet_names_are_valid_and_unique():
    assert layout.sheet_name("运行部党支部", set()) == "运行部党支部"
    assert layout.sheet_name("A/B: [x]?", set()) == "AB x"
    assert layout.sheet_name("", set()) == "Sheet"
    assert layout.sheet_name("Branch", {"branch"}) == "Branch(2)"
    assert layout.sheet_name("Branch", {"Branch", "Branch(2)"}) == "Branch(3)"
    long_name = "x" * 40
    assert layout.sheet_name(long_name, set()) == "x" * 31
    assert layout.sheet_name(long_name, {"x" * 31}) == "x" * 28 + "(2)"


@given(st.lists(st.text(max_size=40), max_size=12))
def test_sheet_names_never_clash(names):
    taken = set()
    for name in names:
        new = layout.sheet_name(name, taken)
        assert 0 < len(new) <= 31
        assert not layout.INVALID_SHEET_CHARS.search(new)
        assert new.lower() not in {old.lower() for old in taken}
        taken.add(new)


def test_column_letters_and_ranges():
    assert [layout.column_letter(col) for col in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
    assert layout.column_range(10, 3, 6) == "K4:K7"


def test_formulas_carry_their_values():
    assert layout.subtotal([1.25, 2, -0.75], "C4:C6") == layout.Formula(
        "=SUBTOTAL(109,C4:C6)", 2.5
    )
    assert layout.count_if(["是", "否", "是"], "P4:P6", "是").value == 2
    assert layout.count_filled(["x", None, ""], "B4:B6").value == 1
    formula = layout.sum_if([3, 0, -2], "I4:I6", "已审核", "H4:H6")
    assert formula.text == '=SUMIF(I4:I6,"已审核",H4:H6)'
    assert formula.value == 1


def test_capped_by_category():
    # r1 capped at 10, plus r2's 8: the category holds the 18 at 15
    assert scoring.capped_by_category(
        {"r1": 12, "r2": 8, "n1": -7}, RULES, CATEGORIES
    ) == {"study": 15, "discipline": 7}
    assert scoring.capped_by_category({}, RULES, CATEGORIES) == {}


@given(
    st.dictionaries(st.sampled_from(sorted(RULES)), st.floats(-50, 50, allow_nan=False))
)
def test_categories_add_up_to_the_totals(rule_sums):
    by_category = scoring.capped_by_category(rule_sums, RULES, CATEGORIES)
    positive, negative = scoring.list_totals(by_category, CATEGORIES)
    assert round(by_category.get("study", 0), 2) == positive
    assert round(by_category.get("discipline", 0), 2) == negative
    signed = scoring.signed_by_category(by_category, CATEGORIES)
    assert signed.get("study", 0) == positive
    assert signed.get("discipline", 0) == -negative
