import functools
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from recommendations import exports, permissions, public, selectors
from recommendations.detail_page import kept_body
from recommendations.filter_fields import checked_filters, filter_fields
from recommendations.filters import TrackerFilter
from recommendations.models import Action, ProgressUpdate, Recommendation
from recommendations.tracker_rows import tracker_page
from reviews.models import Review
from scrutiny import extensions, uploads
from scrutiny.models import SiteSettings
from scrutiny.permissions import require
from scrutiny.public_cache import NO_FORM_TOKEN, etag_of, not_modified, public_headers

PAGE_SIZE = 25


def visible_or_403(user: User, pk: int) -> Recommendation:
    """The recommendation, if the person may see it: 404 if there is none, 403 if not theirs."""
    rec = get_object_or_404(Recommendation.objects.select_related("review__panel", "owner"), pk=pk)
    require(permissions.can_view(user, rec), permissions.REFUSALS["view"])
    return rec


def _counted_panels(
    request: AuthenticatedHttpRequest, checked: dict[str, Any] | None, review: Review | None
) -> list[int] | None:
    """The panels the tracker's figures count recommendations of, or None for any panel."""
    if checked and not checked["errors"] and checked["panel_id"]:
        return [checked["panel_id"]]
    if review is not None:
        return [review.panel_id]
    return permissions.visible_panels(request.user)


def _filtered(request: AuthenticatedHttpRequest) -> TrackerFilter:
    return TrackerFilter(request.GET, queryset=selectors.visible_to(request.user), user=request.user)


@login_required
def tracker(request: AuthenticatedHttpRequest) -> HttpResponse:
    """All the recommendations the person may see, filtered, sorted and counted."""
    query = request.GET.copy()
    query.pop("page", None)
    # The filters' form is built only when filters are asked for or something is drawn, and the
    # recommendations filtered only when what is shown of them is not kept: on a plain visit
    # whose parts are kept, building them would be about a third of the page.
    filterset = functools.cache(
        lambda: TrackerFilter(request.GET, queryset=Recommendation.objects.none(), user=request.user)
    )

    def filtered() -> QuerySet[Recommendation]:
        filterset().form.is_valid()
        return filterset().filter_queryset(selectors.visible_to(request.user))

    listing = functools.cache(filtered)
    # (The start of the financial year decides what ?year= finds.)
    start_month = SiteSettings.load().financial_year_start_month
    checked = checked_filters(filterset, request.user, data=query, start_month=start_month) if query else None
    review = None
    if checked and not checked["errors"] and checked["review_id"]:
        review = Review.objects.select_related("panel").filter(pk=checked["review_id"]).first()
    # What the person may see decides what is counted: the visibility rule itself is the key.
    seen_by = repr(permissions.visible_filter(request.user))
    filters = query.copy()
    filters.pop("sort", None)
    panel_ids = _counted_panels(request, checked, review)
    counted = f"{seen_by}?{filters.urlencode()}|{start_month}"
    counted_under = selectors.tracker_versions(key=counted, panel_ids=panel_ids)
    summary, medians = selectors.tracker_figures(listing, kept_under=counted_under)
    listed_under = f"{counted_under}|{query.urlencode()}"  # the listing's order too
    page, rows = tracker_page(listing, request.GET.get("page"), PAGE_SIZE,
                              count=summary["listed"], kept_under=listed_under)
    return render(request, "recommendations/tracker.html", {
        "filter": filterset() if checked and checked["errors"] else None,  # for the errors' summary
        "filter_fields": filter_fields(filterset, request.user, data=query, start_month=start_month,
                                       errors=checked["errors"] if checked else None),
        "page": page,
        "rows": rows,
        "summary": summary,
        "medians": medians,
        "query": query.urlencode(),
        "review": review,
        "can_draft": review is not None and permissions.can_draft(request.user, review),
    })


def _download(content: str | bytes | Iterable[Any], filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _export_name(extension: str) -> str:
    return f"recommendations-{timezone.localdate():%Y-%m-%d}.{extension}"


def _large(
    request: AuthenticatedHttpRequest, recommendations: QuerySet[Recommendation], fmt: str
) -> HttpResponse | None:
    """Past EXPORT_ROW_THRESHOLD rows the export is made by the worker (extensions.LARGE_EXPORT_HANDLER,
    the reports app's), so the web request never runs long; None when it is small enough."""
    handlers = extensions.functions(extensions.LARGE_EXPORT_HANDLER)
    if handlers and recommendations.count() > settings.EXPORT_ROW_THRESHOLD:
        return handlers[0](request, fmt)
    return None


@login_required
def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The filtered tracker as CSV, safe against spreadsheet formulas."""
    require(permissions.can_export(request.user))
    recommendations = _filtered(request).qs
    return _large(request, recommendations, "csv") or _download(
        exports.to_csv(recommendations), _export_name("csv"), "text/csv; charset=utf-8"
    )


@login_required
def export_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The filtered tracker as an Excel workbook, safe against spreadsheet formulas."""
    require(permissions.can_export(request.user))
    recommendations = _filtered(request).qs
    return _large(request, recommendations, "xlsx") or _download(
        exports.to_xlsx(recommendations), _export_name("xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def you_said_we_did(request: HttpRequest) -> HttpResponse:
    """Verified recommendations and their impact: public if the site settings say so, and then
    the same for every signed-out visitor (scrutiny.public_cache)."""
    if request.user.is_authenticated:
        return _you_said_we_did(request, {})
    if not SiteSettings.load().public_you_said_we_did:
        return redirect_to_login(request.get_full_path())
    version = public.version(request)
    if version is None:  # a page number nobody links to: drawn, not kept
        return _you_said_we_did(request, NO_FORM_TOKEN)
    etag = etag_of("recommendations:you-said-we-did", version)
    return not_modified(request, etag) or public_headers(_you_said_we_did(request, NO_FORM_TOKEN), etag)


def _you_said_we_did(request: HttpRequest, extra: dict[str, Any]) -> HttpResponse:
    listed = public.listed(request)
    return render(request, "recommendations/you_said_we_did.html", {"listed": listed, **extra})


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    try:
        rec = selectors.for_its_page(pk)
    except Recommendation.DoesNotExist as exc:
        raise Http404("There is no such recommendation.") from exc
    require(permissions.can_view(request.user, rec), permissions.REFUSALS["view"])
    body = kept_body(rec)
    work_open = permissions.is_possible(rec, "plan_work")
    updatable = {  # the actions whose "Update" link this person sees
        row["pk"] for row in body["rows"] if work_open and permissions.can_update_action(
            request.user, Action(owner_id=row["owner_id"], recommendation=rec)
        )
    }
    steps = permissions.allowed_steps(request.user, rec)
    if updatable:
        steps.add("progress")  # an action's owner may add progress on it
    return render(request, "recommendations/detail.html", {
        "rec": rec, "body": body, "steps": steps, "updatable": updatable, "update_column": bool(updatable),
    })


@login_required
def timeline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = visible_or_403(request.user, pk)
    return render(request, "recommendations/timeline.html", {
        "rec": rec, "events": selectors.timeline(rec),
    })


@login_required
def evidence(request: AuthenticatedHttpRequest, pk: int, update_id: int) -> HttpResponse | FileResponse:
    """An evidence file, for people who may see the recommendation."""
    rec = visible_or_403(request.user, pk)
    update = get_object_or_404(ProgressUpdate, pk=update_id, recommendation=rec)
    if not update.evidence:
        return HttpResponse("This update has no file.", status=404, content_type="text/plain")
    return uploads.serve(update.evidence, download_name=update.evidence_name or f"evidence-{rec.code}")
