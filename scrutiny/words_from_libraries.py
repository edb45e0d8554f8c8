"""Which words of Django and the other libraries people see, and that the libraries ship no Welsh
for: locale-libraries/cy/LC_MESSAGES/django.po holds the Welsh of each (kept by hand: makemessages
never writes there). tests/scrutiny/test_catalogue.py checks that every one has its Welsh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import django

SITE_PACKAGES = Path(django.__file__).resolve().parent.parent

# (the library's catalogue whose entries carry source locations, its Welsh catalogue or None,
# the source files whose words reach people: validation errors, pagination, "3 days ago", filters,
# lockouts, history labels, one-time code errors). The admin's words are left out: it is for
# superusers, in English.
SOURCES = [
    ("django/conf/locale/en/LC_MESSAGES/django.po", "django/conf/locale/cy/LC_MESSAGES/django.po",
     ("core/validators", "db/models/fields/__init__", "db/models/base", "forms/", "core/paginator",
      "utils/timesince", "utils/text")),
    ("django/contrib/auth/locale/en/LC_MESSAGES/django.po",
     "django/contrib/auth/locale/cy/LC_MESSAGES/django.po",
     ("contrib/auth/forms.py", "contrib/auth/password_validation.py", "contrib/auth/validators.py")),
    ("django_filters/locale/de/LC_MESSAGES/django.po", None, ("",)),  # all of it: filters' own labels
    ("axes/locale/de/LC_MESSAGES/django.po", None, (".\\axes\\conf.py",)),
    ("simple_history/locale/de/LC_MESSAGES/django.po", None, ("simple_history/models.py",)),
    ("django_otp/locale/de/LC_MESSAGES/django.po", None, ("src/django_otp/forms.py",)),
    ("django_otp_webauthn/locale/de/LC_MESSAGES/django.po", None,
     ("src/django_otp_webauthn/exceptions.py", "src/django_otp_webauthn/views.py")),
]


def _translated(entry: Any) -> bool:  # a polib entry
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr) and "fuzzy" not in entry.flags


def shown_without_welsh() -> list[Any]:
    """The libraries' entries people may see that their own Welsh catalogues leave untranslated."""
    import polib  # type: ignore[import-untyped]

    found = []
    for source, welsh, files in SOURCES:
        own = {}
        if welsh:
            own = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(SITE_PACKAGES / welsh))}
        for entry in polib.pofile(str(SITE_PACKAGES / source)):
            places = [place for place, _line in entry.occurrences] or [""]
            if not any(place.startswith(files) for place in places):
                continue
            existing = own.get((entry.msgctxt, entry.msgid))
            if existing is None or not _translated(existing):
                found.append(entry)
    return found
