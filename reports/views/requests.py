"""Asking for a report, following it while the worker makes it, and downloading it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from reports import approval, permissions, selectors, services
from reports.annual import annual_title, year_of
from reports.forms import AnnualReportForm
from reports.models import AnnualReport, Kind, ReportRequest, Status, WaitingRequest
from reviews.models import Review
from scrutiny import uploads
from scrutiny.permissions import require

PAGE_SIZE = 20


def _visible(request: AuthenticatedHttpRequest, pk: int) -> ReportRequest:
    report = get_object_or_404(ReportRequest, pk=pk)
    require(permissions.can_view_request(request.user, report), permissions.REFUSALS["view"])
    return report


def _asked(request: AuthenticatedHttpRequest, report: ReportRequest, created: bool) -> HttpResponse:
    report.refresh_from_db(fields=["status"])  # without a broker it has already been made
    if report.status == Status.DONE:
        messages.success(request, _("Your report is ready."))
    elif created:
        messages.success(request, _("Your report is being made. This page shows when it is ready."))
    else:
        messages.info(request, _("This report was already being made, so you will get the same one."))
    return redirect(report)


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The reports the person may ask for, and the ones they have asked for."""
    page = Paginator(selectors.requests_for(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    form = AnnualReportForm(initial={"large_print": request.user.large_print_documents})
    return render(request, "reports/index.html", {
        "page": page, "annual_form": form, **selectors.reports_to_choose(user=request.user),
    })


@login_required
@require_POST
def ask_annual(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_request_annual(request.user))
    form = AnnualReportForm(request.POST)
    if not form.is_valid():
        page = Paginator(selectors.requests_for(user=request.user), PAGE_SIZE).get_page(1)
        return render(request, "reports/index.html", {
            "page": page, "annual_form": form, **selectors.reports_to_choose(user=request.user),
        }, status=400)
    year, large_print = form.cleaned_data["year"], form.cleaned_data["large_print"]
    language = services.request_language(form.cleaned_data.get("language"))
    record = AnnualReport.objects.filter(year=year).first()
    if not (record and record.is_approved):
        approval.wait_for_approval(year=year, by=request.user, large_print=large_print, language=language)
        messages.info(
            request, _("The panel has not yet approved its assessment for %(year)s. We will make your "
                       "report as soon as they do, and tell you: you do not need to ask again.")
            % {"year": year_of(year).label},
        )
        return redirect("reports:assessment", year=year)
    with translation.override(language):  # the request is titled in the report's language
        title = annual_title(year, large_print=large_print)
    report, created = services.request_report(
        kind=Kind.ANNUAL, parameters={"year": year, "large_print": large_print}, by=request.user, title=title,
        language=language,
    )
    return _asked(request, report, created)


@login_required
@require_POST
def ask_review(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    review = get_object_or_404(Review.objects.select_related("panel"), pk=review_id)
    require(permissions.can_view_review_report(request.user, review), permissions.REFUSALS["view"])
    report, created = services.request_report(
        kind=Kind.REVIEW, parameters={"review": review.pk}, by=request.user,
        title=_("Review report: %(title)s") % {"title": review.title},
    )
    return _asked(request, report, created)


@login_required
@require_POST
def ask_programme(request: AuthenticatedHttpRequest, review_id: int) -> HttpResponse:
    require(permissions.can_request_staff_report(request.user), permissions.REFUSALS["staff"])
    review = get_object_or_404(selectors.programme_reviews(), pk=review_id)
    report, created = services.request_report(
        kind=Kind.PROGRAMME, parameters={"review": review.pk}, by=request.user,
        title=_("Programme report: %(title)s") % {"title": review.title},
    )
    return _asked(request, report, created)


def tracker_filters(query: QueryDict) -> dict[str, list[str]]:
    """The tracker's filters from a query string, as plain data to keep with the request."""
    return {key: query.getlist(key) for key in sorted(query) if key != "page" and any(query.getlist(key))}


@login_required
@require_POST
def ask_tracker(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_request_staff_report(request.user), permissions.REFUSALS["staff"])
    report, created = services.request_report(
        kind=Kind.TRACKER, parameters={"filters": tracker_filters(request.GET)}, by=request.user,
        title=_("Recommendations tracker report"),
    )
    return _asked(request, report, created)


def queue_large_export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    """The tracker's export hook (extensions.LARGE_EXPORT_HANDLER): the worker makes big exports."""
    kind = Kind.TRACKER_CSV if fmt == "csv" else Kind.TRACKER_XLSX
    report, created = services.request_report(
        kind=kind, parameters={"filters": tracker_filters(request.GET)}, by=request.user,
        title=str(Kind(kind).label),
    )
    if created:
        messages.success(request, _("This export is large, so it is being made in the background. "
                                    "This page shows when it is ready to download."))
    return redirect(report)


@login_required
def status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A report request: how it is going, and its download when ready."""
    report = _visible(request, pk)
    return render(request, "reports/status.html", {
        "report": report, "can_retry": permissions.can_retry(request.user, report),
    })


@login_required
def status_fragment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The status box alone, which the page asks for every few seconds while the report is made."""
    report = _visible(request, pk)
    response = render(request, "reports/_status.html", {
        "report": report, "can_retry": permissions.can_retry(request.user, report),
    })
    response["Cache-Control"] = "no-store"
    return response


@login_required
def download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse | FileResponse:
    report = _visible(request, pk)
    if report.status != Status.DONE:
        return HttpResponse(_("This report is not ready yet."), status=404, content_type="text/plain")
    if not report.file:
        raise Http404(_("This report's file has been removed. Ask for the report again."))
    return uploads.serve(report.file, download_name=services.download_name(report))


@login_required
@require_POST
def retry(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    require(permissions.can_retry(request.user, report), permissions.REFUSALS["retry"])
    try:
        report = services.retry(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The report is being made again."))
    return redirect(report)


@login_required
@require_POST
def cancel_waiting(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The person no longer wants an Annual Report made when the panel approves."""
    waiting = get_object_or_404(WaitingRequest.objects.select_related("annual_report"), pk=pk)
    require(permissions.can_cancel_waiting(request.user, waiting), permissions.REFUSALS["cancel"])
    title = annual_title(waiting.annual_report.year, large_print=waiting.large_print)
    try:
        approval.cancel_waiting(waiting=waiting, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("You have cancelled your request for the %(title)s. "
                                    "We will not make it when the panel approves.") % {"title": title})
    return redirect("reports:index")
