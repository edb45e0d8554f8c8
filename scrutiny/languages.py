"""Welsh and English: the link on every page to the same page in the other language, the choice
it remembers (Django's language cookie), and the site's Welsh switch and first language.

The language is the address's: English pages have no prefix, Welsh ones start /cy/
(scrutiny/urls.py). LanguageMiddleware (after LocaleMiddleware) sends a page asked for in the
other language to its address in the language the person chose, or, for a visitor who has not
chosen, the site's first language; with Welsh off, every /cy/ address goes to its English page."""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import get_urlconf, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

from scrutiny.translated import ENGLISH, WELSH

COOKIE_AGE = 365 * 24 * 60 * 60
NAMES = {ENGLISH: "English", WELSH: "Cymraeg"}  # each in its own language, never translated
HTML_LANG = {ENGLISH: "en-GB", WELSH: "cy"}


def site_languages(request: HttpRequest | None = None) -> tuple[bool, str]:
    """(Welsh offered, the language a new visitor sees first) from the site settings (read once
    for the request, when given)."""
    from scrutiny.models import SiteSettings

    site = SiteSettings.for_request(request)
    welsh = bool(site.welsh)
    first = site.first_language if welsh and site.first_language == WELSH else ENGLISH
    return welsh, first


def address_language(path: str) -> str:
    """The language of an address: Welsh under /cy/, else English."""
    return translation.get_language_from_path(path) or ENGLISH


def in_language(path: str, language: str) -> str:
    """The same address in `language` (the query string kept); unchanged when it has none."""
    return _in_language(get_urlconf() or settings.ROOT_URLCONF, path, language)


@functools.lru_cache(maxsize=2048)
def _in_language(urlconf: str, path: str, language: str) -> str:
    # Remembered: every page's layout asks for its address in both languages (the language link
    # and the alternates), and finding it means resolving the address and reversing it again.
    with translation.override(address_language(path.split("?", 1)[0])):
        return translate_url(path, language)


def _wants_page(request: HttpRequest) -> bool:
    """A GET for a page a browser shows (it asks for HTML): not htmx, not JSON, not a script."""
    if request.method not in ("GET", "HEAD") or request.headers.get("HX-Request"):
        return False
    accept = request.headers.get("Accept", "")
    return not accept or "text/html" in accept


def redirect_for(request: HttpRequest, site: tuple[bool, str] | None = None) -> str | None:
    """Where to send this request instead, for its language; None to serve it as asked. `site`:
    the site's languages (site_languages()) when the caller has them already."""
    path = request.path_info
    language = address_language(path)
    welsh, first = site or site_languages(request)
    if language == WELSH:
        if welsh or request.method not in ("GET", "HEAD"):
            return None
        wanted = ENGLISH
    else:
        if not welsh or not _wants_page(request):
            return None
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        wanted = chosen if chosen in NAMES else first
        if wanted == ENGLISH:
            return None
    full = request.get_full_path()
    moved = in_language(full, wanted)
    return moved if moved != full else None


class LanguageMiddleware:
    """Send a page to its address in the person's language (see above). Placed after
    LocaleMiddleware; SiteSettings.for_request() is a cache read, once per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        target = redirect_for(request)
        if target is not None:
            response = HttpResponseRedirect(target)
            response.headers["Vary"] = "Cookie"
            return response
        if address_language(request.path_info) == WELSH and not site_languages(request)[0]:
            translation.activate(ENGLISH)  # a form sent to a Welsh address with Welsh off
            request.LANGUAGE_CODE = ENGLISH
        return self.get_response(request)


def choose_language(request: HttpRequest, code: str) -> HttpResponse:
    """The language link: remember the choice and go to the same page in that language.
    A `next` that is not an address on this site goes to the home page."""
    welsh, _first = site_languages(request)
    if code not in NAMES or (code == WELSH and not welsh):
        code = ENGLISH
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()) or not target.startswith("/"):
        target = "/"
    response = HttpResponseRedirect(in_language(target, code))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code, max_age=COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    return response
