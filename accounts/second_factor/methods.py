"""The kinds of second factor, each with the templates that show it: on the step page ("Check
it's you"), on the person's methods page ("Your sign-in methods"), and while someone who must add
one chooses how. Another kind adds itself from its app's ready() with one call:

    methods.register(methods.MethodKind(
        key="passkey", name="Passkey or security key", devices=passkeys_of,
        step_template="accounts/second_factor/_step_passkey.html",
        offer_template="accounts/second_factor/_offer_passkey.html",
        step_paths=("/webauthn/authenticate/",), adding_paths=("/webauthn/register/",),
    ))
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MethodKind:
    key: str
    name: Any  # plain words, e.g. "Authenticator app" (a lazy translation)
    devices: Callable[[Any], Iterable[Any]]  # (user) -> the person's confirmed devices of this kind
    step_template: str  # a part of the step page: how to use this kind now
    offer_template: str = ""  # a part of the methods page: how to add one ("" if it cannot be)
    # Paths a session that has not passed the second factor may still reach for this kind's own
    # steps: to use a method at the step (a passkey's challenge), and, for staff adding their
    # first method only, to add one (never open to someone who holds a method but has not used it).
    step_paths: tuple[str, ...] = field(default=())
    adding_paths: tuple[str, ...] = field(default=())
    counts_alone: bool = True  # False for recovery codes: they back up a method, not replace it


_KINDS: list[MethodKind] = []


def register(kind: MethodKind) -> None:
    """Add a kind of method (once: registering the same key again replaces it)."""
    _KINDS[:] = [k for k in _KINDS if k.key != kind.key] + [kind]


def kinds() -> list[MethodKind]:
    """Every kind of method, in the order registered."""
    return list(_KINDS)


def step_paths() -> tuple[str, ...]:
    return tuple(path for kind in _KINDS for path in kind.step_paths)


def adding_paths() -> tuple[str, ...]:
    return tuple(path for kind in _KINDS for path in kind.adding_paths)


def _authenticators(user: Any) -> Iterable[Any]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("created_at", "pk")


def _recovery_codes(user: Any) -> Iterable[Any]:
    from django_otp.plugins.otp_static.models import StaticDevice

    held = StaticDevice.objects.devices_for_user(user, confirmed=True)
    return held.filter(token_set__isnull=False).distinct()


register(MethodKind(
    key="authenticator", name=_("Authenticator app"), devices=_authenticators,
    step_template="accounts/second_factor/_step_authenticator.html",
    offer_template="accounts/second_factor/_offer_authenticator.html",
))
register(MethodKind(
    key="recovery", name=_("Recovery codes"), devices=_recovery_codes,
    step_template="accounts/second_factor/_step_recovery.html",
    offer_template="accounts/second_factor/_offer_recovery.html", counts_alone=False,
))
