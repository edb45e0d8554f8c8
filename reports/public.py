"""This app's page that people who are not signed in may read (extensions.PUBLIC_PAGES)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from reports.annual import kept, year_of
from reports.apps import PUBLIC_ANNUAL_REPORT
from reports.models import AnnualReport
from scrutiny import switches


def page() -> dict | None:
    """The newest published Annual Report to Tenants, if the public may read it."""
    if not switches.is_on(PUBLIC_ANNUAL_REPORT):
        return None
    newest = AnnualReport.objects.filter(published=True, approved_at__isnull=False).order_by("-year").first()
    if newest is None:
        return None
    return {"title": _("Annual Report to Tenants %(year)s") % {"year": year_of(newest.year).label},
            "url": reverse("reports:annual", args=[newest.year]),
            "about": _("how the landlord did this year, and what the tenant panel thinks of it.")}


def annual_version(request: HttpRequest, *, year: int) -> str:
    """The version of a year's report page for people who are not signed in (scrutiny.public_cache).
    The site switch is not read here: changing it renews every year's version, and a page is kept
    only when the view, which reads it, found the report public."""
    return kept.version(year)
