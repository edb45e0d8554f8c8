"""The public pages' links (extensions.PUBLIC_PAGES) and their versions for scrutiny.public_cache.

One version, renewed by every write to what any of the pages or files shows (publications,
reviews, recommendations and what hangs off them, evidence, panels, people's consent to be named,
the landlord's figures, the site settings, the Annual Reports the pages link to): the pages are
few and read far more than written.
Each page's version holds the language of its address too, so a Welsh page is never served in
English. The site switches are not read here: changing one saves the site settings, which
renews the version, and a page is kept only when the view, which reads the switch, drew it.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import gettext as _

from scrutiny import freshness, public_cache, switches
from scrutiny.paths import reverse
from scrutiny.written import rows_written

VERSION_KEY = "opendata"

PROGRAMME = "opendata.public_programme"
REPORTS = "opendata.public_reports"
RECOMMENDATIONS = "opendata.public_recommendations"
OPEN_DATA = "opendata.open_data"


def changed(*args: Any, **kwargs: Any) -> None:
    """Something the public pages show was written: every one of them is drawn afresh."""
    freshness.renew(VERSION_KEY)


def connect() -> None:
    """Listen to writes of what the pages show (called once, from the app's ready())."""
    from accounts.models import User
    from comparisons.models import Figure
    from opendata.models import Publication
    from panels.models import Panel
    from recommendations.models import Action, ProgressUpdate, Recommendation, Response
    from reports.models import AnnualReport
    from reviews.models import Evidence, Finding, Review, ScopeQuestion, ServiceArea
    from scrutiny.models import SiteSettings

    for model in (Publication, Review, Recommendation, Response, Action, ProgressUpdate, Finding,
                  ScopeQuestion, Evidence, ServiceArea, Panel, SiteSettings, User, Figure, AnnualReport):
        uid = f"opendata-{model.__name__}"
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}-deleted")
        rows_written.connect(changed, sender=model, dispatch_uid=f"{uid}-bulk")


def page_version(request: HttpRequest, **kwargs: Any) -> str | None:
    """A public page's version: the data's, the language's, the address's (which review) and the
    page number's."""
    number = public_cache.page_number(request)
    if number is None:
        return None
    which = "-".join(str(kwargs[name]) for name in sorted(kwargs))
    return f"{freshness.digest(VERSION_KEY)}-{public_cache.language_of(request)}-{which}-{number}"


def file_version(request: HttpRequest, **kwargs: Any) -> str:
    """An open data file's version: the same in every language (the files are at one address)."""
    return freshness.digest(VERSION_KEY)


def register_versions() -> None:
    for name in ("opendata:programme", "opendata:review", "opendata:review-pdf", "opendata:recommendations",
                 "opendata:about"):
        public_cache.register(name, page_version)
    for name in ("open-data:json", "open-data:csv", "open-data:feed", "open-data:schema"):
        public_cache.register(name, file_version)


def programme_page() -> dict[str, str] | None:
    if not switches.is_on(PROGRAMME):
        return None
    return {"title": _("Our scrutiny programme"), "url": reverse("opendata:programme"),
            "about": _("the reviews the tenant panel has planned, has under way and has finished, "
                       "with the reports it has published.")}


def recommendations_page() -> dict[str, str] | None:
    if not switches.is_on(RECOMMENDATIONS):
        return None
    return {"title": _("Recommendations and responses"), "url": reverse("opendata:recommendations"),
            "about": _("what the panel recommended, what the landlord decided and where each stands.")}


def open_data_page() -> dict[str, str] | None:
    if not switches.is_on(OPEN_DATA):
        return None
    return {"title": _("Open data"), "url": reverse("opendata:about"),
            "about": _("the same facts as files anyone may download, join and compare.")}
