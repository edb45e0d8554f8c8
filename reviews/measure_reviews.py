"""Reviews proposed from a weak regulator's measure ("where to look next"), and the measure
before and after: its figure the year the review was proposed and the latest year's, each
beside the national median."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from comparisons.frameworks import credit_for_measure
from comparisons.measures import MEASURES
from comparisons.models import Figure, reporting_year_label
from comparisons.selectors import Row, figures, spread_of
from panels.models import Panel
from reviews import permissions as perms
from reviews import services
from reviews.models import EvidenceKind, Review, ReviewKind, Stage
from reviews.where_to_look import (
    WeakMeasure,
    change_words,
    measure_title,
    number,
    position_words,
    weak_measure,
)
from scrutiny import written
from scrutiny.models import SiteSettings
from scrutiny.permissions import require

NOT_LISTED = _("This measure is not on the list of where to look next any more, so a review cannot "
               "be proposed from it here. Propose a review in the usual way instead.")


@dataclass(frozen=True)
class Proposed:
    review: Review
    created: bool  # False: the panel's open review of this measure, already there


def open_review_of(*, panel: Panel, measure: str, tenure: str) -> Review | None:
    """The panel's review proposed from this measure that is not yet closed, if there is one."""
    return (Review.objects.filter(panel=panel, from_measure=measure, from_tenure=tenure)
            .exclude(stage=Stage.CLOSED).order_by("-created_at", "-pk").first())


@transaction.atomic
def propose_from_measure(*, by: User, panel: Panel, measure: str, tenure: str) -> Proposed:
    """Propose a review of a weak measure for a panel, with the measure and its comparison as
    evidence; or, if the panel already has an open review of it, that one."""
    require(perms.can_create_review(by, panel), perms.ONLY_MEMBERS)
    Panel.objects.select_for_update().filter(pk=panel.pk).first()  # one proposal at a time per panel
    existing = open_review_of(panel=panel, measure=measure, tenure=tenure)
    if existing is not None:
        return Proposed(existing, created=False)
    weak = weak_measure(measure=measure, tenure=tenure)
    if weak is None:
        raise ValidationError(NOT_LISTED)
    year = weak.comparison.year
    review = services.create_review(
        by=by, panel=panel, title=weak.title[:200], kind=ReviewKind.SCRUTINY_REVIEW,
        scope=gettext("Why is this measure weak, and what would improve it? In %(year)s: %(reasons)s.") % {
            "year": reporting_year_label(year),
            "reasons": "; ".join(r[0].lower() + r[1:] for r in weak.reasons)},
    )
    Review.objects.filter(pk=review.pk).update(from_measure=measure, from_tenure=tenure, from_year=year)
    review.from_measure, review.from_tenure, review.from_year = measure, tenure, year
    written.announce(Review, [review])
    services.add_evidence(review=review, by=by, kind=EvidenceKind.FIGURE, fields=evidence_fields(weak))
    return Proposed(review, created=True)


def evidence_fields(weak: WeakMeasure) -> dict:
    """The measure and its comparison as a performance figure, as of the year it was listed."""
    comparison = weak.comparison
    if weak.figure is None:
        raise ValueError(f"There is no figure for {comparison.measure.code} to record as evidence.")
    label = reporting_year_label(comparison.year)
    return {
        "measure": f"{comparison.measure.code}: {weak.title}"[:200],
        "value": weak.figure.quantize(Decimal("0.01")),
        "unit": comparison.measure.unit,
        "period": label,
        "comparison_value": (comparison.national.median.quantize(Decimal("0.01"))
                             if comparison.national.median is not None else None),
        "comparison_label": gettext("National median %(year)s") % {"year": label},
        "higher_is_better": comparison.measure.higher_is_better,
        "source": gettext("Regulator of Social Housing: Tenant Satisfaction Measures %(year)s") % {
            "year": label},
        "description": _comparison_words(weak),
    }


