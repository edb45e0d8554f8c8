"""The audit trail: sign-ins, role changes, exports and downloads of personal data, erasures.

Recorded by signals (sign-in and out, role changes), by AuditedDownloadsMiddleware for the URL
names registered as extensions.AUDITED_DOWNLOADS, and by `record` wherever else something needs noting.
Administrators read it on the product's audit page (scrutiny/views_audit.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models import QuerySet
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from scrutiny import extensions
from scrutiny.models import AuditEvent, AuditKind
from scrutiny.permissions import Person

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User


def client_ip(request: HttpRequest | None) -> str | None:
    """The address the request came from (the proxy passes it on in X-Forwarded-For)."""
    if request is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (forwarded.split(",")[-1].strip() if forwarded else request.META.get("REMOTE_ADDR")) or None


def record(*, kind: str, actor: Person = None, subject: Any = None, detail: str = "",
           request: HttpRequest | None = None) -> AuditEvent:
    """Add one event to the audit trail."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEvent.objects.create(
        kind=kind, actor=actor, subject=subject, detail=detail[:300], ip_address=client_ip(request)
    )


def events(*, kind: str = "", person: str = "", since: Any = None, until: Any = None) -> QuerySet:
    """The trail, newest first, narrowed by kind, a person's name or email, and dates."""
    found = AuditEvent.objects.select_related("actor", "subject")
    if kind:
        found = found.filter(kind=kind)
    if person:
        from django.db.models import Q

        found = found.filter(
            Q(actor__display_name__icontains=person) | Q(actor__email__icontains=person)
            | Q(subject__display_name__icontains=person) | Q(subject__email__icontains=person)
        )
    if since:
        found = found.filter(at__date__gte=since)
    if until:
        found = found.filter(at__date__lte=until)
    return found.order_by("-at", "-pk")


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    record(kind=AuditKind.SIGN_IN, actor=user, subject=user, request=request)


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        record(kind=AuditKind.SIGN_OUT, actor=user, subject=user, request=request)


@receiver(user_login_failed)
def _sign_in_refused(
    sender: Any, credentials: dict, request: HttpRequest | None = None, **kwargs: Any
) -> None:
    email = str(credentials.get("username") or credentials.get("email") or "")
    subject = get_user_model().objects.filter(email__iexact=email).first() if email else None
    record(kind=AuditKind.SIGN_IN_FAILED, subject=subject,
           detail="" if subject else "an email address with no account", request=request)


@receiver(pre_save, sender=settings.AUTH_USER_MODEL)
def _role_changed(
    sender: type[User], instance: User, update_fields: Iterable[str] | None = None, **kwargs: Any
) -> None:
    if instance.pk is None or (update_fields is not None and "role" not in update_fields):
        return
    before = sender.objects.filter(pk=instance.pk).values_list("role", flat=True).first()
    if before is None or before == instance.role:
        return
    request = current_request()
    record(
        kind=AuditKind.ROLE_CHANGED, actor=getattr(request, "user", None), subject=instance,
        detail=f"from {before} to {instance.role}", request=request,
    )


def current_request() -> HttpRequest | None:
    """The request being served, as django-simple-history's middleware keeps it."""
    from simple_history.models import HistoricalRecords

    return getattr(HistoricalRecords.context, "request", None)


def _audited_downloads() -> dict[str, str]:
    """{URL name: audit kind} of the downloads the apps registered."""
    return dict(extensions.registered(extensions.AUDITED_DOWNLOADS))


class AuditedDownloadsMiddleware:
    """Note every successful export or personal-data download (extensions.AUDITED_DOWNLOADS)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        kind = _audited_downloads().get(match.view_name) if match else None
        if kind and response.status_code == 200 and request.user.is_authenticated:
            subject = request.user if kind == AuditKind.PERSONAL_DATA else None
            record(kind=kind, actor=request.user, subject=subject, detail=request.get_full_path()[:300],
                   request=request)
        return response
