"""What later apps add to the site's own templates (scrutiny/extensions.py), so that a core page
names no app's URL or template: `{% registered "menu links" as links %}`."""

from typing import Any

from django import template

from scrutiny import extensions

register = template.Library()


@register.simple_tag
def registered(kind: str) -> list[Any]:
    """Everything registered as `kind` (plain data, such as the menu's links or templates)."""
    return extensions.registered(kind)


@register.simple_tag
def extension_sections(kind: str, *args: Any) -> list[Any]:
    """What each function registered as `kind` returns for `args`, leaving out the empty ones."""
    return extensions.sections(kind, *args)
