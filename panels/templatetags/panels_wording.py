"""{{ name|owning }}: a name that owns what follows it, as the page's language writes it.

English adds an apostrophe ("Glenbrae Housing's services"); Welsh puts the owner after the thing
and leaves the name as it is ("gwasanaethau Glenbrae Housing"), so the catalogue's Welsh places it."""

from django import template
from django.utils import translation

from scrutiny.translated import ENGLISH
from scrutiny.wording import possessive

register = template.Library()


@register.filter
def owning(name: str) -> str:
    language = translation.get_language() or ENGLISH
    return possessive(name) if language.startswith("en") else (name or "").strip()
