"""Template helpers for the shared form templates."""

from django import forms, template

register = template.Library()


@register.filter
def has_required_fields(form: forms.BaseForm) -> bool:
    """True if any field the person sees must be filled in (so the form explains the *)."""
    return any(field.field.required for field in form.visible_fields())
