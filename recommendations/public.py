"""This app's page that people who are not signed in may read (extensions.PUBLIC_PAGES), its
link in every page's footer (extensions.FOOTER_LINKS), and its version for scrutiny.public_cache:
renewed by every write to what it shows (verified recommendations, their reviews, panels and
service areas, the site settings), and by nothing else. The page's list is the same for everyone
who sees it, signed in or not: it is kept under that version, the page's number and language."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from accounts.models import User
from scrutiny import freshness, public_cache
from scrutiny.models import SiteSettings
from scrutiny.paths import reverse
from scrutiny.written import rows_written

VERSION_KEY = "you-said-we-did"
PAGE_SIZE = 25
KEPT_SECONDS = 60 * 60


def page() -> dict[str, str] | None:
    if not SiteSettings.load().public_you_said_we_did:
        return None
    return {"title": gettext("You said, we did"), "url": reverse("recommendations:you-said-we-did"),
            "about": gettext("the changes the landlord has made because of the panel's recommendations.")}


def footer_link(user: User | AnonymousUser) -> dict[str, Any] | None:
    """"You said, we did" for signed-in people, and for everyone once it is public."""
    if not (user.is_authenticated or SiteSettings.load().public_you_said_we_did):
        return None
    return {"label": gettext("You said, we did"), "url": reverse("recommendations:you-said-we-did")}


def version(request: HttpRequest) -> str | None:
    """The page's version for people who are not signed in, or None for a page number nobody
    links to. The site switch is not read here: changing it renews the version, and a page is
    kept only when the view, which reads it, found it public."""
    number = public_cache.page_number(request)
    if number is None:
        return None
    return f"{freshness.digest(VERSION_KEY)}-{number}"


def listed(request: HttpRequest) -> SafeString:
    """The verified recommendations of the page asked for, and links to the others: drawn once
    for each version, page and language (a page number nobody links to is drawn, not kept)."""
    number = public_cache.page_number(request)
    key = None
    if number is not None:
        version = freshness.digest(VERSION_KEY)
        key = f"recommendations:you-said-we-did:{version}:{translation.get_language()}:{number}"
        html = cache.get(key)
        if html is not None:
            return SafeString(html)
    from recommendations import selectors

    page = Paginator(selectors.you_said_we_did(), PAGE_SIZE).get_page(request.GET.get("page"))
    html = render_to_string("recommendations/_you_said_we_did_list.html", {"page": page})
    if key is not None:
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)


def _changed(sender: type, instance: Any = None, rows: list | None = None, **kwargs: Any) -> None:
    from recommendations.models import Recommendation, Status

    # A recommendation is shown once verified (and stays dated by it): drafts and work in
    # progress, written all day, leave the page kept.
    written = rows or ([instance] if instance is not None else [])
    if sender is Recommendation and written and not any(r.status == Status.VERIFIED or r.verified_at
                                                         for r in written):
        return
    freshness.renew(VERSION_KEY)


def connect() -> None:
    """Listen to writes of what the page shows (called once, from the app's ready())."""
    from panels.models import Panel
    from recommendations.models import Recommendation
    from reviews.models import Review, ServiceArea

    for model in (Recommendation, Review, Panel, ServiceArea, SiteSettings):
        uid = f"you-said-we-did-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-deleted")
        rows_written.connect(_changed, sender=model, dispatch_uid=f"{uid}-bulk")
