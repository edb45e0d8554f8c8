"""Pages of the second factor: the step at sign-in ("Check it's you"), the person's methods
("Your sign-in methods"), adding an authenticator app, recovery codes, and an administrator's reset."""

from base64 import b32encode
from binascii import unhexlify
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from accounts.second_factor import forms, services
from scrutiny.permissions import role_required

STEP_FORMS = {"authenticator": forms.AuthenticatorCodeForm, "recovery": forms.RecoveryCodeForm}
NEW_KEY = "_second_factor_new_key"  # the key being added, kept until its first code is typed
NEW_CODES = "_second_factor_new_codes"  # recovery codes just made, shown (and downloaded) once


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return reverse("home")


def _step_forms(request: HttpRequest, bound: str = "") -> dict[str, Any]:
    return {key: form(request.POST if key == bound else None, auto_id=f"{key}-%s")
            for key, form in STEP_FORMS.items()}


@login_required
def step(request: AuthenticatedHttpRequest, kind: str = "") -> HttpResponse:
    """Check it's you: a code from an authenticator app, a recovery code, or another method."""
    if services.has_passed(request):
        return redirect(_next(request))
    if services.needs(request) != "step":
        return redirect("accounts:second-factor-methods")
    if kind and kind not in STEP_FORMS:
        raise Http404
    forms_ = _step_forms(request, bound=kind if request.method == "POST" else "")
    form = forms_.get(kind)
    if request.method == "POST" and form is not None and form.is_valid():
        outcome = services.check_code(request=request, user=request.user, kind_key=kind,
                                      code=form.cleaned_data["code"])
        if outcome == services.LOCKED_OUT:
            logout(request)
            return render(request, "accounts/locked_out.html", status=429)
        if not isinstance(outcome, str):
            return redirect(_next(request))
        form.add_error("code", outcome)
    held = [(kind_, devices) for kind_, devices in services.methods_of(request.user) if devices]
    return render(request, "accounts/second_factor/step.html", {
        "held": held, "forms": forms_, "form": form, "next": _next(request),
    })


@login_required
def method_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Your sign-in methods: what the person holds, each removable, and how to add another."""
    return render(request, "accounts/second_factor/methods.html", {
        "methods": services.methods_of(request.user),
        "must_add": not services.has_second_factor(request.user),
        "required": services.must_have_second_factor(request.user),
        "recovery_left": _recovery_codes_left(request.user),
    })


def _recovery_codes_left(user: User) -> int:
    from django_otp.plugins.otp_static.models import StaticToken

    return StaticToken.objects.filter(device__user=user).count()


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i:i + size] for i in range(0, len(text), size))


@login_required
def add_authenticator(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add an authenticator app: scan the QR code or type the key, then type a code it shows."""
    key = request.session.get(NEW_KEY)
    if not key or request.method == "GET" and "again" in request.GET:
        key = request.session[NEW_KEY] = services.new_authenticator_key()
    form = forms.AddAuthenticatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.add_authenticator(user=request.user, key=key, request=request,
                                                **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("code", exc.error_dict["code"] if hasattr(exc, "error_dict") else exc)
        else:
            del request.session[NEW_KEY]
            messages.success(request, _("“%(name)s” is added. You will use it each time you sign in.")
                             % {"name": device.name})
            return redirect("accounts:second-factor-methods")
    return render(request, "accounts/second_factor/add_authenticator.html", {
        "form": form, "key_text": _grouped(b32encode(unhexlify(key)).decode()),
    })


@login_required
def authenticator_qr(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The QR code of the key being added, as SVG (an image, so no inline script or style)."""
    key = request.session.get(NEW_KEY)
    if not key:
        raise Http404
    device = TOTPDevice(user=request.user, key=key)
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, border=2, dark="#000", light="#fff")
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def recovery_codes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """POST: make ten new recovery codes (the old ones stop working). GET: show them, once."""
    if request.method == "POST":
        try:
            codes = services.make_recovery_codes(user=request.user, request=request)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect("accounts:second-factor-methods")
        request.session[NEW_CODES] = codes
        return redirect("accounts:second-factor-recovery-codes")
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        messages.info(request, _("Recovery codes are shown only once, when they are made. "
                                 "Make new ones if you have lost them."))
        return redirect("accounts:second-factor-methods")
    # Kept a little longer for the download link on the page; it is gone once downloaded.
    request.session[NEW_CODES + "_download"] = codes
    return render(request, "accounts/second_factor/recovery_codes.html",
                  {"codes": [_grouped(code) for code in codes]})


@login_required
def recovery_codes_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The codes just shown, as a text file to keep."""
    codes = request.session.pop(NEW_CODES + "_download", None)
    if not codes:
        raise Http404("Recovery codes can be downloaded only once, when they are made.")
    lines = [_("Recovery codes for signing in. Each works once. Keep them somewhere safe."), ""]
    body = "\n".join(lines + [_grouped(code) for code in codes]) + "\n"
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="recovery-codes.txt"'
    return response


@require_POST
@login_required
def remove(request: AuthenticatedHttpRequest, kind: str, pk: int) -> HttpResponse:
    """Remove one of the person's own methods (staff keep at least one)."""
    try:
        name = services.remove_method(user=request.user, kind_key=kind, pk=pk, request=request)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("“%(name)s” is removed.") % {"name": name})
    return redirect("accounts:second-factor-methods")


@require_POST
@role_required("admin", message=gettext_lazy("Only administrators can reset someone's second factor."))
def reset(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """An administrator resets another person's second factor from their page."""
    person = get_object_or_404(User, pk=pk)
    try:
        services.reset(person=person, by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s's second factor is reset. They have been signed out and "
                                    "emailed, and will add a new one when they next sign in.")
                         % {"name": person.display_name})
    return redirect("accounts:person-edit", pk=person.pk)
