"""Reads for pages and reports. The pooled numbers here are what the Annual Report to Tenants
prints, so their names and meaning are kept stable:

- `pooled_results(assessment=...)` -> PooledResults: per outcome the number of scores, mean,
  median, spread and share of "don't know"; tenants' and staff's means side by side; outcomes
  ranked; strengths, weaknesses and the largest tenant/staff differences; a standards × score
  count grid for the heatmap.
- `compare_with_earlier(assessment=...)` -> Comparison: what improved and what slipped since the
  previous closed self-assessment of the same framework.
- `indicator_table(framework=..., year=...)` -> list[IndicatorRow]: each indicator's value, the
  previous year's, target and peer or national average.

Definitions: "don't know" is not a score, so it counts towards `dont_know_share` but not towards
`scores`, `mean`, `median` or `spread`. Spread is the population standard deviation of the scores
(how far scores sit from their mean; 0 when everyone agrees). The median is PostgreSQL's
percentile_cont(0.5), i.e. the mean of the two middle scores when there is an even number;
other databases (SQLite in development) get the median and spread from one extra query, because
SQLite's own standard deviation does not skip "don't know".
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Aggregate, Avg, Count, F, FloatField, Q, QuerySet, StdDev
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from assessments.models import (
    ActionStatus,
    Assessor,
    Framework,
    ImprovementAction,
    Indicator,
    IndicatorValue,
    Outcome,
    Perspective,
    Score,
    SelfAssessment,
    Standard,
)
from assessments.models.assessment import scale_label

if TYPE_CHECKING:
    from accounts.models import User

TOP = 10  # how many strengths, weaknesses and differences to list at most
MOVED = 0.5  # a change in mean of at least half a scale point counts as improved or slipped


class Median(Aggregate):
    """PostgreSQL's median: percentile_cont(0.5) WITHIN GROUP (ORDER BY ...)."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _population_sd(values: list[int]) -> float:
    """STDDEV_POP in plain floats (statistics.pstdev works in exact fractions: slow at scale)."""
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def _median_in_database() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class OutcomeResult:
    outcome_id: int
    code: str
    title: str
    standard_code: str
    standard_title: str
    position: int
    responses: int  # scores plus "don't know"
    scores: int  # scores only
    mean: float | None
    median: float | None
    spread: float | None  # population standard deviation
    dont_know_share: float | None  # of responses, 0 to 1
    tenant_scores: int
    tenant_mean: float | None
    staff_scores: int
    staff_mean: float | None

    @property
    def summary(self) -> str:
        """The numbers in one line, as the pages print them."""
        if self.mean is None:
            return gettext("No scores: everyone said don't know") if self.responses else gettext("No scores")
        parts = [gettext("Mean %(mean)s") % {"mean": f"{self.mean:.2f}"},
                 gettext("median %(median)s") % {"median": f"{self.median:.1f}"},
                 gettext("spread %(spread)s") % {"spread": f"{self.spread:.2f}"},
                 ngettext("%(count)s score", "%(count)s scores", self.scores) % {"count": self.scores}]
        if self.dont_know_share:
            parts.append(gettext("%(share)s%% don't know") % {"share": f"{self.dont_know_share * 100:.0f}"})
        return " · ".join(parts)

    @property
    def views(self) -> str:
        """Tenants' and staff's means side by side, as the pages print them."""
        tenants = (gettext("tenants %(mean)s") % {"mean": f"{self.tenant_mean:.2f}"}
                   if self.tenant_mean is not None else gettext("no tenant scores"))
        staff = (gettext("staff %(mean)s") % {"mean": f"{self.staff_mean:.2f}"}
                 if self.staff_mean is not None else gettext("no staff scores"))
        return f"{tenants} · {staff}"

    @property
    def gap(self) -> float | None:
        """Tenants' mean minus staff's mean (positive: tenants score it higher)."""
        if self.tenant_mean is None or self.staff_mean is None:
            return None
        return self.tenant_mean - self.staff_mean


