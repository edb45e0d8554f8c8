"""Helpers shared by the mysteryshop views (forms go through scrutiny.forms.run_form)."""

import uuid

from django.core.paginator import Paginator

PAGE_SIZE = 20


def paginate(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def whole_number(value) -> int | None:
    """A whole number sent in a form or address, or None for anything else ("abc", "1.5", "²",
    which str.isdigit() lets through but int() refuses)."""
    try:
        return int(str(value)) if str(value).isascii() else None
    except ValueError:
        return None


def uuid_or_none(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None
