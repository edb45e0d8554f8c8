"""The one way the site emails a person: a flat subject line, their contact preference
respected, links that work, and a failure logged with what it was about.

Someone who prefers phone, text or post (or has no email address) gets a notice on their home
page instead, with the same words, so the step is not lost on them.
"""

import logging
import re
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template import engines

from accounts.models import ContactPreference, Notice, User

logger = logging.getLogger(__name__)

# The request being served, for links when no SITE_URL is set (development).
_current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)
DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"
SUBJECT_LIMIT = 200


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

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def wants_email(person: User) -> bool:
    """True if the person has asked to be contacted by email and has an address to use."""
    return bool(person.email) and person.contact_preference == ContactPreference.EMAIL


def tell(*, person: User, subject: str, template: str, context: dict, path: str = "",
         about: object = None) -> bool:
    """Email the person, or leave the same words as a notice on their home page if they do not
    want email. `path` is the page it is about (the template gets the full link as `url`).
    True if an email was sent. A failure to send is logged with what it was about and raised,
    so the task that called this can retry."""
    subject = subject_line(subject)
    url = absolute_url(path) if path else ""
    body = render_plain_text(template, {**context, "person": person, "url": url})
    if not wants_email(person):
        Notice.objects.create(user=person, subject=subject, body=body, url=path[:500])
        return False
    try:
        send_mail(
            subject=subject, message=body, from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[person.email],
        )
    except Exception:
        logger.exception("Could not send the email %r to user %s about %r", subject, person.pk, about)
        raise
    return True


def send_to_address(
    *, address: str, subject: str, template: str, context: dict, about: object = None
) -> None:
    """Email an address that is not (yet) a person's account, such as an invitation."""
    subject = subject_line(subject)
    try:
        send_mail(
            subject=subject, message=render_plain_text(template, context),
            from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[address],
        )
    except Exception:
        logger.exception("Could not send the email %r about %r", subject, about)
        raise
