"""{% translated obj "field" %}: what the landlord wrote, in the page's language (scrutiny/translated.py)."""

from typing import Any

from django import template
from django.utils.safestring import SafeString

from scrutiny.translated import shown

register = template.Library()


@register.simple_tag
def translated(obj: Any, name: str, paragraphs: bool = False) -> SafeString:
    return shown(obj, name, paragraphs=paragraphs)
