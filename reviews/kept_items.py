"""Short lists of reviews (the home page's reviews in progress, a panel page's newest reviews),
drawn once and kept in the cache under the versions of the reviews they show.

Each item shows a review's own fields, its counts of findings and evidence, its service area's
name and perhaps its panel's: the versions of reviews/findings_section.py name exactly those,
and are renewed by their writes alone. Which reviews are listed is read afresh on each visit,
in one narrow query, so a review added, closed or moved is never missed; a finding in a review
not listed, or in another panel, leaves the list kept."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from reviews import selectors
from reviews.findings_section import KEPT_SECONDS, review_key
from reviews.models import Review
from scrutiny.freshness import versions
from scrutiny.translated import both_columns

if TYPE_CHECKING:
    from django.db.models import QuerySet

# What reviews/_review_item.html shows.
ITEM_FIELDS = ("title", "stage", "kind", "planned_start", "created_at", "panel__name",
               *(f"panel__{name}" for name in both_columns("name")), "service_area__name")


def review_items(
    reviews: QuerySet[Review], *, limit: int, level: int, show_panel: bool = False
) -> SafeString:
    """The first `limit` of `reviews` (ordered) as list items, from the cache when none of what
    they show has changed; empty when there are none."""
    rows = list(reviews.values_list("pk", "panel_id", "service_area_id")[:limit])
    if not rows:
        return SafeString("")
    ids = [pk for pk, _, _ in rows]
    names = [review_key(pk) for pk in ids]
    names += sorted({f"reviews:panel-version:{panel}" for _, panel, _ in rows} if show_panel else ())
    names += sorted({f"reviews:service-area-version:{area}" for _, _, area in rows if area})
    # Each language has its own copy: the stage, the type and the counts are in words.
    raw = f"{ids}|{level}|{show_panel}|{translation.get_language()}|{versions(*names)}"
    key = "reviews:items:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        found = selectors.with_counts(
            Review.objects.filter(pk__in=ids).select_related("panel", "service_area").only(*ITEM_FIELDS)
        )
        by_pk = {review.pk: review for review in found}
        html = "".join(
            render_to_string("reviews/_review_item.html", {"review": by_pk[pk], "level": level,
                                                            "show_panel": show_panel})
            for pk in ids if pk in by_pk
        )
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)
