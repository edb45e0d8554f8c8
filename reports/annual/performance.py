"""The landlord's performance on each framework indicator, and tenants' mystery shopping and
inspections: sections of the Annual Report built on the assessments and mysteryshop apps."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mysteryshop import selectors as mysteryshop_selectors
from reports.annual import Section, Year, comparison, outcomes, panel_texts
from reports.models import AnnualReport
from scrutiny import charts
from scrutiny.wording import with_unit


def _figure(value: Decimal | float | None, unit: str) -> str:
    return "–" if value is None else with_unit(value, unit)


def _number(value: Decimal | float | None) -> float | None:
    """Decimals from the database as plain numbers for a chart (its table formats them)."""
    return None if value is None else float(value)


def indicators(year: Year) -> Section | None:
    """The framework's outcomes in their groups, each with its figures and the panel's words."""
    record = AnnualReport.objects.filter(year=year.start_year).first()
    written = panel_texts(record)
    parts = outcomes.framework_parts(year, {key: text for key, (text, _english) in written.items()})
    for part in parts:
        for _group, group in part.groups:
            for outcome in group:
                outcome.assessment_in_english = written.get(outcome.key, ("", False))[1]
    if not parts:
        return None  # no framework for the country and no figures: the panel's words are kept apart
    measures = [m for part in parts for m in part.measures]
    met = sum(m.met_target is True for m in measures)
    judged = met + sum(m.met_target is False for m in measures)
    better = sum(m.direction == "better" for m in measures)
    worse = sum(m.direction == "worse" for m in measures)
    if not measures:
        meaning = _("There are no figures for this year; the panel's words on each outcome are below.")
    else:
        meaning = (
            _("We met %(met)s of the %(judged)s targets we set") % {"met": met, "judged": judged} if judged
            else _("We did not set targets this year")
        ) + ". " + ngettext(
            "%(better)s measure got better than last year and %(worse)s got worse.",
            "%(better)s measures got better than last year and %(worse)s got worse.", better,
        ) % {"better": better, "worse": worse}
    return Section(
        key="performance", title=_("How we performed, outcome by outcome"),
        template="reports/annual/_performance.html",
        data={"frameworks": parts, "comparison_source": str(comparison.SOURCE), "attribution": "; ".join(
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
            title=_("Average score by kind of check, %(year)s") % {"year": year.label},
            description=_(
                "The average score, out of 100, of the mystery shops and inspections of each kind."
            ),
            labels=[str(row["label"]) for row in now["visits_by_purpose"]],
            series={_("Average score"): [_number(row["score"]) for row in now["visits_by_purpose"]]},
            unit="%", max_value=100, horizontal=True, large_print=year.large_print,
        )
    shops, inspections = now["mystery_shops"], now["inspections"]
    meaning = " ".join([
        ngettext("Tenants made %(count)s mystery shop (average score %(score)s)",
                 "Tenants made %(count)s mystery shops (average score %(score)s)", shops)
        % {"count": shops, "score": _figure(now["mystery_shop_score"], "%")},
        ngettext("and %(count)s inspection (average score %(score)s),",
                 "and %(count)s inspections (average score %(score)s),", inspections)
        % {"count": inspections, "score": _figure(now["inspection_score"], "%")},
        ngettext("and awarded %(count)s document the Customer Approved mark.",
                 "and awarded %(count)s documents the Customer Approved mark.", now["documents_approved"])
        % {"count": now["documents_approved"]},
    ])
    return Section(
        key="mystery-shopping", title=_("Mystery shopping and inspections"),
        template="reports/annual/_mystery_shopping.html",
        data={"now": now, "before": before, "chart": chart,
              "shop_score": _figure(now["mystery_shop_score"], "%"),
              "inspection_score": _figure(now["inspection_score"], "%"),
              "shop_score_before": _figure(before["mystery_shop_score"], "%"),
              "inspection_score_before": _figure(before["inspection_score"], "%")},
        meaning=meaning,
    )
