from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from accounts.models import User
from reports import permissions, selectors
from reviews.models import Review


def section(review: Review, user: User) -> dict[str, Any] | None:
    """The review's report on its page (extensions.REVIEW_PAGE_SECTIONS): read it on screen, ask
    for the PDF, see how the latest PDF is coming on and download it."""
    if not permissions.can_view_review_report(user, review):
        return None
    report = selectors.latest_review_request(review_id=review.pk)
    return {
        "template": "reports/_review_page_section.html",
        "title": _("Report"),
        "report": report,
        "can_retry": report is not None and permissions.can_retry(user, report),
    }
