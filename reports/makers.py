"""How each kind of report is made, in the worker: read through the selectors, render, return bytes."""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from recommendations.models import Recommendation
from reports import selectors
from reports.models import Kind, ReportRequest
from scrutiny.models import SiteSettings
from scrutiny.pdf import render_pdf_and_pages

# Room for the longest title, well inside the 255 bytes most disks and browsers allow a name.
NAME_CHARACTERS = 100
NAME_BYTES = 150


@dataclass
class Made:
    content: bytes
    filename: str
    pages: int | None = None


def logo_data_uri(site: SiteSettings) -> str:
    """The landlord's logo inline, so the PDF needs no file path (storage may be remote)."""
    if not site.logo:
        return ""
    try:
        with site.logo.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return ""  # a missing logo file should not stop the report
    kind = mimetypes.guess_type(site.logo.name)[0] or "image/png"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def file_name(title: str, extension: str) -> str:
    """A safe file name for a report from its title: a slug of at most 100 characters, cut
    between words, in the title's own alphabet (Welsh, Polish, Arabic...), and the extension."""
    slug = slugify(title, allow_unicode=True)
    if len(slug) > NAME_CHARACTERS:
        cut = slug[:NAME_CHARACTERS]
        slug = cut.rsplit("-", 1)[0] if slug[NAME_CHARACTERS] != "-" and "-" in cut else cut
    while len(slug.encode()) > NAME_BYTES:
        slug = slug[:-1]
    return f"{slug.strip('-_') or 'report'}.{extension}"


def _pdf(template: str, context: dict, name: str) -> Made:
    site = context.setdefault("site", SiteSettings.load())
    context.setdefault("logo", logo_data_uri(site))
    context["pdf"] = True
    content, pages = render_pdf_and_pages(template, context)
    return Made(content, file_name(name, "pdf"), pages)


def annual(report: ReportRequest) -> Made:
    params = report.parameters
    context = selectors.annual_report(year=int(params["year"]), large_print=bool(params.get("large_print")))
    name = context["title"]
    if context["large_print"]:
        name = _("%(title)s large print") % {"title": name}
    return _pdf("reports/pdf/annual.html", context, name)


def review(report: ReportRequest) -> Made:
    context = selectors.review_report(review_id=int(report.parameters["review"]))
    name = _("review report %(title)s") % {"title": context["review"].title}
    return _pdf("reports/pdf/review.html", context, name)


def _asker(report: ReportRequest) -> User:
    """Whose view of the tracker the report shows: rows depend on who may see them."""
    if report.requested_by is None:
        raise ValueError(
            "The person who asked for this report no longer has an account, and the tracker "
            "shows only what the person asking may see."
        )
    return report.requested_by


def tracker(report: ReportRequest) -> Made:
    context = selectors.tracker_report(filters=report.parameters.get("filters", {}), user=_asker(report))
    name = _("recommendations tracker %(date)s") % {"date": f"{timezone.localdate():%Y-%m-%d}"}
    return _pdf("reports/pdf/tracker.html", context, name)


def programme(report: ReportRequest) -> Made:
    context = selectors.programme_report(review_id=int(report.parameters["review"]))
    name = _("programme report %(title)s") % {"title": context["review"].title}
    return _pdf("reports/pdf/programme.html", context, name)


def _tracker_rows(report: ReportRequest) -> QuerySet[Recommendation]:
    data = QueryDict(mutable=True)
    for key, value in report.parameters.get("filters", {}).items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return selectors.tracker_queryset(filters=data, user=_asker(report))


def tracker_csv(report: ReportRequest) -> Made:
    from recommendations import exports  # openpyxl is slow to import; only exports need it

    return Made(exports.to_csv(_tracker_rows(report)), f"recommendations-{timezone.localdate():%Y-%m-%d}.csv")


def tracker_xlsx(report: ReportRequest) -> Made:
    from recommendations import exports

    name = f"recommendations-{timezone.localdate():%Y-%m-%d}.xlsx"
    return Made(exports.to_xlsx(_tracker_rows(report)), name)


MAKERS: dict[str, Callable[[ReportRequest], Made]] = {
    Kind.ANNUAL: annual,
    Kind.REVIEW: review,
    Kind.TRACKER: tracker,
    Kind.PROGRAMME: programme,
    Kind.TRACKER_CSV: tracker_csv,
    Kind.TRACKER_XLSX: tracker_xlsx,
}


def make(report: ReportRequest) -> Made:
    """The finished file for a request."""
    return MAKERS[report.kind](report)
