"""Publishing a review's report, taking it down, and marking evidence public: each a deliberate
act of the panel's chair or an administrator, noted on the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opendata import permissions, public
from opendata.models import Publication
from reviews.models import Evidence, Review
from scrutiny import audit
from scrutiny.models import AuditKind
from scrutiny.permissions import require

if TYPE_CHECKING:
    from accounts.models import User


def is_completed(review: Review) -> bool:
    """A review the panel has reported on: the landlord's response, monitoring, or closed."""
    from opendata.selectors import COMPLETED

    return review.stage in COMPLETED


@transaction.atomic
def publish(*, review: Review, by: User) -> Publication:
    """Publish a completed review's report for everyone; its PDFs are made by the worker."""
    require(permissions.can_publish(by, review), permissions.REFUSALS["publish"])
    review = Review.objects.select_for_update().get(pk=review.pk)
    if not is_completed(review):
        raise ValidationError(_("Only a review the panel has reported on can be published."))
    current = Publication.objects.current().filter(review=review).first()
    if current is not None:
        return current
    publication = Publication.objects.create(review=review, published_by=by)
    audit.record(kind=AuditKind.PUBLISHED, actor=by, detail=f"Review {review.pk}: {review.title}")
    public.changed()
    transaction.on_commit(lambda: _make_pdfs(publication.pk))
    return publication


def _make_pdfs(publication_id: int) -> None:
    from opendata import tasks

    tasks.make_pdfs.delay(publication_id)


@transaction.atomic
def unpublish(*, review: Review, by: User) -> Publication | None:
    """Take a review's report down: its page and PDF go, and it leaves the open data and feed.
    The publication is kept, with who took it down and when."""
    require(permissions.can_publish(by, review), permissions.REFUSALS["publish"])
    current = Publication.objects.select_for_update().current().filter(review=review).first()
    if current is None:
        return None
    current.unpublished_at = timezone.now()
    current.unpublished_by = by
    current.save(update_fields=["unpublished_at", "unpublished_by"])
    audit.record(kind=AuditKind.UNPUBLISHED, actor=by, detail=f"Review {review.pk}: {review.title}")
    public.changed()
    return current


@transaction.atomic
def mark_evidence(*, evidence: Evidence, by: User, public_now: bool) -> Evidence:
    """Make one piece of evidence public with the review's published report, or private again."""
    require(permissions.can_mark_evidence(by, evidence.review), permissions.REFUSALS["evidence"])
    if evidence.public != public_now:
        evidence.public = public_now
        evidence.save(update_fields=["public", "updated_at"])
        state = "public" if public_now else "private"
        audit.record(kind=AuditKind.EVIDENCE_PUBLIC, actor=by,
                     detail=f"Evidence {evidence.pk} of review {evidence.review_id} made {state}")
        public.changed()
    return evidence
