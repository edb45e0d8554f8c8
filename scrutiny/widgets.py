"""Form widgets shared by the apps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# A datalist suggests at most this many values: the list a browser shows stays short however
# many reviews or people the landlord has; typing any part of a name still filters.
DATALIST_SIZE = 50


class DatalistInput(forms.TextInput):
    """A text box that suggests values as the person types, from a bounded list.

    `options` is a callable returning the suggestions, called only when the field is drawn,
    so a page that does not show the form makes no query for it."""

    def __init__(self, options: Callable[[], Iterable[str]], attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.options = options

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None,
    ) -> SafeString:
        list_id = f"{(attrs or {}).get('id') or 'id_' + name}-suggestions"
        attrs = {**(attrs or {}), "list": list_id}
        suggestions = list(self.options())[:DATALIST_SIZE]
        return format_html(
            '{}<datalist id="{}">{}</datalist>', super().render(name, value, attrs, renderer), list_id,
            format_html_join("", '<option value="{}"></option>', ((s,) for s in suggestions)),
        )
