"""The sections of the Annual Report to Tenants, in the order they are printed.

Each is a function (Year) -> Section | None. Figures are counted in the database; charts come
from scrutiny.charts, so the page and the PDF show the same drawing and the same table.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from assessments.models import ActionStatus, Outcome, SelfAssessment
from assessments.selectors import pooled_results
from panels.selectors import volunteering
from recommendations.models import Decision, Recommendation, Status
from reports.annual import Section, Year, performance
from reports.annual.measures import measures_reviewed
from reports.annual.outcomes import outcome_key
from reviews.models import Finding, Review, ReviewKind, Stage, StageChange
from scrutiny import charts
from scrutiny.models import SiteSettings

# Sections the panel writes its own assessment of: (key, title), in report order.
ASSESSABLE = [
    ("performance", gettext_lazy("How we performed, outcome by outcome")),
    ("self-assessment", gettext_lazy("What tenants and staff said in the self-assessment")),
    ("mystery-shopping", gettext_lazy("Mystery shopping and inspections")),
    ("scrutiny", gettext_lazy("What tenant scrutiny did this year")),
    ("recommendations", gettext_lazy("Recommendations and what happened to them")),
    ("volunteering", gettext_lazy("The panels' volunteering")),
]
TITLES = dict(ASSESSABLE)
# A review counts as completed in the year its report first went to the landlord.
COMPLETED = (Stage.RESPONSE, Stage.MONITORING, Stage.CLOSED)
YOU_SAID_WE_DID_SHOWN = 10
SHOWN = 5  # strengths and weaknesses of a self-assessment listed
def _bounds(period: volunteering.Period) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = datetime(period.start.year, period.start.month, period.start.day, tzinfo=tz)
    after = period.end.toordinal() + 1
    end_day = type(period.end).fromordinal(after)
    return start, datetime(end_day.year, end_day.month, end_day.day, tzinfo=tz)


def _compare(now: int, before: int, *, thing: str) -> str:
    """How a count compares with the year before's; `thing` is "pieces" (of work) or "hours"."""
    numbers = {"difference": abs(now - before), "before": before}
    if thing == "hours":
        if now == before:
            return _("the same number of hours as the year before")
        if now > before:
            return _("%(difference)s more hours than the year before (%(before)s)") % numbers
        return _("%(difference)s fewer hours than the year before (%(before)s)") % numbers
    if now == before:
        return _("the same number of pieces as the year before")
    if now > before:
        return _("%(difference)s more pieces than the year before (%(before)s)") % numbers
    return _("%(difference)s fewer pieces than the year before (%(before)s)") % numbers


def _title(key: str) -> str:
    return str(TITLES[key])


def _completed_reviews(period: volunteering.Period) -> QuerySet[Review]:
    start, end = _bounds(period)
    first = (
        StageChange.objects.filter(review=OuterRef("pk"), to_stage__in=COMPLETED)
        .order_by("changed_at").values("changed_at")[:1]
    )
    return (
        Review.objects.annotate(completed_at=Subquery(first))
        .filter(completed_at__gte=start, completed_at__lt=end)
    )


def scrutiny_work(year: Year) -> Section:
    """Reviews completed in the year, by kind, with what each found and recommended."""
    reviews = list(
        _completed_reviews(year.period)
        .select_related("panel", "service_area")
        .annotate(
            findings_made=Subquery(
                Finding.objects.filter(review=OuterRef("pk")).order_by().values("review")
                .annotate(n=Count("pk")).values("n")[:1]
            ),
            recommendations_made=Subquery(
                Recommendation.objects.filter(review=OuterRef("pk")).exclude(status=Status.DRAFT)
                .order_by().values("review").annotate(n=Count("pk")).values("n")[:1]
            ),
        )
        .order_by("completed_at", "pk")
    )
    before = dict(
        _completed_reviews(year.previous).order_by().values_list("kind").annotate(n=Count("pk"))
    )
    now = {}
    for review in reviews:
        now[review.kind] = now.get(review.kind, 0) + 1
    labels = [str(label) for _, label in ReviewKind.choices]  # the words, not lazy: pygal and the chart key
    chart = charts.bar(
        title=_("Reviews completed in %(year)s and %(previous)s") % {
            "year": year.label, "previous": year.previous_label},
        description=_(
            "Bars for each kind of review: %(now)s completed in %(year)s, %(before)s in %(previous)s."
        ) % {"now": len(reviews), "year": year.label, "before": sum(before.values()),
           "previous": year.previous_label},
        labels=[str(label) for label in labels],
        series={
            year.label: [now.get(kind, 0) for kind, _ in ReviewKind.choices],
            year.previous_label: [before.get(kind, 0) for kind, _ in ReviewKind.choices],
        },
        large_print=year.large_print, horizontal=year.large_print,
    )
    total, total_before = len(reviews), sum(before.values())
    if total:
        meaning = ngettext(
            "Tenants completed %(count)s piece of scrutiny work this year, %(compared)s. Each one looked "
            "closely at a service and told the landlord what tenants found.",
            "Tenants completed %(count)s pieces of scrutiny work this year, %(compared)s. Each one looked "
            "closely at a service and told the landlord what tenants found.", total,
        ) % {"count": total, "compared": _compare(total, total_before, thing="pieces")}
    else:
        meaning = _("No reviews were completed this year.")
    return Section(
        key="scrutiny", title=_title("scrutiny"), template="reports/annual/_scrutiny.html",
        data={"reviews": reviews, "chart": chart, "total": total, "total_before": total_before},
        meaning=meaning,
    )


