"""Django's static library with `{% static %}` giving each file's address once per process.

Registered in settings.TEMPLATES as the library `{% load static %}` loads. Every page's layout
names six files; each time, the manifest storage looks the file up, joins it to STATIC_URL and
quotes it. The manifest is read once when the process starts, so the address of a name does not
change while it runs: it is worked out on first use and kept. Every other tag is Django's."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags import static

register = template.Library()
register.tags.update(static.register.tags)
register.filters.update(static.register.filters)

_kept: dict[str, str] = {}


class KeptStaticNode(static.StaticNode):
    @classmethod
    def handle_simple(cls, path: str) -> str:
        try:
            return _kept[path]
        except KeyError:
            url = _kept[path] = super().handle_simple(path)
            return url


@register.tag("static")
def do_static(parser: template.base.Parser, token: template.base.Token) -> static.StaticNode:
    return KeptStaticNode.handle_token(parser, token)


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    """Tests that change STATIC_URL or the storage see addresses worked out afresh."""
    _kept.clear()
