"""Words about the person's sign-in methods for whole translated sentences."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def quoted_names(devices: Iterable[Any]) -> SafeString:
    """The devices' names in quotation marks, separated by commas: “My phone”, “Tablet”."""
    return mark_safe(", ".join(f"“{conditional_escape(d.name)}”" for d in devices))  # noqa: S308 - escaped
