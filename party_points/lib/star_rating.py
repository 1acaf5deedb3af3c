"""The star rating of branches (星级评定), in plain Python (nothing from Odoo).

A catalogue groups criteria in classes; each criterion belongs from a star
level on (3 达标, 4 先进, 5 标杆) and is required (必答) or optional (自选).
A level is reached only when every required criterion of that level and
below is met and, in each class, at least the class's minimum of optional
criteria of that level and below is met (all-or-nothing, one unmet hard
criterion and the level is lost). The hard criteria of a level are its
required criteria plus the optional ones each class demands. Every function
is pure and unit-tested in tests/unit/test_star_rating.py.
"""

from dataclasses import dataclass

LEVELS = (3, 4, 5)


@dataclass(frozen=True)
class Criterion:
    """A catalogue criterion as the rules see it."""

    id: int
    class_id: int
    level: int
    required: bool


def check_minimums(minimums):
    """Refuse a class's optional minimums (``{level: n}``) that are negative
    or fall from one level to the next (a higher level never asks for fewer
    optional criteria than a lower one)."""
    previous = 0
    for level in LEVELS:
        needed = minimums.get(level, 0)
        if needed < 0:
            raise ValueError("a minimum of optional criteria is never negative")
        if needed < previous:
            raise ValueError(
                "a higher star level never asks for fewer optional criteria"
            )
        previous = needed


def hard_count(criteria, minimums, level):
    """How many hard criteria ``level`` has: its required criteria and
    those of the levels below, plus each class's minimum of optional ones
    (``minimums``: ``{class id: {level: n}}``)."""
    required = sum(1 for c in criteria if c.required and c.level <= level)
    return required + sum(m.get(level, 0) for m in minimums.values())


def blockers(criteria, met, minimums, level):
    """What stands between a branch and ``level``: the required criteria of
    that level and below not met (``met``: ``{criterion id: bool}``, a
    missing or undecided one counts as not met), and the classes whose met
    optional criteria of that level and below fall short of their minimum,
    as ``(criterion ids, {class id: (met, needed)})``."""
    missing = [
        c.id for c in criteria if c.required and c.level <= level and not met.get(c.id)
    ]
    short = {}
    for class_id, class_minimums in minimums.items():
        needed = class_minimums.get(level, 0)
        if not needed:
            continue
        done = sum(
            1
            for c in criteria
            if c.class_id == class_id
            and not c.required
            and c.level <= level
            and met.get(c.id)
        )
        if done < needed:
            short[class_id] = (done, needed)
    return missing, short


def reached_level(criteria, met, minimums):
    """The highest star level whose hard criteria, and those of every level
    below, are all met; 0 when not even the lowest is."""
    reached = 0
    for level in LEVELS:
        missing, short = blockers(criteria, met, minimums, level)
        if missing or short:
            break
        reached = level
    return reached


def next_level(level):
    """The level after ``level`` (0 for none yet), ``None`` after the top."""
    if level >= LEVELS[-1]:
        return None
    return LEVELS[0] if level < LEVELS[0] else level + 1


def change(previous, final):
    """How a branch's final level compares with last year's: ``new`` (no
    rating last year), ``same``, ``up`` (升星), ``down`` (降星) or
    ``removed`` (摘星: stars last year, none now)."""
    if previous is None:
        return "new"
    if final == previous:
        return "same"
    if final > previous:
        return "up"
    return "removed" if not final else "down"


def share(part, whole):
    """``part`` of ``whole`` in percent, ``None`` when there is no whole."""
    if not whole:
        return None
    return 100.0 * part / whole


def at_least(value, threshold):
    """A figure meets a floor: ``None`` (no data to judge) never does."""
    return value is not None and value >= threshold


def at_most(value, ceiling):
    """A figure stays under a ceiling: ``None`` (no data) never does."""
    return value is not None and value <= ceiling
