"""The review's report on its page (extensions.REVIEW_PAGE_SECTIONS).

The newest request for the review's PDF is kept in the cache under a version of the review's
report requests, renewed by every write to one of them: a request saved or deleted (its
signals) and the services' bulk writes (`forget`), the worker's status changes included, so a
queued, running, failed or done PDF shows on the very next visit. A request for another review
leaves it kept. What the person may do with it (try again) is worked out on each visit."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from accounts.models import User
from reports import permissions, selectors
from reports.models import Kind, ReportRequest, Status
from reviews.models import Review
from scrutiny import freshness

KEPT_SECONDS = 60 * 60


def version_key(review_id: Any) -> str:
    return f"reports:review-report-version:{review_id}"


def forget(*review_ids: Any) -> None:
    """The review's report requests changed: their kept newest request is out of date."""
    freshness.renew(*(version_key(pk) for pk in set(review_ids)))


def latest_request(review_id: int) -> ReportRequest | None:
    """The newest request for the review's PDF, from the cache when kept."""
    key = f"reports:review-report:{review_id}:{freshness.digest(version_key(review_id))}"
    kept = cache.get(key)  # a tuple, so that "no request yet" is kept too
    if kept is None:
        kept = (selectors.latest_review_request(review_id=review_id),)
        cache.set(key, kept, KEPT_SECONDS)
    return kept[0]


def section(review: Review, user: User) -> dict[str, Any] | None:
    """The review's report on its page: read it on screen, ask for the PDF, see how the latest
    PDF is coming on and download it."""
    if not permissions.can_view_review_report(user, review):
        return None
    report = latest_request(review.pk)
    # Only a failed request is tried again: asking who may, for the others, is a query for nothing.
    can_retry = report is not None and report.status == Status.FAILED and permissions.can_retry(user, report)
    return {
        "template": "reports/_review_page_section.html",
        "title": _("Report"),
        "report": report,
        "can_retry": can_retry,
    }


def _request_changed(sender: type, instance: ReportRequest, **kwargs: Any) -> None:
    if instance.kind == Kind.REVIEW:
        forget(instance.parameters.get("review"))


def connect() -> None:
    """Listen to writes of review report requests (called once, from the app's ready())."""
    post_save.connect(_request_changed, sender=ReportRequest, dispatch_uid="reports-review-page-saved")
    post_delete.connect(_request_changed, sender=ReportRequest, dispatch_uid="reports-review-page-deleted")
