"""Publishing on the review's page (extensions.REVIEW_PAGE_SECTIONS).

What it shows (whether and since when the report is public, and the review's evidence files,
each public or private) is the same for everyone who may publish, so it is kept in the cache
under the review's version, which every write to its evidence renews
(reviews/findings_section.py), and the review's publications' version, which every write to
one of them renews. A write to another review's leaves it kept. Who may publish is worked out
on each visit, and the forms (with their tokens) are drawn on each visit from the kept data."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from accounts.models import User
from opendata import permissions, selectors
from opendata.models import Publication
from reviews.findings_section import review_key
from reviews.models import Evidence, Review
from scrutiny import freshness

KEPT_SECONDS = 60 * 60


def version_key(review_id: int) -> str:
    return f"opendata:review-publications-version:{review_id}"


def _publishing(review_id: int) -> dict[str, Any]:
    publication = (Publication.objects.current().filter(review_id=review_id)
                   .values("published_at").order_by().first())
    documents = list(Evidence.objects.filter(review_id=review_id, kind="document")
                     .order_by("title", "pk").values("pk", "title", "public"))
    return {"publication": publication, "documents": documents}


def publishing(review_id: int) -> dict[str, Any]:
    """The review's current publication (its date) and evidence files, from the cache when kept."""
    digest = freshness.digest(review_key(review_id), version_key(review_id))
    key = f"opendata:review-publishing:{review_id}:{digest}"
    kept = cache.get(key)
    if kept is None:
        kept = _publishing(review_id)
        cache.set(key, kept, KEPT_SECONDS)
    return kept


def section(review: Review, user: User) -> dict[str, Any] | None:
    """Publishing on the review's page: for the panel's chair and administrators only, once the
    panel has reported."""
    if review.stage not in selectors.COMPLETED or not permissions.can_publish(user, review):
        return None
    return {"template": "opendata/_review_page_section.html", "title": _("Publishing"),
            **publishing(review.pk)}


def _publication_changed(sender: type, instance: Publication, **kwargs: Any) -> None:
    freshness.renew(version_key(instance.review_id))


def connect() -> None:
    """Listen to writes of publications (called once, from the app's ready())."""
    post_save.connect(_publication_changed, sender=Publication, dispatch_uid="opendata-review-page-saved")
    post_delete.connect(_publication_changed, sender=Publication, dispatch_uid="opendata-review-page-deleted")
