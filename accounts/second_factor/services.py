"""Second-factor changes: adding and removing methods, recovery codes, checking codes at the step,
and an administrator's reset. One-time passwords, their throttling and one-use rules are
django-otp's; this module adds who may do what, the audit trail and the sign-in lockout."""

from __future__ import annotations

import re
from typing import Any

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext, gettext_noop
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from accounts.models import User
from accounts.second_factor import methods
from accounts.services import end_sessions_elsewhere
from scrutiny import audit, user_sessions
from scrutiny.jobs import enqueue
from scrutiny.models import AuditKind, UserSession
from scrutiny.permissions import is_admin, require

RECOVERY_CODE_COUNT = 10
WRONG_CODE = gettext_noop("That code is not right. Check it and try again, or use another way below.")
THROTTLED = gettext_noop(
    "Too many wrong codes have been tried. Wait a minute, then try again with a new code."
)
LOCKED_OUT = "locked out"  # what check_code says when the sign-in lockout has begun


def must_have_second_factor(user: Any) -> bool:
    """Whether the person must add a second factor before using the site: everyone who works
    for the landlord, and every superuser (the Django admin is theirs)."""
    return bool(user.is_authenticated and (user.works_for_landlord or user.is_superuser or user.is_staff))


def methods_of(user: User) -> list[tuple[methods.MethodKind, list[Any]]]:
    """Each kind of method with the person's devices of that kind (kinds they have none of too)."""
    return [(kind, list(kind.devices(user))) for kind in methods.kinds()]


def has_second_factor(user: User) -> bool:
    """Whether the person holds a method that proves it is them on its own (not just recovery codes)."""
    return any(devices for kind, devices in methods_of(user) if kind.counts_alone)


def plain_code(text: str) -> str:
    """A typed code without its spaces and dashes, in lower case: "123 456" is "123456"."""
    return re.sub(r"[\s\-]+", "", text or "").lower()


def new_authenticator_key() -> str:
    """A fresh secret for an authenticator app, as django-otp stores it (hex)."""
    return random_hex(20)


@transaction.atomic
def add_authenticator(*, user: User, name: str, key: str, code: str,
                      request: HttpRequest | None = None) -> TOTPDevice:
    """Save an authenticator app once the person has typed a code it made from `key`."""
    first = not has_second_factor(user)
    device = TOTPDevice(user=user, name=name.strip() or gettext("Authenticator app"), key=key,
                        confirmed=False)
    device.full_clean(exclude=["user"])
    device.save()
    if not device.verify_token(plain_code(code)):
        # Saved unconfirmed only for django-otp's check; the error undoes the transaction.
        raise ValidationError(
            {"code": gettext("That code does not match. Type the 6 digits the app shows now.")})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(kind=AuditKind.FACTOR_ADDED, actor=user, subject=user,
                 detail=f"authenticator app: {device.name}"[:300], request=request)
    if request is not None:
        mark_passed(request, device)
    if first:
        # Sessions signed in with the password alone would otherwise carry on without it.
        end_sessions_elsewhere(user=user, request=request, why="after turning on a second factor")
    return device


@transaction.atomic
def make_recovery_codes(*, user: User, request: HttpRequest | None = None) -> list[str]:
    """Ten new single-use recovery codes; any the person had before stop working."""
    require(has_second_factor(user), gettext("Add an authenticator app or a passkey before recovery codes."))
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    audit.record(kind=AuditKind.RECOVERY_CODES_MADE, actor=user, subject=user, request=request)
    return codes


def _device_of(user: User, kind_key: str, pk: int) -> Device:
    kind = next((k for k in methods.kinds() if k.key == kind_key), None)
    device = next((d for d in kind.devices(user) if d.pk == pk), None) if kind else None
    if device is None:
        raise ValidationError(gettext("That sign-in method was not found. It may have been removed already."))
    return device


@transaction.atomic
def remove_method(*, user: User, kind_key: str, pk: int, request: HttpRequest | None = None) -> str:
    """Remove one of the person's own methods; returns its name. Staff keep at least one; when
    the last one goes, recovery codes go too (they back up a method)."""
    device = _device_of(user, kind_key, pk)
    kind = next(k for k in methods.kinds() if k.key == kind_key)
    others = [d for k, devices in methods_of(user) if k.counts_alone for d in devices if d != device]
    if kind.counts_alone and not others:
        require(not must_have_second_factor(user),
                gettext("You need at least one way to check it's you. Add another before removing this one."))
        StaticDevice.objects.filter(user=user).delete()
    device.delete()
    audit.record(kind=AuditKind.FACTOR_REMOVED, actor=user, subject=user,
                 detail=f"{kind.name.lower()}: {device.name}"[:300], request=request)
    return device.name