@dataclass
class PooledResults:
    self_assessment_id: int
    scale: list[str]
    assessors: int
    finished: int
    outcomes: list[OutcomeResult]  # in the framework's order
    ranked: list[OutcomeResult]  # best first: highest mean, then least spread, then framework order
    strengths: list[OutcomeResult]
    weaknesses: list[OutcomeResult]  # worst first
    differences: list[OutcomeResult]  # largest tenant/staff gap first
    # (standard code, title, [count of 1s, 2s, ..., count of "don't know"]) in framework order
    heatmap: list[tuple[str, str, list[int]]] = field(default_factory=list)


def _float(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


def pooled_results(*, assessment: SelfAssessment) -> PooledResults:
    """Pool every assessor's scores for each outcome: counts, mean, median, spread, "don't know"."""
    outcomes = list(
        Outcome.objects.filter(framework_id=assessment.framework_id)
        .select_related("standard")
        .order_by("standard__position", "position", "pk")
    )
    scores = Score.objects.filter(assessor__self_assessment=assessment)
    tenant = Q(assessor__perspective=Perspective.TENANT)
    staff = Q(assessor__perspective=Perspective.STAFF)
    aggregates = {
        "responses": Count("id"),
        "scores": Count("value"),
        "mean": Avg("value", output_field=FloatField()),
        "tenant_scores": Count("value", filter=tenant),
        "tenant_mean": Avg("value", filter=tenant, output_field=FloatField()),
        "staff_scores": Count("value", filter=staff),
        "staff_mean": Avg("value", filter=staff, output_field=FloatField()),
    }
    if _median_in_database():
        aggregates["median"] = Median("value")
        aggregates["spread"] = StdDev("value", sample=False)
    rows = {
        r["outcome_id"]: r for r in scores.values("outcome_id").order_by("outcome_id").annotate(**aggregates)
    }
    if not _median_in_database():
        values: defaultdict[int, list[int]] = defaultdict(list)
        for outcome_id, value in scores.filter(value__isnull=False).values_list("outcome_id", "value"):
            if value is not None:  # the query leaves out "don't know"; this tells the type checker too
                values[outcome_id].append(value)
        for outcome_id, row in rows.items():
            found = values[outcome_id]
            row["median"] = float(statistics.median(found)) if found else None
            row["spread"] = _population_sd(found) if found else None

    results = []
    for outcome in outcomes:
        row = rows.get(outcome.pk, {})
        responses = row.get("responses", 0)
        results.append(
            OutcomeResult(
                outcome_id=outcome.pk,
                code=outcome.code,
                title=outcome.title,
                standard_code=outcome.standard.code,
                standard_title=outcome.standard.title,
                position=len(results),
                responses=responses,
                scores=row.get("scores", 0),
                mean=_float(row.get("mean")),
                median=_float(row.get("median")),
                spread=_float(row.get("spread")),
                dont_know_share=(responses - row.get("scores", 0)) / responses if responses else None,
                tenant_scores=row.get("tenant_scores", 0),
                tenant_mean=_float(row.get("tenant_mean")),
                staff_scores=row.get("staff_scores", 0),
                staff_mean=_float(row.get("staff_mean")),
            )
        )

    scored = [r for r in results if r.mean is not None]
    ranked = sorted(scored, key=lambda r: (-r.mean, r.spread or 0, r.position))
    worst = sorted(scored, key=lambda r: (r.mean, -(r.spread or 0), r.position))
    # Half the scored outcomes at most (so a strength is never also a weakness), but at least one.
    top = min(TOP, max(1, len(scored) // 2)) if scored else 0
    differences = sorted((r for r in results if r.gap), key=lambda r: (-abs(r.gap or 0), r.position))[:TOP]
    people = Assessor.objects.filter(self_assessment=assessment).aggregate(
        invited=Count("id"), finished=Count("id", filter=Q(finished_at__isnull=False))
    )
    return PooledResults(
        self_assessment_id=assessment.pk,
        scale=[scale_label(label) for label in assessment.scale],
        assessors=people["invited"],
        finished=people["finished"],
        outcomes=results,
        ranked=ranked,
        strengths=ranked[:top],
        weaknesses=worst[:top],
        differences=differences,
        heatmap=_heatmap(assessment, scores),
    )


def _heatmap(assessment: SelfAssessment, scores: QuerySet) -> list[tuple[str, str, list[int]]]:
    """How many scores of each value each standard received, "don't know" last."""
    size = len(assessment.scale)
    standards = list(
        Standard.objects.filter(framework_id=assessment.framework_id)
        .order_by("position", "pk")
        .values_list("pk", "code", "title")
    )
    counts = defaultdict(lambda: [0] * (size + 1))
    for standard_id, value, n in (
        scores.values_list("outcome__standard_id", "value").order_by().annotate(n=Count("id"))
    ):
        index = size if value is None else min(max(value, 1), size) - 1
        counts[standard_id][index] += n
    return [(code, title, counts[pk]) for pk, code, title in standards]


@dataclass(frozen=True)
class Change:
    outcome_id: int
    code: str
    title: str
    before: float
    after: float

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass
class Comparison:
    earlier: SelfAssessment | None
    improved: list[Change]  # biggest rise first
    slipped: list[Change]  # biggest fall first
    changes: dict[int, Change]  # by outcome id, every outcome scored in both


def earlier_assessment(*, assessment: SelfAssessment) -> SelfAssessment | None:
    """The most recent closed self-assessment of the same framework that closed before this one."""
    return (
        SelfAssessment.objects.closed()
        .filter(framework_id=assessment.framework_id, closes_on__lte=assessment.closes_on)
        .exclude(pk=assessment.pk)
        .order_by("-closes_on", "-pk")
        .first()
    )


def compare(*, before: SelfAssessment, after: SelfAssessment) -> dict[int, Change]:
    """Each outcome's mean in two self-assessments of the same framework, where both have one."""
    means = defaultdict(dict)
    rows = (
        Score.objects.filter(assessor__self_assessment__in=[before, after], value__isnull=False)
        .values("outcome_id", "outcome__code", "outcome__title", sa=F("assessor__self_assessment_id"))
        .order_by()
        .annotate(mean=Avg("value", output_field=FloatField()))
    )
    labels = {}
    for row in rows:
        means[row["outcome_id"]][row["sa"]] = row["mean"]
        labels[row["outcome_id"]] = (row["outcome__code"], row["outcome__title"])
    return {
        pk: Change(
            outcome_id=pk, code=labels[pk][0], title=labels[pk][1], before=m[before.pk], after=m[after.pk]
        )
        for pk, m in means.items()
        if before.pk in m and after.pk in m
    }


def compare_with_earlier(*, assessment: SelfAssessment) -> Comparison:
    """What improved and what slipped since the previous self-assessment of the same framework."""
    return comparison(assessment=assessment, earlier=earlier_assessment(assessment=assessment))


def comparison(*, assessment: SelfAssessment, earlier: SelfAssessment | None) -> Comparison:
    """What improved and what slipped since `earlier` (None: nothing to compare with)."""
    if earlier is None:
        return Comparison(earlier=None, improved=[], slipped=[], changes={})
    changes = compare(before=earlier, after=assessment)
    improved = sorted((c for c in changes.values() if c.change >= MOVED), key=lambda c: (-c.change, c.code))
    slipped = sorted((c for c in changes.values() if c.change <= -MOVED), key=lambda c: (c.change, c.code))
    return Comparison(earlier=earlier, improved=improved, slipped=slipped, changes=changes)


def later_assessment(*, assessment: SelfAssessment) -> SelfAssessment | None:
    """The next closed self-assessment of the same framework, to see whether weaknesses moved."""
    return (
        SelfAssessment.objects.closed()
        .filter(framework_id=assessment.framework_id, closes_on__gte=assessment.closes_on)
        .exclude(pk=assessment.pk)
        .order_by("closes_on", "pk")
        .first()
    )


def actions_for(*, assessment: SelfAssessment) -> QuerySet[ImprovementAction]:
    """The to-do list of a self-assessment, with outcome and owner joined."""
    return (
        ImprovementAction.objects.filter(self_assessment=assessment)
        .select_related("outcome", "owner")
        .order_by("outcome__standard__position", "outcome__position", "due_date")
    )


def self_assessments_for(*, user: User) -> QuerySet[SelfAssessment]:
    """Self-assessments the person may see: all for staff; for tenants, those they score or
    whose panel they belong to."""
    from panels.permissions import panel_ids_for
    from scrutiny.permissions import is_staff_role

    qs = SelfAssessment.objects.select_related("framework", "panel").annotate(
        invited=Count("assessors", distinct=True),
        finished=Count("assessors", filter=Q(assessors__finished_at__isnull=False), distinct=True),
    )
    qs = qs.order_by("-closes_on", "-pk")
    if is_staff_role(user):
        return qs
    mine = SelfAssessment.objects.filter(
        Q(assessors__user=user) | Q(panel_id__in=panel_ids_for(user)) | Q(created_by=user)
    ).values("pk")
    return qs.filter(pk__in=mine)


def progress(*, assessment: SelfAssessment) -> list[Assessor]:
    """Who has finished and how many outcomes each has answered (never what they scored)."""
    return list(
        Assessor.objects.filter(self_assessment=assessment)
        .select_related("user")
        .annotate(answered=Count("scores"))
        .order_by("finished_at", "user__display_name")
    )


def my_scores(*, assessor: Assessor) -> dict[int, Score]:
    """The assessor's own scores by outcome id."""
    return {s.outcome_id: s for s in Score.objects.filter(assessor=assessor)}


def standards_with_counts(*, assessor: Assessor) -> list[Standard]:
    """Each standard of the framework with how many of its outcomes the assessor has answered."""
    framework_id = assessor.self_assessment.framework_id
    return list(
        Standard.objects.filter(framework_id=framework_id)
        .order_by("position", "pk")
        .annotate(
            total=Count("outcomes", distinct=True),
            answered=Count("outcomes__scores", filter=Q(outcomes__scores__assessor=assessor), distinct=True),
        )
    )


# --- Performance figures -------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    year: int
    value: Decimal | None
    previous: Decimal | None
    target: Decimal | None
    peer_average: Decimal | None
    version: int | None

    @property
    def direction(self) -> str | None:
        """ "better", "worse" or "same" than the previous year, taking higher_is_better into account."""
        if self.value is None or self.previous is None:
            return None
        if self.value == self.previous:
            return "same"
        up = self.value > self.previous
        return "better" if up == self.indicator.higher_is_better else "worse"

    @property
    def met_target(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target if self.indicator.higher_is_better else self.value <= self.target


def indicator_table(*, framework: Framework, year: int) -> list[IndicatorRow]:
    """Every indicator of the framework with its value for `year` and for the year before."""
    indicators = list(framework.indicators.order_by("position", "pk"))
    values = {
        (v.indicator_id, v.year): v
        for v in IndicatorValue.objects.filter(indicator__framework=framework, year__in=[year - 1, year])
    }
    rows = []
    for indicator in indicators:
        this = values.get((indicator.pk, year))
        last = values.get((indicator.pk, year - 1))
        rows.append(
            IndicatorRow(
                indicator=indicator,
                year=year,
                value=this.value if this else None,
                previous=last.value if last else None,
                target=this.target if this else None,
                peer_average=this.peer_average if this else None,
                version=this.version if this else None,
            )
        )
    return rows


def indicator_years(*, framework: Framework) -> list[int]:
    """The years that have at least one figure, newest first."""
    return list(
        IndicatorValue.objects.filter(indicator__framework=framework)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


# The years a figure may be for: the earliest any landlord's published figures go back to,
# and far enough ahead for targets.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def default_year() -> int:
    """The financial year most recently finished (April to March)."""
    today = timezone.localdate()
    return today.year - 1 if today.month >= 4 else today.year - 2


FIRST_FIGURE_YEAR = 2000  # earlier than any landlord's published figures


def figure_years() -> list[int]:
    """The years figures may be entered for, newest first: from 2000/01 to next year."""
    return list(range(default_year() + 1, FIRST_FIGURE_YEAR - 1, -1))


def year_label(year: int) -> str:
    return f"{year}/{str(year + 1)[-2:]}"


def my_actions(user: User) -> list[ImprovementAction]:
    """The person's to-do actions from self-assessments that are not done, soonest due first."""
    return list(
        ImprovementAction.objects.filter(owner=user)
        .exclude(status=ActionStatus.DONE)
        .select_related("self_assessment", "outcome")
        .order_by("due_date", "pk")[:20]
    )