def _recommendation_counts(period: volunteering.Period) -> dict[str, int]:
    start, end = _bounds(period)
    answered = Q(response__responded_at__gte=start, response__responded_at__lt=end)
    return Recommendation.objects.order_by().aggregate(
        made=Count("pk", filter=Q(submitted_at__gte=start, submitted_at__lt=end)),
        accepted=Count("pk", filter=answered & Q(
            response__decision__in=[Decision.ACCEPTED, Decision.PARTLY_ACCEPTED])),
        rejected=Count("pk", filter=answered & Q(response__decision=Decision.REJECTED)),
        implemented=Count("pk", filter=Q(implemented_at__gte=start, implemented_at__lt=end)),
        verified=Count("pk", filter=Q(verified_at__gte=start, verified_at__lt=end)),
    )


def recommendations(year: Year) -> Section:
    """Recommendations made, accepted, implemented and verified in the year, against last year."""
    now, before = _recommendation_counts(year.period), _recommendation_counts(year.previous)
    steps = [("made", pgettext_lazy("recommendations", "Made")),
             ("accepted", _("Accepted (fully or partly)")), ("rejected", _("Not accepted")),
             ("implemented", _("Put in place")), ("verified", _("Checked by tenants"))]
    chart = charts.bar(
        title=_("Recommendations in %(year)s and %(previous)s") % {
            "year": year.label, "previous": year.previous_label},
        description=_(
            "In %(year)s tenants made %(made)s recommendations; the landlord accepted %(accepted)s, put "
            "%(implemented)s in place and tenants checked %(verified)s."
        ) % {"year": year.label, **now},
        labels=[str(label) for _key, label in steps],
        series={
            year.label: [now[key] for key, _label in steps],
            year.previous_label: [before[key] for key, _label in steps],
        },
        large_print=year.large_print, horizontal=year.large_print,
    )
    answered = now["accepted"] + now["rejected"]
    if answered:
        share = round(100 * now["accepted"] / answered)
        meaning = ngettext(
            "Of the %(answered)s recommendation the landlord answered this year, it accepted %(accepted)s "
            "(%(share)s%%) fully or in part.",
            "Of the %(answered)s recommendations the landlord answered this year, it accepted %(accepted)s "
            "(%(share)s%%) fully or in part.", answered,
        ) % {"answered": answered, "accepted": now["accepted"], "share": share} + " " + ngettext(
            "%(verified)s change was checked by tenants and found to be done.",
            "%(verified)s changes were checked by tenants and found to be done.", now["verified"],
        ) % {"verified": now["verified"]}
    else:
        meaning = _("The landlord did not answer any recommendations this year.")
    return Section(
        key="recommendations", title=_title("recommendations"),
        template="reports/annual/_recommendations.html",
        data={"now": now, "before": before, "chart": chart}, meaning=meaning,
    )


def you_said_we_did(year: Year) -> Section | None:
    """Changes tenants asked for and checked this year, in their words and the landlord's."""
    start, end = _bounds(year.period)
    verified = (
        Recommendation.objects.filter(status=Status.VERIFIED, verified_at__gte=start, verified_at__lt=end)
        .select_related("review", "service_area").order_by("-verified_at", "-pk")
    )
    total = verified.count()
    if not total:
        return None
    return Section(
        key="you-said-we-did", title=_("You said, we did"), template="reports/annual/_you_said_we_did.html",
        data={"items": list(verified[:YOU_SAID_WE_DID_SHOWN]), "total": total,
              "more": max(0, total - YOU_SAID_WE_DID_SHOWN)},
        meaning=ngettext(
            "%(count)s change that tenants asked for was made and checked this year.",
            "%(count)s changes that tenants asked for were made and checked this year.", total,
        ) % {"count": total},
        assessable=False,
    )


