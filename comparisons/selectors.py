"""Where a landlord stands among every landlord, and among its peers, for one measure and year.

The maths is done in Python over one query per measure and year (two years at once, for the
change on last year), so it gives the same answers on PostgreSQL and SQLite and the query count
does not grow with the number of landlords. Quartiles and medians are interpolated as
PostgreSQL's percentile_cont does: the value at position q x (n - 1) of the sorted figures.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comparisons.measures import MEASURES, Measure
from comparisons.models import Figure, Landlord, NoFigure, Regulator, Survey, Tenure
from scrutiny.models import SiteSettings

NEAREST = 10
# Peers by default share these with the landlord (and the tenure, as figures are per tenure).
PEER_FIELDS = ("landlord_type", "size_band", "region")


class Row(NamedTuple):
    """One landlord's figure, with what peer groups and nearness are worked out from (a named
    tuple: thousands are made for a page, and a tuple is the quickest to make)."""

    landlord_id: int
    code: str
    name: str
    landlord_type: str
    size_band: str
    region: str
    value: Decimal | None
    no_figure: str
    households: int | None = None


@dataclass(frozen=True)
class Spread:
    """The figures of a group of landlords: how many, the quartiles, and those with no figure."""

    count: int
    lower_quartile: Decimal | None
    median: Decimal | None
    upper_quartile: Decimal | None
    no_figure: dict[str, int] = field(default_factory=dict)  # code -> how many landlords


@dataclass(frozen=True)
class Position:
    """Where one figure stands in a spread, better or worse as the measure reads."""

    better_than: int  # how many of the others it beats
    level_with: int
    others: int  # the other landlords with a figure
    percentile: Decimal | None  # the share of the others it beats, ties counting half, 0 to 100
    quarter: int | None  # 1 is the best quarter, 4 the worst


@dataclass(frozen=True)
class Change:
    landlord: Decimal | None  # this year's figure less last year's
    sector_median: Decimal | None
    landlord_improved: bool | None
    faster_than_sector: bool | None  # the landlord moved the better way by more than the median


@dataclass(frozen=True)
class Comparison:
    measure: Measure
    tenure: str
    year: int
    landlord: Row | None
    national: Spread
    national_position: Position | None
    peers: list[Row]
    peer_spread: Spread
    peer_position: Position | None
    nearest: list[Row]
    change: Change
    caveats: list[str]


def quantile(values: Sequence[Decimal], q: Decimal) -> Decimal | None:
    """The q-quantile of sorted values, interpolated between neighbours like percentile_cont."""
    if not values:
        return None
    position = q * (len(values) - 1)
    below = int(position)
    fraction = position - below
    if below + 1 >= len(values):
        return values[below]
    return values[below] + fraction * (values[below + 1] - values[below])


def spread_of(rows: Iterable[Row]) -> Spread:
    """Count, quartiles and no-figure counts of a set of figures."""
    rows = list(rows)
    values = sorted(r.value for r in rows if r.value is not None)
    return Spread(
        count=len(values),
        lower_quartile=quantile(values, Decimal("0.25")),
        median=quantile(values, Decimal("0.5")),
        upper_quartile=quantile(values, Decimal("0.75")),
        no_figure=dict(sorted(Counter(r.no_figure for r in rows if r.value is None).items())),
    )


def position_in(value: Decimal | None, rows: Iterable[Row], spread: Spread, measure: Measure,
                landlord_id: int | None = None) -> Position | None:
    """How a figure compares with the others' (the landlord's own row left out)."""
    if value is None:
        return None
    others = [r.value for r in rows if r.value is not None and r.landlord_id != landlord_id]
    if measure.higher_is_better:
        better = sum(1 for other in others if value > other)
    else:
        better = sum(1 for other in others if value < other)
    level = sum(1 for other in others if value == other)
    percentile = (Decimal(100) * (better + Decimal(level) / 2) / len(others)) if others else None
    return Position(better, level, len(others), percentile, _quarter(value, spread, measure))


def _quarter(value: Decimal, spread: Spread, measure: Measure) -> int | None:
    if spread.median is None:
        return None
    cuts = [spread.upper_quartile, spread.median, spread.lower_quartile]
    if measure.higher_is_better:
        return next((n for n, cut in enumerate(cuts, start=1) if value >= cut), 4)
    cuts.reverse()
    return next((n for n, cut in enumerate(cuts, start=1) if value <= cut), 4)


_ROW_FIELDS = ("landlord_id", "landlord__code", "landlord__name", "landlord__landlord_type",
               "landlord__size_band", "landlord__region", "value", "no_figure")


def figures(*, measure: str, tenure: str, years: Iterable[int]) -> dict[int, list[Row]]:
    """Every landlord's figure for a measure and tenure in each year, in one query."""
    rows: dict[int, list[Row]] = {year: [] for year in years}
    query = Figure.objects.filter(measure=measure, tenure=tenure, year__in=list(rows)).values_list(
        "year", *_ROW_FIELDS).order_by("landlord__name")
    for year, *fields in query:
        rows[year].append(Row(*fields))
    return rows


def figures_for(*, year: int, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Row]]:
    """Every landlord's figure in a year for each (measure, tenure) asked for, in one query."""
    keys = set(keys)
    rows: dict[tuple[str, str], list[Row]] = {key: [] for key in keys}
    query = Figure.objects.filter(year=year, measure__in={m for m, _ in keys}).values_list(
        "measure", "tenure", *_ROW_FIELDS).order_by("landlord__name")
    for measure, tenure, *fields in query:
        if (measure, tenure) in rows:
            rows[(measure, tenure)].append(Row(*fields))
    return rows


@dataclass(frozen=True)
class SurveyRow:
    landlord_id: int
    tenure: str
    population: int | None
    sample_or_census: str
    sample_size: int | None
    margin_of_error: Decimal | None


def surveys(*, year: int) -> list[SurveyRow]:
    """Every landlord's surveys that year, in one query."""
    return [SurveyRow(*fields) for fields in Survey.objects.filter(year=year).values_list(
        "landlord_id", "tenure", "population", "sample_or_census", "sample_size", "margin_of_error")]


def households(rows: Iterable[SurveyRow], tenure: str) -> dict[int, int]:
    """Each landlord's households, from its surveys: for combined figures, its combined survey's,
    or else its rented and shared-ownership surveys' added up."""
    separate: Counter[int] = Counter()
    combined: dict[int, int] = {}
    for survey in rows:
        if survey.population is None or tenure not in (survey.tenure, Tenure.COMBINED):
            continue
        if survey.tenure == Tenure.COMBINED:
            combined[survey.landlord_id] = survey.population
        else:
            separate[survey.landlord_id] += survey.population
    return {**separate, **combined}


def nearest_peers(landlord: Row, rows: Iterable[Row], sizes: dict[int, int],
                  count: int = NEAREST) -> list[Row]:
    """The landlords most like this one: the same type, then the fewest times bigger or smaller
    in households, then the same region, then by name. Only landlords with a figure count."""
    own = sizes.get(landlord.landlord_id)

    def distance(row: Row) -> tuple:
        theirs = sizes.get(row.landlord_id)
        ratio = abs(math.log(theirs / own)) if own and theirs else math.inf
        return (row.landlord_type != landlord.landlord_type, ratio, row.region != landlord.region, row.name)

    others = [r for r in rows if r.landlord_id != landlord.landlord_id and r.value is not None]
    return sorted(others, key=distance)[:count]


def _survey_words(survey: SurveyRow) -> str:
    """How the landlord asked its tenants, in the page's language."""
    method = survey.sample_or_census.lower() or "survey"
    shown = {"sample": _("sample"), "census": _("census"), "survey": _("survey")}.get(method, method)
    said = {"method": shown, "size": f"{survey.sample_size:,}" if survey.sample_size else "",
            "points": f"{survey.margin_of_error.normalize():f}" if survey.margin_of_error is not None else ""}
    if said["size"] and said["points"]:
        return _("From a %(method)s of %(size)s tenants, accurate to within %(points)s points "
                 "either way.") % said
    if said["size"]:
        return _("From a %(method)s of %(size)s tenants.") % said
    if said["points"]:
        return _("From a %(method)s, accurate to within %(points)s points either way.") % said
    return _("From a %(method)s.") % said


def _caveats(row: Row | None, measure: Measure, survey: SurveyRow | None, spread: Spread) -> list[str]:
    said = []
    if row is not None and row.value is None:
        said.append(_("No figure: %(reason)s.") % {"reason": NoFigure(row.no_figure).label.lower()})
    if row is not None and measure.survey:
        if survey is not None:
            said.append(_survey_words(survey))
    elif not measure.survey:
        said.append(_("From the landlord's own records, not a survey."))
    for code, how_many in spread.no_figure.items():
        said.append(ngettext("%(count)s landlord with no figure: %(reason)s.",
                             "%(count)s landlords with no figure: %(reason)s.", how_many)
                    % {"count": how_many, "reason": NoFigure(code).label.lower()})
    return said


