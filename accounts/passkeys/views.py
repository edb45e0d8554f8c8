"""The page for adding a passkey, and the JSON steps the pages' script calls to add one or use
one at the step (django-otp-webauthn's views, with the product's words, naming and audit trail).
Listing and removing passkeys is the methods page's, as for every kind of second factor."""

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.utils import rewrite_exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from accounts.passkeys import services
from accounts.second_factor import services as second_factor

NAME_IN_SESSION = "passkey_name"

# The library's refusals, in the product's words (its own are written for developers).
WORDS = {
    "not_authenticated": gettext_lazy("Sign in with your email and password first."),
    "passwordless_login_disabled": gettext_lazy("Sign in with your email and password first."),
    "user_not_verified": gettext_lazy("Check it's you with a way you already have before you add another."),
    "invalid_state": gettext_lazy("This page was open too long, or was used in another tab. Try again."),
    "malformed_request": gettext_lazy("Your browser sent something this site could not read. Try again."),
    "user_disabled": gettext_lazy("Your account is switched off. Ask an administrator."),
    "credential_disabled": gettext_lazy("That passkey is switched off. Use another passkey, or another way."),
    "credential_not_found": gettext_lazy("That passkey is not one added to your account here. "
                                         "Try another, or use another way."),
    "credential_user_mismatch": gettext_lazy("That passkey is not one added to your account here. "
                                             "Try another, or use another way."),
}
LOCKED_OUT = gettext_lazy("Too many attempts to sign in: signing in with this email address is paused for "
                          "15 minutes. Wait, then try again.")
# Every answer the browser sent that did not check out (a bad signature, a broken structure).
UNCHECKED = gettext_lazy("Your passkey's answer could not be checked. Try again, or use another way.")


def methods_url() -> str:
    """Where a person manages their second factors."""
    return reverse("accounts:second-factor-methods")


class PlainWords:
    """Answer every refusal as JSON in plain English, with the library's code for the script."""

    def handle_exception(self, exc: Exception) -> HttpResponse:
        if isinstance(exc, exceptions.OTPWebAuthnApiError):
            words = WORDS.get(exc.code) or (
                UNCHECKED if isinstance(exc, exceptions.UnprocessableEntity)
                else _("Something went wrong with the passkey. Try again.")
            )
            return JsonResponse({"detail": str(words), "code": exc.code}, status=exc.status_code)
        raise exc


class PassedFirst:
    """Someone who already holds a second factor uses it before adding another. The library asks
    django-otp's middleware the same; the product keeps that answer in the session instead."""

    request: HttpRequest

    def _check_user_verified(self, user: User) -> None:
        holds_one = any(devices for _, devices in second_factor.methods_of(user))
        if holds_one and not second_factor.has_passed(self.request):
            raise exceptions.NotVerified()


class AddOptions(PlainWords, PassedFirst, BeginCredentialRegistrationView):
    """The browser's instructions for making a passkey, once the name given for it is fine."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            user = cast(User, self.request.user)  # initial() refused anyone not signed in
            name = services.clean_name(user=user, name=self.request.data.get("name", ""))
        except ValidationError as exc:
            return JsonResponse({"detail": " ".join(exc.messages), "field": "name"}, status=400)
        self.request.session[NAME_IN_SESSION] = name
        return super().post(*args, **kwargs)


class AddFinish(PlainWords, PassedFirst, CompleteCredentialRegistrationView):
    """Check the new passkey the browser made, save it under its name, and note it."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        user = cast(User, self.request.user)  # initial() refused anyone not signed in
        name = self.request.session.pop(NAME_IN_SESSION, "")
        state = self.get_state()  # taken out of the session (and saved) even if this fails
        first = not second_factor.has_second_factor(user)
        with rewrite_exceptions(logger=None), transaction.atomic():
            passkey = self.get_helper().register_complete(user=user, state=state, data=self.request.data)
            services.added(passkey=passkey, name=name or _("Passkey"), first=first, request=self.request)
        if not second_factor.has_passed(self.request):
            # Adding a first second factor counts as passing it (as an authenticator app does).
            second_factor.mark_passed(self.request, passkey)
        messages.success(self.request, _("Your passkey “%(name)s” has been added.") % {"name": passkey.name})
        return JsonResponse({"id": passkey.pk, "redirect": methods_url()})


class CheckOptions(PlainWords, BeginCredentialAuthenticationView):
    """The browser's instructions for using one of the signed-in person's passkeys; none while
    the sign-in lockout (too many wrong codes) lasts."""

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        user = self.request.user
        if user.is_authenticated and second_factor.is_locked_out(request=self.request, user=user):
            return JsonResponse({"detail": str(LOCKED_OUT), "code": "locked_out"}, status=429)
        return super().post(*args, **kwargs)


class CheckFinish(PlainWords, CompleteCredentialAuthenticationView):
    """Check the passkey's answer; a refusal goes on the audit trail."""

    def complete_auth(self, device: WebAuthnCredential) -> None:
        second_factor.mark_passed(self.request, device)

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().post(*args, **kwargs)
        except exceptions.OTPWebAuthnApiError as exc:
            if exc.code not in ("not_authenticated", "passwordless_login_disabled"):
                services.check_refused(user=self.request.user, reason=exc.code.replace("_", " "),
                                      request=self.request)
            raise


@login_required
def add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The page where a person names a new passkey or security key and adds it."""
    return render(request, "accounts/passkeys/add.html", {
        "count": services.passkeys_of(request.user).count(),
        "must_add": not second_factor.has_second_factor(request.user),
    })
