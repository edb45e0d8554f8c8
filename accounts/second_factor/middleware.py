"""Keep a session that has passed the password but not the second factor on the step page.

Someone who has a method is sent to the step ("Check it's you"); staff with none are sent to add
one. Until then they reach only those pages, signing out, and the site's static files, icon and
health check: a page is redirected, a request for JSON or from htmx is refused with 403. A
session that has passed costs no query: only its session is read."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from accounts.second_factor import methods, services

REFUSAL = _("Check it's you with your second factor first.")


def _open_paths() -> tuple[str, ...]:
    """What a session may reach before the second factor."""
    return (
        reverse("accounts:second-factor-step"), reverse("accounts:logout"),
        reverse("healthz"), reverse("favicon"), reverse("site-logo"), settings.STATIC_URL,
        reverse("javascript-catalogue"),  # the words of the passkey script on the step page
        # The language link on the step page.
        *(reverse("language", args=[code]) for code, _name in settings.LANGUAGES),
    ) + methods.step_paths()


def _adding_paths() -> tuple[str, ...]:
    """What staff adding their first method may reach besides: the method pages themselves."""
    return (reverse("accounts:second-factor-methods"),) + methods.adding_paths()


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return bool(request.headers.get("HX-Request")) or (
        "application/json" in accept and "text/html" not in accept
    )


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated or services.has_passed(request):
            return self.get_response(request)
        needed = services.needs(request)
        path = request.path_info
        if needed == "nothing" or path.startswith(_open_paths()):
            return self.get_response(request)
        if needed == "add" and path.startswith(_adding_paths()):
            return self.get_response(request)
        target = reverse("accounts:second-factor-step" if needed == "step"
                         else "accounts:second-factor-methods")
        if _wants_json(request):
            response: HttpResponse = JsonResponse({"error": str(REFUSAL), "url": target}, status=403)
            response["HX-Redirect"] = target
            return response
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(target)
