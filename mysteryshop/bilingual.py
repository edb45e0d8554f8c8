"""Writing what the landlord writes in English and Welsh (mysteryshop/translation.py).

django-modeltranslation reads and writes `obj.field` in the page's language, and rewrites
queries on it the same way. The services here write in English whatever the page's language
(`in_english`), and set the Welsh column apart, so a Welsh page never saves English words as
the Welsh version, and a copy of a checklist keeps both languages."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.utils import translation

from scrutiny.translated import WELSH, column

ENGLISH = settings.LANGUAGE_CODE


def in_english() -> translation.override:
    """Write and look up the English (and base) columns, whatever the page's language."""
    return translation.override(ENGLISH)


def welsh_from(data: Mapping[str, Any], names: Iterable[str]) -> dict[str, str]:
    """The Welsh versions a form gave (`<field>_cy`), by field; a field the form did not have
    (the site has Welsh off) is left out, so its Welsh version is kept as it is."""
    return {name: data[column(name, WELSH)] or "" for name in names if column(name, WELSH) in data}


def set_welsh(obj: Any, welsh: Mapping[str, str] | None) -> None:
    """Put each Welsh version given on `obj`; an empty one is stored as none (English shown)."""
    for name, text in (welsh or {}).items():
        text = " ".join(text.split()) if "\n" not in text else text.strip()
        setattr(obj, column(name, WELSH), text or None)


def both(obj: Any, *names: str) -> dict[str, Any]:
    """Each field's English and Welsh, as keyword arguments to make a copy of `obj` with."""
    found: dict[str, Any] = {}
    for name in names:
        english = getattr(obj, column(name, ENGLISH))
        if english is None:  # made before its English column was filled in
            with in_english():
                english = getattr(obj, name)
        found[name] = english
        found[column(name, ENGLISH)] = english
        found[column(name, WELSH)] = getattr(obj, column(name, WELSH))
    return found
