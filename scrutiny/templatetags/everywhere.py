"""Django's `{% url %}` tag and `date` and `time` filters, giving the same text for less work.

Loaded as a builtin for every template (settings.TEMPLATES), so these replace Django's own: list
pages use them hundreds of times. `{% url %}` works each address out once per name
(scrutiny/paths.py). A date or time is formatted once per value, format and language in each
process and kept (about 30 µs each time otherwise: month and day names are translated)."""

from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters, defaulttags
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape
from django.utils.translation import get_language

from scrutiny import paths

register = template.Library()
KEPT_FORMATS = 4096


class URLNode(defaulttags.URLNode):
    def render(self, context: template.Context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = paths.reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: template.base.Parser, token: template.base.Token) -> URLNode:
    node = defaulttags.url(parser, token)
    return URLNode(node.view_name, node.args, node.kwargs, node.asvar)


@lru_cache(maxsize=KEPT_FORMATS)
def _formatted(kind: str, value: Any, zone: Any, arg: str | None, language: str | None) -> str:
    return defaultfilters.date(value, arg) if kind == "date" else defaultfilters.time(value, arg)


def _keep(kind: str, value: Any, arg: str | None) -> str:
    if isinstance(value, datetime.date | datetime.time):
        # A datetime's zone is part of the key: the same moment reads differently in another.
        return _formatted(kind, value, getattr(value, "tzinfo", None), arg, get_language())
    return defaultfilters.date(value, arg) if kind == "date" else defaultfilters.time(value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def date(value: Any, arg: str | None = None) -> str:
    return _keep("date", value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def time(value: Any, arg: str | None = None) -> str:
    return _keep("time", value, arg)


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    """Tests that change the date formats or the language see dates formatted afresh."""
    _formatted.cache_clear()
