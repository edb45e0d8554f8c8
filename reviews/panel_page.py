from typing import Any

from accounts.models import User
from panels.models import Panel
from reviews import selectors
from reviews.permissions import can_create_review

REVIEWS_SHOWN = 10


def section(panel: Panel, user: User) -> dict[str, Any]:
    """The panel's reviews, for its page (extensions.PANEL_PAGE_SECTIONS)."""
    reviews = selectors.reviews_for_panel(panel).order_by("-planned_start", "-created_at")
    return {
        "template": "reviews/_panel_page_section.html",
        # The newest few; the review list filtered by the panel has them all.
        "reviews": list(reviews[:REVIEWS_SHOWN]),
        "review_count": reviews.count(),
        "can_create": can_create_review(user, panel),
    }
