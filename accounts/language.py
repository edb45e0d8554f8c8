"""The person's language at sign-in: Django's language cookie set to it, and the page they asked
for shown in it, unless they asked for a Welsh page (/cy/...) outright."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.urls import translate_url
from django.utils import translation

WELSH_PREFIX = "/cy/"


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """Remember the person's language in this browser, as Django's set_language view does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def _is_welsh(url: str) -> bool:
    path = urlsplit(url).path
    return path.startswith(WELSH_PREFIX) or path == WELSH_PREFIX.rstrip("/")


def translated_path(url: str, language: str) -> str:
    """The same page's address in `language`, whichever language the address was made in (an
    address is read in its own language: /cy/... as Welsh, any other as English)."""
    with translation.override("cy" if _is_welsh(url) else settings.LANGUAGE_CODE):
        return translate_url(url, language)


def in_language(url: str, language: str) -> str:
    """The same page in the person's language; a page asked for in Welsh stays Welsh."""
    return url if _is_welsh(url) else translated_path(url, language)


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
