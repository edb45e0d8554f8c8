"""The landlord's performance on each framework indicator, and tenants' mystery shopping and
inspections: sections of the Annual Report built on the assessments and mysteryshop apps."""

from __future__ import annotations

from assessments import selectors as assessment_selectors
from assessments.models import Framework
from mysteryshop import selectors as mysteryshop_selectors
from reports.annual import Section, Year
from scrutiny import charts
from scrutiny.wording import count, with_unit

CHARTED = 12  # percentage indicators drawn in one chart; the table has every indicator


def _number(value) -> float | None:
    """Decimals from the database as plain numbers for a chart (its table formats them)."""
    return None if value is None else float(value)


def _meaning(row) -> str:
    """One line on an indicator: better or worse than last year, target met or not."""
    parts = []
    if row.direction == "better":
        parts.append("better than last year")
    elif row.direction == "worse":
        parts.append("worse than last year")
    elif row.direction == "same":
        parts.append("the same as last year")
    if row.met_target is True:
        parts.append("target met")
    elif row.met_target is False:
        parts.append("target missed")
    return ("; ".join(parts) or "no figure to compare").capitalize() + "."


def _figure(value, unit) -> str:
    return "–" if value is None else with_unit(value, unit)


def indicators(year: Year) -> Section | None:
    """Each framework's indicators for the year: figure, target, last year and what it means."""
    frameworks = list(
        Framework.objects.filter(indicators__values__year=year.start_year).distinct().order_by("name")
    )
    if not frameworks:
        return None
    tables, met, missed, better, worse = [], 0, 0, 0, 0
    for framework in frameworks:
        rows = [r for r in assessment_selectors.indicator_table(framework=framework, year=year.start_year)
                if r.value is not None]
        lines = []
        for row in rows:
            met += row.met_target is True
            missed += row.met_target is False
            better += row.direction == "better"
            worse += row.direction == "worse"
            lines.append({
                "code": row.indicator.code, "title": row.indicator.title,
                "value": _figure(row.value, row.indicator.unit),
                "target": _figure(row.target, row.indicator.unit),
                "previous": _figure(row.previous, row.indicator.unit), "meaning": _meaning(row),
            })
        percentages = [r for r in rows if r.indicator.unit == "%"][:CHARTED]
        chart = None
        if percentages:
            chart = charts.bar(
                title=f"{framework.name}: percentage measures, {year.label}",
                description=(
                    f"For each measure, this year's figure, last year's and the target. "
                    f"{sum(r.met_target is True for r in percentages)} of {len(percentages)} shown met "
                    "their target."
                ),
                labels=[r.indicator.code for r in percentages],
                series={
                    year.label: [_number(r.value) for r in percentages],
                    year.previous_label: [_number(r.previous) for r in percentages],
                    "Target": [_number(r.target) for r in percentages],
                },
                unit="%", max_value=100, horizontal=year.large_print,
                large_print=year.large_print,
            )
        tables.append({"framework": framework, "rows": lines, "chart": chart})
    judged = met + missed
    meaning = (
        f"We met {met} of the {judged} targets we set" if judged else "We did not set targets this year"
    ) + f". {better} measure{'s' if better != 1 else ''} got better than last year and {worse} got worse."
    return Section(
        key="performance", title="How we performed", template="reports/annual/_performance.html",
        data={"tables": tables}, meaning=meaning,
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