def _comparison_words(weak: WeakMeasure) -> str:
    comparison = weak.comparison
    spread = comparison.national
    lines = [gettext("Why it was listed: %(reasons)s.") % {"reasons": "; ".join(weak.reasons)}]
    # The quartiles are all there or all missing (none when no landlord has a figure).
    if spread.median is not None and spread.lower_quartile is not None and spread.upper_quartile is not None:
        lines.append(gettext("Among %(count)s landlords: lower quartile %(lower)s, median %(median)s, "
                             "upper quartile %(upper)s.") % {
            "count": spread.count, "lower": number(spread.lower_quartile), "median": number(spread.median),
            "upper": number(spread.upper_quartile)})
    position = comparison.national_position
    if position and position.quarter:
        lines.append(gettext("Where we stand: %(position)s, in quarter %(quarter)s of 4 (1 is the best).") % {
            "position": position_words(position), "quarter": position.quarter})
    else:
        lines.append(gettext("Where we stand: %(position)s.") % {"position": position_words(position)})
    if weak.last_year is not None:
        lines.append(gettext("Last year: %(figure)s. %(change)s.") % {
            "figure": number(weak.last_year), "change": change_words(comparison)})
    lines += comparison.caveats
    lines.append(credit_for_measure(comparison.measure.code) + ".")
    return "\n".join(lines)


@dataclass(frozen=True)
class YearFigure:
    year: int
    ours: Decimal | None
    median: Decimal | None

    @property
    def label(self) -> str:
        return reporting_year_label(self.year)


@dataclass(frozen=True)
class Trend:
    """A measure before and after: the year the review was proposed, and the latest year."""

    title: str
    unit: str
    before: YearFigure
    after: YearFigure | None  # None until a later year's figures are imported
    attribution: str

    @property
    def rows(self) -> list[tuple[YearFigure, str]]:
        found = [(self.before, gettext("when the review was proposed"))]
        return found + ([(self.after, gettext("the latest figures"))] if self.after else [])


def trend_from(*, measure: str, tenure: str, year: int, rows_by_year: dict, code: str,
               latest: int | None) -> Trend:
    """The trend from figures already read (comparisons.selectors.Row lists by year)."""
    definition = MEASURES[measure]

    def at(when: int) -> YearFigure:
        rows = rows_by_year.get(when, [])
        ours = next((r.value for r in rows if r.code == code), None) if code else None
        return YearFigure(when, ours, spread_of(rows).median)

    after = at(latest) if latest is not None and latest > year else None
    return Trend(title=measure_title(definition.name, tenure), unit=definition.unit, before=at(year),
                 after=after, attribution=credit_for_measure(measure))


def measure_trend(review: Review) -> Trend | None:
    """The review's measure before and after (two queries), or None if it was not proposed from one."""
    if not review.from_measure or review.from_year is None or review.from_measure not in MEASURES:
        return None
    latest = Figure.objects.filter(measure=review.from_measure, tenure=review.from_tenure).aggregate(
        latest=Max("year"))["latest"]
    years = {review.from_year, latest or review.from_year}
    rows = figures(measure=review.from_measure, tenure=review.from_tenure, years=years)
    code = SiteSettings.load().regulator_code.strip()
    return trend_from(measure=review.from_measure, tenure=review.from_tenure, year=review.from_year,
                      rows_by_year=rows, code=code, latest=latest)


_ROW = ("landlord_id", "landlord__code", "landlord__name", "landlord__landlord_type", "landlord__size_band",
        "landlord__region", "value", "no_figure")


def trends_for(*, reviews: list[Review], up_to: int) -> dict[int, Trend]:
    """Each review's measure before (the year it was proposed) and after (the latest year up to
    `up_to`), for reviews proposed from a measure: one query however many reviews."""
    wanted = [r for r in reviews if r.from_measure in MEASURES and r.from_year is not None
              and r.from_year <= up_to]
    if not wanted:
        return {}
    rows: dict[tuple[str, str], dict[int, list[Row]]] = {}
    query = Figure.objects.filter(
        measure__in={r.from_measure for r in wanted}, tenure__in={r.from_tenure for r in wanted},
        year__gte=min(r.from_year for r in wanted), year__lte=up_to,
    ).values_list("measure", "tenure", "year", *_ROW)
    for measure, tenure, year, *fields in query:
        rows.setdefault((measure, tenure), {}).setdefault(year, []).append(Row(*fields))
    code = SiteSettings.load().regulator_code.strip()
    found = {}
    for review in wanted:
        if review.from_year is None:  # never: `wanted` holds only reviews with a year
            continue
        by_year = rows.get((review.from_measure, review.from_tenure), {})
        found[review.pk] = trend_from(measure=review.from_measure, tenure=review.from_tenure,
                                      year=review.from_year, rows_by_year=by_year, code=code,
                                      latest=max(by_year, default=None))
    return found
