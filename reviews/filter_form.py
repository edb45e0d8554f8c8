"""The review list's and the evidence list's filters, drawn once and kept in the cache.

Drawing them costs reading every panel and service area, the earliest dates and the newest
reviews' titles, then crispy-forms' templates. What they show depends only on: the values typed
or chosen (the address's query), which panels the person sees (all for staff, their own for a
tenant: the reviews suggested are those panels'), the language, this year, and the panels',
service areas', reviews' and evidence's rows, which renew `FILTERS_KEY` whenever one is added,
changed or removed. The key holds all of these, so two people share a drawing only when it
would be the same for both, and nothing is read to find it."""

from __future__ import annotations

import hashlib
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from panels.models import Panel
from panels.permissions import panel_ids_for
from reviews.findings_section import KEPT_SECONDS
from reviews.models import Evidence, Review, ServiceArea
from scrutiny.freshness import renew, versions
from scrutiny.permissions import is_staff_role

FILTERS_KEY = "reviews:filters-version"
TEMPLATE = "includes/crispy_form.html"


def filter_fields(filters: Any, request: HttpRequest) -> SafeString:
    """The filters' fields (a django-filter FilterSet's form) as HTML, from the cache when kept."""
    user = request.user
    scope = "all" if is_staff_role(user) else sorted(panel_ids_for(user))
    # The form's fields are its filters' (the form itself is made only if drawn).
    values = [(name, request.GET.getlist(name)) for name in filters.filters]
    template = get_template(TEMPLATE)
    raw = repr([type(filters).__qualname__, template.template.source, translation.get_language(), scope,
                filters.is_bound, values, timezone.localdate().year, versions(FILTERS_KEY)])
    key = "reviews:filter-fields:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = draw(filters.form)
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)


def draw(form: Any) -> SafeString:
    """The form's fields drawn afresh (reading its choices)."""
    return SafeString(get_template(TEMPLATE).render({"form": form}))


def _changed(sender: type, **kwargs: Any) -> None:
    renew(FILTERS_KEY)


def connect_signals() -> None:
    """A panel, service area, review or piece of evidence (of any kind) added, changed or removed
    may change the choices, the years or the reviews suggested."""
    evidence = [m for m in apps.get_models() if issubclass(m, Evidence)]
    models: list[type[Model]] = [Panel, ServiceArea, Review, *evidence]
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, dispatch_uid=f"reviews-filters-{model.__name__}")
