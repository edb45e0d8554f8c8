"""Where to look next: the regulator's measures on which our landlord does worst.

A measure is listed when, in the latest year imported for our landlord, its figure is in the
bottom quarter of every landlord's, or it got worse on last year by more than the sector's
median did. Each says why in plain words. The landlord is the one the site settings name
(SiteSettings.regulator_code). Reads come from comparisons.selectors.compare_all: the same
number of queries however many landlords and measures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Max
from django.utils.translation import gettext

from comparisons import words
from comparisons.frameworks import credit, credit_for_measure
from comparisons.models import Figure, Landlord, Regulator, reporting_year_label
from comparisons.selectors import Comparison, Position, compare_all, our_landlord

NO_CODE = "no-code"  # the site settings do not say which landlord we are
NO_FIGURES = "no-figures"  # no figures for our landlord have been imported


@dataclass(frozen=True)
class WeakMeasure:
    comparison: Comparison
    reasons: list[str]
    last_year: Decimal | None  # our figure the year before

    @property
    def measure(self) -> str:
        return self.comparison.measure.code

    @property
    def tenure(self) -> str:
        return self.comparison.tenure

    @property
    def title(self) -> str:
        return measure_title(self.comparison.measure.name, self.comparison.tenure)

    @property
    def figure(self) -> Decimal | None:
        return self.comparison.landlord.value if self.comparison.landlord else None


@dataclass(frozen=True)
class WhereToLook:
    year: int | None
    problem: str = ""  # NO_CODE, NO_FIGURES or "" when the figures could be read
    code: str = ""
    measures: list[WeakMeasure] = field(default_factory=list)

    @property
    def attribution(self) -> str:
        """The credit for the regulator whose figures these are (ours: the English one's unless we
        are in the Scottish one's)."""
        return credit_for_measure(self.measures[0].measure) if self.measures else credit(Regulator.RSH)

    @property
    def year_label(self) -> str:
        return reporting_year_label(self.year) if self.year else ""


def measure_title(name: str, tenure: str) -> str:
    return f"{name} ({words.TENURE_WORDS.get(tenure, tenure)})"


def number(value: Decimal) -> str:
    """A figure as people read it: to one decimal place at most, without trailing zeros."""
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    return f"{abs(rounded) if rounded == 0 else rounded:f}"


def position_words(position: Position | None) -> str:
    """"worse than 8 in 10 landlords": rounded down, so never worse than the figures say."""
    if position is None or position.percentile is None:
        return gettext("no other landlord's figure to compare with")
    if position.percentile == 0:
        return gettext("worse than every other landlord")
    if position.percentile == 100:
        return gettext("better than every other landlord")
    if position.percentile < 50:
        return gettext("worse than %(count)s in 10 landlords") % {
            "count": int((100 - position.percentile) // 10)}
    return gettext("better than %(count)s in 10 landlords") % {"count": int(position.percentile // 10)}


def _ours_moved(value: Decimal, unit: str) -> str:
    if value == 0:
        return gettext("No change")
    if value > 0:
        return gettext("Up %(amount)s") % {"amount": number(value) + unit}
    return gettext("Down %(amount)s") % {"amount": number(-value) + unit}


def _sector_moved(value: Decimal) -> str:
    if value == 0:
        return gettext("the sector stood still")
    if value > 0:
        return gettext("the sector went up %(amount)s") % {"amount": number(value)}
    return gettext("the sector went down %(amount)s") % {"amount": number(-value)}


def change_words(comparison: Comparison) -> str:
    """"Down 4 points while the sector went up 1"; "" without last year's figures."""
    mine, sector = comparison.change.landlord, comparison.change.sector_median
    if mine is None or sector is None:
        return ""
    unit = " " + gettext("points") if comparison.measure.unit == "%" else f" {comparison.measure.unit}"
    # TRANSLATORS: "Down 4 points while the sector went up 1".
    return gettext("%(ours)s while %(sector)s") % {
        "ours": _ours_moved(mine, unit), "sector": _sector_moved(sector)}


def _reasons(comparison: Comparison) -> list[str]:
    reasons = []
    position = comparison.national_position
    if position is not None and position.quarter == 4:
        reasons.append(gettext("In the bottom quarter: %(position)s") % {
            "position": position_words(position)})
    mine, sector = comparison.change.landlord, comparison.change.sector_median
    sign = 1 if comparison.measure.higher_is_better else -1
    if mine is not None and sector is not None and sign * mine < 0 and sign * mine < sign * sector:
        reasons.append(change_words(comparison))
    return reasons


def latest_year(landlord: Landlord) -> int | None:
    return Figure.objects.filter(landlord=landlord).aggregate(latest=Max("year"))["latest"]


def weak_measures() -> WhereToLook:
    """Our measures in the bottom quarter or getting worse faster than the sector, latest year."""
    code, landlord = our_landlord()
    if not code:
        return WhereToLook(year=None, problem=NO_CODE)
    year = latest_year(landlord) if landlord else None
    if landlord is None or year is None:
        return WhereToLook(year=None, problem=NO_FIGURES, code=code)
    found = []
    for comparison in compare_all(landlord=landlord, year=year):
        reasons = _reasons(comparison)
        if reasons and comparison.landlord is not None:
            mine = comparison.change.landlord
            before = comparison.landlord.value - mine if mine is not None else None
            found.append(WeakMeasure(comparison, reasons, before))
    return WhereToLook(year=year, code=code, measures=found)


def weak_measure(*, measure: str, tenure: str) -> WeakMeasure | None:
    """One measure as the page lists it, or None when it is not (or no longer) listed."""
    found = weak_measures()
    return next((m for m in found.measures if m.measure == measure and m.tenure == tenure), None)
