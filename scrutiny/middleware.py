"""Middleware of the project itself: oversized uploads refused before they arrive, private pages
kept out of caches, and a word when work could not be queued."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from scrutiny import jobs, languages

FORM_FIELDS_ALLOWANCE = 1024 * 1024
DELAYED_WORK = _(
    "Our background service is not answering right now. What you did is saved, and any email "
    "or report it makes will follow within a few minutes."
)


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on every response to a signed-in person: their pages
    and downloads hold personal data that no shared or browser cache may keep."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # Left alone only where a view chose "public" on purpose (the site's icon): the same
        # for everyone, personal to no one.
        if user is not None and user.is_authenticated and "public" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "private, no-store"
        return response


class DelayedWorkMiddleware:
    """Tell the person when the work their request saved could not be queued yet (the broker is
    down): it is in the outbox and follows once the broker is back (scrutiny/jobs.py)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        jobs.reset_unqueued()
        response = self.get_response(request)
        if jobs.unqueued_in_this_request() and hasattr(request, "_messages"):
            messages.warning(request, DELAYED_WORK)
        return response


class BodySizeLimitMiddleware:
    """Refuse a request whose declared size is over the upload limit before its body is read, so
    a huge upload is never received and stored only to be refused afterwards. (The HTTPS proxy
    in docker-compose.yml caps bodies of any kind, declared or not, at the same size.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0
        # The largest file plus room for the form's other fields.
        if size > settings.UPLOAD_MAX_BYTES + FORM_FIELDS_ALLOWANCE:
            # Before LocaleMiddleware: in the address's language.
            with translation.override(languages.address_language(request.path_info)):
                limit = filesizeformat(settings.UPLOAD_MAX_BYTES)
                body = render_to_string("413.html", {"limit": limit})
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