def peers_of(*, landlord_id: int, like: Landlord | Row, rows: Iterable[Row],
             peer_codes: Iterable[str] | None = None) -> list[Row]:
    """The landlord's peers among these rows: those whose codes are chosen, or else those of the
    same type, size band and region as `like`."""
    if peer_codes is not None:
        chosen = set(peer_codes)
        return [r for r in rows if r.code in chosen and r.landlord_id != landlord_id]
    return [r for r in rows if r.landlord_id != landlord_id
            and all(getattr(r, f) == getattr(like, f) for f in PEER_FIELDS)]


def compare(*, landlord: Landlord, measure: str, tenure: str, year: int,
            peer_codes: Iterable[str] | None = None) -> Comparison:
    """The national spread, the landlord's place in it and among its peers, its ten nearest peers
    and the change on last year, for one measure, tenure and year (two queries, however many landlords)."""
    by_year = figures(measure=measure, tenure=tenure, years=[year, year - 1])
    return _compare(landlord, MEASURES[measure], tenure, year, by_year[year], by_year[year - 1],
                    surveys(year=year), peer_codes)


def compare_all(*, landlord: Landlord, year: int,
                peer_codes: Iterable[str] | None = None) -> list[Comparison]:
    """compare() for every measure and tenure the landlord has a figure for that year, in the
    measures' order, in two queries however many measures and landlords."""
    query = Figure.objects.filter(year__in=[year, year - 1]).values_list(
        "measure", "tenure", "year", *_ROW_FIELDS).order_by("landlord__name")
    grouped: dict[tuple[str, str], dict[int, list[Row]]] = {}
    for measure, tenure, row_year, *fields in query:
        grouped.setdefault((measure, tenure), {year: [], year - 1: []})[row_year].append(Row(*fields))
    own = sorted(
        (key for key, by_year in grouped.items()
         if key[0] in MEASURES and any(r.landlord_id == landlord.pk for r in by_year[year])),
        key=lambda key: (list(MEASURES).index(key[0]), Tenure.values.index(key[1])),
    )
    every_survey = surveys(year=year)
    return [_compare(landlord, MEASURES[measure], tenure, year, grouped[(measure, tenure)][year],
                     grouped[(measure, tenure)][year - 1], every_survey, peer_codes)
            for measure, tenure in own]


def _compare(landlord: Landlord, definition: Measure, tenure: str, year: int, rows: list[Row],
             last_year: list[Row], every_survey: list[SurveyRow],
             peer_codes: Iterable[str] | None, sizes: dict[int, int] | None = None) -> Comparison:
    own = next((r for r in rows if r.landlord_id == landlord.pk), None)
    national = spread_of(rows)
    peers = peers_of(landlord_id=landlord.pk, like=landlord, rows=rows, peer_codes=peer_codes)
    peer_spread = spread_of(peers)
    value = own.value if own else None
    survey = next((s for s in every_survey if s.landlord_id == landlord.pk and s.tenure == tenure), None)
    return Comparison(
        measure=definition, tenure=tenure, year=year, landlord=own,
        national=national, national_position=position_in(value, rows, national, definition, landlord.pk),
        peers=peers, peer_spread=peer_spread,
        peer_position=position_in(value, peers, peer_spread, definition, landlord.pk),
        nearest=nearest_peers(own, rows, households(every_survey, tenure) if sizes is None else sizes)
        if own else [],
        change=_change(own, last_year, national, definition),
        caveats=_caveats(own, definition, survey, national),
    )


def _change(own: Row | None, last_year: list[Row], national: Spread, measure: Measure) -> Change:
    before = next((r for r in last_year if own and r.landlord_id == own.landlord_id), None)
    mine = own.value - before.value if own and before and own.value is not None and before.value is not None \
        else None
    median_before = spread_of(last_year).median
    sector = national.median - median_before if national.median is not None and median_before is not None \
        else None
    sign = 1 if measure.higher_is_better else -1
    improved = None if mine is None else sign * mine > 0
    faster = None if mine is None or sector is None else sign * mine > sign * sector
    return Change(mine, sector, improved, faster)


def our_landlord() -> tuple[str, Landlord | None]:
    """Our code and our row in the regulator's figures: by the English regulator's code (site
    settings), or else the Scottish one's, each looked up in its own regulator's register."""
    site = SiteSettings.load()
    code, regulator = ((site.regulator_code, Regulator.RSH) if site.regulator_code
                       else (site.shr_code, Regulator.SHR))
    code = code.strip()
    return code, Landlord.objects.filter(regulator=regulator, code=code).first() if code else None
