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
the middleware, headers and all) before sessions, sign-in, form tokens and the view are reached,
so a link emailed to every tenant costs two cache reads a visit. The page is kept compressed and
sent so to browsers that accept it (every browser does): a tenth of the bytes to read and send.
(Compressing is safe here as the page holds no secret.) Only a response the view itself marked
public (`public_headers`) is kept, never one that sets a cookie. Signed-in people never get
these: their pages stay `private, no-store` (scrutiny.middleware.PrivatePagesMiddleware).

A page marked public is drawn without a form token (NO_FORM_TOKEN in its context): a token in a
page kept for everyone would give away the secret of whoever happened to see it first.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import compress_string

from scrutiny import languages

KEPT_SECONDS = 24 * 60 * 60  # a version no longer current is left to expire within the day
NO_FORM_TOKEN = {"csrf_token": ""}
SHORT_NUMBER = re.compile(r"\d{1,4}")
NOT_KEPT_HEADERS = frozenset({"content-length", "set-cookie"})

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


def _registered(request: HttpRequest) -> tuple[str, Version, dict[str, Any]] | None:
    if request.method != "GET" or any(name in request.COOKIES for name in _PERSONAL_COOKIES()):
        return None
    if languages.redirect_for(request) is not None:
        return None  # the page in the person's language is at another address
    try:
        # Resolved in the address's language (/cy/... is Welsh): this runs before LocaleMiddleware,
        # and i18n_patterns match only the active language's prefix.
        with translation.override(language_of(request)):
            match = resolve(request.path_info)
    except Resolver404:
        return None
    version = _versions.get(match.view_name)
    return (match.view_name, version, match.kwargs) if version else None


class PublicPagesMiddleware:
    """Answer signed-out visitors to public pages from the cache (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before LocaleMiddleware: the address's language is made the active one here, so that a
        # Welsh address resolves and its page is kept apart from the English one.
        with translation.override(languages.address_language(request.path_info)):
            found = _registered(request)
            version = found[1](request, **found[2]) if found else None
            etag = etag_of(found[0], version) if found and version is not None else ""
        if not etag:
            return self.get_response(request)
        answer = not_modified(request, etag)
        if answer is not None:
            return answer
        key = f"public-page:gzip:{language_of(request)}:{etag}"  # a page's versions may not say its language
        kept = cache.get(key)
        if kept is not None:
            return _served(request, kept)
        response = self.get_response(request)
        if (response.status_code == 200 and response.get("ETag") == etag and not response.cookies
                and not response.streaming):
            patch_vary_headers(response, ["Accept-Encoding"])
            headers = [(n, v) for n, v in response.items() if n.lower() not in NOT_KEPT_HEADERS]
            cache.set(key, {"gzip": compress_string(response.content), "headers": headers}, KEPT_SECONDS)
        return response


def _served(request: HttpRequest, kept: dict[str, Any]) -> HttpResponse:
    """A kept page, compressed for a browser that accepts it."""
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(kept["gzip"], status=200)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(kept["gzip"]), status=200)
    for name, value in kept["headers"]:
        response[name] = value
    return response
