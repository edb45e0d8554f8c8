"""The public pages and open data files, and publishing (the chair's or an administrator's act)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from opendata import export, public, selectors, services
from reviews.models import Evidence, Review
from scrutiny import switches, uploads
from scrutiny.public_cache import NO_FORM_TOKEN, etag_of, not_modified, public_headers

SCHEMA = Path(__file__).parent / "schema" / "scrutiny.schema.json"
Draw = Callable[[dict[str, Any]], HttpResponse]


def _switched_on(key: str) -> None:
    if not switches.is_on(key):
        raise Http404("This page is not open.")


def _public(request: HttpRequest, view_name: str, draw: Draw, *, file: bool = False,
            **kwargs: Any) -> HttpResponse:
    """Draw a public page; for a visitor not signed in, as the same page for everyone, which
    browsers and proxies may keep (scrutiny/public_cache.py)."""
    if request.user.is_authenticated and not file:
        return draw({})
    version = public.file_version(request) if file else public.page_version(request, **kwargs)
    if version is None:  # a page number nobody links to: drawn, not kept
        return draw(NO_FORM_TOKEN)
    etag = etag_of(view_name, version)
    return not_modified(request, etag) or public_headers(draw(NO_FORM_TOKEN), etag)


def programme(request: HttpRequest) -> HttpResponse:
    """The panel's reviews planned, under way and completed."""
    _switched_on(public.PROGRAMME)
    return _public(request, "opendata:programme", lambda extra: render(request, "opendata/programme.html", {
        "phases": [(key, selectors.PHASE_LABELS[key], found) for key, found in selectors.programme().items()],
        "reports_open": switches.is_on(public.REPORTS), **extra,
    }))


def review(request: HttpRequest, pk: int) -> HttpResponse:
    """A published review's report as a web page."""
    _switched_on(public.REPORTS)
    found = selectors.published_review(pk)
    pdf = found.publication.pdf_cy if translation.get_language() == "cy" else found.publication.pdf_en_gb
    return _public(request, "opendata:review", lambda extra: render(request, "opendata/review.html", {
        **selectors.review_report(found), "pdf_ready": bool(pdf), **extra,
    }), pk=pk)


def review_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The published report as a PDF in the page's language, as the worker made it."""
    _switched_on(public.REPORTS)
    found = selectors.published_review(pk)
    language = translation.get_language()
    field = found.publication.pdf_cy if language == "cy" else found.publication.pdf_en_gb
    if not field:
        raise Http404("The PDF of this report is still being made.")

    def draw(extra: dict[str, Any]) -> HttpResponse:
        with field.open("rb") as handle:
            response = HttpResponse(handle.read(), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{Path(field.name).name}"'
        return response

    return _public(request, "opendata:review-pdf", draw, pk=pk)


def evidence_file(request: HttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    """A piece of evidence the panel marked public, with its published report."""
    _switched_on(public.REPORTS)
    document = selectors.public_document(selectors.published_review(pk), evidence_pk)
    return uploads.serve(document.file, download_name=document.original_name or document.title)


def recommendations(request: HttpRequest) -> HttpResponse:
    """Every recommendation sent to the landlord: the decision, the reason and where it stands."""
    _switched_on(public.RECOMMENDATIONS)
    return _public(request, "opendata:recommendations", lambda extra: render(
        request, "opendata/recommendations.html",
        {**selectors.recommendations(page=request.GET.get("page")), **extra},
    ))


def about(request: HttpRequest) -> HttpResponse:
    """What the open data files hold, their licence and schema."""
    _switched_on(public.OPEN_DATA)
    return _public(request, "opendata:about", lambda extra: render(request, "opendata/about.html", {
        "files": export.CSV_FILES, "licence": selectors.LICENCE, "org_id": selectors.org_id(), **extra,
    }))


def _file(request: HttpRequest, view_name: str, make: Callable[[], bytes], content_type: str,
          name: str | None = None) -> HttpResponse:
    _switched_on(public.OPEN_DATA)

    def draw(extra: dict[str, Any]) -> HttpResponse:
        with translation.override("en-gb"):
            response = HttpResponse(make(), content_type=content_type)
        response["Access-Control-Allow-Origin"] = "*"  # open data: any site's page may read it
        if name:
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    return _public(request, view_name, draw, file=True)


def json_file(request: HttpRequest) -> HttpResponse:
    return _file(request, "open-data:json",
                 lambda: export.as_json(export.document(request.build_absolute_uri)),
                 "application/json; charset=utf-8")


def csv_file(request: HttpRequest) -> HttpResponse:
    return _file(request, "open-data:csv",
                 lambda: export.csv_zip(export.document(request.build_absolute_uri)),
                 "application/zip", name="scrutiny-csv.zip")


def feed_file(request: HttpRequest) -> HttpResponse:
    return _file(request, "open-data:feed", lambda: export.feed(request.build_absolute_uri),
                 "application/atom+xml; charset=utf-8")


def schema_file(request: HttpRequest) -> HttpResponse:
    return _file(request, "open-data:schema", SCHEMA.read_bytes, "application/schema+json")


@login_required
@require_POST
def publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The chair or an administrator publishes a completed review's report."""
    found = get_object_or_404(Review, pk=pk)
    try:
        services.publish(review=found, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The report is published: anyone can read it now."))
    return redirect(found)


@login_required
@require_POST
def unpublish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The chair or an administrator takes a review's report down."""
    found = get_object_or_404(Review, pk=pk)
    services.unpublish(review=found, by=request.user)
    messages.success(request, _("The report is no longer public."))
    return redirect(found)


@login_required
@require_POST
def mark_evidence(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """The chair or an administrator makes a piece of evidence public, or private again."""
    evidence = get_object_or_404(Evidence.objects.select_related("review"), pk=evidence_pk, review_id=pk)
    made_public = request.POST.get("public") == "1"
    services.mark_evidence(evidence=evidence, by=request.user, public_now=made_public)
    if made_public:
        messages.success(request, _("“%(title)s” is public with the published report.")
                         % {"title": evidence.title})
    else:
        messages.success(request, _("“%(title)s” is private again.") % {"title": evidence.title})
    return redirect(evidence.review)
