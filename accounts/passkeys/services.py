"""Adding, naming and removing a person's passkeys, and noting failed checks on the audit trail."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user
from django_otp_webauthn.models import WebAuthnCredential

from accounts.models import User
from scrutiny import audit
from scrutiny.permissions import is_staff_role

NAME_MAX = 64  # django-otp's Device.name

# The audit trail's kinds for second factors (any method; the detail says which).
FACTOR_ADDED = "factor_added"
FACTOR_REMOVED = "factor_removed"
FACTOR_FAILED = "factor_failed"


def clean_name(*, user: User, name: str) -> str:
    """The name a person gives a new passkey, checked: something they will recognise later."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Give your passkey a name, such as “Work laptop” or “Blue key”."})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": f"Keep the name to {NAME_MAX} characters or fewer."})
    if WebAuthnCredential.objects.filter(user=user, name__iexact=name).exists():
        raise ValidationError({"name": f"You already have a passkey called “{name}”. Choose another name."})
    return name


def passkeys(*, user: User) -> list[WebAuthnCredential]:
    """The person's passkeys and security keys, oldest first."""
    return list(WebAuthnCredential.objects.filter(user=user).order_by("created_at", "pk"))


@transaction.atomic
def added(*, passkey: WebAuthnCredential, name: str, request: HttpRequest) -> WebAuthnCredential:
    """Name a passkey the library has just saved, and note it on the audit trail."""
    passkey.name = name
    passkey.save(update_fields=["name"])
    audit.record(kind=FACTOR_ADDED, actor=passkey.user, subject=passkey.user,
                 detail=f"Passkey “{name}”", request=request)
    return passkey


@transaction.atomic
def remove(*, passkey: WebAuthnCredential, by: User, request: HttpRequest) -> None:
    """Remove one of the person's own passkeys. Staff must keep at least one second factor."""
    if passkey.user_id != by.pk:
        raise ValidationError("You can only remove your own passkeys.")
    others = [d for d in devices_for_user(by, confirmed=True) if d.persistent_id != passkey.persistent_id]
    if is_staff_role(by) and not others:
        raise ValidationError(
            "This is your only way to check it's you, and staff must have one. "
            "Add another way first, then remove this passkey."
        )
    name = passkey.name
    passkey.delete()
    audit.record(kind=FACTOR_REMOVED, actor=by, subject=by, detail=f"Passkey “{name}”", request=request)


def check_failed(*, user: User, reason: str, request: HttpRequest) -> None:
    """Note a passkey check that was refused (a passkey not theirs, an answer that did not verify)."""
    audit.record(kind=FACTOR_FAILED, actor=user, subject=user, detail=f"Passkey: {reason}", request=request)
