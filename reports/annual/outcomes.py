"""How the landlord performed, outcome by outcome: the framework's outcomes in their groups, each
with its figures (this year, last year, target, the figure to compare with, where the landlord
stands) and the panel's own words on it.

Which framework a report is organised by comes from the site settings' country (the Charter in
Scotland, the Tenant Satisfaction Measures in England); every outcome of that framework is listed,
with or without figures. Other frameworks appear when they have figures for the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from assessments.models import Framework, Indicator, IndicatorValue, Outcome
from comparisons.frameworks import FRAMEWORK_MEASURES
from reports.annual import Year
from reports.annual.comparison import Standing, national_figures, standing
from scrutiny import charts
from scrutiny.models import Country, SiteSettings
from scrutiny.wording import with_unit

CHARTED = 12  # percentage measures drawn in one chart; the tables have every measure
FRAMEWORK_FOR_COUNTRY: dict[str, str] = {
    Country.SCOTLAND: "scottish-social-housing-charter-2022",
    Country.ENGLAND: "tenant-satisfaction-measures",
}


def outcome_key(outcome_id: int) -> str:
    """The key the panel's words on an outcome are saved under."""
    return f"outcome-{outcome_id}"


@dataclass
class Measure:
    indicator: Indicator
    value: Decimal | None
    previous: Decimal | None
    target: Decimal | None
    compared: Standing | None

    def _figure(self, value: Decimal | None) -> str:
        return "–" if value is None else with_unit(value, self.indicator.unit)

    @property
    def name(self) -> str:
        return f"{self.indicator.code}: {self.indicator.title}"

    @property
    def shown(self) -> dict[str, str]:
        return {"value": self._figure(self.value), "previous": self._figure(self.previous),
                "target": self._figure(self.target)}

    @property
    def direction(self) -> str | None:
        if self.value is None or self.previous is None:
            return None
        if self.value == self.previous:
            return "same"
        return "better" if (self.value > self.previous) == self.indicator.higher_is_better else "worse"

    @property
    def met_target(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target if self.indicator.higher_is_better else self.value <= self.target

    @property
    def meaning(self) -> str:
        parts = {"better": [_("better than last year")], "worse": [_("worse than last year")],
                 "same": [_("the same as last year")]}.get(self.direction or "", [])
        if self.met_target is not None:
            parts.append(_("target met") if self.met_target else _("target missed"))
        return ("; ".join(parts) or _("no figure to compare")).capitalize() + "."


@dataclass
class OutcomePart:
    key: str
    code: str
    title: str
    measures: list[Measure] = field(default_factory=list)
    assessment: str = ""
    assessment_in_english: bool = False  # the English standing in for the panel's missing Welsh

    @property
    def heading(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


@dataclass
class FrameworkPart:
    framework: Framework
    groups: list[tuple[str, list[OutcomePart]]]  # (group title, its outcomes)
    other: list[Measure]  # measures no outcome claims
    chart: charts.Chart | None = None

    @property
    def measures(self) -> list[Measure]:
        return [m for _, parts in self.groups for p in parts for m in p.measures] + self.other


def report_framework() -> Framework | None:
    """The framework the landlord reports against, from the site settings' country."""
    code = FRAMEWORK_FOR_COUNTRY.get(SiteSettings.load().country)
    return Framework.objects.filter(code=code).first() if code else None


def frameworks_for(year: int) -> tuple[Framework | None, list[Framework]]:
    """The country's framework, and every framework in the report (it, then those with figures)."""
    main = report_framework()
    with_figures = Framework.objects.filter(indicators__values__year__in=[year, year - 1]).distinct()
    others = [f for f in with_figures.order_by("name") if main is None or f.pk != main.pk]
    return main, ([main] if main else []) + others


def framework_parts(year: Year, texts: dict[str, str]) -> list[FrameworkPart]:
    """Each framework's outcomes in their groups, with figures and the panel's words (4 queries, and
    one more for the regulator's figures when the site settings say which landlord this is)."""
    main, frameworks = frameworks_for(year.start_year)
    if not frameworks:
        return []
    ids = [f.pk for f in frameworks]
    outcomes = list(Outcome.objects.filter(framework_id__in=ids).select_related("standard")
                    .order_by("standard__position", "position", "pk"))
    indicators = list(Indicator.objects.filter(framework_id__in=ids).order_by("position", "pk"))
    values = {(v.indicator_id, v.year): v for v in IndicatorValue.objects.filter(
        indicator__framework_id__in=ids, year__in=[year.start_year, year.start_year - 1])}
    # The regulator's figures for each framework whose measures it publishes (a query or three each).
    nationals = {f.pk: national_figures(year=year.start_year, framework=f.code,
                                        indicators=[i for i in indicators if i.framework_id == f.pk])
                 for f in frameworks if f.code in FRAMEWORK_MEASURES}
    measures: dict[int | None, list[Measure]] = {}
    by_framework: dict[int, list[Measure]] = {}
    for indicator in indicators:
        this = values.get((indicator.pk, year.start_year))
        last = values.get((indicator.pk, year.start_year - 1))
        regulated = nationals.get(indicator.framework_id)
        # Where the landlord entered no figure, its own in the regulator's data stands in.
        value = this.value if this else (regulated.own(indicator) if regulated else None)
        if value is None and last is None:
            continue
        measure = Measure(
            indicator=indicator, value=value, previous=last.value if last else None,
            target=this.target if this else None,
            compared=standing(indicator=indicator, value=value, national=regulated,
                              average=this.peer_average if this else None),
        )
        if indicator.outcome_id is None:
            by_framework.setdefault(indicator.framework_id, []).append(measure)
        else:
            measures.setdefault(indicator.outcome_id, []).append(measure)
    parts = []
    for framework in frameworks:
        groups: dict[int, tuple[str, list[OutcomePart]]] = {}
        for outcome in outcomes:
            if outcome.framework_id != framework.pk:
                continue
            key = outcome_key(outcome.pk)
            part = OutcomePart(key=key, code=outcome.code, title=outcome.title,
                               measures=measures.get(outcome.pk, []), assessment=texts.get(key, "").strip())
            # Every outcome of the country's framework is named; another's only with something to say.
            if framework == main or part.measures or part.assessment:
                group = f"{outcome.standard.code}. {outcome.standard.title}"
                groups.setdefault(outcome.standard_id, (group, []))[1].append(part)
        made = FrameworkPart(framework=framework, groups=list(groups.values()),
                             other=by_framework.get(framework.pk, []))
        made.chart = _chart(made, year)
        parts.append(made)
    return parts


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _chart(part: FrameworkPart, year: Year) -> charts.Chart | None:
    shown = [m for m in part.measures if m.indicator.unit == "%" and m.value is not None][:CHARTED]
    if not shown:
        return None
    return charts.bar(
        title=_("%(framework)s: percentage measures, %(year)s") % {
            "framework": part.framework.name, "year": year.label},
        description=_(
            "For each measure, this year's figure, last year's and the target. %(met)s of %(shown)s "
            "shown met their target."
        ) % {"met": sum(m.met_target is True for m in shown), "shown": len(shown)},
        labels=[charts.short_label(m.indicator.title) for m in shown],
        series={
            year.label: [_number(m.value) for m in shown],
            year.previous_label: [_number(m.previous) for m in shown],
            _("Target"): [_number(m.target) for m in shown],
        },
        unit="%", max_value=100, horizontal=year.large_print, large_print=year.large_print,
    )


def outcome_sections(year: int) -> list[tuple[str, str, bool]]:
    """(key, title, has figures) of each outcome the year's report shows, for the panel to write on."""
    from reports.annual import year_of

    found = []
    for part in framework_parts(year_of(year), {}):
        for _group, outcomes in part.groups:
            for outcome in outcomes:
                found.append((outcome.key, _("%(framework)s: outcome %(outcome)s") % {
                               "framework": part.framework.name, "outcome": outcome.heading},
                              bool(outcome.measures)))
    return found
