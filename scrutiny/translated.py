"""What the landlord writes for tenants, in Welsh beside English.

Each app lists such fields in its own `translation.py` (django-modeltranslation), which adds a
`<field>_en_gb` and a `<field>_cy` column beside the field. Reading `obj.field` gives the active
language's version, or the English when the Welsh is empty. `shown()` (the `{% translated %}` tag)
says so on the page: the English is marked lang="en" and "(in English)", so a Welsh reader and a
screen reader both know. What people write themselves (findings, notes) is not listed anywhere
and is shown as written."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy

ENGLISH = settings.LANGUAGE_CODE
WELSH = "cy"
LANGUAGE_NAMES = {ENGLISH: gettext_lazy("English"), WELSH: gettext_lazy("Welsh")}


def column(name: str, language: str) -> str:
    """The column holding `name` in `language`: column("name", "en-gb") is "name_en_gb"."""
    return f"{name}_{language.replace('-', '_')}"


def both_columns(*names: str) -> list[str]:
    """Each field's English and Welsh columns, for a form's Meta.fields."""
    return [column(name, code) for name in names for code, _label in settings.LANGUAGES]


def welsh_on() -> bool:
    """The landlord offers the site in Welsh (site settings)."""
    from scrutiny.models import SiteSettings

    return bool(SiteSettings.load().welsh)


def version(obj: Any, name: str) -> tuple[str, bool]:
    """(the text to show in the active language, whether it is the English standing in)."""
    language = translation.get_language() or ENGLISH
    own = getattr(obj, column(name, language), None) if language != ENGLISH else None
    # A Welsh column holding the field's default ("Your landlord") was never written: the column
    # took the English field's default when it was made. modeltranslation reads it so too.
    if own and own != obj._meta.get_field(column(name, language)).get_default():
        return own, False
    english = getattr(obj, column(name, ENGLISH), None) or ""
    return english, language != ENGLISH and bool(english)


def shown(obj: Any, name: str, *, paragraphs: bool = False) -> SafeString:
    """The field as HTML in the active language; the English, marked so, when the Welsh is empty."""
    text, stand_in = version(obj, name)
    html = linebreaks(text, autoescape=True) if paragraphs else conditional_escape(text)
    if not stand_in:
        return mark_safe(html)  # noqa: S308 - escaped just above
    tag = "div" if paragraphs else "span"
    return format_html(
        '<{} lang="en">{}</{}> <span class="small">({})</span>',
        tag, mark_safe(html), tag, gettext("in English"),  # noqa: S308 - escaped just above
    )


@contextmanager
def language_of(person: Any) -> Iterator[None]:
    """Write to `person` in their own language (their profile's), whatever the page's is:
    emails, notices and reports made for them, by a page or by the worker."""
    with translation.override(getattr(person, "language", "") or ENGLISH):
        yield


class BothLanguagesForm(forms.ModelForm):
    """A model form editing translated fields as English and Welsh side by side: the English
    required where the field is, the Welsh never, and left out when the site has no Welsh."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        welsh = welsh_on()
        for name in list(self.fields):
            for code, _label in settings.LANGUAGES:
                suffix = "_" + code.replace("-", "_")
                if not name.endswith(suffix):
                    continue
                base = name[: -len(suffix)]
                if code == WELSH and not welsh:
                    del self.fields[name]
                    break
                model_field = self._meta.model._meta.get_field(base)
                field = self.fields[name]
                field.label = format_html("{} ({})", model_field.verbose_name.capitalize(),
                                          LANGUAGE_NAMES[code])
                field.help_text = model_field.help_text if code == ENGLISH else gettext(
                    "Leave it empty and Welsh pages show the English.")
                field.required = code == ENGLISH and not model_field.blank
                break
