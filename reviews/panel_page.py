"""The reviews section of a panel's page.

Which reviews it lists (the newest few) and how many the panel has are kept under the panel's
reviews version, renewed by any review of the panel saved or deleted (a review moved to another
panel renews both panels'); the items themselves are kept under the versions of the reviews they
show (reviews/kept_items.py). So a visit reads the cache alone, and a finding, a meeting or a
review elsewhere leaves the list kept."""

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


def section(panel: Panel, user: User) -> dict[str, Any]:
    """The panel's reviews, for its page (extensions.PANEL_PAGE_SECTIONS)."""
    kept_key = f"reviews:panel-reviews:{panel.pk}"
    drawn_under, found = versions_and(kept_key, reviews_key(panel.pk))
    if found is None or found[0] != drawn_under:
        reviews = Review.objects.filter(panel=panel).order_by("-planned_start", "-created_at")
        rows = list(reviews.values_list(*ROW)[:REVIEWS_SHOWN])
        count = reviews.count() if len(rows) == REVIEWS_SHOWN else len(rows)
        found = (drawn_under, rows, count)
        cache.set(kept_key, found, KEPT_SECONDS)
    _drawn_under, rows, count = found
    return {
        "template": "reviews/_panel_page_section.html",
        # The newest few; the review list filtered by the panel has them all.
        "items": items_for(rows, level=3),
        "review_count": count,
        "more": count > REVIEWS_SHOWN,
        "can_create": can_create_review(user, panel),
    }


def _before_save(sender: type, instance: Review, **kwargs: Any) -> None:
    if instance.pk is None:
        return
    before = Review.objects.filter(pk=instance.pk).values_list("panel_id", flat=True).first()
    if before is not None and before != instance.panel_id:
        renew(reviews_key(before))


def _review_changed(sender: type, instance: Review, **kwargs: Any) -> None:
    renew(reviews_key(instance.panel_id))


def connect_signals() -> None:
    pre_save.connect(_before_save, sender=Review, dispatch_uid="reviews-panel-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(_review_changed, sender=Review, dispatch_uid="reviews-panel-page-changed")
