"""The tracker's rows, drawn once and kept in the cache under the versions of what they show.

A page of the tracker lists 25 recommendations, and drawing their rows is about 40 % of the
page. Each row shows the recommendation, its review's title, its panel's name, its owner's name
and whether it is overdue today: the panel's recommendations version (recommendations/signals.py,
renewed by a recommendation, a response, an action, a review or an owner's name of the panel),
the panel's name version (reviews/findings_section.py), today's date and the page's language
name all of it. Which
recommendations are on the page is kept under the versions of every panel the listing is drawn
from (a new recommendation, or one changed in any of them, lists afresh), with the filters, the
sort and the page's number; a change in another panel leaves the rows kept."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from recommendations.selectors import panel_key
from scrutiny.freshness import versions

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from recommendations.models import Recommendation

KEPT_SECONDS = 60 * 60


def _page_ids(page: Page, listing: Callable[[], QuerySet[Recommendation]], kept_under: str) -> list:
    """The page's (id, panel id) pairs, kept under the listing's versions and the page's number."""
    key = "recommendations:tracker-ids:" + hashlib.sha256(f"{kept_under}|{page.number}".encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        start = (page.number - 1) * page.paginator.per_page
        found = list(listing().values_list("pk", "review__panel_id")[start:start + page.paginator.per_page])
        cache.set(key, found, KEPT_SECONDS)
    return found


def tracker_page(
    listing: Callable[[], QuerySet[Recommendation]], number: Any, per_page: int, *,
    count: int, kept_under: str,
) -> tuple[Page, SafeString]:
    """One page of the tracker and its rows' HTML. `listing` gives the filtered, sorted
    recommendations, `count` is how many there are and `kept_under` the versions of what the
    listing is drawn from, with its filters and sort (recommendations.selectors.tracker_versions):
    the page's ids (and their panels) are read by a narrow query that only sorts, as
    scrutiny/paging.py does, when they are not kept under it; the rows whole, and drawn, only
    when they are not kept."""
    paginator: Paginator[Any] = Paginator([], per_page)
    paginator.count = count  # counted with the tracker's figures, under the same versions
    page = paginator.get_page(number)
    found = _page_ids(page, listing, kept_under)
    ids = [pk for pk, _ in found]
    page.object_list = ids
    if not ids:
        return page, SafeString("")
    panels = sorted({panel for _, panel in found})
    names = [panel_key(p) for p in panels] + [f"reviews:panel-version:{p}" for p in panels]
    raw = f"{ids}|{timezone.localdate()}|{translation.get_language()}|{versions(*names)}"
    key = "recommendations:tracker-rows:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        rows = {row.pk: row for row in listing().order_by().filter(pk__in=ids)}
        html = render_to_string("recommendations/_tracker_rows.html",
                                {"rows": [rows[pk] for pk in ids if pk in rows]})
        cache.set(key, html, KEPT_SECONDS)
    return page, SafeString(html)
