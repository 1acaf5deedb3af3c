"""Scoring rules of a points period, in plain Python (nothing from Odoo).

The models aggregate approved entries in the database and hand plain tuples
and dicts to these functions; everything here is pure and unit-tested in
tests/unit/test_points_scoring.py.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

# Veto effects, weakest first: the strongest one of a member's vetoes wins.
VETO_STRENGTH = {"no_excellent": 1, "unqualified": 2, "zero": 3}
# Scores are compared at this precision (points carry two decimals).
PRECISION = 2


def entry_points(unit_points, quantity, list_type, reversal=False):
    """Signed points of one entry: unit points times quantity, positive for
    the positive list, negative for the negative list; a reversal mirrors
    the entry it reverses."""
    sign = 1 if list_type == "positive" else -1
    if reversal:
        sign = -sign
    return round(sign * unit_points * quantity, PRECISION)


def in_range(value, points_min, points_max):
    """Whether an approver's value lies within a range rule's bounds."""
    return points_min <= value <= points_max


def capped_by_category(rule_sums, rules, categories):
    """Capped magnitudes of one member in one period, by category.

    ``rule_sums`` maps a rule to the signed sum of its approved entries;
    ``rules`` maps a rule to ``(category, rule_cap)``; ``categories`` maps a
    category to ``(list_type, category_cap)``. Each rule's cap applies first,
    then each category's, both on absolute amounts. Returns ``{category:
    capped amount}`` (unrounded)."""
    # A cap of 0 means none. A period close runs this loop for some 200,000
    # (member, rule) sums: no function call in it.
    per_category = {}
    for rule, total in rule_sums.items():
        category, rule_cap = rules[rule]
        amount = -total if total < 0 else total
        if rule_cap and amount > rule_cap:
            amount = rule_cap
        per_category[category] = per_category.get(category, 0.0) + amount
    for category, amount in per_category.items():
        category_cap = categories[category][1]
        if category_cap and amount > category_cap:
            per_category[category] = category_cap
    return per_category


def list_totals(by_category, categories):
    """Capped (positive, negative) magnitudes, the sums of ``by_category``
    (as :func:`capped_by_category` returns it) over each list."""
    positive = negative = 0.0
    for category, capped in by_category.items():
        if categories[category][0] == "positive":
            positive += capped
        else:
            negative += capped
    return round(positive, PRECISION), round(negative, PRECISION)


def signed_by_category(by_category, categories):
    """``by_category`` (as :func:`capped_by_category` returns it) signed by
    list (negative categories below zero) and rounded: what a result keeps
    and a ledger shows per category."""
    return {
        category: round(
            amount if categories[category][0] == "positive" else -amount, PRECISION
        )
        for category, amount in by_category.items()
    }


def clamp_score(base, positive, negative, min_score, max_score):
    """Base plus positives minus negatives, within the floor and the ceiling
    (a ceiling of 0 means none)."""
    score = max(base + positive - negative, min_score)
    if max_score:
        score = min(score, max_score)
    return round(score, PRECISION)


def strongest_veto(effects):
    """The strongest of some veto effects, or None when there is none."""
    effects = [effect for effect in effects if effect]
    if not effects:
        return None
    return max(effects, key=VETO_STRENGTH.__getitem__)


def band_grade(score, excellent_min, qualified_min, basic_min):
    """The grade whose band holds ``score``; below ``basic_min`` it is
    unqualified."""
    if score >= excellent_min:
        return "excellent"
    if score >= qualified_min:
        return "qualified"
    if score >= basic_min:
        return "basic"
    return "unqualified"


def quota_limit(graded_count, quota):
    """How many of ``graded_count`` members may be excellent, rounded down
    (after rounding to cents, so that a quota typed as 33.33 % lets one of
    three members be excellent)."""
    return math.floor(round(graded_count * quota, 2))


def apply_quota(candidates, limit):
    """Split excellent candidates against the quota.

    ``candidates`` is a list of ``(key, score)``. Returns ``(excellent,
    undecided)``, two sets of keys: the highest scores up to ``limit``, and
    the members tied on the score that crosses the quota line (all of them
    left for an officer to decide). Everyone else is not excellent."""
    ranked = sorted(candidates, key=lambda item: -item[1])
    if len(ranked) <= limit:
        return {key for key, _score in ranked}, set()
    if limit <= 0:
        return set(), set()
    line = round(ranked[limit - 1][1], PRECISION)
    if round(ranked[limit][1], PRECISION) != line:
        return {key for key, _score in ranked[:limit]}, set()
    excellent = {key for key, score in ranked if round(score, PRECISION) > line}
    undecided = {key for key, score in ranked if round(score, PRECISION) == line}
    return excellent, undecided


def competition_ranks(scores):
    """Standard competition ranking (1, 2, 2, 4) of ``{key: score}``,
    highest score first."""
    # the keys alone, highest score first, ties in their order (a stable
    # sort, reversed): no (key, score) pair built for 10,000 members
    ordered = sorted(scores, key=scores.__getitem__, reverse=True)
    ranks = {}
    previous = None
    for position, key in enumerate(ordered, start=1):
        rounded = round(scores[key], PRECISION)
        if rounded != previous:
            rank = position
            previous = rounded
        ranks[key] = rank
    return ranks


@dataclass(frozen=True)
class Ruleset:
    """The numbers of a rule book that scoring needs."""

    base_score: float = 100.0
    min_score: float = 0.0
    max_score: float = 0.0
    excellent_min: float = 90.0
    qualified_min: float = 70.0
    basic_min: float = 60.0
    excellent_quota: float = 1 / 3


class Member(NamedTuple):
    """A member as the close scores them: ``(key, branch, graded,
    exempt)``. :func:`compute_results` takes these or plain tuples of the
    same values: the close's 10,000 are plain tuples of plain values, which
    the garbage collector stops tracking (it keeps tracking named ones)."""

    key: int
    branch: int
    graded: bool
    exempt: bool = False


def compute_results(ruleset, members, rule_sums, rules, categories, vetoes):
    """Every member's result for a period.

    ``members``: list of :class:`Member` (or plain tuples of its four
    values); ``rule_sums``: ``{member: {rule:
    signed sum of approved points}}`` (a member without points may be
    missing); ``rules`` and ``categories`` as for
    :func:`capped_by_category`; ``vetoes``: ``{member: [veto effects]}``.
    Returns ``{member: dict}`` with base_score, positive_points,
    negative_points, category_points (``{category: signed points}``), score,
    veto_effect, grade (False when not graded), needs_decision,
    rank_in_branch, rank_overall (False when unranked)."""
    results = {}
    candidates_by_branch = {}
    graded_by_branch = {}
    for key, branch, is_graded, is_exempt in members:
        by_category = capped_by_category(rule_sums.get(key, {}), rules, categories)
        positive, negative = list_totals(by_category, categories)
        member_vetoes = vetoes.get(key)
        veto = strongest_veto(member_vetoes) if member_vetoes else None
        score = clamp_score(
            ruleset.base_score,
            positive,
            negative,
            ruleset.min_score,
            ruleset.max_score,
        )
        if veto == "zero":
            score = 0.0
        grade = False
        if is_exempt:
            grade = "exempt"
        elif is_graded:
            grade = band_grade(
                score, ruleset.excellent_min, ruleset.qualified_min, ruleset.basic_min
            )
            if veto == "unqualified":
                grade = "unqualified"
            graded_by_branch.setdefault(branch, []).append(key)
            if grade == "excellent":
                # excellent only within the quota, and never with a veto
                grade = "qualified"
                if veto is None:
                    candidates_by_branch.setdefault(branch, []).append((key, score))
        results[key] = {
            "base_score": ruleset.base_score,
            "positive_points": positive,
            "negative_points": negative,
            "category_points": signed_by_category(by_category, categories),
            "score": score,
            "veto_effect": veto,
            "grade": grade,
            "needs_decision": False,
            "rank_in_branch": False,
            "rank_overall": False,
        }
    for branch, graded in graded_by_branch.items():
        limit = quota_limit(len(graded), ruleset.excellent_quota)
        excellent, undecided = apply_quota(candidates_by_branch.get(branch, []), limit)
        for key in excellent:
            results[key]["grade"] = "excellent"
        for key in undecided:
            results[key]["needs_decision"] = True
        ranks = competition_ranks({key: results[key]["score"] for key in graded})
        for key, rank in ranks.items():
            results[key]["rank_in_branch"] = rank
    overall = competition_ranks(
        {
            key: results[key]["score"]
            for graded in graded_by_branch.values()
            for key in graded
        }
    )
    for key, rank in overall.items():
        results[key]["rank_overall"] = rank
    return results
