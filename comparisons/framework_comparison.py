"""A framework's measures compared with every landlord's, for the "How we compare" page.

Which of the regulator's measures a framework's indicators are comes from FRAMEWORK_MEASURES
alone, so a framework added there (the Charter's, say) gets its page with no change here. The
figures come in a fixed number of queries, however many landlords, measures or years.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from comparisons.frameworks import FRAMEWORK_MEASURES, regulator_of_framework
from comparisons.measures import MEASURES
from comparisons.models import Figure, Landlord
from comparisons.selectors import Comparison, Row, _compare, households, surveys


@dataclass(frozen=True)
class Item:
    """One of the framework's measures: its indicator code, its comparison, and the lowest and
    highest figure of any landlord that year (for the chart's range)."""

    code: str
    comparison: Comparison
    lowest: Decimal | None
    highest: Decimal | None


@dataclass(frozen=True)
class Found:
    """What the page has to show: the landlord, the years it has figures for, and the comparisons."""

    landlord: Landlord | None
    years: list[int]
    year: int | None
    items: list[Item]


def keys_of(framework_code: str) -> dict[str, tuple[str, str]]:
    """The framework's indicator codes and the regulator's (measure, tenure) for each, in order."""
    mapped = FRAMEWORK_MEASURES.get(framework_code, {})
    return {code: key for code, key in mapped.items() if key[0] in MEASURES}


def years_of(*, landlord: Landlord, keys: Iterable[tuple[str, str]]) -> list[int]:
    """The years the landlord has a figure (or a reason for none) for any of these, newest first."""
    measures = {measure for measure, _ in keys}
    return list(Figure.objects.filter(landlord=landlord, measure__in=measures)
                .values_list("year", flat=True).distinct().order_by("-year"))


def _rows(keys: set[tuple[str, str]], year: int) -> dict[tuple[str, str], dict[int, list[Row]]]:
    """Every landlord's figures for these in the year and the one before (two queries: the
    landlords, then their figures without them, which is far less to fetch)."""
    landlords = {pk: (code, name, kind, size, region) for pk, code, name, kind, size, region in
                 Landlord.objects.values_list("pk", "code", "name", "landlord_type", "size_band", "region")}
    grouped: dict[tuple[str, str], dict[int, list[Row]]] = {key: {year: [], year - 1: []} for key in keys}
    query = Figure.objects.filter(year__in=[year, year - 1], measure__in={m for m, _ in keys}).values_list(
        "measure", "tenure", "year", "landlord_id", "value", "no_figure")
    for measure, tenure, row_year, landlord_id, value, no_figure in query:
        by_year = grouped.get((measure, tenure))
        if by_year is not None:
            code, name, kind, size, region = landlords[landlord_id]
            by_year[row_year].append(Row(landlord_id, code, name, kind, size, region, value, no_figure))
    return grouped


def compare_framework(*, framework_code: str, regulator_code: str, year: int | None = None,
                      peer_codes: Iterable[str] | None = None) -> Found:
    """The framework's measures the landlord has figures for in the year (the latest it has, if
    not given), each compared with every landlord's (four queries at most)."""
    keys = keys_of(framework_code)
    landlord = (Landlord.objects.filter(regulator=regulator_of_framework(framework_code), code=regulator_code)
                .first() if regulator_code and keys else None)
    if landlord is None:
        return Found(None, [], None, [])
    years = years_of(landlord=landlord, keys=keys.values())
    if not years:
        return Found(landlord, [], None, [])
    year = year if year in years else years[0]
    grouped = _rows(set(keys.values()), year)
    every_survey = surveys(year=year)
    peers = list(peer_codes) if peer_codes else None
    found = []
    sizes: dict[str, dict[int, int]] = {}  # households by tenure, worked out once for every measure
    for code, (measure, tenure) in keys.items():
        rows = grouped[(measure, tenure)]
        if not any(r.landlord_id == landlord.pk for r in rows[year]):
            continue
        values = [r.value for r in rows[year] if r.value is not None]
        if tenure not in sizes:
            sizes[tenure] = households(every_survey, tenure)
        compared = _compare(landlord, MEASURES[measure], tenure, year, rows[year], rows[year - 1],
                            every_survey, peers, sizes[tenure])
        found.append(Item(code, compared, min(values, default=None), max(values, default=None)))
    return Found(landlord, years, year, found)
