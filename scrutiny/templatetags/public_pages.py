"""The pages people who are not signed in may read, for the sign-in page (the signed-out home)."""

from django import template

from scrutiny import extensions

register = template.Library()


@register.simple_tag
def public_pages() -> list[dict]:
    """Each app's public page that is open and has something in it (extensions.PUBLIC_PAGES)."""
    return extensions.sections(extensions.PUBLIC_PAGES)
