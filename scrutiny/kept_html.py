"""Form fields drawn once and kept: drawing a dozen fields through crispy-forms' templates
costs about 10 ms, while what they are drawn from (labels, values, errors, choices) is cheap to
read. The drawing is kept in the cache under a digest of all of it, and of the template, so the
same inputs give the same HTML and any change to them draws again."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from scrutiny.widgets import DATALIST_SIZE, DatalistInput

KEPT_SECONDS = 60 * 60


def _drawn_from(bound: forms.BoundField) -> list[Any]:
    widget = bound.field.widget
    item: list[Any] = [
        bound.name, str(bound.label), str(bound.help_text), type(widget).__qualname__,
        sorted((k, str(v)) for k, v in widget.attrs.items()), bound.value(), [str(e) for e in bound.errors],
        bound.field.required, bound.field.disabled,
    ]
    # Choices and suggestions are read once, here, and the drawing uses what was read.
    if not bound.is_hidden and hasattr(widget, "choices"):
        # (From a generator: list() would first ask a model field's choices for their length,
        # an extra COUNT query.)
        widget.choices = list(choice for choice in widget.choices)  # noqa: C400
        item.append([(str(value), str(label)) for value, label in widget.choices])
    if isinstance(widget, DatalistInput):
        options = list(widget.options())[:DATALIST_SIZE]
        widget.options = lambda: options
        item.append(options)
    return item


def kept_fields(form: forms.Form, template_name: str) -> SafeString:
    """`template_name` rendered with the form, from the cache when nothing it shows has changed.
    The template must show only the form's fields (no CSRF token, nothing about the person
    beyond what the fields hold)."""
    source = get_template(template_name).template.source
    # The language too: the template's own words ("(required)") are in it.
    drawn_from = [template_name, source, translation.get_language(), form.is_bound,
                  [_drawn_from(bound) for bound in form],
                  [str(error) for error in form.non_field_errors()] if form.is_bound else []]
    key = "form-fields:" + hashlib.sha256(repr(drawn_from).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render_to_string(template_name, {"form": form})
        cache.set(key, html, KEPT_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
