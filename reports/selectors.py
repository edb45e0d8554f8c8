"""Reads for report pages and the worker: the same dictionaries feed a page and its PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from accounts.models import Role
from mysteryshop import selectors as mysteryshop_selectors
from panels.models import Membership, PanelRole
from recommendations import selectors as recommendation_selectors
from recommendations.filters import TrackerFilter
from recommendations.models import OPEN_WORK, Action, ProgressUpdate, Recommendation, Status
from reports.annual import annual_report, annual_title, year_choices  # noqa: F401 - the report's one selector
from reports.models import AnnualReport, AssessmentSection, Kind, ReportRequest, WaitingRequest
from reviews import selectors as review_selectors
from reviews.measure_reviews import measure_trend
from reviews.models import Review, ReviewKind
from scrutiny import charts
from scrutiny.models import SiteSettings
from scrutiny.wording import possessive

if TYPE_CHECKING:
    from accounts.models import User

TRACKER_ROWS_IN_PDF = 300
PROGRAMME_KINDS = (ReviewKind.MYSTERY_SHOPPING, ReviewKind.INSPECTION)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def requests_for(*, user: User) -> QuerySet[ReportRequest]:
    """The reports the person asked for, newest first."""
    return ReportRequest.objects.filter(requested_by=user).order_by("-created_at", "-pk")


def waiting_for(*, user: User) -> list[WaitingRequest]:
    """The person's Annual Report requests still waiting for the panel's approval (a few at most:
    one per year and print size)."""
    waiting = list(
        WaitingRequest.objects.filter(requested_by=user, made_at__isnull=True)
        .select_related("annual_report").order_by("-annual_report__year", "large_print")
    )
    for item in waiting:
        item.title = annual_title(item.annual_report.year, large_print=item.large_print)
    return waiting


def latest_review_request(*, review_id: int) -> ReportRequest | None:
    """The newest request for a review's report PDF, whoever asked: identical requests are shared."""
    return (
        ReportRequest.objects.filter(kind=Kind.REVIEW, parameters__review=review_id)
        .order_by("-created_at", "-pk").first()
    )


def _chain(review: Review) -> list[Recommendation]:
    """The review's recommendations (not drafts) with their findings, response and action plan."""
    return list(
        Recommendation.objects.filter(review=review).exclude(status=Status.DRAFT)
        .select_related("response__responded_by", "owner", "service_area")
        .prefetch_related(
            "findings",
            Prefetch("actions", queryset=Action.objects.select_related("owner").order_by("due_date", "pk")),
            Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.select_related("written_by").order_by("created_at", "pk"),
            ),
        )
        .order_by("number")
    )


def review_report(*, review_id: int) -> dict[str, Any]:
    """The whole chain for one review: evidence, findings, recommendations, responses and actions."""
    review = Review.objects.select_related(
        "panel", "service_area", "lead_member", "supporting_officer"
    ).get(pk=review_id)
    data = review_selectors.report(review)
    recommendations = _chain(review)
    numbers = {f.pk: f.number for f in data["findings"]}
    cited: dict[int, list[str]] = {}
    for rec in recommendations:
        rec.finding_numbers = sorted(numbers[f.pk] for f in rec.findings.all() if f.pk in numbers)
        for finding in rec.findings.all():
            cited.setdefault(finding.pk, []).append(rec.code)
    for finding in data["findings"]:
        finding.recommendation_codes = cited.get(finding.pk, [])
    responded = [r for r in recommendations if getattr(r, "response", None) is not None]
    data.update({
        "title": _("Review report: %(title)s") % {"title": review.title},
        "description": _("The %(panel_s)s review of %(title)s: findings, recommendations and the "
                         "landlord's response.") % {
            # The English possessive ("Tayside Homes' review"); other languages name the panel plainly.
            "panel_s": possessive(review.panel.name) if get_language() == settings.LANGUAGE_CODE
            else review.panel.name, "title": review.title,
        },
        "recommendations": recommendations,
        "responded": len(responded),
        "site": SiteSettings.load(),
        "trend": measure_trend(review),
    })
    return data


def tracker_queryset(*, filters: dict[str, Any], user: User) -> QuerySet[Recommendation]:
    """The tracker's recommendations for the person, filtered as on the tracker page."""
    return TrackerFilter(filters, queryset=recommendation_selectors.visible_to(user), user=user).qs


