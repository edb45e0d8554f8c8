""""How we compare" for people who are not signed in: the site switch that opens it, its links
on the signed-out home page (extensions.PUBLIC_PAGES) and its version for scrutiny.public_cache.

The version is renewed by every write to what the page shows, and by nothing else: an import of
the regulator's figures saved (the landlords, their figures and surveys come with it), the
landlords chosen to compare with, the site settings (our codes, the switch) and the frameworks'
names. A finding logged, a sign-in or our own figures entered on a framework leave it kept.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils.translation import gettext as _

from comparisons.framework_comparison import keys_of
from comparisons.frameworks import CHARTER_FRAMEWORK, TSM_FRAMEWORK, our_code, regulator_of_framework
from comparisons.models import Figure, Landlord, PeerChoice, Survey, TsmImport
from scrutiny import freshness, public_cache, switches
from scrutiny.models import SiteSettings
from scrutiny.paths import reverse
from scrutiny.written import rows_written

# The site settings switch that lets people who are not signed in read "How we compare".
PUBLIC_HOW_WE_COMPARE = "comparisons.public_how_we_compare"
VERSION_KEY = "how-we-compare"
KEPT_SECONDS = 24 * 60 * 60  # a version no longer current is left to expire within the day


def is_public(framework_code: str) -> bool:
    """Whether people who are not signed in may read this framework's page: the switch is on and
    the regulator publishes figures for its measures."""
    return bool(keys_of(framework_code)) and switches.is_on(PUBLIC_HOW_WE_COMPARE)


def version(request: HttpRequest, *, code: str) -> str | None:
    """The page's version for a signed-out visitor: the data's, the language's, the framework's
    and the year asked for; None for a ?year= that is not a short number (drawn, not kept). The
    switch is not read here: changing it saves the site settings, which renews the version, and a
    page is kept only when the view, which reads it, drew it for the public."""
    year = request.GET.get("year", "")
    if year and not public_cache.SHORT_NUMBER.fullmatch(year):
        return None
    return f"{freshness.digest(VERSION_KEY)}-{public_cache.language_of(request)}-{code}-{year}"


def _changed(sender: type, instance: Any = None, **kwargs: Any) -> None:
    # An import is shown once saved; uploading and reading one change nothing on the page.
    if sender is TsmImport and instance is not None and kwargs.get("signal") is post_save \
            and instance.status != TsmImport.Status.APPLIED:
        return
    freshness.renew(VERSION_KEY)


def connect() -> None:
    """Listen to writes of what the page shows (called once, from the app's ready())."""
    from assessments.models import Framework

    saved: tuple[type, ...] = (TsmImport, PeerChoice, SiteSettings, Framework)
    for model in saved:
        uid = f"how-we-compare-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-deleted")
    for model in (TsmImport, Landlord, Figure, Survey):  # written in bulk by an import
        rows_written.connect(_changed, sender=model, dispatch_uid=f"how-we-compare-{model.__name__}-bulk")


def _has_figures(framework_code: str) -> bool:
    """Whether we have any of the regulator's figures for the framework's measures (kept under the
    page's version: the sign-in page asks on every visit)."""
    key = f"how-we-compare:has-figures:{framework_code}:{freshness.digest(VERSION_KEY)}"
    found = cache.get(key)
    if found is None:
        from assessments.models import Framework

        code = our_code(framework_code, SiteSettings.load()).strip()
        measures = {measure for measure, _tenure in keys_of(framework_code).values()}
        ours = Figure.objects.filter(landlord__regulator=regulator_of_framework(framework_code),
                                     landlord__code=code, measure__in=measures)
        found = bool(code) and Framework.objects.filter(code=framework_code).exists() and ours.exists()
        cache.set(key, found, KEPT_SECONDS)
    return found


def _page(framework_code: str, title: str, about: str) -> dict[str, str] | None:
    if not (is_public(framework_code) and _has_figures(framework_code)):
        return None
    return {"title": title, "url": reverse("comparisons:how-we-compare", args=[framework_code]),
            "about": about}


def tsm_page() -> dict[str, str] | None:
    """The Tenant Satisfaction Measures beside every landlord's in England, once switched on."""
    return _page(TSM_FRAMEWORK, _("How we compare: Tenant Satisfaction Measures"),
                 _("our tenant satisfaction measures beside those of every landlord in England."))


def charter_page() -> dict[str, str] | None:
    """The Scottish Social Housing Charter's indicators beside every Scottish landlord's."""
    return _page(CHARTER_FRAMEWORK, _("How we compare: Scottish Social Housing Charter"),
                 _("our Charter figures beside those of every social landlord in Scotland."))
