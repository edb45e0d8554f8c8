"""How the site sends an email: a flat subject line, plain-text words as typed, links that
work, and a failure logged with what it was about.

Whether a person wants email or a notice on their home page instead is the accounts app's
business (accounts/notices.py): this module knows addresses, not people. Each email is written in
its reader's language, whatever the page's or the worker's: the subject (text, a lazy translation,
or a function making it) and the body are made inside `translation.override(language)`.
"""

import logging
import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.utils import translation
from django.utils.functional import Promise

logger = logging.getLogger(__name__)

# The request being served, for links when no SITE_URL is set (development).
_current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)
DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"
SUBJECT_LIMIT = 200

# A subject: the words themselves, a lazy translation, or a function making them (called in the
# reader's language, e.g. `lambda: _("Reminder: %(title)s") % {"title": title}`).
Words = str | Promise | Callable[[], Any]


def words(subject: Words) -> str:
    """The subject's words in the active language."""
    return str(subject()) if callable(subject) else str(subject)


def subject_line(*parts: object) -> str:
    """One line of plain text from the parts: any run of whitespace (CR and LF too) becomes one
    space, so a title typed with a line break cannot make the email fail to send."""
    text = re.sub(r"\s+", " ", " ".join(str(p) for p in parts if p is not None)).strip()
    if len(text) > SUBJECT_LIMIT:
        text = text[: SUBJECT_LIMIT - 1].rstrip() + "…"
    return text


def render_plain_text(template: str, context: dict) -> str:
    """A plain-text email's words, names as typed: without HTML escaping, which would send an
    apostrophe as "&#x27;" and an ampersand as "&amp;"."""
    return engines["plain_text"].get_template(template).render(context)


def site_url() -> str:
    """The site's address for emailed links: SITE_URL; with DEBUG on and none set, the address
    of the request that caused the email (so `make run PORT=8101` sends working links)."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    request = _current_request.get()
    if settings.DEBUG and request is not None:
        try:
            return f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            pass
    return DEVELOPMENT_SITE_URL


def absolute_url(path: str) -> str:
    """A link for an email or notice to a page of the site."""
    return site_url() + path


class RequestAddressMiddleware:
    """Remembers the address of the request being served, for `site_url` (development only)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def send_plain_text(*, address: str, subject: str, body: str, about: object = None,
                    whom: str = "") -> None:
    """Send one plain-text email. A failure to send is logged with what it was about (and, if
    given, whom it was for) and raised, so the task that called this can retry."""
    try:
        send_mail(
            subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[address],
        )
    except Exception:
        logger.exception("Could not send the email %r%s about %r", subject, whom and f" to {whom}", about)
        raise


def send_to_address(
    *, address: str, subject: Words, template: str, context: dict, about: object = None,
    language: str = "",
) -> None:
    """Email an address that is not (yet) a person's account, such as an invitation, written in
    `language` (the active language if none is given)."""
    with translation.override(language or translation.get_language()):
        subject_text = subject_line(words(subject))
        body = render_plain_text(template, context)
    send_plain_text(address=address, subject=subject_text, body=body, about=about)
