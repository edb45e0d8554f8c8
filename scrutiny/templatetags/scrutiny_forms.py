"""Template helpers for the shared form templates."""

from django import forms, template
from django.utils.safestring import SafeString

from scrutiny.kept_html import kept_fields

register = template.Library()


@register.filter
def has_required_fields(form: forms.BaseForm) -> bool:
    """True if any field the person sees must be filled in (so the form explains the *)."""
    return any(field.field.required for field in form.visible_fields())


@register.filter
def kept_crispy(form: forms.Form) -> SafeString:
    """`{{ form|crispy }}`, drawn once and kept while nothing it shows changes (scrutiny/kept_html.py):
    for forms drawn on every visit to a page, such as a list's filters."""
    return kept_fields(form, "includes/crispy_form.html")