def tracker_report(*, filters: dict, user: User) -> dict[str, Any]:
    """Summary, medians, a chart by status and the first rows of the filtered tracker."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, value in filters.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    filterset = TrackerFilter(data, queryset=recommendation_selectors.visible_to(user), user=user)
    recs = filterset.qs
    summary = recommendation_selectors.summary(recs)
    by_status = dict(recs.order_by().values_list("status").annotate(n=Count("pk")))
    labels = [label for value, label in Status.choices if value != Status.DRAFT]
    values = [by_status.get(value, 0) for value, _ in Status.choices if value != Status.DRAFT]
    chart = charts.bar(
        title=_("Recommendations by status"),
        description=ngettext(
            "%(count)s recommendation made to the landlord, by where each one stands now.",
            "%(count)s recommendations made to the landlord, by where each one stands now.", sum(values),
        ) % {"count": sum(values)},
        labels=[str(label) for label in labels], series={_("Recommendations"): values}, horizontal=True,
    )
    chosen = []
    if filterset.form.is_valid():
        for name, value in filterset.form.cleaned_data.items():
            if value not in (None, "") and name != "sort":
                field = filterset.form.fields[name]
                choices = dict(getattr(field, "choices", None) or [])
                shown = choices.get(value, value)
                chosen.append((field.label, shown))
    total = recs.count()
    return {
        "title": _("Recommendations tracker report"),
        "site": SiteSettings.load(),
        "summary": summary,
        "medians": recommendation_selectors.medians(recs),
        "chart": chart,
        "filters": chosen,
        "rows": list(recs[:TRACKER_ROWS_IN_PDF]),
        "total": total,
        "more": max(0, total - TRACKER_ROWS_IN_PDF),
        "overdue": summary["overdue"],
    }


def programme_reviews() -> QuerySet[Review]:
    """Mystery-shopping and inspection programmes, newest first."""
    return Review.objects.filter(kind__in=PROGRAMME_KINDS).select_related("panel").order_by("-created_at")


def programme_report(*, review_id: int) -> dict[str, Any]:
    """A mystery-shopping or inspection programme: what was checked, found and recommended."""
    data = review_report(review_id=review_id)
    review = data["review"]
    data["title"] = _("Programme report: %(title)s") % {"title": review.title}
    recs = data["recommendations"]
    data["recommendation_counts"] = {
        "made": len(recs),
        "accepted": sum(
            1 for r in recs if getattr(r, "response", None) and r.response.decision != "rejected"
        ),
        "open": sum(1 for r in recs if r.status in OPEN_WORK),
    }
    data["weaknesses"] = [f for f in data["findings"] if f.kind == "weakness"]
    summary = mysteryshop_selectors.programme_summary(review=review, failing_limit=15)
    data["summary"] = summary
    data["charts"] = []
    if summary.by_site:
        data["charts"].append(charts.bar(
            title=_("Average score by place"),
            description=ngettext(
                "The average score, out of 100, of %(count)s visit at each place.",
                "The average score, out of 100, of %(count)s visits at each place.", summary.visits,
            ) % {"count": summary.visits},
            labels=[row["label"] for row in summary.by_site],
            series={_("Average score"): [_number(row["score"]) for row in summary.by_site]},
            unit="%", max_value=100, horizontal=True,
        ))
    if len(summary.by_month) > 1:
        data["charts"].append(charts.line(
            title=_("Average score month by month"),
            description=_("How the average score of the visits changed over the programme."),
            labels=[date_format(row["month"], "M Y") for row in summary.by_month],
            series={_("Average score"): [_number(row["score"]) for row in summary.by_month]},
            unit="%", max_value=100,
        ))
    return data


def assessment(*, year: int) -> tuple[AnnualReport | None, dict[str, AssessmentSection]]:
    """The year's annual report record and the panel's text for each section."""
    record = AnnualReport.objects.filter(year=year).select_related("approved_by", "reminded_by").first()
    if record is None:
        return None, {}
    return record, {s.section: s for s in record.sections.select_related("updated_by")}


def reports_to_choose(*, user: User) -> dict[str, Any]:
    """What the reports page offers the person."""
    from reports import permissions

    staff = permissions.can_request_staff_report(user)
    return {
        "waiting": waiting_for(user=user),
        "years": year_choices(),
        "programmes": list(programme_reviews()[:50]) if staff else [],
        "staff": staff,
        "reviews": list(
            review_selectors.visible_reviews(user).filter(~Q(stage="scoping")).order_by("-created_at")[:50]
        ),
    }


def assessment_approvers() -> list[Membership]:
    """Who can approve the panel's assessment: tenants who chair or vice-chair a panel today,
    each membership with its person and panel (an administrator can too, but is the fallback)."""
    return list(
        Membership.objects.current()
        .filter(role__in=[PanelRole.CHAIR, PanelRole.VICE_CHAIR])
        .filter(user__role=Role.TENANT, user__is_active=True)
        .select_related("user", "panel").order_by("panel__name", "role", "user__display_name")
    )
