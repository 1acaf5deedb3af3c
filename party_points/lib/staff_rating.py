"""The half-year staff rating of the branches (半年职工评议支部), in plain
Python (nothing from Odoo): the questions, what a score is, the threshold
below which no average is shown, and the averages themselves.

The models call these; unit-tested in tests/unit/test_staff_rating.py.
"""

# The questions every employee answers about their own branch, 1 to 5
# (the field of party.staff.rating.response that holds each answer).
QUESTIONS = ("score_service", "score_response", "score_practical")
SCORE_MIN = 1
SCORE_MAX = 5
# Below this many respondents a branch's figures name too few people:
# no average and no comment is shown.
MIN_RESPONDENTS = 5


class ScoreError(ValueError):
    """A score that is no whole number from 1 to 5."""


def check_score(value):
    """``value`` (an int, or the text a form posts) as a score from 1 to 5;
    :class:`ScoreError` otherwise (0, 6, 2.5, "good", nothing)."""
    if isinstance(value, bool):
        raise ScoreError(value)
    if isinstance(value, str):
        value = value.strip()
        if not value.isascii() or not value.isdigit():
            raise ScoreError(value)
        value = int(value)
    elif isinstance(value, float):
        if not value.is_integer():
            raise ScoreError(value)
        value = int(value)
    elif not isinstance(value, int):
        raise ScoreError(value)
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ScoreError(value)
    return value


def is_shown(respondents):
    """Whether a group of ``respondents`` is large enough to show its
    figures."""
    return (respondents or 0) >= MIN_RESPONDENTS


def average(total, answers):
    """The average of ``answers`` scores adding up to ``total``, rounded to
    two decimals, or None without answers."""
    if not answers:
        return None
    return round(total / answers, 2)


def shown_average(total, answers, respondents):
    """The average, or None when ``respondents`` are too few to show it."""
    return average(total, answers) if is_shown(respondents) else None


def pooled_averages(groups):
    """``{branch: (average over every answer, respondents)}`` from
    ``groups``, an iterable of ``(branch, respondents, total of the scores,
    number of answers)`` per round and branch.

    Only the groups large enough to be shown take part: pooling a hidden
    group (2 people) with a shown one would let anyone subtract the shown
    figures and read the two people's scores. A branch whose shown groups
    still count fewer than MIN_RESPONDENTS respondents is left out."""
    pooled = {}
    for branch, respondents, total, answers in groups:
        if not is_shown(respondents):
            continue
        count, score_total, answer_count = pooled.get(branch, (0, 0, 0))
        pooled[branch] = (
            count + respondents,
            score_total + total,
            answer_count + answers,
        )
    return {
        branch: (average(total, answers), count)
        for branch, (count, total, answers) in pooled.items()
        if is_shown(count) and answers
    }


def half_year(day):
    """``(first day, last day, half)`` of the half-year ``day`` falls in
    (half 1 or 2)."""
    if day.month <= 6:
        return day.replace(month=1, day=1), day.replace(month=6, day=30), 1
    return day.replace(month=7, day=1), day.replace(month=12, day=31), 2
