"""Comparisons said in plain words: "Better than 7 in 10 similar landlords", "in the bottom
quarter of all landlords", "up 3 points on last year"."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from comparisons.measures import Measure
from comparisons.models import Tenure
from comparisons.selectors import Change, Position
from scrutiny.wording import number, with_unit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

QUARTERS = {1: pgettext_lazy("quarter", "top"), 2: pgettext_lazy("quarter", "second"),
            3: pgettext_lazy("quarter", "third"), 4: pgettext_lazy("quarter", "bottom")}
# Whose homes a figure is about, in the words every page uses.
TENURE_WORDS: dict[str, StrOrPromise] = {
    Tenure.LCRA: gettext_lazy("rented homes"), Tenure.LCHO: gettext_lazy("shared ownership homes"),
    Tenure.COMBINED: gettext_lazy("all homes"),
}
TENTH = Decimal("0.1")


# The units written after a figure, in the page's language: (exactly 1, any other figure).
UNIT_WORDS = {
    "hours": (gettext_noop("%(number)s hour"), gettext_noop("%(number)s hours")),
    "days": (gettext_noop("%(number)s day"), gettext_noop("%(number)s days")),
    "per 1,000 homes": (gettext_noop("%(number)s per 1,000 homes"),) * 2,
}


def _with_unit(value: Decimal, unit: str) -> str:
    """A figure and its unit, as scrutiny.wording.with_unit writes it, in the page's language."""
    words = UNIT_WORDS.get(unit)
    if words is None:
        return with_unit(value, unit)
    return _(words[0] if value == 1 else words[1]) % {"number": number(value)}


def figure(value: Decimal | None, unit: str) -> str:
    """A figure to one decimal place, with its unit; "–" for none."""
    if value is None:
        return "–"
    return _with_unit(value.quantize(TENTH), unit)


def standing(position: Position | None, who: str = "landlords") -> str:
    """Where a figure stands among others, rounded down so it never says more than the figures do."""
    similar = who == "similar landlords"  # the two groups the pages compare with
    if position is None:
        return _("We have no figure to compare")
    if position.percentile is None:
        return (_("No other similar landlord's figure to compare with") if similar
                else _("No other landlord's figure to compare with"))
    percentile = position.percentile
    if percentile == 100:
        return (_("Better than every other similar landlord") if similar
                else _("Better than every other landlord"))
    if percentile == 0:
        return (_("Worse than every other similar landlord") if similar
                else _("Worse than every other landlord"))
    if percentile < 10:
        tens = {"count": int((100 - percentile) // 10)}
        return (_("Worse than %(count)s in 10 similar landlords") if similar
                else _("Worse than %(count)s in 10 landlords")) % tens
    tens = {"count": int(percentile // 10)}
    return (_("Better than %(count)s in 10 similar landlords") if similar
            else _("Better than %(count)s in 10 landlords")) % tens


def in_quarter(number: int) -> str:
    """ "in the bottom quarter" """
    return _("in the %(quarter)s quarter") % {"quarter": QUARTERS[number]}


def quarter(position: Position | None, who: str = "all landlords") -> str:
    """ "in the bottom quarter of all landlords", or "" when there is no quarter to give."""
    if position is None or position.quarter is None:
        return ""
    if who == "similar landlords":
        return _("in the %(quarter)s quarter of similar landlords") % {"quarter": QUARTERS[position.quarter]}
    return _("in the %(quarter)s quarter of all landlords") % {"quarter": QUARTERS[position.quarter]}


def _moved(value: Decimal, measure: Measure) -> str:
    if value == 0:
        return _("no change")
    size = abs(value).quantize(TENTH)
    if measure.unit == "%":
        shown = f"{size.normalize():f}"
        amount = (_("%(number)s point") if size == 1 else _("%(number)s points")) % {"number": shown}
    else:
        amount = _with_unit(size, measure.unit)
    return (_("up %(amount)s") if value > 0 else _("down %(amount)s")) % {"amount": amount}


def change(change: Change, measure: Measure) -> str:
    """This year on last, for the landlord and for every landlord's median."""
    if change.landlord is None:
        ours = _("We have no figure for last year to compare with")
    else:
        moved = {"moved": _moved(change.landlord, measure)}
        if not change.landlord:
            ours = _("Ours: %(moved)s on last year") % moved
        elif change.landlord_improved:
            ours = _("Ours: %(moved)s on last year, better") % moved
        else:
            ours = _("Ours: %(moved)s on last year, worse") % moved
    if change.sector_median is None:
        return ours + "."
    moved = {"moved": _moved(change.sector_median, measure)}
    if change.faster_than_sector:
        sector = _("all landlords' median: %(moved)s (we improved by more)") % moved
    else:
        sector = _("all landlords' median: %(moved)s") % moved
    return f"{ours}; {sector}."
