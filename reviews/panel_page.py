"""The reviews section of a panel's page, and which reviews home lists as in progress.

Which reviews it lists (the newest few) and how many the panel has are kept under the panel's
reviews version, renewed by any review of the panel saved or deleted (a review moved to another
panel renews both panels'). Home's list is kept under the versions of the person's panels and
their own reviews version, renewed by any review they lead or support (or did, before a save).
The items themselves are kept under the versions of the reviews they
show (reviews/kept_items.py). So a visit reads the cache alone, and a finding, a meeting or a
review elsewhere leaves the list kept."""

from collections.abc import Callable, Mapping
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save

from accounts.models import User
from panels.models import Panel
from reviews.findings_section import KEPT_SECONDS
from reviews.kept_items import ROW, items_for
from reviews.models import Review
from reviews.permissions import can_create_review
from scrutiny.freshness import renew, versions_and

REVIEWS_SHOWN = 10


def reviews_key(panel_id: int | None) -> str:
    return f"reviews:panel-reviews-version:{panel_id}"


def person_key(user_id: int | None) -> str:
    return f"reviews:person-reviews-version:{user_id}"


def kept_rows(name: str, keys: list[str], draw: Callable[[], Any]) -> Any:
    """What `draw()` gives, kept under `name` with the versions under `keys` it was drawn under,
    read with them in one cache call."""
    drawn_under, found = versions_and(name, *keys)
    if found is None or found[0] != drawn_under:
        found = (drawn_under, draw())
        cache.set(name, found, KEPT_SECONDS)
    return found[1]


def section(panel: Panel, user: User) -> dict[str, Any]:
    """The panel's reviews, for its page (extensions.PANEL_PAGE_SECTIONS)."""
    def draw() -> tuple[list[tuple[int, int, int | None]], int]:
        reviews = Review.objects.filter(panel=panel).order_by("-planned_start", "-created_at")
        rows = list(reviews.values_list(*ROW)[:REVIEWS_SHOWN])
        return rows, reviews.count() if len(rows) == REVIEWS_SHOWN else len(rows)

    rows, count = kept_rows(f"reviews:panel-reviews:{panel.pk}", [reviews_key(panel.pk)], draw)
    return {
        "template": "reviews/_panel_page_section.html",
        # The newest few; the review list filtered by the panel has them all.
        "items": items_for(rows, level=3),
        "review_count": count,
        "more": count > REVIEWS_SHOWN,
        "can_create": can_create_review(user, panel),
    }


def _people(review: Mapping[str, Any]) -> list[int]:
    return [pk for pk in (review["lead_member_id"], review["supporting_officer_id"]) if pk]


def _before_save(sender: type, instance: Review, **kwargs: Any) -> None:
    if instance.pk is None:
        return
    before = Review.objects.filter(pk=instance.pk).values(
        "panel_id", "lead_member_id", "supporting_officer_id"
    ).first()
    if before is not None:
        renew(reviews_key(before["panel_id"]), *(person_key(pk) for pk in _people(before)))


def _review_changed(sender: type, instance: Review, **kwargs: Any) -> None:
    people = _people({"lead_member_id": instance.lead_member_id,
                      "supporting_officer_id": instance.supporting_officer_id})
    renew(reviews_key(instance.panel_id), *(person_key(pk) for pk in people))


def connect_signals() -> None:
    pre_save.connect(_before_save, sender=Review, dispatch_uid="reviews-panel-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(_review_changed, sender=Review, dispatch_uid="reviews-panel-page-changed")
