"""The tracker's filter fields, drawn once and kept without reading their choices.

Reading the choices and suggestions (panels, service areas, review titles, owners' names) is
four queries on every visit, and drawing the fields through crispy-forms about 10 ms. The fields
are kept under the choices' version, renewed by a panel, a review, a service area or a person's
name, role or being active changing (recommendations/signals.py); under which panels the person
may choose from (every one for staff, their own for tenants), the financial years offered, the
values and errors of the filters asked for, the page's language and the template. A plain
visit, with no filters, builds no form at all when the fields are kept."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

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


def filter_fields(
    filterset: Callable[[], TrackerFilter], user: User, *, data: QueryDict, start_month: int
) -> SafeString:
    """The tracker's filter fields for this person and the filters asked for (`data`), from the
    cache when none of what they show has changed. With no filters asked for there is nothing to
    check, and the filters' form is built only if the fields are drawn."""
    errors = filterset().form.errors if data else {}
    drawn_from = [
        get_template(TEMPLATE).template.source, translation.get_language(),
        None if is_staff_role(user) else sorted(panel_ids_for(user)),
        year_choices(start_month),
        [(name, data.getlist(name)) for name in TrackerFilter.base_filters],
        sorted((name, [str(error) for error in found]) for name, found in errors.items()),
        versions(CHOICES_KEY),
    ]
    key = "recommendations:filter-fields:" + hashlib.sha256(repr(drawn_from).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        form = filterset().form
        form.is_valid()  # the errors are shown beside the fields
        html = render_to_string(TEMPLATE, {"form": form})
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)
