"""Pages anyone may read without signing in, sent so that browsers and shared caches may keep them,
and kept whole for visitors who are not signed in.

A public page registers a version function (`register(view_name, version)`): a short string that
changes whenever what the page shows changes (made from versions kept in the shared cache,
scrutiny/freshness.py), or None while the page is not public (its site switch is off). Its ETag is
made of the version, so a browser that already has the page is answered "304 Not Modified", and
`Cache-Control: public, max-age=PUBLIC_PAGE_SECONDS, must-revalidate` lets a proxy in front of the
site keep it for that long, then ask again.

PublicPagesMiddleware sits near the top of the middleware: for a GET with no session cookie to a
registered page it answers from the cache (a 304, or the whole response as it left the rest of
the middleware, headers and all) before sessions, sign-in, form tokens and the view are reached.
The page is kept compressed and sent so to browsers that accept it (every browser does): a tenth
of the bytes to read and send. (Compressing is safe here as the page holds no secret.) Only a
response the view itself marked public (`public_headers`) is kept, never one that sets a cookie.
Signed-in people never get these: their pages stay `private, no-store`
(scrutiny.middleware.PrivatePagesMiddleware).

A link emailed to every tenant costs one cache read a visit: the page's version and the site
settings' (whether to send the visitor to the Welsh page first) in one call. The page itself is
kept under a key holding its version, so each process keeps its own copy of the pages it served
(scrutiny/page_copies.py) and reads a page from the cache only when its version is new to it.

A page marked public is drawn without a form token (NO_FORM_TOKEN in its context): a token in a
page kept for everyone would give away the secret of whoever happened to see it first.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import compress_string

from scrutiny import freshness, languages, redis_cache
from scrutiny.models import SiteSettings
from scrutiny.page_copies import Page, copies

KEPT_SECONDS = 24 * 60 * 60  # a version no longer current is left to expire within the day
NO_FORM_TOKEN = {"csrf_token": ""}
SHORT_NUMBER = re.compile(r"\d{1,4}")
NOT_KEPT_HEADERS = frozenset({"content-length", "set-cookie"})
LONGEST_REMEMBERED = 200  # longer addresses are not remembered (_match)

Version = Callable[..., str | None]  # (request, **url kwargs) -> version, or None: not public now
_versions: dict[str, Version] = {}


def _PERSONAL_COOKIES() -> tuple[str, str]:  # noqa: N802 - read from settings each time (tests change them)
    """A session, or a message waiting to be shown: the page is drawn for this visitor."""
    return settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")


def register(view_name: str, version: Version) -> None:
    """Make the page named `view_name` ("app:name") public, with its version function."""
    _versions[view_name] = version


def language_of(request: HttpRequest) -> str:
    """The language of the address: /cy/... is Welsh, an address with no prefix the default."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_number(request: HttpRequest) -> str | None:
    """The ?page= of a list, when it is a short number or absent ("1"); None for anything else,
    so that nobody can fill the cache with pages of made-up addresses."""
    value = request.GET.get("page", "1")
    return value if SHORT_NUMBER.fullmatch(value) else None


