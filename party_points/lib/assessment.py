"""The annual assessment's rules, in plain Python (nothing from Odoo).

A year (or any span) is assessed over closed periods: their scores combine
by the rule book's method, vetoes reach as far as their effect window, the
民主评议 votes become a review score, the two make a composite, and the
composite proposes a grade per member category, the excellent quota
belonging to the year. Every function is pure and unit-tested in
tests/unit/test_assessment.py; the assessment model hands them plain values.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .scoring import PRECISION, VETO_STRENGTH, apply_quota, band_grade, quota_limit

COMBINE_METHODS = ("sum", "average", "last")
# The member types assessed as Party members (activists are not).
PARTY_MEMBER_TYPES = ("full", "probationary")
# 民主评议 choices, best first, and the review score each vote is worth.
REVIEW_CHOICES = ("excellent", "qualified", "basic", "unqualified")
REVIEW_VALUES = {
    "excellent": 100.0,
    "qualified": 80.0,
    "basic": 60.0,
    "unqualified": 0.0,
}


def combine_periods(scores, method):
    """The year's points from the scores of its periods, oldest first
    (``None`` for a period that did not score the member): their sum, the
    average of the periods that scored the member (唐河), or the last
    period's score only. ``None`` when no period scored the member."""
    if method not in COMBINE_METHODS:
        raise ValueError(f"unknown method {method!r}")
    scored = [score for score in scores if score is not None]
    if not scored:
        return None
    if method == "sum":
        total = sum(scored)
    elif method == "average":
        total = sum(scored) / len(scored)
    else:
        total = scored[-1]
    return round(total, PRECISION)


def add_months(day, months):
    """``day`` plus ``months`` calendar months, held at the month's last day
    (31 January plus one month is 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def veto_window(veto_date, effect_months):
    """The days a veto dated ``veto_date`` blocks: ``(first, last)``, from its
    date for ``effect_months`` months (0: its own day only, so it reaches
    the assessment of the span holding it and no other)."""
    if effect_months <= 0:
        return veto_date, veto_date
    return veto_date, add_months(veto_date, effect_months) - timedelta(days=1)


def veto_applies(veto_date, effect_months, span_start, span_end):
    """Whether a veto's window overlaps the assessed span (both ends
    included), wherever the period holding the veto lies."""
    first, last = veto_window(veto_date, effect_months)
    return first <= span_end and last >= span_start


def strongest(effects):
    """The strongest of some veto effects, or None."""
    effects = [effect for effect in effects if effect]
    return max(effects, key=VETO_STRENGTH.__getitem__) if effects else None


def review_score(counts):
    """The 民主评议 part from the vote counts ``{choice: count}``: the average
    of the votes' values (优秀 100, 合格 80, 基本合格 60, 不合格 0), or None
    without votes."""
    if not REVIEW_VALUES.keys() >= counts.keys():
        unknown = counts.keys() - REVIEW_VALUES.keys()
        raise ValueError(f"unknown choices {sorted(unknown)}")
    votes = total = 0
    for choice, count in counts.items():
        votes += count
        total += REVIEW_VALUES[choice] * count
    if not votes:
        return None
    return round(total / votes, PRECISION)


def composite(points, review, points_weight, review_weight):
    """The composite of the points part and the review part, weighted in
    percent (70/30): without votes, the points part alone counts in full."""
    if points_weight < 0 or review_weight < 0 or points_weight + review_weight != 100:
        raise ValueError("the weights must be positive and add up to 100")
    points = points or 0.0
    if review is None:
        return round(points, PRECISION)
    return round((points * points_weight + review * review_weight) / 100, PRECISION)


@dataclass(frozen=True)
class Bands:
    """The assessment's grade bands and its excellent quota (of each line)."""

    excellent_min: float = 90.0
    qualified_min: float = 70.0
    basic_min: float = 60.0
    excellent_quota: float = 1 / 3


class Line(NamedTuple):
    """A member as the assessment grades them: ``line`` groups members
    graded against each other (full members, probationary members, a
    reduced list), None for an exempt member. :func:`propose_grades` takes
    these or plain tuples of the same four values (see
    :class:`scoring.Member`)."""

    key: int
    line: str | None
    composite: float
    veto: str | None = None


