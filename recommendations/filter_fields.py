"""The tracker's filter fields, drawn once and kept without reading their choices.

Reading the choices and suggestions (panels, service areas, review titles, owners' names) is
four queries on every visit, and drawing the fields through crispy-forms about 10 ms. The fields
are kept under the choices' version, renewed by a panel, a review, a service area or a person's
name, role or being active changing (recommendations/signals.py); under which panels the person
may choose from (every one for staff, their own for tenants), the financial years offered, the
values and errors of the filters asked for, the page's language and the template. A plain
visit, with no filters, builds no form at all when the fields are kept.

What checking the filters asked for found (their errors, the panel and review chosen) is kept the
same way (`checked_filters`), so that a filtered visit whose parts are kept builds no form either."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from panels.permissions import panel_ids_for
from recommendations.filters import TrackerFilter, year_choices
from scrutiny.freshness import versions
from scrutiny.permissions import is_staff_role

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import QueryDict

    from accounts.models import User

CHOICES_KEY = "recommendations:filter-choices-version"
TEMPLATE = "recommendations/_filter_fields.html"
KEPT_SECONDS = 60 * 60


def _drawn_from(user: User, data: QueryDict, start_month: int) -> list[Any]:
    """What the fields and the filters' checking depend on, besides the errors."""
    return [
        translation.get_language(),
        None if is_staff_role(user) else sorted(panel_ids_for(user)),
        year_choices(start_month),
        [(name, data.getlist(name)) for name in TrackerFilter.base_filters],
        versions(CHOICES_KEY),
    ]


def checked_filters(
    filterset: Callable[[], TrackerFilter], user: User, *, data: QueryDict, start_month: int
) -> dict[str, Any]:
    """The errors of the filters asked for and the panel and review chosen (their ids), from the
    cache when kept: under the choices' version, which panels the person may choose from and the
    values asked for, the financial years offered and the language (of the errors' words)."""
    key = "recommendations:checked-filters:" + hashlib.sha256(
        repr(_drawn_from(user, data, start_month)).encode()
    ).hexdigest()
    checked = cache.get(key)
    if checked is None:
        form = filterset().form
        chosen = form.cleaned_data if form.is_valid() else {}
        checked = {
            "errors": sorted((name, [str(error) for error in found]) for name, found in form.errors.items()),
            "panel_id": chosen["panel"].pk if chosen.get("panel") else None,
            "review_id": chosen["review"].pk if chosen.get("review") else None,
        }
        cache.set(key, checked, KEPT_SECONDS)
    return checked


def filter_fields(
    filterset: Callable[[], TrackerFilter], user: User, *, data: QueryDict, start_month: int,
    errors: list[Any] | None = None,
) -> SafeString:
    """The tracker's filter fields for this person and the filters asked for (`data`, whose
    `errors` are those `checked_filters` found), from the cache when none of what they show has
    changed. The filters' form is built only if the fields are drawn."""
    drawn_from = [get_template(TEMPLATE).template.source, *_drawn_from(user, data, start_month), errors or []]
    key = "recommendations:filter-fields:" + hashlib.sha256(repr(drawn_from).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        form = filterset().form
        form.is_valid()  # the errors are shown beside the fields
        html = render_to_string(TEMPLATE, {"form": form})
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)
