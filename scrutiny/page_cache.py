"""Main pages kept for the person who asked, until anything in the database changes.

`@kept_for_person` keeps a view's page in the shared cache under a key made of the data's
generation (scrutiny/freshness.py: new after every write), today's date, the person and the
page's address. Seeing it again, before anything is written, costs a cache read instead of
the view's queries and templates. Only what the view would give again is kept: a 200 page of
HTML to a GET, with no message waiting to be shown and no cookie set. The form token (CSRF)
of the person's browser is taken out before a page is kept and a fresh one put in each time
it is served, as Django does for every page it draws.

A page is kept for PAGE_CACHE_SECONDS at most (a minute by default), so what changes with the
clock alone ("2 hours ago", a meeting that has just ended) is never further out than that. It
is kept for nobody else: permissions are the view's own, checked when the page was drawn for
this person, and any change to them is a write that starts a new generation. With the cache
unavailable every page is drawn afresh.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import timezone

from scrutiny.freshness import generation

FORM_TOKEN = re.compile(rb"\b[a-zA-Z0-9]{64}\b")
# Pages are kept only for these parts of an address, with short values: a page of a list, the
# findings grouped another way. Filters and searches, which anyone can vary without end, are
# drawn each time, so that nobody can fill the cache with pages nobody will see again.
KEPT_PARAMETERS = frozenset({"page", "past_page", "group"})
LONGEST_KEPT_VALUE = 8
PLACEHOLDER = b"\x00form-token\x00"
LARGEST_KEPT = 2 * 1024 * 1024


def _key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{generation()}:{timezone.localdate().isoformat()}:{request.user.pk}:{address}"


def _kept_address(request: HttpRequest) -> bool:
    return all(
        name in KEPT_PARAMETERS and len(values) == 1 and len(values[0]) <= LONGEST_KEPT_VALUE
        for name, values in request.GET.lists()
    )


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and len(response.content) <= LARGEST_KEPT
        and not len(messages.get_messages(request))
    )


def _without_form_tokens(request: HttpRequest, body: bytes) -> bytes:
    """The page with every form token of this browser's secret replaced by a placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return body

    def swap(match: re.Match) -> bytes:
        token = match.group(0)
        return PLACEHOLDER if _unmask_cipher_token(token.decode()) == secret else token

    return FORM_TOKEN.sub(swap, body)


def _served(request: HttpRequest, kept: dict) -> HttpResponse:
    body = kept["body"]
    if PLACEHOLDER in body:
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(body, status=200)
    for name, value in kept["headers"]:
        response[name] = value
    return response


def kept_for_person(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep the view's page for the signed-in person until the data changes (see above)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method != "GET"
            or not request.user.is_authenticated
            or request.headers.get("HX-Request")
            or not _kept_address(request)
            or len(messages.get_messages(request))
        ):
            return view(request, *args, **kwargs)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            return _served(request, kept)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _keepable(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
            body = _without_form_tokens(request, response.content)
            cache.set(key, {"body": body, "headers": headers}, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper
