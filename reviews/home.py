from typing import Any

from accounts.models import User
from reviews.kept_items import review_items
from reviews.selectors import reviews_in_progress_for

REVIEWS_SHOWN = 10


def section(user: User) -> dict[str, Any] | None:
    """Reviews in progress in the person's panels (or that they lead or support), or None."""
    items = review_items(reviews_in_progress_for(user), limit=REVIEWS_SHOWN, level=3, show_panel=True)
    if not items:
        return None
    return {"template": "reviews/_home.html", "items": items}
