"""The Scottish Housing Regulator's Annual Return on the Charter (ARC): its indicators, year by year.

Each indicator has a stable measure code that does not change when the regulator renumbers or
drops indicators: "ARC07" for indicator 7, and "ARC03_1" for the first part of an indicator with
parts (the TSM's "RP02_1" spelling). YEARS says, for each reporting year (the April it starts in),
which indicator numbers the return has and the measure code each stands for: the 2025/26 return
adds indicators 29 to 33 and drops 14. A row for a number the year does not have is left out of
an import, with the reason shown in its preview.

This module imports nothing of the app's, so that comparisons/measures.py can add these measures
to its own list. The names are marked for the catalogue and kept in English here; pages show them
in their own language (comparisons.measures.Measure.name).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _

PERCENT, HOURS, DAYS, NUMBER = "%", "hours", "days", "number"
UNITS = (PERCENT, HOURS, DAYS, NUMBER)


@dataclass(frozen=True)
class Indicator:
    number: int
    name: str
    unit: str
    higher_is_better: bool = True
    survey: bool = False  # a figure from asking tenants, not from the landlord's records
    parts: tuple[str, ...] = ()  # each part's name, when the indicator is reported in parts

    @property
    def code(self) -> str:
        return f"ARC{self.number:02d}"

    def part_code(self, part: int) -> str:
        return f"{self.code}_{part}"


def _asked(number: int, name: str) -> Indicator:
    return Indicator(number, name, PERCENT, survey=True)


INDICATORS: dict[int, Indicator] = {i.number: i for i in [
    _asked(1, _("Tenants satisfied with the overall service their landlord provides")),
    _asked(2, _("Tenants who feel their landlord is good at keeping them informed")),
    Indicator(3, _("Complaints answered in full within the Ombudsman's timescales"), PERCENT,
              parts=(_("Stage one complaints"), _("Stage two complaints"))),
    _asked(4, _("Tenants satisfied with the chances to take part in their landlord's decisions")),
    Indicator(5, _("Homes meeting the Energy Efficiency Standard for Social Housing"), PERCENT),
    _asked(6, _("Tenants satisfied with the quality of their home")),
    Indicator(7, _("Homes meeting the Scottish Housing Quality Standard"), PERCENT),
    _asked(8, _("New tenants satisfied with the standard of their home when moving in")),
    Indicator(9, _("Times a gas safety check was not done within 12 months"), NUMBER, higher_is_better=False),
    Indicator(10, _("Repair appointments kept"), PERCENT),
    Indicator(11, _("Average time to complete emergency repairs"), HOURS, higher_is_better=False),
    Indicator(12, _("Average time to complete non-emergency repairs"), DAYS, higher_is_better=False),
    Indicator(13, _("Reactive repairs completed right first time"), PERCENT),
    Indicator(14, _("Tenancy offers refused"), PERCENT, higher_is_better=False),
    Indicator(15, _("Anti-social behaviour cases resolved within the landlord's targets"), PERCENT),
    _asked(16, _("Tenants who had repairs done in the last year satisfied with the repairs service")),
    _asked(17, _("Tenants satisfied with their landlord's part in managing their neighbourhood")),
    Indicator(18, _("New tenancies that lasted more than a year"), PERCENT, parts=(
        _("Existing tenants moving home"), _("Applicants assessed as homeless"),
        _("Applicants from the list"))),
    Indicator(19, _("Lettable homes that became empty"), PERCENT, higher_is_better=False),
    Indicator(20, _("Rent lost through homes being empty"), PERCENT, higher_is_better=False),
    Indicator(21, _("Average time to re-let homes"), DAYS, higher_is_better=False),
    Indicator(22, _("Approved applications for medical adaptations completed in the year"), PERCENT),
    Indicator(23, _("Average time to complete approved applications for medical adaptations"), DAYS,
              higher_is_better=False),
    _asked(24, _("Tenants who feel the rent for their home is good value for money")),
    Indicator(25, _("Rent collected as a share of rent due"), PERCENT),
    Indicator(26, _("Gross rent arrears as a share of rent due"), PERCENT, higher_is_better=False),
    Indicator(27, _("Tenancies that ended because the home was abandoned"), PERCENT, higher_is_better=False),
    _asked(28, _("Gypsy/Travellers satisfied with the management of their site")),
    Indicator(29, _("Homes with an electrical safety report done within five years"), PERCENT),
    Indicator(30, _("Damp and mould cases resolved within the landlord's target time"), PERCENT),
    Indicator(31, _("Homes meeting the standard for smoke, heat and carbon monoxide alarms"), PERCENT),
    Indicator(32, _("Communal lifts examined within the required time"), PERCENT),
    Indicator(33, _("Homes needing an asbestos survey that have a current one"), PERCENT),
]}

_UP_TO_2024_25 = frozenset(range(1, 29))
_FROM_2025_26 = (_UP_TO_2024_25 - {14}) | frozenset(range(29, 34))

# Reporting year -> {indicator number: its Indicator}. Add a year here when its return changes.
YEARS: dict[int, dict[int, Indicator]] = {
    year: {number: INDICATORS[number] for number in sorted(numbers)}
    for year, numbers in {2023: _UP_TO_2024_25, 2024: _UP_TO_2024_25, 2025: _FROM_2025_26}.items()
}


@dataclass(frozen=True)
class MeasureRow:
    """One measure the Charter's figures are kept under: a whole indicator or one part of it."""

    code: str
    name: str
    unit: str
    higher_is_better: bool
    survey: bool
    part: str = ""  # for one part of an indicator: the part's name (`name` is the indicator's then)


def measure_rows() -> list[MeasureRow]:
    """Every Charter measure, indicator by indicator, parts in order."""
    rows = []
    for i in INDICATORS.values():
        if not i.parts:
            rows.append(MeasureRow(i.code, i.name, i.unit, i.higher_is_better, i.survey))
        for n, part in enumerate(i.parts, start=1):
            rows.append(MeasureRow(i.part_code(n), i.name, i.unit, i.higher_is_better, i.survey, part))
    return rows


def indicator_in(year: int, number: int) -> Indicator | None:
    """The indicator that number stands for in that year's return, or None if it has no such number."""
    return YEARS.get(year, {}).get(number)
