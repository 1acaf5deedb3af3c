"""Plain helpers of the Excel ledgers (nothing from Odoo)."""

import re
from dataclasses import dataclass

# Characters Excel refuses in a sheet name, and its longest sheet name.
INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
MAX_SHEET_NAME = 31


def sheet_name(name, taken):
    """A valid sheet name for ``name`` that is not in ``taken`` (compared
    case-insensitively, as Excel does): invalid characters dropped, cut to
    31 characters, numbered when already used."""
    base = INVALID_SHEET_CHARS.sub("", name or "").strip() or "Sheet"
    base = base[:MAX_SHEET_NAME]
    used = {existing.lower() for existing in taken}
    candidate, number = base, 1
    while candidate.lower() in used:
        number += 1
        suffix = f"({number})"
        candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    return candidate


def column_letter(col):
    """Excel's letters of the zero-based column ``col`` (0 -> A, 26 -> AA)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_range(col, first_row, last_row):
    """The A1 range of zero-based column ``col`` from ``first_row`` to
    ``last_row`` (zero-based, inclusive)."""
    letter = column_letter(col)
    return f"{letter}{first_row + 1}:{letter}{last_row + 1}"


@dataclass(frozen=True)
class Formula:
    """A formula cell with the value it computes (stored with the formula, so
    that readers that do not calculate still see it)."""

    text: str
    value: float


def subtotal(values, cell_range):
    """The sum of ``values`` as a SUBTOTAL formula over ``cell_range`` (it
    follows the filters)."""
    return Formula(f"=SUBTOTAL(109,{cell_range})", round(sum(values), 2))


def count_if(values, cell_range, criterion):
    """How many of ``values`` equal ``criterion``, as a COUNTIF formula."""
    count = sum(1 for value in values if value == criterion)
    return Formula(f'=COUNTIF({cell_range},"{criterion}")', count)


def count_filled(values, cell_range):
    """How many of ``values`` are filled in, as a COUNTA formula."""
    return Formula(f"=COUNTA({cell_range})", sum(1 for value in values if value))


def sum_if(values, criteria_range, criterion, sum_range):
    """The sum of ``values`` (already zero where the criterion fails) as a
    SUMIF formula."""
    return Formula(
        f'=SUMIF({criteria_range},"{criterion}",{sum_range})', round(sum(values), 2)
    )