def propose_grades(bands, lines):
    """The proposed grade of every member: ``{key: (grade, needs_decision)}``.

    Each line is graded on its own, against the bands; excellent only
    within the line's quota (members tied on the quota line are left for the
    committee: ``needs_decision``) and never with a veto; a veto
    ``unqualified`` or ``zero`` proposes 不合格, which only a branch meeting
    and the committee make final. Exempt members get ``exempt``."""
    proposed, candidates, graded = {}, {}, {}
    for key, group, composite, veto in lines:
        if group is None:
            proposed[key] = ("exempt", False)
            continue
        grade = band_grade(
            composite, bands.excellent_min, bands.qualified_min, bands.basic_min
        )
        if veto in ("unqualified", "zero"):
            grade = "unqualified"
        graded[group] = graded.get(group, 0) + 1
        if grade == "excellent":
            grade = "qualified"
            if veto is None:
                candidates.setdefault(group, []).append((key, composite))
        proposed[key] = (grade, False)
    for line, count in graded.items():
        excellent, undecided = apply_quota(
            candidates.get(line, []), quota_limit(count, bands.excellent_quota)
        )
        for key in excellent:
            proposed[key] = ("excellent", False)
        for key in undecided:
            proposed[key] = (proposed[key][0], True)
    return proposed


# -- 公示 ---------------------------------------------------------------------

MIN_NOTICE_DAYS = 5


def notice_end(start, days):
    """The last moment of a notice published at ``start`` for ``days`` days
    (the rule book's window, at least MIN_NOTICE_DAYS)."""
    if days < MIN_NOTICE_DAYS:
        raise ValueError(f"a notice lasts at least {MIN_NOTICE_DAYS} days")
    return start + timedelta(days=days)


def notice_open(now, start, end):
    """Whether objections may be filed at ``now``."""
    return start is not None and start <= now < end


def finalize_blockers(now, end, objection_states):
    """Why the assessment cannot become final yet, as a list of reasons
    (``"notice_open"`` while the window runs, ``"objections_pending"``
    while an objection is undecided); empty when it can."""
    blockers = []
    if end is None or now < end:
        blockers.append("notice_open")
    if any(state not in ("upheld", "rejected") for state in objection_states):
        blockers.append("objections_pending")
    return blockers


def probation_reminder(probation_end):
    """When the branch is reminded of a probationary member's 转正: two
    months before the probation ends."""
    return add_months(probation_end, -2)


# -- 不合格 and 基本合格 by the book ------------------------------------------

# The member categories the rule book grades on their own list or exempts:
# 离退休, 流动, 年老体弱.
SPECIAL_CATEGORIES = ("retired", "mobile", "infirm")


def line_key(branch_id, category):
    """The list a member is graded on (the excellent quota and the ranks are
    per list): full and probationary members of a branch apart, each special
    category on its own reduced list, None for an exempt member."""
    if category == "exempt":
        return None
    return f"{branch_id}:{category}"


def meeting_errors(branch_members, present, votes_for, votes_against, abstain):
    """What is wrong with a 支部大会 decision making a member 不合格, as a
    list of reasons (empty when it stands): the members present are at most
    the branch's members (and at least one), the votes at most the members
    present, and more than half of the members present voted for it."""
    errors = []
    numbers = (present, votes_for, votes_against, abstain)
    if any(number is None or number < 0 for number in numbers):
        return ["negative"]
    if present <= 0:
        errors.append("nobody_present")
    if present > branch_members:
        errors.append("present_above_members")
    if votes_for + votes_against + abstain > present:
        errors.append("votes_above_present")
    if votes_for * 2 <= present:
        errors.append("no_majority")
    return errors


def finalize_grade_blockers(lines):
    """The members whose grade is not yet settled by the book, from
    ``lines`` = ``[(name, grade, decision approved, plan recorded)]``:
    ``(unqualified without an approved branch meeting decision, basically
    qualified without a correction plan)``, names sorted."""
    unqualified = sorted(
        name
        for name, grade, approved, _plan in lines
        if grade == "unqualified" and not approved
    )
    basic = sorted(
        name for name, grade, _approved, plan in lines if grade == "basic" and not plan
    )
    return unqualified, basic


def probation_reminders_due(today, probation_ends):
    """Of ``probation_ends`` (``{key: 转正 date}``), the keys whose branch is
    to be reminded on ``today``: the reminder day has come and the probation
    has not ended yet (a missed day is caught up on the next run)."""
    return sorted(
        key
        for key, end in probation_ends.items()
        if end and probation_reminder(end) <= today <= end
    )
