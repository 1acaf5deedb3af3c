"""Checks of what people type, post and upload, in plain Python (nothing
from Odoo).

The models call these from ``create``/``write`` (before anything is stored
or computed) and from their constraints; the portal controllers call them on
posted forms and files. Each check answers with a value or raises
:class:`InputError`, whose ``code`` the caller turns into a translated
sentence. Unit-tested in tests/unit/test_validation.py.
"""

import math
import re
from datetime import date, datetime, time

# More units than this in one entry is a typing mistake, not a deed.
MAX_QUANTITY = 10_000
# The largest points, caps, scores and grade bands a rule book may name.
MAX_POINTS = 10_000
# No number stored by the Party models goes beyond this (a guard against
# absurd values in fields without a tighter rule of their own).
MAX_NUMBER = 1_000_000_000
# PostgreSQL ``integer`` columns.
MAX_INTEGER = 2**31 - 1
# Deeds, meetings, deadlines and periods fall within these years.
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
# A one-line text (a title, a name, a code) and a free text (a description,
# a reason, a comment).
MAX_LINE = 256
MAX_TEXT = 10_000

# ``YYYY-MM-DD``, optionally with ``HH:MM`` or ``HH:MM:SS``: nothing after.
_DATE_RE = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?: (?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?))?",
    re.ASCII,
)

# What a member may upload as evidence or with a suggestion, by the type
# sniffed from the content, with the file name endings each type may carry
# (the first is the one given to a file without an ending).
UPLOAD_EXTENSIONS = {
    "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
    "image/png": (".png",),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    "application/pdf": (".pdf",),
}


class InputError(ValueError):
    """A refused value: ``code`` names the reason, ``params`` its details."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


# -- numbers ----------------------------------------------------------------


def to_number(value):
    """``value`` as a finite float, or InputError ``not_a_number`` (text
    that is no number, NaN, infinities, booleans, anything else)."""
    if isinstance(value, bool):
        raise InputError("not_a_number", value=value)
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError) as error:
        raise InputError("not_a_number", value=value) from error
    if not math.isfinite(number):
        raise InputError("not_a_number", value=value)
    return number


def check_number(value, low=-MAX_NUMBER, high=MAX_NUMBER):
    """``value`` as a finite float within ``[low, high]``, or InputError
    (``not_a_number`` or ``out_of_bounds`` with ``low`` and ``high``)."""
    number = to_number(value)
    if not low <= number <= high:
        raise InputError("out_of_bounds", value=number, low=low, high=high)
    return number


def check_integer(value, low=-MAX_INTEGER, high=MAX_INTEGER):
    """``value`` as an int within ``[low, high]`` (by default what a
    PostgreSQL integer holds), or InputError."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        number = to_number(value)
        if not number.is_integer():
            raise InputError("not_an_integer", value=value)
        value = int(number)
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise InputError("not_an_integer", value=value) from error
    if not low <= number <= high:
        raise InputError("out_of_bounds", value=number, low=low, high=high)
    return number


def check_quantity(value):
    """A quantity of an entry: above 0 and at most :data:`MAX_QUANTITY`."""
    number = to_number(value)
    if number <= 0:
        raise InputError("not_positive", value=number)
    if number > MAX_QUANTITY:
        raise InputError("out_of_bounds", value=number, low=0, high=MAX_QUANTITY)
    return number


def check_points(value, signed=False):
    """Points, a cap, a score or a grade band of a rule book: finite and at
    most :data:`MAX_POINTS` in size (not below 0 unless ``signed``)."""
    low = -MAX_POINTS if signed else 0
    return check_number(value, low, MAX_POINTS)


# -- texts ------------------------------------------------------------------


def check_text(value, limit=MAX_TEXT):
    """``value`` (a str, or False/None for empty) when it is at most
    ``limit`` characters long, else InputError ``too_long``."""
    if value and len(value) > limit:
        raise InputError("too_long", length=len(value), limit=limit)
    return value


# -- dates ------------------------------------------------------------------


def parse_datetime(value):
    """A posted or sent date as a :class:`datetime`: a date or datetime
    object, or text ``YYYY-MM-DD`` optionally followed by ``HH:MM[:SS]`` and
    nothing else. Anything else raises InputError ``bad_date``; a date
    outside :data:`DATE_MIN`..:data:`DATE_MAX` raises ``date_out_of_range``."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time.min)
    elif isinstance(value, str):
        match = _DATE_RE.fullmatch(value.strip())
        if not match:
            raise InputError("bad_date", value=value)
        text = match["date"]
        fmt = "%Y-%m-%d"
        if match["time"]:
            text = f"{text} {match['time']}"
            fmt += " %H:%M:%S" if match["time"].count(":") == 2 else " %H:%M"
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError as error:
            raise InputError("bad_date", value=value) from error
    else:
        raise InputError("bad_date", value=value)
    if not DATE_MIN <= moment.date() <= DATE_MAX:
        raise InputError(
            "date_out_of_range", value=moment.date(), low=DATE_MIN, high=DATE_MAX
        )
    return moment


def parse_date(value):
    """Like :func:`parse_datetime`, as a :class:`date`."""
    return parse_datetime(value).date()


# -- uploads ----------------------------------------------------------------


def is_active_content(mimetype):
    """Whether a browser would run or render ``mimetype`` as a page or a
    script (HTML, SVG, XML and the like): never stored for uploads."""
    mimetype = (mimetype or "").lower()
    return (
        "html" in mimetype
        or "svg" in mimetype
        or "javascript" in mimetype
        or (
            "xml" in mimetype
            and not mimetype.startswith("application/vnd.openxmlformats")
        )
    )


def upload_name(filename, mimetype, allowed=None):
    """The name to store an upload under, given the type sniffed from its
    content: the file's own name when its ending agrees with the type, the
    name with the type's ending added when it has none. Raises InputError
    ``bad_type`` for a type not in ``allowed`` and ``wrong_extension`` (with
    ``extension`` and ``expected``) when the name claims another type."""
    allowed = UPLOAD_EXTENSIONS if allowed is None else allowed
    if mimetype not in allowed or is_active_content(mimetype):
        raise InputError("bad_type", filename=filename, mimetype=mimetype)
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    stem, dot, extension = base.rpartition(".")
    extensions = allowed[mimetype]
    if not dot or not stem:
        return f"{base or 'file'}{extensions[0]}"
    if f".{extension.lower()}" in extensions:
        return base
    raise InputError(
        "wrong_extension",
        filename=base,
        extension=f".{extension}",
        expected=extensions[0],
        mimetype=mimetype,
    )
