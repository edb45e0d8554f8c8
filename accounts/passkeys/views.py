"""Pages for adding, using and removing passkeys, and the JSON steps the page's script calls
(django-otp-webauthn's views, with the product's words, naming and audit trail)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_otp import login as otp_login
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.settings import app_settings
from django_otp_webauthn.utils import rewrite_exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from accounts.http import AuthenticatedHttpRequest
from accounts.passkeys import services

NAME_IN_SESSION = "passkey_name"

# The library's refusals, in the product's words (its own are written for developers).
WORDS = {
    "not_authenticated": "Sign in with your email and password first.",
    "passwordless_login_disabled": "Sign in with your email and password first.",
    "user_not_verified": "Check it's you with a way you already have before you add another.",
    "invalid_state": "This page was open too long, or was used in another tab. Try again.",
    "malformed_request": "Your browser sent something this site could not read. Try again.",
    "user_disabled": "Your account is switched off. Ask an administrator.",
    "credential_disabled": "That passkey is switched off. Use another passkey, or another way.",
    "credential_not_found": "That passkey is not one added to your account here. "
                            "Try another, or use another way.",
    "credential_user_mismatch": "That passkey is not one added to your account here. "
                                "Try another, or use another way.",
}
# Every answer the browser sent that did not check out (a bad signature, a broken structure).
UNCHECKED = "Your passkey's answer could not be checked. Try again, or use another way."


def methods_url() -> str:
    """Where a person manages their second factors."""
    return reverse("accounts:profile") + "#passkeys"


class PlainWords:
    """Answer every refusal as JSON in plain English, with the library's code for the script."""

    def handle_exception(self, exc: Exception) -> HttpResponse:
        if isinstance(exc, exceptions.OTPWebAuthnApiError):
            words = WORDS.get(exc.code) or (
                UNCHECKED if isinstance(exc, exceptions.UnprocessableEntity)
                else "Something went wrong with the passkey. Try again."
            )
            return JsonResponse({"detail": words, "code": exc.code}, status=exc.status_code)
        raise exc


class AddOptions(PlainWords, BeginCredentialRegistrationView):
    """The browser's instructions for making a passkey, once the name given for it is fine."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            name = services.clean_name(user=self.request.user, name=self.request.data.get("name", ""))
        except ValidationError as exc:
            return JsonResponse({"detail": " ".join(exc.messages), "field": "name"}, status=400)
        self.request.session[NAME_IN_SESSION] = name
        return super().post(*args, **kwargs)


class AddFinish(PlainWords, CompleteCredentialRegistrationView):
    """Check the new passkey the browser made, save it under its name, and note it."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        user = self.request.user
        name = self.request.session.pop(NAME_IN_SESSION, "")
        state = self.get_state()  # taken out of the session (and saved) even if this fails
        with rewrite_exceptions(logger=None), transaction.atomic():
            passkey = self.get_helper().register_complete(user=user, state=state, data=self.request.data)
            services.added(passkey=passkey, name=name or "Passkey", request=self.request)
        if not user.is_verified():
            # Adding a first second factor counts as passing it (the library does the same).
            otp_login(self.request, passkey)
        messages.success(self.request, f"Your passkey “{passkey.name}” has been added.")
        return JsonResponse({"id": passkey.pk, "redirect": methods_url()})


class CheckOptions(PlainWords, BeginCredentialAuthenticationView):
    """The browser's instructions for using one of the signed-in person's passkeys."""


class CheckFinish(PlainWords, CompleteCredentialAuthenticationView):
    """Check the passkey's answer; a refusal goes on the audit trail."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().post(*args, **kwargs)
        except exceptions.OTPWebAuthnApiError as exc:
            if exc.code not in ("not_authenticated", "passwordless_login_disabled"):
                services.check_failed(user=self.request.user, reason=exc.code.replace("_", " "),
                                      request=self.request)
            raise


def passkey_options() -> dict[str, Any]:
    """What the page's script needs to know (rendered as data attributes, not inline script)."""
    return {"timeout_ms": app_settings.OTP_WEBAUTHN_TIMEOUT_SECONDS * 1000}


@login_required
def add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The page where a person names a new passkey or security key and adds it."""
    return render(request, "accounts/passkeys/add.html", {
        "passkeys": services.passkeys(user=request.user), **passkey_options(),
    })


@login_required
def check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Use a passkey to check it's you, after the password."""
    return render(request, "accounts/passkeys/check.html", {
        "next": request.GET.get("next", ""), **passkey_options(),
    })


@login_required
def remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Ask, then remove one of the person's own passkeys (someone else's is not found)."""
    passkey = get_object_or_404(WebAuthnCredential, pk=pk, user=request.user)
    if request.method == "POST":
        try:
            services.remove(passkey=passkey, by=request.user, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Your passkey “{passkey.name}” has been removed.")
            return redirect(methods_url())
    return render(request, "accounts/passkeys/remove.html", {"passkey": passkey})