@transaction.atomic
def reset(*, person: User, by: User, request: HttpRequest | None = None) -> int:
    """An administrator's reset after a lost phone: every method of the person is removed, they
    are signed out everywhere and emailed, and add a method again at their next sign-in."""
    require(is_admin(by), gettext("Only administrators can reset someone's second factor."))
    if person.pk == by.pk:
        raise ValidationError(
            gettext("You cannot reset your own second factor. Ask another administrator.")
        )
    removed = _remove_all(person)
    audit.record(kind=AuditKind.FACTOR_RESET, actor=by, subject=person,
                 detail=f"{removed} {'method' if removed == 1 else 'methods'} removed", request=request)
    user_sessions.end(UserSession.objects.filter(user=person))
    enqueue("accounts.tasks.send_second_factor_reset", person.pk, by.pk)
    return removed


def _remove_all(person: User) -> int:
    removed = 0
    for model in django_otp.device_classes():
        removed += model.objects.filter(user=person).delete()[1].get(model._meta.label, 0)
    return removed


@transaction.atomic
def reset_from_command(*, person: User) -> int:
    """The same reset from the command line, for the last administrator (nobody to ask)."""
    removed = _remove_all(person)
    audit.record(kind=AuditKind.FACTOR_RESET, subject=person,
                 detail=f"{removed} {'method' if removed == 1 else 'methods'} removed, from the command line")
    user_sessions.end(UserSession.objects.filter(user=person))
    enqueue("accounts.tasks.send_second_factor_reset", person.pk)
    return removed


def personal_data(user: User) -> tuple[str, list[dict[str, Any]]]:
    """The person's sign-in methods for "download everything we hold about you" (no secrets)."""
    return "second factor", [
        {"kind": kind.name, "name": device.name, "added": getattr(device, "created_at", None)}
        for kind, devices in methods_of(user) for device in devices
    ]


def erase(user: User) -> None:
    """Erasing a person's data removes their methods too (they can no longer sign in anyway)."""
    _remove_all(user)


# The session key django-otp keeps the device that verified the session under: any method kind
# that calls django_otp.login (passkeys too) marks the session as passed.
PASSED = django_otp.DEVICE_ID_SESSION_KEY
NEEDS = "_second_factor_needs"  # "step", "add" or "nothing", worked out once per session


def has_passed(request: HttpRequest) -> bool:
    return PASSED in request.session


def mark_passed(request: HttpRequest, device: Device) -> None:
    """The session has passed the second factor with `device`: the sign-in is complete."""
    django_otp.login(request, device)
    request.session.pop(NEEDS, None)
    forget_failed_tries(request=request, user=request.user)  # type: ignore[arg-type]


def forget_failed_tries(*, request: HttpRequest, user: User) -> None:
    """Forget the person's failed passwords and codes from this address, once the whole sign-in
    has succeeded (AXES_RESET_ON_SUCCESS is off: a known password alone must not wipe the wrong
    codes counted towards the lockout)."""
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.get_implementation().reset_user_attempts(request, _axes_credentials(user))


def signed_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """A password accepted (user_logged_in): for someone with no second factor to pass, the
    sign-in is complete and their failed tries are forgotten; others' wait for the step."""
    if request is None or must_have_second_factor(user) or any(devices for _, devices in methods_of(user)):
        return
    forget_failed_tries(request=request, user=user)


def needs(request: HttpRequest) -> str:
    """What the signed-in session still needs: "nothing", the "step" (the person has a method),
    or to "add" a method (staff with none). Worked out once and kept in the session."""
    if has_passed(request):
        return "nothing"
    found = request.session.get(NEEDS)
    if found is None:
        user = request.user
        found = ("step" if any(devices for _, devices in methods_of(user))  # type: ignore[arg-type]
                 else "add" if must_have_second_factor(user) else "nothing")
        request.session[NEEDS] = found
    return found


def _axes_credentials(user: User) -> dict[str, str]:
    return {"username": user.email}


def is_locked_out(*, request: HttpRequest, user: User) -> bool:
    return not AxesProxyHandler.is_allowed(request, _axes_credentials(user))


def check_code(*, request: HttpRequest, user: User, kind_key: str, code: str) -> Device | str:
    """Check a code typed at the step against the person's methods of one kind. Returns the
    device that took it, or why not: a wrong code counts as a failed sign-in (django-axes) and
    goes on the audit trail; django-otp also slows down repeated tries on each device."""
    if is_locked_out(request=request, user=user):
        return LOCKED_OUT
    code = plain_code(code)
    throttled = False
    with transaction.atomic():
        for device in _devices_for_verify(user, kind_key):
            allowed, _ = device.verify_is_allowed()
            throttled = throttled or not allowed
            if allowed and device.verify_token(code):
                mark_passed(request, device)
                return device
    audit.record(kind=AuditKind.FACTOR_CODE_REFUSED, actor=user, subject=user,
                 detail="recovery code" if kind_key == "recovery" else "authenticator app code",
                 request=request)
    AxesProxyHandler.user_login_failed(sender=check_code, credentials=_axes_credentials(user),
                                       request=request)
    if is_locked_out(request=request, user=user):
        return LOCKED_OUT
    return gettext(THROTTLED) if throttled else gettext(WRONG_CODE)


def _devices_for_verify(user: User, kind_key: str) -> list[Device]:
    model = {"authenticator": TOTPDevice, "recovery": StaticDevice}.get(kind_key)
    if model is None:
        return []
    return list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
