"""The page's language and the link to the same page in the other one (scrutiny/languages.py):
{% html_lang %} for <html lang>, {% other_language as other %} for the link and the alternates."""

from typing import Any

from django import template
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, QueryDict
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

from scrutiny.languages import HTML_LANG, NAMES, in_language, site_languages
from scrutiny.translated import ENGLISH, WELSH

register = template.Library()


@register.simple_tag
def html_lang() -> str:
    """The active language as <html lang> and a PDF's /Lang read it: "en-GB" or "cy"."""
    return HTML_LANG.get(translation.get_language() or ENGLISH, HTML_LANG[ENGLISH])


@register.simple_tag(takes_context=True)
def other_language(context: Any) -> dict[str, Any] | None:
    """The other language's link (its name in itself, its code, the chooser's address) and both
    addresses of this page for <link rel="alternate">; None when the site has no Welsh."""
    request = context.get("request")
    if request is None or not site_languages(request)[0]:
        return None
    here = translation.get_language() or ENGLISH
    other = ENGLISH if here == WELSH else WELSH
    full = request.get_full_path()
    return {
        "code": other,
        "lang": HTML_LANG[other],
        "name": NAMES[other],
        "url": _chooser(other) + "?" + _next(full),
        "alternates": _alternates(request, full, here),
    }


# The language chooser's address for each language, worked out once (reverse() takes about 40 µs).
_choosers: dict[tuple, str] = {}


def _chooser(code: str) -> str:
    key = (get_urlconf(), get_script_prefix(), translation.get_language(), code)
    try:
        return _choosers[key]
    except KeyError:
        address = _choosers[key] = reverse("language", args=[code])
        return address


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    """Tests that change the URLs see the chooser's address worked out afresh."""
    _choosers.clear()


def _alternates(request: HttpRequest, full: str, here: str) -> list[dict[str, str]]:
    """This page's address in each language, whole (with the site's address), for search engines."""
    try:
        return [{"lang": HTML_LANG[code],
                 "url": request.build_absolute_uri(full if code == here else in_language(full, code))}
                for code in (ENGLISH, WELSH)]
    except DisallowedHost:
        return []  # the page saying the address is not this site's


def _next(full: str) -> str:
    query = QueryDict(mutable=True)
    query["next"] = full
    return query.urlencode(safe="/")
