"""party_points/lib/sql_arrays.py (PostgreSQL reads the literals back in the
Odoo suite: every period close stores its results through them)."""

import math

import pytest
from conftest import load_lib

array_literal = load_lib("party_points", "sql_arrays").array_literal


@pytest.mark.parametrize(
    "values,text",
    [
        ([], "{}"),
        ([1, 2, 3], "{1,2,3}"),
        ([1.5, -0.25, None], "{1.5,-0.25,NULL}"),
        ([True, False, None], "{t,f,NULL}"),
        (["qualified", None], '{"qualified",NULL}'),
        (
            ['say "hi"', "a\\b", "x,y", "{}", "NULL"],
            r'{"say \"hi\"","a\\b","x,y","{}","NULL"}',
        ),
    ],
)
def test_array_literal(values, text):
    assert array_literal(values) == text


def test_bool_is_not_taken_for_a_number():
    # bool is a subclass of int: it must still come out as t/f
    assert array_literal([True, 1]) == "{t,1}"
    assert array_literal([1, False]) == "{1,f}"


def test_numbers_with_a_null_or_from_a_generator():
    assert array_literal([1, 2.5, None]) == "{1,2.5,NULL}"
    assert array_literal(n * 2 for n in range(3)) == "{0,2,4}"


def test_float_round_trip():
    values = [0.1, 1e-05, 123456789.125, -math.pi]
    assert [float(v) for v in array_literal(values)[1:-1].split(",")] == values