def etag_of(view_name: str, version: str) -> str:
    """The ETag of a registered page at a version, in the active language (the Welsh page is
    another page: its own ETag, kept apart)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    in_language = "" if language == settings.LANGUAGE_CODE else f"{language}-"
    return f'"{view_name.replace(":", "-")}-{in_language}{version}"'


def public_headers(response: HttpResponse, etag: str) -> HttpResponse:
    """Mark a response to a signed-out visitor as the same for everyone, kept for a short while."""
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_SECONDS}, must-revalidate"
    patch_vary_headers(response, ["Cookie"])
    return response


def not_modified(request: HttpRequest, etag: str) -> HttpResponse | None:
    """A 304 when the browser already has this version of the page."""
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return public_headers(HttpResponseNotModified(), etag)
    return None


def _registered(request: HttpRequest, language: str) -> tuple[str, Version, dict[str, Any]] | None:
    if request.method != "GET" or any(name in request.COOKIES for name in _PERSONAL_COOKIES()):
        return None
    path = request.path_info
    if len(path) <= LONGEST_REMEMBERED:
        match = _match(get_urlconf() or settings.ROOT_URLCONF, language, path)
    else:
        match = _resolved(language, path)
    version = _versions.get(match[0]) if match else None
    return (match[0], version, dict(match[1])) if match and version else None


def _resolved(language: str, path: str) -> tuple[str, dict[str, Any]] | None:
    try:
        # Resolved in the address's language (/cy/... is Welsh): this runs before LocaleMiddleware,
        # and i18n_patterns match only the active language's prefix.
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        return None
    return match.view_name, match.kwargs


@functools.lru_cache(maxsize=1024)
def _match(urlconf: str, language: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The view an address goes to, remembered: finding it is a good part of a kept page's cost."""
    return _resolved(language, path)


class _SiteLanguages:
    """The site's languages as last read, and the versions (the epoch's and the site settings')
    read just before: still the site's while those versions are current."""

    read: tuple[str, ...] = ()
    languages: tuple[bool, str] = (False, "")


def _site_languages(read: dict[str, str]) -> tuple[bool, str] | None:
    """The site's languages without a cache read of their own when the versions read along with
    the page's show the site settings unchanged; None when no version was read."""
    if not read:
        return None
    stamp = (read[freshness.EPOCH_KEY], read[SiteSettings.VERSION_KEY])
    if stamp != _SiteLanguages.read:
        _SiteLanguages.languages, _SiteLanguages.read = languages.site_languages(), stamp
    return _SiteLanguages.languages


class PublicPagesMiddleware:
    """Answer signed-out visitors to public pages from the cache (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before LocaleMiddleware: the address's language is made the active one here, so that a
        # Welsh address resolves and its page is kept apart from the English one.
        language = language_of(request)
        with translation.override(language):
            found = _registered(request, language)
            with freshness.read_along(SiteSettings.VERSION_KEY) as read:
                version = found[1](request, **found[2]) if found else None
            etag = etag_of(found[0], version) if found and version is not None else ""
        if not etag or languages.redirect_for(request, _site_languages(read)) is not None:
            return self.get_response(request)  # the page in the person's language is at another address
        answer = not_modified(request, etag)
        if answer is not None:
            return answer
        key = f"public-page:gzip:{language}:{etag}"  # a page's versions may not say its language
        page = copies.get(key)
        if page is None:
            kept = cache.get(key)
            if kept is not None:
                page = Page(headers=kept["headers"], gzip=kept["gzip"])
                copies.put(key, page)
        if page is not None:
            return _served(request, key, page)
        response = self.get_response(request)
        if (response.status_code == 200 and response.get("ETag") == etag and not response.cookies
                and not response.streaming):
            patch_vary_headers(response, ["Accept-Encoding"])
            headers = [(n, v) for n, v in response.items() if n.lower() not in NOT_KEPT_HEADERS]
            compressed = compress_string(response.content)
            cache.set(key, {"gzip": compressed, "headers": headers}, KEPT_SECONDS)
            if not redis_cache.resting():  # with the cache away, versions are new on every request
                copies.put(key, Page(headers=headers, gzip=compressed, plain=response.content))
        return response


def _served(request: HttpRequest, key: str, page: Page) -> HttpResponse:
    """A kept page, compressed for a browser that accepts it."""
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(page.gzip, status=200)
        response["Content-Encoding"] = "gzip"
    else:
        plain = page.plain
        if plain is None:
            plain = gzip.decompress(page.gzip)
            copies.put(key, Page(headers=page.headers, gzip=page.gzip, plain=plain))
        response = HttpResponse(plain, status=200)
    for name, value in page.headers:
        response[name] = value
    response["Content-Length"] = str(len(response.content))
    return response
