from typing import Any

from accounts.models import User
from panels.models import Panel
from reviews.kept_items import review_items
from reviews.models import Review
from reviews.permissions import can_create_review

REVIEWS_SHOWN = 10


def section(panel: Panel, user: User) -> dict[str, Any]:
    """The panel's reviews, for its page (extensions.PANEL_PAGE_SECTIONS)."""
    reviews = Review.objects.filter(panel=panel).order_by("-planned_start", "-created_at")
    count = reviews.count()
    return {
        "template": "reviews/_panel_page_section.html",
        # The newest few; the review list filtered by the panel has them all.
        "items": review_items(reviews, limit=REVIEWS_SHOWN, level=3) if count else "",
        "review_count": count,
        "more": count > REVIEWS_SHOWN,
        "can_create": can_create_review(user, panel),
    }
