"""Django's i18n template library with a cheaper `{% translate "words" %}`, the same text out.

Registered in settings.TEMPLATES as the library `{% load i18n %}` loads. A page draws hundreds
of `{% translate %}` tags (a list of 50 members, eight each); Django's makes a lazy translation
of the words for each, resolves it as a variable and turns it back into text. For words written
in the template with nothing after them (no filter, context or `noop`), this asks for the
translation directly and escapes it as Django does; anything else is drawn by Django's own
tag. Every other tag and filter of the library is Django's."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import Variable
from django.templatetags import i18n
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)


class QuickTranslateNode(i18n.TranslateNode):
    msgid: str | None = None

    def render(self, context: template.Context) -> Any:
        if self.msgid is None:
            return super().render(context)
        value = gettext(self.msgid)
        value = conditional_escape(value) if context.autoescape else str(value)
        # As Django's: percent signs doubled in the words are single again.
        is_safe = isinstance(value, SafeData)
        value = value.replace("%%", "%")
        value = mark_safe(value) if is_safe else value  # noqa: S308 - safe as it came
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


def _quick(node: i18n.TranslateNode) -> i18n.TranslateNode:
    expression = node.filter_expression
    var = expression.var
    if (
        not node.noop and node.message_context is None and not expression.filters
        and isinstance(var, Variable) and var.lookups is None and isinstance(var.literal, str)
    ):
        literal = var.literal
        # As Variable.resolve() does for a translated literal.
        msgid = literal.replace("%", "%%")
        node.__class__ = QuickTranslateNode
        node.msgid = mark_safe(msgid) if isinstance(literal, SafeData) else msgid  # noqa: S308
    return node


@register.tag("translate")
@register.tag("trans")
def do_translate(parser: template.base.Parser, token: template.base.Token) -> i18n.TranslateNode:
    return _quick(i18n.do_translate(parser, token))
