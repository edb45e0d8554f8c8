"""The person's language at sign-in: Django's language cookie set to it, and the page they asked
for shown in it, unless they asked for a Welsh page (/cy/...) outright."""

from typing import Any

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.urls import translate_url

WELSH_PREFIX = "/cy/"


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """Remember the person's language in this browser, as Django's set_language view does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def in_language(url: str, language: str) -> str:
    """The same page in the person's language; a page asked for in Welsh stays Welsh."""
    if url.startswith(WELSH_PREFIX) or url == WELSH_PREFIX.rstrip("/"):
        return url
    return translate_url(url, language)


class SignInView(LoginView):
    """Django's sign-in, then on to the page asked for in the person's own language."""

    def get_success_url(self) -> str:
        url = super().get_success_url()
        user = getattr(self.request, "user", None)
        language = getattr(user, "language", "") or settings.LANGUAGE_CODE
        return in_language(url, language)

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        language = form.get_user().language or settings.LANGUAGE_CODE
        set_language_cookie(response, language)
        return response
