"""Passkeys as one kind of second factor: the person's passkeys, naming a new one, and the audit
trail for adding one and for refused checks. Removing one is the second factor's own
(accounts/second_factor/services.py remove_method), as for every kind."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp_webauthn.models import WebAuthnCredential

from accounts.models import User
from accounts.services import end_sessions_elsewhere
from scrutiny import audit
from scrutiny.models import AuditKind

NAME_MAX = 64  # django-otp's Device.name


def passkeys_of(user: User) -> QuerySet[WebAuthnCredential]:
    """The person's passkeys and security keys that can be used, oldest first."""
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at", "pk")


def clean_name(*, user: User, name: str) -> str:
    """The name a person gives a new passkey, checked: something they will recognise later."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give your passkey a name, such as “Work laptop” or “Blue key”.")})
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("Keep the name to %(max)s characters or fewer.") % {"max": NAME_MAX}})
    if WebAuthnCredential.objects.filter(user=user, name__iexact=name).exists():
        words = _("You already have a passkey called “%(name)s”. Choose another name.") % {"name": name}
        raise ValidationError({"name": words})
    return name


@transaction.atomic
def added(*, passkey: WebAuthnCredential, name: str, first: bool, request: HttpRequest) -> WebAuthnCredential:
    """Name a passkey the library has just saved, and note it on the audit trail. When it is the
    person's `first` second factor, their sessions elsewhere (past the password alone) end."""
    passkey.name = name
    passkey.save(update_fields=["name"])
    audit.record(kind=AuditKind.FACTOR_ADDED, actor=passkey.user, subject=passkey.user,
                 detail=f"passkey or security key: {name}", request=request)
    if first:
        end_sessions_elsewhere(user=passkey.user, request=request, why="after turning on a second factor")
    return passkey


def check_refused(*, user: User, reason: str, request: HttpRequest) -> None:
    """Note a passkey check that was refused (a passkey not theirs, an answer that did not verify)."""
    audit.record(kind=AuditKind.FACTOR_CODE_REFUSED, actor=user, subject=user,
                 detail=f"passkey: {reason}", request=request)
