"""Helpers shared by the mysteryshop views (forms go through scrutiny.forms.run_form)."""

import json
import uuid
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from scrutiny.forms import LARGEST_ID

PAGE_SIZE = 20


def paginate(request: HttpRequest, queryset: QuerySet, size: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def whole_number(value: object) -> int | None:
    """A whole number sent in a form or address, or None for anything else ("abc", "1.5", "²",
    which str.isdigit() lets through but int() refuses)."""
    try:
        return int(str(value)) if str(value).isascii() else None
    except ValueError:
        return None


def an_id(value: Any) -> int | None:
    """A whole number sent as JSON or text (5 or "5") that a database column can hold, or None
    for anything else: 1.5, 1e309, [5], true, or an id too big for the database."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    number = value if isinstance(value, int) else whole_number(value.strip())
    return number if number is not None and abs(number) <= LARGEST_ID else None


def _not_json(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def read_json(body: bytes) -> Any:
    """A request's JSON body. Numbers with a point or exponent come as Decimal, so 1e309 is
    a (large) number rather than infinity; NaN and Infinity, which JSON does not allow, are
    refused with ValueError like any other body that is not JSON."""
    return json.loads(body or b"{}", parse_float=Decimal, parse_constant=_not_json)


def uuid_or_none(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None
