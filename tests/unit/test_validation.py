"""party_points/lib/validation.py: numbers, texts, dates and uploads."""

import math
from datetime import date, datetime

import pytest
from conftest import load_lib
from hypothesis import given
from hypothesis import strategies as st

validation = load_lib("party_points", "validation")
InputError = validation.InputError


def code_of(function, *args, **kwargs):
    with pytest.raises(InputError) as caught:
        function(*args, **kwargs)
    return caught.value.code


# -- numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        float("nan"),
        float("inf"),
        float("-inf"),
        "nan",
        "NaN",
        "inf",
        "-Infinity",
        "1e400",
        "abc",
        "",
        None,
        True,
        [1],
        "1,5",
    ],
)
def test_not_a_number(value):
    assert code_of(validation.to_number, value) == "not_a_number"


def test_numbers_and_number_strings_pass():
    assert validation.to_number("2.5") == 2.5
    assert validation.to_number(3) == 3.0
    assert validation.check_number(-5, -10, 10) == -5


def test_magnitudes():
    assert code_of(validation.check_number, 1e300) == "out_of_bounds"
    assert code_of(validation.check_quantity, 10_000.5) == "out_of_bounds"
    assert validation.check_quantity(10_000) == 10_000
    assert code_of(validation.check_quantity, 0) == "not_positive"
    assert code_of(validation.check_quantity, -1) == "not_positive"
    assert code_of(validation.check_points, -1) == "out_of_bounds"
    assert validation.check_points(-1, signed=True) == -1
    assert code_of(validation.check_points, 10_001) == "out_of_bounds"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_quantity_accepts_only_finite_sane_positive_numbers(value):
    try:
        quantity = validation.check_quantity(value)
    except InputError:
        assert not (math.isfinite(value) and 0 < value <= validation.MAX_QUANTITY)
    else:
        assert math.isfinite(quantity) and 0 < quantity <= validation.MAX_QUANTITY


@given(st.one_of(st.integers(), st.text(max_size=30)))
def test_integers_fit_postgresql(value):
    try:
        number = validation.check_integer(value)
    except InputError:
        return
    assert -(2**31) < number < 2**31


def test_integers():
    assert validation.check_integer("42") == 42
    assert validation.check_integer(3.0) == 3
    assert code_of(validation.check_integer, 3.5) == "not_an_integer"
    assert code_of(validation.check_integer, float("nan")) == "not_a_number"
    assert code_of(validation.check_integer, "4x") == "not_an_integer"
    assert code_of(validation.check_integer, 2**31) == "out_of_bounds"
    assert code_of(validation.check_integer, 0, 1) == "out_of_bounds"


# -- texts --------------------------------------------------------------------


def test_texts():
    assert validation.check_text("a" * validation.MAX_TEXT) == "a" * 10_000
    assert validation.check_text(False) is False
    assert code_of(validation.check_text, "a" * 10_001) == "too_long"
    with pytest.raises(InputError) as caught:
        validation.check_text("题" * 300, validation.MAX_LINE)
    assert caught.value.params == {"length": 300, "limit": 256}


# -- dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2031-02-10xyz",
        "2031-02-10 00:00:00junk",
        "2031-02-30",
        "2031-2-10",
        "10/02/2031",
        "2031-02-10T00:00:00",
        "２０３１-０２-１０",
        "",
        "abc",
        "10000-01-01",
        20310210,
        None,
    ],
)
def test_bad_dates(value):
    assert code_of(validation.parse_date, value) == "bad_date"


@pytest.mark.parametrize(
    "value", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", date(1, 1, 1)]
)
def test_dates_out_of_range(value):
    assert code_of(validation.parse_date, value) == "date_out_of_range"


def test_good_dates():
    assert validation.parse_date("2031-02-10") == date(2031, 2, 10)
    assert validation.parse_date(" 2031-02-10 ") == date(2031, 2, 10)
    assert validation.parse_date("2031-02-10 13:45:00") == date(2031, 2, 10)
    assert validation.parse_datetime("2031-02-10 13:45") == datetime(
        2031, 2, 10, 13, 45
    )
    assert validation.parse_date(datetime(2031, 2, 10, 8)) == date(2031, 2, 10)
    assert validation.parse_date("1900-01-01") == validation.DATE_MIN
    assert validation.parse_date("2100-12-31") == validation.DATE_MAX


@given(st.dates(), st.text(min_size=1, max_size=5))
def test_trailing_text_is_never_cut_away(day, tail):
    text = day.isoformat() + tail
    try:
        parsed = validation.parse_datetime(text)
    except InputError:
        return
    # only a time of day (or spaces) may follow the date
    assert tail.strip() == "" or tail.startswith(" ")
    assert parsed.date() == day


# -- uploads ------------------------------------------------------------------


def test_upload_names_agree_with_the_content():
    assert validation.upload_name("photo.PNG", "image/png") == "photo.PNG"
    assert validation.upload_name("scan.jpeg", "image/jpeg") == "scan.jpeg"
    assert validation.upload_name("证明.pdf", "application/pdf") == "证明.pdf"
    # no ending: the content's is added
    assert validation.upload_name("photo", "image/png") == "photo.png"
    assert validation.upload_name("C:\\Users\\me\\scan", "image/jpeg") == "scan.jpg"
    assert validation.upload_name("", "application/pdf") == "file.pdf"


def test_upload_names_that_lie_are_refused():
    with pytest.raises(InputError) as caught:
        validation.upload_name("photo.html", "image/png")
    assert caught.value.code == "wrong_extension"
    assert caught.value.params["extension"] == ".html"
    assert caught.value.params["expected"] == ".png"
    assert code_of(validation.upload_name, "a.svg", "image/png") == "wrong_extension"
    assert code_of(validation.upload_name, "a.pdf", "image/png") == "wrong_extension"


@pytest.mark.parametrize(
    "mimetype",
    [
        "text/html",
        "image/svg+xml",
        "application/xhtml+xml",
        "text/xml",
        "application/javascript",
        "text/plain",
        "application/octet-stream",
    ],
)
def test_active_or_unknown_content_is_refused(mimetype):
    assert code_of(validation.upload_name, "a.png", mimetype) == "bad_type"


def test_active_content():
    assert validation.is_active_content("text/html")
    assert validation.is_active_content("image/svg+xml")
    assert validation.is_active_content("TEXT/XML")
    assert not validation.is_active_content("image/png")
    assert not validation.is_active_content(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert not validation.is_active_content(False)
