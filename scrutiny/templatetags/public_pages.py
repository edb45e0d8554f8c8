"""The pages people who are not signed in may read, for the sign-in page (the signed-out home)."""

from django import template

from scrutiny.sections import page_sections

register = template.Library()


@register.simple_tag
def public_pages() -> list[dict]:
    """Each app's public page that is open and has something in it (settings.PUBLIC_PAGES)."""
    return page_sections("PUBLIC_PAGES")
