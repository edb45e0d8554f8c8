"""The landlord's performance on each framework indicator, and tenants' mystery shopping and
inspections: sections of the Annual Report built on the assessments and mysteryshop apps."""

from __future__ import annotations

from decimal import Decimal

from mysteryshop import selectors as mysteryshop_selectors
from reports.annual import Section, Year, comparison, outcomes
from reports.models import AnnualReport
from scrutiny import charts
from scrutiny.wording import count, with_unit


def _figure(value: Decimal | float | None, unit: str) -> str:
    return "–" if value is None else with_unit(value, unit)


def _number(value: Decimal | float | None) -> float | None:
    """Decimals from the database as plain numbers for a chart (its table formats them)."""
    return None if value is None else float(value)


def indicators(year: Year) -> Section | None:
    """The framework's outcomes in their groups, each with its figures and the panel's words."""
    record = AnnualReport.objects.filter(year=year.start_year).first()
    texts = dict(record.sections.values_list("section", "text")) if record else {}
    parts = outcomes.framework_parts(year, texts)
    if not parts:
        return None  # no framework for the country and no figures: the panel's words are kept apart
    measures = [m for part in parts for m in part.measures]
    met = sum(m.met_target is True for m in measures)
    judged = met + sum(m.met_target is False for m in measures)
    better = sum(m.direction == "better" for m in measures)
    worse = sum(m.direction == "worse" for m in measures)
    if not measures:
        meaning = "There are no figures for this year; the panel's words on each outcome are below."
    else:
        meaning = (
            f"We met {met} of the {judged} targets we set" if judged else "We did not set targets this year"
        ) + f". {better} measure{'s' if better != 1 else ''} got better than last year and {worse} got worse."
    return Section(
        key="performance", title="How we performed, outcome by outcome",
        template="reports/annual/_performance.html",
        data={"frameworks": parts, "comparison_source": comparison.SOURCE, "attribution": "; ".join(
            sorted({m.compared.licensed for m in measures if m.compared and m.compared.licensed})),
            **comparison.peers_note(measures)},
        meaning=meaning,
        has_figures=bool(measures),
    )


def mystery_shopping(year: Year) -> Section | None:
    """Mystery shops, inspections and documents checked by tenants in the year, with scores."""
    now = mysteryshop_selectors.year_summary(start=year.period.start, end=year.period.end)
    before = mysteryshop_selectors.year_summary(start=year.previous.start, end=year.previous.end)
    if not (now["mystery_shops"] or now["inspections"] or now["documents_approved"]):
        return None
    chart = None
    if now["visits_by_purpose"]:
        chart = charts.bar(
            title=f"Average score by kind of check, {year.label}",
            description="The average score, out of 100, of the mystery shops and inspections of each kind.",
            labels=[row["label"] for row in now["visits_by_purpose"]],
            series={"Average score": [_number(row["score"]) for row in now["visits_by_purpose"]]},
            unit="%", max_value=100, horizontal=True, large_print=year.large_print,
        )
    shops, inspections = now["mystery_shops"], now["inspections"]
    meaning = (
        f"Tenants made {count(shops, 'mystery shop')} (average score "
        f"{_figure(now['mystery_shop_score'], '%')}) and {count(inspections, 'inspection')} "
        f"(average score {_figure(now['inspection_score'], '%')}), and awarded "
        f"{count(now['documents_approved'], 'document')} the Customer Approved mark."
    )
    return Section(
        key="mystery-shopping", title="Mystery shopping and inspections",
        template="reports/annual/_mystery_shopping.html",
        data={"now": now, "before": before, "chart": chart,
              "shop_score": _figure(now["mystery_shop_score"], "%"),
              "inspection_score": _figure(now["inspection_score"], "%"),
              "shop_score_before": _figure(before["mystery_shop_score"], "%"),
              "inspection_score_before": _figure(before["inspection_score"], "%")},
        meaning=meaning,
    )