def volunteering_section(year: Year) -> Section:
    """Members, meetings, hours and training, for all panels and each panel."""
    total = volunteering.totals(period=year.period)
    before = volunteering.totals(period=year.previous)
    panels = [
        (p, f) for p, f in volunteering.panel_figures(period=year.period) if f.volunteers or f.meetings_held
    ]
    labels = [_("Tenant volunteers"), _("Meetings held"), _("People trained")]
    chart = charts.bar(
        title=_("Volunteering in %(year)s and %(previous)s") % {
            "year": year.label, "previous": year.previous_label},
        description=_(
            "In %(year)s, %(volunteers)s tenants volunteered, panels held %(meetings)s meetings and "
            "%(trained)s people completed training."
        ) % {"year": year.label, "volunteers": total.volunteers, "meetings": total.meetings_held,
             "trained": total.trained},
        labels=labels,
        series={
            year.label: [total.volunteers, total.meetings_held, total.trained],
            year.previous_label: [before.volunteers, before.meetings_held, before.trained],
        },
        large_print=year.large_print, horizontal=year.large_print,
    )
    hours = round(total.hours)
    if hours:
        meaning = _(
            "%(volunteers)s tenants gave %(hours)s hours of their time at panel meetings, %(compared)s."
        ) % {
            "volunteers": total.volunteers, "hours": f"{hours:,}",
            "compared": _compare(hours, round(before.hours), thing="hours"),
        }
    else:
        meaning = _(
            "%(volunteers)s tenants were members of a panel; no meeting hours were recorded this year."
        ) % {"volunteers": total.volunteers}
    return Section(
        key="volunteering", title=_title("volunteering"), template="reports/annual/_volunteering.html",
        data={"total": total, "before": before, "panels": panels, "chart": chart, "hours": hours},
        meaning=meaning,
    )


def self_assessment(year: Year) -> Section | None:
    """The year's pooled self-assessment: its strengths, weaknesses and how its to-do list went."""
    found = (
        SelfAssessment.objects.closed().select_related("framework")
        .filter(closes_on__gte=year.period.start, closes_on__lte=year.period.end)
        .order_by("-closes_on", "-pk")
        .first()
    )
    if found is None:
        return None
    pooled = pooled_results(assessment=found)
    done = dict(found.actions.order_by().values_list("status").annotate(n=Count("pk")))
    steps = [(status, label, done.get(status, 0)) for status, label in ActionStatus.choices]
    total = sum(n for _, _, n in steps)
    finished = done.get(ActionStatus.DONE, 0)
    meaning = _("%(finished)s of %(assessors)s people finished scoring %(framework)s.") % {
        "finished": pooled.finished, "assessors": pooled.assessors, "framework": found.framework.name,
    } + " " + (ngettext(
        "Of the %(total)s thing it set out to do, %(done)s",
        "Of the %(total)s things it set out to do, %(done)s", total,
    ) % {"total": total, "done": finished} + " " + ngettext("is done.", "are done.", finished) if total
        else _("It did not set a to-do list."))
    return Section(
        key="self-assessment", title=_title("self-assessment"),
        template="reports/annual/_self_assessment.html",
        data={"assessment": found, "strengths": pooled.strengths[:SHOWN],
              "weaknesses": pooled.weaknesses[:SHOWN], "steps": steps, "total": total},
        meaning=meaning,
    )


def words_only_sections(texts: dict[str, str]) -> list[Section]:
    """A section for each text of the panel's that nothing else in the report shows this year."""
    ids = [int(key.split("-", 1)[1]) for key in texts if key.startswith("outcome-") and key[8:].isdigit()]
    outcomes = {outcome_key(o.pk): _("%(framework)s: outcome %(code)s. %(title)s") % {
                    "framework": o.framework.name, "code": o.code, "title": o.title}
                for o in Outcome.objects.filter(pk__in=ids).select_related("framework")}
    kept = []
    for key in sorted(texts, key=lambda k: (k not in TITLES, k)):
        title = str(TITLES.get(key) or outcomes.get(key) or _("More from the panel"))
        kept.append(Section(
            key=f"kept-{key}", title=title, template="reports/annual/_words_only.html",
            meaning=_("There are no figures for this part of the report this year."),
            assessment=texts[key].strip(), has_figures=False,
        ))
    return kept


def get_involved(year: Year) -> Section:
    """How to join in: the landlord's contact details."""
    site = SiteSettings.load()
    return Section(
        key="get-involved", title=_("How to get involved"), template="reports/annual/_get_involved.html",
        data={"site": site}, assessable=False,
    )


SECTIONS = [
    performance.indicators,
    self_assessment,
    scrutiny_work,
    measures_reviewed,
    performance.mystery_shopping,
    recommendations,
    you_said_we_did,
    volunteering_section,
    get_involved,
]
