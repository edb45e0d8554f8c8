"""Lists of reviews (the home page's reviews in progress, a panel page's newest reviews, a page
of the review list) and of evidence (a page of the evidence list), drawn once and kept in the
cache under the versions of the reviews they show.

Each item shows a review's own fields, its counts of findings and evidence, its service area's
name and perhaps its panel's: the versions of reviews/findings_section.py name exactly those,
and are renewed by their writes alone. Which reviews are listed is read afresh on each visit,
in one narrow query, so a review added, closed or moved is never missed; a finding in a review
not listed, or in another panel, leaves the list kept.

A piece of evidence shows its own fields (its kind's too: a figure's value), its review's title,
its panel's name and who added it: the versions of its review (which any evidence of the review
renews), of its panel and of the people."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import SafeString

from reviews import selectors
from reviews.findings_section import KEPT_SECONDS, PEOPLE_KEY, review_key
from reviews.models import Evidence, Review
from scrutiny.freshness import versions
from scrutiny.translated import both_columns

if TYPE_CHECKING:
    from django.db.models import QuerySet

# What a list reads of each review it shows: the versions of these are the kept items' key.
ROW = ("pk", "panel_id", "service_area_id")
# What the evidence list reads of each piece it shows.
EVIDENCE_ROW = ("pk", "review_id", "review__panel_id")
# What reviews/_review_item.html shows.
ITEM_FIELDS = ("title", "stage", "kind", "planned_start", "created_at", "panel__name",
               *(f"panel__{name}" for name in both_columns("name")), "service_area__name")


def review_items(
    reviews: QuerySet[Review], *, limit: int, level: int, show_panel: bool = False
) -> SafeString:
    """The first `limit` of `reviews` (ordered) as list items, from the cache when none of what
    they show has changed; empty when there are none."""
    return items_for(list(reviews.values_list(*ROW)[:limit]), level=level, show_panel=show_panel)


def items_for(rows: list[tuple[int, int, int | None]], *, level: int, show_panel: bool = False) -> SafeString:
    """The reviews of `rows` (each `ROW` of a review, in order) as list items, from the cache
    when none of what they show has changed; empty when there are none."""
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
        template = get_template("reviews/_review_item.html")
        html = "".join(
            template.render({"review": by_pk[pk], "level": level, "show_panel": show_panel})
            for pk in ids if pk in by_pk
        )
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)


def evidence_items(rows: list[tuple[int, int, int]]) -> SafeString:
    """The evidence of `rows` (each `EVIDENCE_ROW` of a piece, in order) as list items, from the
    cache when none of what they show has changed; empty when there are none."""
    if not rows:
        return SafeString("")
    ids = [pk for pk, _, _ in rows]
    names = sorted({review_key(review) for _, review, _ in rows})
    names += sorted({f"reviews:panel-version:{panel}" for _, _, panel in rows}) + [PEOPLE_KEY]
    # Each language has its own copy: the kind and the dates are in words.
    raw = f"{ids}|{translation.get_language()}|{versions(*names)}"
    key = "reviews:evidence-items:" + hashlib.sha256(raw.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        found = Evidence.objects.filter(pk__in=ids).select_related(
            "review", "review__panel", "added_by", "figure"
        )
        by_pk = {item.pk: item for item in found}
        template = get_template("reviews/_evidence_item.html")
        html = "".join(template.render({"item": by_pk[pk]}) for pk in ids if pk in by_pk)
        cache.set(key, html, KEPT_SECONDS)
    return SafeString(html)
