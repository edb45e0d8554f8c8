"""Comparisons said in plain words: "Better than 7 in 10 similar landlords", "in the bottom
quarter of all landlords", "up 3 points on last year"."""

from __future__ import annotations

from decimal import Decimal

from comparisons.measures import Measure
from comparisons.models import Tenure
from comparisons.selectors import Change, Position
from scrutiny.wording import with_unit

QUARTERS = {1: "top", 2: "second", 3: "third", 4: "bottom"}
# Whose homes a figure is about, in the words every page uses.
TENURE_WORDS: dict[str, str] = {Tenure.LCRA: "rented homes", Tenure.LCHO: "shared ownership homes",
                                Tenure.COMBINED: "all homes"}
TENTH = Decimal("0.1")


def figure(value: Decimal | None, unit: str) -> str:
    """A figure to one decimal place, with its unit; "–" for none."""
    if value is None:
        return "–"
    return with_unit(value.quantize(TENTH), unit)


def standing(position: Position | None, who: str = "landlords") -> str:
    """Where a figure stands among others, rounded down so it never says more than the figures do."""
    if position is None:
        return "We have no figure to compare"
    if position.percentile is None:
        return f"No other {who.removesuffix('s')}'s figure to compare with"
    percentile = position.percentile
    if percentile == 100:
        return f"Better than every other {who.removesuffix('s')}"
    if percentile == 0:
        return f"Worse than every other {who.removesuffix('s')}"
    if percentile < 10:
        return f"Worse than {int((100 - percentile) // 10)} in 10 {who}"
    return f"Better than {int(percentile // 10)} in 10 {who}"


def quarter(position: Position | None, who: str = "all landlords") -> str:
    """ "in the bottom quarter of all landlords", or "" when there is no quarter to give."""
    if position is None or position.quarter is None:
        return ""
    return f"in the {QUARTERS[position.quarter]} quarter of {who}"


def _moved(value: Decimal, measure: Measure) -> str:
    if value == 0:
        return "no change"
    size = abs(value).quantize(TENTH)
    amount = f"{size.normalize():f} point{'s' if size != 1 else ''}" if measure.unit == "%" \
        else f"{size.normalize():f} {measure.unit}"
    return f"{'up' if value > 0 else 'down'} {amount}"


def change(change: Change, measure: Measure) -> str:
    """This year on last, for the landlord and for every landlord's median."""
    if change.landlord is None:
        ours = "We have no figure for last year to compare with"
    else:
        ours = f"Ours: {_moved(change.landlord, measure)} on last year"
        if change.landlord:
            ours += ", better" if change.landlord_improved else ", worse"
    if change.sector_median is None:
        return ours + "."
    sector = f"all landlords' median: {_moved(change.sector_median, measure)}"
    if change.faster_than_sector:
        sector += " (we improved by more)"
    return f"{ours}; {sector}."
