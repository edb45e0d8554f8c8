from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from accounts.models import User
from opendata import permissions, selectors
from opendata.models import Publication
from reviews.models import Evidence, Review


def section(review: Review, user: User) -> dict[str, Any] | None:
    """Publishing on the review's page (extensions.REVIEW_PAGE_SECTIONS): for the panel's chair and
    administrators only, once the panel has reported."""
    if review.stage not in selectors.COMPLETED or not permissions.can_publish(user, review):
        return None
    return {
        "template": "opendata/_review_page_section.html",
        "title": _("Publishing"),
        "publication": Publication.objects.current().filter(review=review).first(),
        "documents": list(Evidence.objects.filter(review=review, kind="document").order_by("title", "pk")),
    }
