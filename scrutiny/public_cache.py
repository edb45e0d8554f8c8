"""Pages anyone may read without signing in, sent so that browsers and shared caches may keep them.

A public page has a version (a short digest that changes whenever what it shows changes, from
versions kept in the shared cache: scrutiny/freshness.py). Its ETag is made of the version alone,
so a browser that already has the page is answered "304 Not Modified" before anything is read or
drawn, and a visitor who has not is sent the drawing kept under that version: a cache read or two
and no query. `Cache-Control: public, max-age=PUBLIC_PAGE_SECONDS, must-revalidate` lets a proxy
in front of the site keep it for that long, then ask again. Signed-in people never come here: their
pages stay `private, no-store` (scrutiny.middleware.PrivatePagesMiddleware).

The drawing is made without a form token: a token in a page kept for everyone would give away
the secret of whoever happened to be the first to see it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

KEPT_SECONDS = 7 * 24 * 60 * 60  # a version no longer current is left to expire
# Shown in the drawing's context instead of a form token (see above).
NO_FORM_TOKEN = {"csrf_token": ""}


def _headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={settings.PUBLIC_PAGE_SECONDS}, must-revalidate"
    patch_vary_headers(response, ["Cookie"])
    return response


def public_page(request: HttpRequest, *, name: str, version: str,
                draw: Callable[[], HttpResponse]) -> HttpResponse:
    """The page `name` at `version` for a signed-out visitor: 304 to a browser that has it, else
    the kept drawing, else `draw()` (kept when it is a 200 page)."""
    etag = f'"{name}-{version}"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _headers(HttpResponseNotModified(), etag)
    key = f"public-page:{name}:{version}"
    kept = cache.get(key)
    if kept is not None:
        return _headers(HttpResponse(kept, content_type="text/html; charset=utf-8"), etag)
    response = draw()
    if response.status_code != 200:
        return response
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    cache.set(key, response.content, KEPT_SECONDS)
    return _headers(response, etag)
