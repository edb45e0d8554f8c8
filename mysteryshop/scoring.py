"""How an answer earns points and whether it passes its standard.

Every scored standard is worth its weight. Yes earns it all and no earns none; a rating of 1 to
5 earns a share on a straight line (1 = none, 5 = all); a number earns it all when it meets the
pass mark and none when it does not. Not applicable and written answers earn nothing and count
for nothing (max_points 0), so they neither raise nor lower a score. A visit's score is
sum(points) / sum(max_points) as a percentage.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from mysteryshop.models import AnswerType, Standard

ZERO = Decimal(0)


class Result(NamedTuple):
    points: Decimal
    max_points: Decimal
    passed: bool | None  # None: not judged (not applicable, not answered, or written)


NOT_JUDGED = Result(ZERO, ZERO, None)


def score_answer(standard: Standard, *, not_applicable: bool = False, choice: str = "",
                 rating: int | None = None, number: Decimal | None = None) -> Result:
    """The points, the most points possible, and pass or fail for one answer to a standard."""
    if not_applicable:
        return NOT_JUDGED
    weight = Decimal(standard.weight)
    kind = standard.answer_type
    if kind == AnswerType.YES_NO:
        if choice not in ("yes", "no"):
            return NOT_JUDGED
        passed = choice == "yes"
    elif kind == AnswerType.RATING:
        if rating is None:
            return NOT_JUDGED
        passed = Decimal(rating) >= standard.pass_mark
        if standard.is_scored:
            share = (Decimal(rating) - 1) / 4
            return Result((weight * share).quantize(Decimal("0.01"), ROUND_HALF_UP), weight, passed)
        return Result(ZERO, ZERO, passed)
    elif kind == AnswerType.NUMBER:
        if number is None or standard.threshold is None:
            return NOT_JUDGED
        limit = standard.threshold
        passed = number <= limit if standard.lower_is_better else number >= limit
    else:
        return NOT_JUDGED
    if not standard.is_scored:
        return Result(ZERO, ZERO, passed)
    return Result(weight if passed else ZERO, weight, passed)


def percentage(points: Decimal | None, max_points: Decimal | None) -> Decimal | None:
    """Points as a percentage of the most possible, to one decimal place; None if nothing counted."""
    if not max_points:
        return None
    return (Decimal(points or 0) * 100 / Decimal(max_points)).quantize(Decimal("0.1"), ROUND_HALF_UP)
